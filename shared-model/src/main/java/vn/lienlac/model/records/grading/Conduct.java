package vn.lienlac.model.records.grading;

/**
 * Kết quả rèn luyện (Circular 22/2021, Article 8): Tốt / Khá / Đạt / Chưa đạt, best first.
 * Display names: {@code conduct.<name>}. (Placeholder until the rules branch lands.)
 */
public enum Conduct {
  TOT,
  KHA,
  DAT,
  CHUA_DAT
}
