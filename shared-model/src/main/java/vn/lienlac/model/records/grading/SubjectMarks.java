package vn.lienlac.model.records.grading;

import java.util.List;

/**
 * One pupil's marks for one subject in one term, as entered. Scored subjects use {@code regular}
 * (TX scores), {@code midterm} (GK) and {@code finalExam} (CK); comment-only subjects (Circular
 * 22/2021, Article 5.3.a) use the Đạt / Chưa đạt ratings of the same assessments:
 * {@code regularRatings}, {@code midtermRating} and {@code finalRating}. The term rating of a
 * comment-only subject is not entered but derived ({@link GradingRules#termOutcome}, Article
 * 9.1.a). Any part may be missing: partial entry is normal mid-term. Whether the marks fit a
 * subject is {@link GradingRules#validate}'s business, not this record's.
 */
public record SubjectMarks(List<Score> regular, Score midterm, Score finalExam,
    List<Rating> regularRatings, Rating midtermRating, Rating finalRating) {

  /** Null lists read as none; lists are copied (no null elements). */
  public SubjectMarks {
    regular = regular == null ? List.of() : List.copyOf(regular);
    regularRatings = regularRatings == null ? List.of() : List.copyOf(regularRatings);
  }

  public static SubjectMarks scored(List<Score> regular, Score midterm, Score finalExam) {
    return new SubjectMarks(regular, midterm, finalExam, null, null, null);
  }

  public static SubjectMarks commented(List<Rating> regularRatings, Rating midtermRating, Rating finalRating) {
    return new SubjectMarks(null, null, null, regularRatings, midtermRating, finalRating);
  }

  /** Nothing entered yet. */
  public static SubjectMarks empty() {
    return new SubjectMarks(null, null, null, null, null, null);
  }

  /** Whether any rating (regular, mid-term or end-of-term) is entered. */
  public boolean hasRatings() {
    return !regularRatings.isEmpty() || midtermRating != null || finalRating != null;
  }

  /** Whether any score (regular, mid-term or end-of-term) is entered. */
  public boolean hasScores() {
    return !regular.isEmpty() || midterm != null || finalExam != null;
  }
}
