package vn.lienlac.model.records.grading;

/**
 * A pupil's term or year result level (Circular 22/2021, Article 9.2): Tốt / Khá / Đạt / Chưa đạt,
 * best first. Display names: {@code level.<name>}.
 */
public enum ResultLevel {
  TOT,
  KHA,
  DAT,
  CHUA_DAT
}
