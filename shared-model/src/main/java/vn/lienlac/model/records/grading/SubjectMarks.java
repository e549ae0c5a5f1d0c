package vn.lienlac.model.records.grading;

import java.util.List;

/**
 * One pupil's marks for one subject in one term, as entered. Scored subjects use {@code regular}
 * (TX), {@code midterm} (GK) and {@code finalExam} (CK), with {@code rating} null; comment-only
 * subjects use {@code rating} (the teacher's term conclusion) with no scores. Any part may be
 * missing: partial entry is normal mid-term. Whether the marks fit a subject is
 * {@link GradingRules#validate}'s business, not this record's.
 */
public record SubjectMarks(List<Score> regular, Score midterm, Score finalExam, Rating rating) {

  public SubjectMarks {
    regular = regular == null ? List.of() : List.copyOf(regular);
  }

  public static SubjectMarks scored(List<Score> regular, Score midterm, Score finalExam) {
    return new SubjectMarks(regular, midterm, finalExam, null);
  }

  public static SubjectMarks commented(Rating rating) {
    return new SubjectMarks(List.of(), null, null, rating);
  }

  /** Nothing entered yet. */
  public static SubjectMarks empty() {
    return new SubjectMarks(List.of(), null, null, null);
  }
}
