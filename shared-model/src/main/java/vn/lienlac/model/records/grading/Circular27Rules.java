package vn.lienlac.model.records.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import vn.lienlac.model.common.Validation;
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
  // Article 9.2: the lowest end-of-year test score of Hoàn thành xuất sắc and of Hoàn thành tốt.
  private static final int EXCELLENT_TEST = 9;
  private static final int COMPLETED_WELL_TEST = 7;

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
    Objects.requireNonNull(value, "value");
    if (value.compareTo(BigDecimal.valueOf(settings.primaryTestScoreMin())) < 0
        || value.compareTo(BigDecimal.valueOf(MAX_TEST_SCORE)) > 0) {
      return Violation.of("", "primary.testScoreRange", settings.primaryTestScoreMin(), MAX_TEST_SCORE,
          Score.shown(value));
    }
    // In range, so short: stripping trailing zeros is cheap.
    if (value.stripTrailingZeros().scale() > 0) {
      return Violation.of("", "primary.testScoreWhole", Score.shown(value));
    }
    return null;
  }

  /**
   * What is wrong with one pupil's {@code entry} for {@code subject} at {@code point}; empty when
   * nothing is. Missing parts are not wrong. Fields: {@code comment} ({@code text.tooLong},
   * {@code text.forbiddenCharacter}, at most {@link #MAX_COMMENT_LENGTH}), {@code testScore}
   * ({@code primary.noTest} where the subject has no test at that point,
   * {@code primary.testScoreRange} out of range).
   */
  public List<Violation> validate(PrimarySubject subject, PrimaryPoint point, PrimaryEntry entry) {
    Validation validation = new Validation();
    validation.text("comment", entry.comment(), MAX_COMMENT_LENGTH, false);
    Integer score = entry.testScore();
    if (score != null) {
      if (!subject.testedAt(point)) {
        validation.add(Violation.of("testScore", "primary.noTest"));
      } else if (score < settings.primaryTestScoreMin() || score > MAX_TEST_SCORE) {
        validation.add(Violation.of("testScore", "primary.testScoreRange", settings.primaryTestScoreMin(),
            MAX_TEST_SCORE, score.toString()));
      }
    }
    return validation.violations();
  }

  /**
   * What is wrong with one pupil's quality and competency ratings at a point; empty when nothing
   * is. A missing code is not wrong; an unknown one is (field: the code, code
   * {@code primary.unknownQuality}).
   */
  public List<Violation> validateQualities(Map<String, QualityRating> ratings) {
    List<Violation> violations = new ArrayList<>();
    // Sorted, so that the same input always reads the same.
    for (String code : new TreeSet<>(ratings.keySet())) {
      if (!PrimaryQualities.ALL.contains(code)) {
        violations.add(Violation.of(code, "primary.unknownQuality", code));
      }
    }
    return List.copyOf(violations);
  }

  /**
   * The end-of-year evaluation (Article 9.2) of a pupil who takes {@code plan}, from their
   * {@link PrimaryPoint#END_OF_YEAR} entries by subject code and their end-of-year quality and
   * competency ratings by code. Empty while anything it needs is missing: a subject's rating, an
   * end-of-year test score where the subject has one, or a rating of any of
   * {@link PrimaryQualities#ALL}. Entries of subjects outside {@code plan} and ratings of unknown
   * codes are not read. A subject without an end-of-year test asks nothing of tests.
   * IllegalArgumentException when an entry is not valid.
   */
  public Optional<YearEvaluation> yearEvaluation(List<PrimarySubject> plan, Map<String, PrimaryEntry> endOfYear,
      Map<String, QualityRating> qualities) {
    boolean allCompletedWell = true;
    boolean allCompleted = true;
    int lowestTest = MAX_TEST_SCORE;
    for (PrimarySubject subject : plan) {
      PrimaryEntry entry = endOfYear.get(subject.subject());
      if (entry == null || entry.rating() == null
          || (subject.testedAt(PrimaryPoint.END_OF_YEAR) && entry.testScore() == null)) {
        return Optional.empty();
      }
      List<Violation> violations = validate(subject, PrimaryPoint.END_OF_YEAR, entry);
      if (!violations.isEmpty()) {
        throw new IllegalArgumentException("End-of-year entry for " + subject.subject() + " breaks " + id() + ": "
            + violations);
      }
      allCompletedWell &= entry.rating() == Completion.HOAN_THANH_TOT;
      allCompleted &= entry.rating().atLeast(Completion.HOAN_THANH);
      if (entry.testScore() != null) {
        lowestTest = Math.min(lowestTest, entry.testScore());
      }
    }
    boolean allGood = true;
    boolean allSatisfactory = true;
    for (String code : PrimaryQualities.ALL) {
      QualityRating rating = qualities.get(code);
      if (rating == null) {
        return Optional.empty();
      }
      allGood &= rating == QualityRating.TOT;
      allSatisfactory &= rating.atLeast(QualityRating.DAT);
    }
    if (allCompletedWell && allGood && lowestTest >= EXCELLENT_TEST) {
      return Optional.of(YearEvaluation.HOAN_THANH_XUAT_SAC);
    }
    if (allCompletedWell && allGood && lowestTest >= COMPLETED_WELL_TEST) {
      return Optional.of(YearEvaluation.HOAN_THANH_TOT);
    }
    if (allCompleted && allSatisfactory && lowestTest >= settings.primaryCompletedMinTest()) {
      return Optional.of(YearEvaluation.HOAN_THANH);
    }
    return Optional.of(YearEvaluation.CHUA_HOAN_THANH);
  }

  /**
   * What is wrong with a Học sinh Tiêu biểu nomination of a pupil evaluated {@code evaluation};
   * empty when nothing is. Fields: {@code reason} ({@code text.required}, {@code text.tooLong},
   * {@code text.forbiddenCharacter}); {@code ""} with {@code primary.nominationNotEligible} for a
   * pupil evaluated below Hoàn thành tốt. The award's full name is "Học sinh Tiêu biểu hoàn thành
   * tốt trong học tập và rèn luyện" (Article 13): it is for pupils who completed the year well (and
   * stood out in a subject, or progressed clearly in a quality or competency: the teacher's reason).
   * Secondary sources and public implementations agree on this; the circular's text was not read
   * verbatim.
   */
  public List<Violation> validateNomination(YearEvaluation evaluation, Nomination nomination) {
    Objects.requireNonNull(evaluation, "evaluation");
    Validation validation = new Validation();
    validation.text("reason", nomination.reason(), MAX_NOMINATION_LENGTH, true);
    if (evaluation.compareTo(YearEvaluation.HOAN_THANH_TOT) > 0) {
      validation.add(Violation.of("", "primary.nominationNotEligible"));
    }
    return validation.violations();
  }

  /**
   * The year award (Article 13), if any: Học sinh Xuất sắc for Hoàn thành xuất sắc; otherwise
   * Học sinh Tiêu biểu when the teacher nominated the pupil ({@code nomination} not null) and the
   * pupil completed the year well (Hoàn thành tốt).
   * IllegalArgumentException when {@link #validateNomination} rejects the nomination.
   */
  public Optional<PrimaryAward> award(YearEvaluation evaluation, Nomination nomination) {
    Objects.requireNonNull(evaluation, "evaluation");
    if (evaluation == YearEvaluation.HOAN_THANH_XUAT_SAC) {
      return Optional.of(PrimaryAward.XUAT_SAC);
    }
    if (nomination == null) {
      return Optional.empty();
    }
    List<Violation> violations = validateNomination(evaluation, nomination);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Nomination refused: " + violations);
    }
    return Optional.of(PrimaryAward.TIEU_BIEU);
  }
}
