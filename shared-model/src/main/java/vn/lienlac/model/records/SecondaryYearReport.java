package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.util.List;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Award;
import vn.lienlac.model.records.grading.Conduct;
import vn.lienlac.model.records.grading.PromotionOutcome;
import vn.lienlac.model.records.grading.PromotionReason;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;

/**
 * The secondary (Circular 22/2021) part of a {@link YearReport}: per subject the two terms and the
 * year (ĐTBmcn from the rounded term averages; a comment-only subject's year rating is the second
 * term's), the learning result levels (Article 9, with the 9.3 adjustment named), conduct (Article
 * 8), the sessions absent in the year, the promotion decision (Articles 12–14) and the award
 * (Article 15). A part that is not final yet is null, and {@code sections} says which parts are final.
 */
public record SecondaryYearReport(List<SubjectYear> subjects, LevelResult term1Level, LevelResult term2Level,
    LevelResult yearLevel, ConductResult conduct, int absentSessions, Promotion promotion, AwardResult award,
    List<Section> sections) {

  /** One subject: averages (scored) or ratings (comment-only) of each term and the year; null while not final. */
  public record SubjectYear(String subject, String subjectName, AssessmentKind kind, BigDecimal term1Average,
      BigDecimal term2Average, BigDecimal yearAverage, Rating term1Rating, Rating term2Rating, Rating yearRating,
      boolean complete) {}

  /**
   * A learning result level. {@code computed} is the Article 9.2 level; when Article 9.3 raised it,
   * {@code raisedBecauseOf} names the one subject that alone held it back and {@code note} says so.
   */
  public record LevelResult(ResultLevel level, String levelName, ResultLevel computed, String raisedBecauseOf,
      String raisedBecauseOfName, String note) {}

  /** Conduct per term (entered by the homeroom teacher) and the year's (derived); null while not rated. */
  public record ConductResult(Conduct term1, String term1Name, Conduct term2, String term2Name, Conduct year,
      String yearName) {}

  /** The end-of-year decision, once the year's learning and conduct results are final. */
  public record Promotion(PromotionOutcome outcome, String outcomeName, List<PromotionReason> reasons,
      List<String> reasonNames, List<String> retestSubjects) {}

  /** The year award; {@code award} null when the pupil gets none (the year being final). */
  public record AwardResult(Award award, String awardName) {}

  /** Whether one part of the report is final. */
  public record Section(ReportSection section, String name, boolean complete) {}

  /** The parts of the report whose status is given. Display names: {@code records.section.<name>}. */
  public enum ReportSection {
    TERM1,
    TERM2,
    CONDUCT,
    YEAR
  }
}
