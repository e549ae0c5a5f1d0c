package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;

/**
 * {@code GET /v1/students/{id}/grades?term=}: a pupil's term report. {@code level} is the term
 * result level, present only once every subject is complete; when Article 9.3 of Circular 22
 * raised it, {@code levelRaisedBecauseOf} names the one subject that alone held it back and
 * {@code levelNote} says so. A primary pupil's report (rules {@code TT27/2020}) has no Circular 22
 * subjects and no level: its term is in {@code primary} (null for secondary pupils).
 */
public record GradeReport(String studentId, String studentName, String classId, String className, String term,
    String rules, List<SubjectGrade> subjects, ResultLevel level, String levelName, String levelRaisedBecauseOf,
    String levelNote, PrimaryTermReport primary) {

  /**
   * One subject's marks and outcome. Scores are exact decimals with one digit after the point. A
   * comment-only subject shows its assessments' ratings, and {@code rating}, the term rating
   * derived from them (null until every assessment is rated).
   */
  public record SubjectGrade(String subject, String subjectName, AssessmentKind kind, int requiredRegularCount,
      List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam, BigDecimal average,
      List<Rating> regularRatings, Rating midtermRating, Rating finalRating, Rating rating,
      OffsetDateTime updatedAt) {}
}
