package vn.lienlac.model.records.grading;

import java.util.Objects;

/** How one subject is taught and assessed in a class for a school year. */
public record SubjectPlan(String subject, AssessmentKind kind, int periodsPerYear) {

  public SubjectPlan {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A subject plan needs a subject code");
    }
    Objects.requireNonNull(kind, "kind");
    if (periodsPerYear <= 0) {
      throw new IllegalArgumentException("Periods per year must be positive, not " + periodsPerYear + " (" + subject + ")");
    }
  }
}
