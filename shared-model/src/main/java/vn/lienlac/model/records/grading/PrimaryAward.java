package vn.lienlac.model.records.grading;

/**
 * A primary pupil's year award (Circular 27/2020, Article 13); a pupil gets at most one. Display
 * names: {@code primaryAward.<name>}.
 */
public enum PrimaryAward {
  /** Học sinh Xuất sắc: for a pupil evaluated Hoàn thành xuất sắc. */
  XUAT_SAC,
  /**
   * Học sinh Tiêu biểu (hoàn thành tốt trong học tập và rèn luyện): a pupil evaluated Hoàn thành tốt
   * whom the teacher nominates with a reason ({@link Nomination}).
   */
  TIEU_BIEU
}
