package vn.lienlac.model.records;

import java.util.List;
import vn.lienlac.model.records.grading.Award;
import vn.lienlac.model.records.grading.Conduct;
import vn.lienlac.model.records.grading.PromotionOutcome;
import vn.lienlac.model.records.grading.ResultLevel;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * {@code GET /v1/classes/{classId}/year-summary/{schoolYear}}: the homeroom teacher's summary of
 * the class's school year, one row per pupil in roster order. The school's level picks the part
 * present: {@code secondary} (Circular 22/2021) or {@code primary} (Circular 27/2020); the other is
 * null. {@code complete} is true once every pupil's year is final.
 */
public record ClassYearSummary(String classId, String className, int grade, String schoolYear,
    SchoolLevel schoolLevel, String rules, Secondary secondary, PrimaryClassSummary primary, boolean complete) {

  /** The secondary part: per pupil the year's results, and how many pupils reached each. */
  public record Secondary(List<Row> rows, LevelCounts levels, LevelCounts conduct, PromotionCounts promotion,
      AwardCounts awards) {}

  /** One pupil's year; a part still being entered is null ({@code complete} false). */
  public record Row(String studentId, String fullName, ResultLevel yearLevel, String yearLevelName,
      String raisedBecauseOf, Conduct yearConduct, String yearConductName, int absentSessions,
      PromotionOutcome promotion, String promotionName, Award award, String awardName, boolean complete) {}

  /** Pupils per level (Tốt / Khá / Đạt / Chưa đạt), and those whose level is not final yet. */
  public record LevelCounts(int tot, int kha, int dat, int chuaDat, int pending) {}

  /** Pupils per end-of-year decision, and those not decided yet. */
  public record PromotionCounts(int promoted, int summerRetest, int summerConductTraining, int summerBoth,
      int keptBack, int pending) {}

  /** Pupils per award. */
  public record AwardCounts(int xuatSac, int gioi) {}
}
