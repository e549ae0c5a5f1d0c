package vn.lienlac.model.records.grading;

/**
 * A secondary pupil's year award (Circular 22/2021, Article 15): Học sinh Xuất sắc or Học sinh
 * Giỏi; a pupil gets at most one. Display names: {@code award.<name>}.
 */
public enum Award {
  /** Học sinh Xuất sắc: conduct Tốt, learning Tốt, and at least 6 subjects with a year average of 9.0 or more. */
  XUAT_SAC,
  /** Học sinh Giỏi: conduct Tốt and learning Tốt, but not Xuất sắc. */
  GIOI
}
