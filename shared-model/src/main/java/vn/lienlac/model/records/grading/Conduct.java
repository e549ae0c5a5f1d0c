package vn.lienlac.model.records.grading;

/**
 * A pupil's conduct result (kết quả rèn luyện, Circular 22/2021, Article 8) for a term or the year:
 * Tốt / Khá / Đạt / Chưa đạt, best first. The homeroom teacher enters the terms' conduct; the
 * year's is derived ({@link GradingRules#yearConduct}). Display names: {@code conduct.<name>}.
 */
public enum Conduct {
  TOT,
  KHA,
  DAT,
  CHUA_DAT;

  /** Whether this is {@code other} or better. */
  public boolean atLeast(Conduct other) {
    return ordinal() <= other.ordinal();
  }
}
