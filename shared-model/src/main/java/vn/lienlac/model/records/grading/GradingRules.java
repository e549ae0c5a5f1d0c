package vn.lienlac.model.records.grading;

import java.util.List;
import java.util.Optional;
import vn.lienlac.model.common.Violation;

/**
 * The grading rules of secondary school (grades 6–12, Circular 22/2021): scored and comment-only
 * subjects, term and year outcomes, result levels, conduct, promotion and awards. One of the two
 * {@link GradingStrategy grading strategies}; primary school is {@link Circular27Rules}.
 */
public sealed interface GradingRules extends GradingStrategy permits Circular22Rules {

  /** How many regular (TX) scores a term has for the subject; 0 for a comment-only subject. */
  int requiredRegularCount(SubjectPlan plan);

  /**
   * How many regular assessments rated Đạt / Chưa đạt a term has for a comment-only subject
   * ({@link GradingSettings#commentRegularCount()}); 0 for a scored subject.
   */
  int requiredRegularRatingCount(SubjectPlan plan);

  /**
   * What is wrong with {@code marks} for {@code plan}; empty when nothing is. Missing marks are
   * not wrong (partial entry is normal). A scored subject takes no rating, a comment-only subject
   * no score, and neither more regular marks than it has. Fields are relative ({@code regular},
   * {@code midterm}, {@code finalExam}, {@code regularRatings}, {@code midtermRating},
   * {@code finalRating}): callers place them with {@link Violation#under}.
   */
  List<Violation> validate(SubjectPlan plan, SubjectMarks marks);

  /**
   * The subject's term outcome. A scored subject has an average only when all its required marks
   * are present; a comment-only subject has a rating only when all its required assessments are
   * rated (Article 9.1.a: Đạt when all are Đạt, Chưa đạt when one is not). IllegalArgumentException
   * when {@link #validate} finds the marks wrong.
   */
  SubjectOutcome termOutcome(SubjectPlan plan, SubjectMarks marks);

  /** The subject's year average (ĐTBmcn) from its two (already rounded) term averages. */
  Score yearAverage(Score term1Average, Score term2Average);

  /**
   * The subject's year (cả năm) outcome from its two term outcomes: for a scored subject the
   * {@link #yearAverage} of the rounded term averages; for a comment-only subject the second term's
   * rating. Incomplete while either term is. IllegalArgumentException when a term outcome is not
   * of {@code plan}'s subject and kind.
   */
  SubjectOutcome yearOutcome(SubjectPlan plan, SubjectOutcome term1, SubjectOutcome term2);

  /**
   * The learning result level over the (term or year) outcomes of all the subjects a pupil takes:
   * the Article 9.2 thresholds, then the Article 9.3 adjustment. Empty while any outcome is
   * incomplete, or when there are none.
   */
  Optional<LevelDecision> decideLevel(List<SubjectOutcome> outcomes);

  /** The level of {@link #decideLevel}, for callers that need only the level. */
  Optional<ResultLevel> termLevel(List<SubjectOutcome> outcomes);

  /**
   * The year's conduct result from the two terms' (Article 8.2.b); empty while either is missing.
   */
  Optional<Conduct> yearConduct(Conduct term1, Conduct term2);

  /**
   * The end-of-year decision (Articles 12–14) from the year's conduct and learning results, the
   * year outcomes of every subject (to name the subjects to retest) and the number of sessions
   * (buổi) the pupil was absent in the year, with or without permission: a day's absence counts
   * as one session. IllegalArgumentException when an outcome is incomplete or
   * {@code absentSessions} is negative.
   */
  PromotionDecision promotion(Conduct yearConduct, ResultLevel yearLevel, List<SubjectOutcome> yearOutcomes,
      int absentSessions);

  /**
   * The year award (Article 15), if any: Học sinh Xuất sắc or Học sinh Giỏi.
   * IllegalArgumentException when a year outcome is incomplete.
   */
  Optional<Award> award(Conduct yearConduct, ResultLevel yearLevel, List<SubjectOutcome> yearOutcomes);

  /**
   * The rules of a secondary {@code level} with {@code settings}; IllegalArgumentException for
   * {@link SchoolLevel#PRIMARY}, whose rules are {@link Circular27Rules} (ask
   * {@link GradingStrategy#forLevel} when the level may be primary).
   */
  static GradingRules forLevel(SchoolLevel level, GradingSettings settings) {
    if (GradingStrategy.forLevel(level, settings) instanceof GradingRules secondary) {
      return secondary;
    }
    throw new IllegalArgumentException("Primary schools are graded by Circular27Rules, not GradingRules");
  }

  /** {@link #forLevel(SchoolLevel, GradingSettings)} with {@link GradingSettings#DEFAULTS}. */
  static GradingRules forLevel(SchoolLevel level) {
    return forLevel(level, GradingSettings.DEFAULTS);
  }
}
