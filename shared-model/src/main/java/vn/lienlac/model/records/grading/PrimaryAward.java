package vn.lienlac.model.records.grading;

/**
 * A primary pupil's year award (Circular 27/2020, Article 13); a pupil gets at most one. Display
 * names: {@code primaryAward.<name>}.
 */
public enum PrimaryAward {
  /** Học sinh Xuất sắc: for a pupil evaluated Hoàn thành xuất sắc. */
  XUAT_SAC,
  /** Học sinh Tiêu biểu: nominated by the teacher with a reason ({@link Nomination}). */
  TIEU_BIEU
}
