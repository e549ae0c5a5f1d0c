package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.util.List;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;

/**
 * {@code GET|PUT /v1/classes/{classId}/gradebook/{subject}/{term}}: one subject's marks for a
 * whole class in one term, one row per pupil in roster order. {@code version} is what a later
 * update names to say which state it was made from.
 */
public record Gradebook(String classId, String className, String subject, String subjectName, String term,
    AssessmentKind kind, int requiredRegularCount, List<Entry> rows) {

  public record Entry(String studentId, String fullName, List<BigDecimal> regular, BigDecimal midterm,
      BigDecimal finalExam, Rating rating, BigDecimal average, Long version) {}

  /**
   * The PUT body: the rows to set. A row replaces that pupil's marks for the subject and term
   * (an empty row clears them); pupils without a row keep theirs. All rows are written, or none.
   */
  public record Update(List<Row> rows) {}

  /**
   * One pupil's marks. Scored subjects: {@code regular} (TX), {@code midterm} (GK), {@code finalExam}
   * (CK); comment-only subjects: {@code rating}. {@code version}, when given, must match the stored
   * row (otherwise 409: someone changed it since it was loaded).
   */
  public record Row(String studentId, List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam,
      Rating rating, Long version) {}
}
