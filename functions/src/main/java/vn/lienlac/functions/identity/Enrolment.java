package vn.lienlac.functions.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period of a pupil in one class: the pupil's history across classes and years, so that the
 * records of an old class (its attendance registers, the gradebooks of that year) stay readable
 * after a move. {@code from} and {@code to} are inclusive school dates; {@code to} is null while
 * the period is open; both are null for a pupil enrolled before periods were recorded (the current
 * class, for its whole school year).
 */
public record Enrolment(String schoolId, String studentId, String classId, String schoolYear, LocalDate from,
    LocalDate to) {

  public Enrolment {
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(classId, "classId");
    Objects.requireNonNull(schoolYear, "schoolYear");
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("An enrolment period cannot end before it starts: " + from + ".." + to);
    }
  }

  /** Whether the pupil was in the class on {@code date} (an open or undated period covers every later date). */
  public boolean covers(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
