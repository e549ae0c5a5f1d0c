package vn.lienlac.model.records.grading;

import java.util.Objects;

/**
 * A subject's term (or year) outcome: {@code average} for a scored subject, null until its marks
 * are complete; {@code rating} for a comment-only subject, null until entered. The other one is
 * always null.
 */
public record SubjectOutcome(String subject, AssessmentKind kind, Score average, Rating rating) {

  public SubjectOutcome {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    if (kind == AssessmentKind.SCORED && rating != null) {
      throw new IllegalArgumentException("A scored subject has no rating: " + subject);
    }
    if (kind == AssessmentKind.COMMENTED && average != null) {
      throw new IllegalArgumentException("A comment-only subject has no average: " + subject);
    }
  }

  /** Whether the outcome is known: the average is computed, or the rating is entered. */
  public boolean complete() {
    return kind == AssessmentKind.SCORED ? average != null : rating != null;
  }
}
