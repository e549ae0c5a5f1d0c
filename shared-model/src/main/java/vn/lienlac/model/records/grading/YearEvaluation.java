package vn.lienlac.model.records.grading;

/**
 * A primary pupil's end-of-year evaluation (Circular 27/2020, Article 9.2), best first. Display
 * names: {@code yearEvaluation.<name>}.
 */
public enum YearEvaluation {
  /** Hoàn thành xuất sắc: every subject Hoàn thành tốt, every quality and competency Tốt, every end-of-year test 9 or more. */
  HOAN_THANH_XUAT_SAC,
  /** Hoàn thành tốt: the same with every end-of-year test 7 or more. */
  HOAN_THANH_TOT,
  /**
   * Hoàn thành: every subject at least Hoàn thành, every quality and competency at least Đạt, every
   * end-of-year test at least {@link GradingSettings#primaryCompletedMinTest()}.
   */
  HOAN_THANH,
  /** Chưa hoàn thành: anything less. */
  CHUA_HOAN_THANH
}
