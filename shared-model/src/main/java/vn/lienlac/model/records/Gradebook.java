package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.util.List;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;

/**
 * {@code GET|PUT /v1/classes/{classId}/gradebook/{subject}/{term}}: one subject's marks for a
 * whole class in one term, one row per pupil in roster order. {@code version} is what a later
 * update names to say which state it was made from. A comment-only subject has
 * {@code requiredRegularRatingCount} regular assessments a term (the school's grading settings).
 */
public record Gradebook(String classId, String className, String subject, String subjectName, String term,
    AssessmentKind kind, int requiredRegularCount, int requiredRegularRatingCount, List<Entry> rows) {

  /**
   * One pupil's marks. A comment-only subject shows its assessments' ratings and {@code rating},
   * the term rating derived from them (Circular 22/2021, Article 9.1.a; null until every assessment
   * is rated); a scored subject its scores and {@code average} (null until complete).
   */
  public record Entry(String studentId, String fullName, List<BigDecimal> regular, BigDecimal midterm,
      BigDecimal finalExam, List<Rating> regularRatings, Rating midtermRating, Rating finalRating, Rating rating,
      BigDecimal average, Long version) {}

  /**
   * The PUT body: the rows to set. A row replaces that pupil's marks for the subject and term
   * (an empty row clears them); pupils without a row keep theirs. All rows are written, or none.
   */
  public record Update(List<Row> rows) {}

  /**
   * One pupil's marks. Scored subjects: {@code regular} (TX), {@code midterm} (GK), {@code finalExam}
   * (CK); comment-only subjects: the Đạt / Chưa đạt rating of each assessment, {@code regularRatings},
   * {@code midtermRating}, {@code finalRating}. {@code rating} (a term rating entered directly) is
   * refused: the term rating is derived. {@code version}, when given, must match the stored row
   * (otherwise 409: someone changed it since it was loaded).
   */
  public record Row(String studentId, List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam,
      List<Rating> regularRatings, Rating midtermRating, Rating finalRating, Rating rating, Long version) {

    /** A row of scores (a scored subject), or, for callers written before the assessments, a rating. */
    public Row(String studentId, List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam, Rating rating,
        Long version) {
      this(studentId, regular, midterm, finalExam, null, null, null, rating, version);
    }

    /** A comment-only subject's assessments. */
    public static Row commented(String studentId, List<Rating> regularRatings, Rating midtermRating,
        Rating finalRating, Long version) {
      return new Row(studentId, null, null, null, regularRatings, midtermRating, finalRating, null, version);
    }
  }
}
