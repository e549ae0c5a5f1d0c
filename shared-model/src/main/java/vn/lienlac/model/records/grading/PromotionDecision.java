package vn.lienlac.model.records.grading;

import java.util.List;
import java.util.Objects;

/**
 * The end-of-year decision for a secondary pupil (Circular 22/2021, Articles 12–14).
 *
 * @param outcome what happens next
 * @param reasons why the pupil is not simply promoted, in {@link PromotionReason} order; empty
 *     when promoted
 * @param retestSubjects for {@link PromotionOutcome#SUMMER_RETEST} and
 *     {@link PromotionOutcome#SUMMER_BOTH}: the codes of the subjects to retest (year average below
 *     5.0, or rated Chưa đạt), in the order of the year outcomes given; empty otherwise
 */
public record PromotionDecision(PromotionOutcome outcome, List<PromotionReason> reasons, List<String> retestSubjects) {

  public PromotionDecision {
    Objects.requireNonNull(outcome, "outcome");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    retestSubjects = retestSubjects == null ? List.of() : List.copyOf(retestSubjects);
  }

  /** Whether the pupil moves up to the next grade now, without anything in the summer. */
  public boolean promoted() {
    return outcome == PromotionOutcome.PROMOTED;
  }
}
