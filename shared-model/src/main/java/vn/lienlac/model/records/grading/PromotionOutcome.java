package vn.lienlac.model.records.grading;

/**
 * What the end of a secondary school year decides for a pupil (Circular 22/2021, Articles 12–14).
 * Display names: {@code promotion.<name>}.
 */
public enum PromotionOutcome {
  /** Lên lớp: conduct and learning Đạt or better, at most 45 sessions absent (Article 12.1). */
  PROMOTED,
  /** Learning Chưa đạt: summer retest (kiểm tra lại) of the subjects below 5.0 or Chưa đạt (Article 13). */
  SUMMER_RETEST,
  /** Conduct Chưa đạt: summer conduct training (rèn luyện trong hè) (Article 14). */
  SUMMER_CONDUCT_TRAINING,
  /** Both a summer retest and summer conduct training. */
  SUMMER_BOTH,
  /** Không được lên lớp: more than 45 sessions absent in the year, whatever the rest (Article 12.2.a). */
  KEPT_BACK
}
