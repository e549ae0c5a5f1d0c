package vn.lienlac.model.records.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.lienlac.model.common.Violation;

/**
 * Circular 27/2020/TT-BGDĐT: primary school (grades 1–5). At four points a year
 * ({@link PrimaryPoint}) each subject and activity is rated ({@link Completion}) with a comment,
 * some have a periodic test scored in whole numbers, and the qualities and competencies
 * ({@link PrimaryQualities}) are rated ({@link QualityRating}); the end of the year gives the
 * {@link YearEvaluation} (Article 9.2) and the awards (Article 13). Built from a school's
 * {@link GradingSettings} ({@link #of}); {@link #INSTANCE} has the defaults.
 */
public final class Circular27Rules implements GradingStrategy {
  public static final Circular27Rules INSTANCE = new Circular27Rules(GradingSettings.DEFAULTS);

  /** The longest teacher's comment on a subject or on the qualities, in characters. */
  public static final int MAX_COMMENT_LENGTH = 500;
  /** The longest reason for a Học sinh Tiêu biểu nomination, in characters. */
  public static final int MAX_NOMINATION_LENGTH = 500;
  /** The highest test score. */
  public static final int MAX_TEST_SCORE = 10;

  private final GradingSettings settings;

  private Circular27Rules(GradingSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The rules with a school's settings. */
  public static Circular27Rules of(GradingSettings settings) {
    return settings.equals(GradingSettings.DEFAULTS) ? INSTANCE : new Circular27Rules(settings);
  }

  @Override
  public String id() {
    return "TT27/2020";
  }

  @Override
  public GradingSettings settings() {
    return settings;
  }

  /**
   * Null when {@code value} is a valid test score as typed (a whole number from
   * {@link GradingSettings#primaryTestScoreMin()} to 10; {@code 8.0} counts as 8); otherwise a
   * violation with field {@code ""} (callers place it with {@link Violation#under}): code
   * {@code primary.testScoreWhole} (argument: the value) or {@code primary.testScoreRange}
   * (arguments: lowest, highest, the value). {@code value} must not be null.
   */
  public Violation checkTestScore(BigDecimal value) {
    throw new UnsupportedOperationException("rules API skeleton");
  }

  /**
   * What is wrong with one pupil's {@code entry} for {@code subject} at {@code point}; empty when
   * nothing is. Missing parts are not wrong. Fields: {@code comment} ({@code text.tooLong},
   * {@code text.forbiddenCharacter}, at most {@link #MAX_COMMENT_LENGTH}), {@code testScore}
   * ({@code primary.noTest} where the subject has no test at that point,
   * {@code primary.testScoreRange} out of range).
   */
  public List<Violation> validate(PrimarySubject subject, PrimaryPoint point, PrimaryEntry entry) {
    throw new UnsupportedOperationException("rules API skeleton");
  }

  /**
   * What is wrong with one pupil's quality and competency ratings at a point; empty when nothing
   * is. A missing code is not wrong; an unknown one is (field: the code, code
   * {@code primary.unknownQuality}).
   */
  public List<Violation> validateQualities(Map<String, QualityRating> ratings) {
    throw new UnsupportedOperationException("rules API skeleton");
  }

  /**
   * The end-of-year evaluation (Article 9.2) of a pupil who takes {@code plan}, from their
   * {@link PrimaryPoint#END_OF_YEAR} entries by subject code and their end-of-year quality and
   * competency ratings by code. Empty while anything it needs is missing: a subject's rating, an
   * end-of-year test score where the subject has one, or a rating of any of
   * {@link PrimaryQualities#ALL}. IllegalArgumentException when an entry is not valid.
   */
  public Optional<YearEvaluation> yearEvaluation(List<PrimarySubject> plan, Map<String, PrimaryEntry> endOfYear,
      Map<String, QualityRating> qualities) {
    throw new UnsupportedOperationException("rules API skeleton");
  }

  /**
   * What is wrong with a Học sinh Tiêu biểu nomination of a pupil evaluated {@code evaluation};
   * empty when nothing is. Fields: {@code reason} ({@code text.required}, {@code text.tooLong},
   * {@code text.forbiddenCharacter}); {@code ""} with {@code primary.nominationNotEligible} for a
   * pupil evaluated Chưa hoàn thành.
   */
  public List<Violation> validateNomination(YearEvaluation evaluation, Nomination nomination) {
    throw new UnsupportedOperationException("rules API skeleton");
  }

  /**
   * The year award (Article 13), if any: Học sinh Xuất sắc for Hoàn thành xuất sắc; otherwise
   * Học sinh Tiêu biểu when the teacher nominated the pupil ({@code nomination} not null).
   * IllegalArgumentException when {@link #validateNomination} rejects the nomination.
   */
  public Optional<PrimaryAward> award(YearEvaluation evaluation, Nomination nomination) {
    throw new UnsupportedOperationException("rules API skeleton");
  }
}
