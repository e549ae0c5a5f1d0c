package vn.lienlac.model.records.grading;

/**
 * How a primary pupil shows a quality or competency ({@link PrimaryQualities}) at a
 * {@link PrimaryPoint} (Circular 27/2020, Article 7): Tốt / Đạt / Cần cố gắng, best first. Display
 * names: {@code qualityRating.<name>}.
 */
public enum QualityRating {
  TOT,
  DAT,
  CAN_CO_GANG;

  /** Whether this is {@code other} or better. */
  public boolean atLeast(QualityRating other) {
    return ordinal() <= other.ordinal();
  }
}
