package vn.lienlac.model.records.grading;

/**
 * How well a primary pupil completed a subject or activity at a {@link PrimaryPoint} (Circular
 * 27/2020, Article 7): Hoàn thành tốt / Hoàn thành / Chưa hoàn thành, best first. Display names:
 * {@code completion.<name>}.
 */
public enum Completion {
  HOAN_THANH_TOT,
  HOAN_THANH,
  CHUA_HOAN_THANH;

  /** Whether this is {@code other} or better. */
  public boolean atLeast(Completion other) {
    return ordinal() <= other.ordinal();
  }
}
