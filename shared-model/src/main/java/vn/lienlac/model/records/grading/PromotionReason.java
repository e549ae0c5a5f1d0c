package vn.lienlac.model.records.grading;

/** Why a pupil is not simply promoted. Display names: {@code promotionReason.<name>}. */
public enum PromotionReason {
  /** More than 45 sessions (buổi) absent in the year (Circular 22/2021, Article 12.2.a). */
  ABSENT_TOO_MUCH,
  /** The year's learning result is Chưa đạt (Article 12.1.b). */
  LEARNING_NOT_PASSED,
  /** The year's conduct result is Chưa đạt (Article 12.1.a). */
  CONDUCT_NOT_PASSED
}
