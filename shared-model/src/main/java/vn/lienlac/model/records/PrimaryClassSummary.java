package vn.lienlac.model.records;

import java.util.List;
import vn.lienlac.model.records.grading.PrimaryAward;
import vn.lienlac.model.records.grading.YearEvaluation;

/**
 * The primary (Circular 27/2020) part of a {@link ClassYearSummary}: per pupil in roster order the
 * end-of-year evaluation (null until everything it needs is entered) and award, and how many pupils
 * reached each evaluation and award.
 */
public record PrimaryClassSummary(List<Row> rows, EvaluationCounts evaluations, AwardCounts awards) {

  /** One pupil's year; {@code complete} once all four points are entered (their year report's {@code complete}). */
  public record Row(String studentId, String fullName, YearEvaluation evaluation, String evaluationName,
      PrimaryAward award, String awardName, String awardReason, boolean complete) {}

  /** Pupils per end-of-year evaluation (Article 9.2), and those whose evaluation is not known yet. */
  public record EvaluationCounts(int hoanThanhXuatSac, int hoanThanhTot, int hoanThanh, int chuaHoanThanh,
      int pending) {}

  /** Pupils per award (Article 13). */
  public record AwardCounts(int xuatSac, int tieuBieu) {}
}
