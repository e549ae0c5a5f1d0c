package vn.lienlac.model.records;

import java.util.List;
import java.util.Map;
import vn.lienlac.model.records.grading.PrimaryAward;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.YearEvaluation;

/**
 * The primary (Circular 27/2020) part of a {@link YearReport}: every subject and every quality and
 * competency at the year's four points (as in {@link PrimaryTermReport}), the teacher's comments on
 * the qualities by point, the end-of-year evaluation (Article 9.2; null until everything it needs
 * is entered, see {@link YearReport#pending()}) and the awards (Article 13).
 */
public record PrimaryYearReport(List<PrimaryPoint> points, List<PrimaryTermReport.Subject> subjects,
    List<PrimaryTermReport.QualityMarks> qualities, Map<PrimaryPoint, String> qualityComments,
    YearEvaluation evaluation, String evaluationName, List<Award> awards) {

  /** An award: Học sinh Xuất sắc, or Học sinh Tiêu biểu with the teacher's reason. */
  public record Award(PrimaryAward award, String name, String reason) {}
}
