package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;

/**
 * {@code GET /v1/students/{id}/grades?term=}: a pupil's term report. {@code level} is the term
 * result level, present only once every subject is complete. A primary pupil's report (rules
 * {@code TT27/2020}) has no Circular 22 subjects and no level: its term is in {@code primary}
 * (null for secondary pupils).
 */
public record GradeReport(String studentId, String studentName, String classId, String className, String term,
    String rules, List<SubjectGrade> subjects, ResultLevel level, String levelName, PrimaryTermReport primary) {

  /** One subject's marks and outcome. Scores are exact decimals with one digit after the point. */
  public record SubjectGrade(String subject, String subjectName, AssessmentKind kind, int requiredRegularCount,
      List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam, BigDecimal average, Rating rating,
      OffsetDateTime updatedAt) {}
}
