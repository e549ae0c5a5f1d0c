package vn.lienlac.model.records.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.lienlac.model.common.Violation;

/**
 * Circular 22/2021/TT-BGDĐT: lower and upper secondary school (grades 6–12). All arithmetic is on
 * whole tenths of a point, so rounding is exact. Built from a school's {@link GradingSettings}
 * ({@link #of}); {@link #INSTANCE} has the defaults.
 */
public final class Circular22Rules implements GradingRules {
  public static final Circular22Rules INSTANCE = new Circular22Rules(GradingSettings.DEFAULTS);

  // Weights of the midterm (GK) and final (CK) scores in a term average; each regular (TX) score weighs 1.
  private static final int MIDTERM_WEIGHT = 2;
  private static final int FINAL_WEIGHT = 3;

  // Article 9.2 thresholds, in tenths, and how many subjects must reach the higher one.
  private static final int TOT_MIN = 65;
  private static final int TOT_HIGH = 80;
  private static final int KHA_MIN = 50;
  private static final int KHA_HIGH = 65;
  private static final int DAT_MIN = 35;
  private static final int DAT_HIGH = 50;
  private static final int SUBJECTS_AT_HIGH = 6;

  // Article 12.2.a: more than this many sessions absent in the year keeps a pupil back.
  static final int MAX_ABSENT_SESSIONS = 45;
  // Article 13: the subjects retested in the summer are those below this year average (in tenths) or Chưa đạt.
  private static final int RETEST_BELOW = 50;
  // Article 15: Học sinh Xuất sắc needs this many subjects with a year average of at least 9.0.
  private static final int EXCELLENT_AVERAGE = 90;
  private static final int EXCELLENT_SUBJECTS = 6;

  private final GradingSettings settings;

  private Circular22Rules(GradingSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The rules with a school's settings. */
  public static Circular22Rules of(GradingSettings settings) {
    return settings.equals(GradingSettings.DEFAULTS) ? INSTANCE : new Circular22Rules(settings);
  }

  @Override
  public String id() {
    return "TT22/2021";
  }

  @Override
  public GradingSettings settings() {
    return settings;
  }

  /** 2 TX scores a term for up to 35 periods a year, 3 for 36–70, 4 above 70; none for comment-only subjects. */
  @Override
  public int requiredRegularCount(SubjectPlan plan) {
    if (plan.kind() == AssessmentKind.COMMENTED) {
      return 0;
    }
    if (plan.periodsPerYear() <= 35) {
      return 2;
    }
    return plan.periodsPerYear() <= 70 ? 3 : 4;
  }

  @Override
  public int requiredRegularRatingCount(SubjectPlan plan) {
    return plan.kind() == AssessmentKind.COMMENTED ? settings.commentRegularCount() : 0;
  }

  @Override
  public List<Violation> validate(SubjectPlan plan, SubjectMarks marks) {
    List<Violation> violations = new ArrayList<>();
    if (plan.kind() == AssessmentKind.SCORED) {
      if (!marks.regularRatings().isEmpty()) {
        violations.add(Violation.of("regularRatings", "grade.ratingNotAllowed"));
      }
      if (marks.midtermRating() != null) {
        violations.add(Violation.of("midtermRating", "grade.ratingNotAllowed"));
      }
      if (marks.finalRating() != null) {
        violations.add(Violation.of("finalRating", "grade.ratingNotAllowed"));
      }
      int required = requiredRegularCount(plan);
      // Fewer is fine: the term is still running.
      if (marks.regular().size() > required) {
        violations.add(Violation.of("regular", "grade.tooManyRegular", required, marks.regular().size()));
      }
    } else {
      if (!marks.regular().isEmpty()) {
        violations.add(Violation.of("regular", "grade.scoresNotAllowed"));
      }
      if (marks.midterm() != null) {
        violations.add(Violation.of("midterm", "grade.scoresNotAllowed"));
      }
      if (marks.finalExam() != null) {
        violations.add(Violation.of("finalExam", "grade.scoresNotAllowed"));
      }
      int required = requiredRegularRatingCount(plan);
      if (marks.regularRatings().size() > required) {
        violations.add(Violation.of("regularRatings", "grade.tooManyRegularRatings", required,
            marks.regularRatings().size()));
      }
    }
    return List.copyOf(violations);
  }

  @Override
  public SubjectOutcome termOutcome(SubjectPlan plan, SubjectMarks marks) {
    List<Violation> violations = validate(plan, marks);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Marks for " + plan.subject() + " break " + id() + ": " + violations);
    }
    if (plan.kind() == AssessmentKind.COMMENTED) {
      return new SubjectOutcome(plan.subject(), plan.kind(), null, termRating(plan, marks));
    }
    boolean complete = marks.regular().size() == requiredRegularCount(plan)
        && marks.midterm() != null
        && marks.finalExam() != null;
    return new SubjectOutcome(plan.subject(), plan.kind(), complete ? termAverage(marks) : null, null);
  }

  /**
   * Article 9.1.a: a comment-only subject's term rating is Đạt when every required assessment (the
   * regular ones, mid-term and end-of-term) is rated and all are Đạt, Chưa đạt when all are rated
   * and one is not; null while one is missing.
   */
  private Rating termRating(SubjectPlan plan, SubjectMarks marks) {
    if (marks.regularRatings().size() < requiredRegularRatingCount(plan)
        || marks.midtermRating() == null || marks.finalRating() == null) {
      return null;
    }
    boolean allPassed = marks.midtermRating() == Rating.DAT && marks.finalRating() == Rating.DAT
        && marks.regularRatings().stream().allMatch(r -> r == Rating.DAT);
    return allPassed ? Rating.DAT : Rating.CHUA_DAT;
  }

  /**
   * ĐTBmhk = (ΣTX + 2×GK + 3×CK) / (number of TX + 5). Every TX score counts on its own: averaging
   * the TX scores first and dividing by 6 is a common mistake that gives other results.
   */
  static Score termAverage(SubjectMarks marks) {
    int sum = marks.midterm().tenths() * MIDTERM_WEIGHT + marks.finalExam().tenths() * FINAL_WEIGHT;
    for (Score regular : marks.regular()) {
      sum += regular.tenths();
    }
    return roundedMean(sum, marks.regular().size() + MIDTERM_WEIGHT + FINAL_WEIGHT);
  }

  /** ĐTBmcn = (ĐTBmhkI + 2×ĐTBmhkII) / 3. */
  @Override
  public Score yearAverage(Score term1Average, Score term2Average) {
    return roundedMean(term1Average.tenths() + 2 * term2Average.tenths(), 3);
  }

  @Override
  public SubjectOutcome yearOutcome(SubjectPlan plan, SubjectOutcome term1, SubjectOutcome term2) {
    for (SubjectOutcome term : List.of(term1, term2)) {
      if (!term.subject().equals(plan.subject()) || term.kind() != plan.kind()) {
        throw new IllegalArgumentException("A term outcome of " + term.subject() + " (" + term.kind()
            + ") is not one of " + plan.subject() + " (" + plan.kind() + ")");
      }
    }
    if (!term1.complete() || !term2.complete()) {
      return new SubjectOutcome(plan.subject(), plan.kind(), null, null);
    }
    return plan.kind() == AssessmentKind.SCORED
        ? new SubjectOutcome(plan.subject(), plan.kind(), yearAverage(term1.average(), term2.average()), null)
        : new SubjectOutcome(plan.subject(), plan.kind(), null, term2.rating());
  }

  /**
   * {@code weightedSum / totalWeight} (both in tenths of a point), rounded half-up to a whole tenth:
   * floor(s/w + 1/2) = floor((2s + w) / 2w), exact for the non-negative sums scores give.
   */
  static Score roundedMean(int weightedSum, int totalWeight) {
    return new Score((2 * weightedSum + totalWeight) / (2 * totalWeight));
  }

  /**
   * Article 9.2, then Article 9.3. Article 9.3: when the level falls two or more levels below Tốt or
   * Khá because of one subject alone, it is raised to the adjacent level. Read as: there is one
   * subject such that, were its outcome the best (10.0, or Đạt), the thresholds would give Tốt or
   * Khá, at least two levels above the computed one; then the level is raised by exactly one.
   * (Best and "at the threshold the higher level needs" decide alike: the thresholds only ask
   * "at least".) When several subjects would do, the first in {@code outcomes} is named.
   */
  @Override
  public Optional<LevelDecision> decideLevel(List<SubjectOutcome> outcomes) {
    if (outcomes.isEmpty() || !outcomes.stream().allMatch(SubjectOutcome::complete)) {
      return Optional.empty();
    }
    ResultLevel computed = thresholdLevel(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      List<SubjectOutcome> without = new ArrayList<>(outcomes);
      without.set(i, best(outcomes.get(i)));
      ResultLevel reachable = thresholdLevel(without);
      boolean higherLevel = reachable == ResultLevel.TOT || reachable == ResultLevel.KHA;
      if (higherLevel && computed.ordinal() - reachable.ordinal() >= 2) {
        return Optional.of(new LevelDecision(ResultLevel.values()[computed.ordinal() - 1], computed,
            outcomes.get(i).subject()));
      }
    }
    return Optional.of(LevelDecision.computed(computed));
  }

  /** The subject at its best: 10.0, or Đạt. */
  private static SubjectOutcome best(SubjectOutcome outcome) {
    return outcome.kind() == AssessmentKind.SCORED
        ? new SubjectOutcome(outcome.subject(), outcome.kind(), new Score(100), null)
        : new SubjectOutcome(outcome.subject(), outcome.kind(), null, Rating.DAT);
  }

  /** Article 9.2, checked from the best level down, over complete outcomes. */
  private static ResultLevel thresholdLevel(List<SubjectOutcome> outcomes) {
    long notPassed = outcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.COMMENTED && o.rating() == Rating.CHUA_DAT)
        .count();
    List<Integer> averages = outcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.SCORED)
        .map(o -> o.average().tenths())
        .toList();
    if (notPassed == 0 && allAtLeast(averages, TOT_MIN) && countAtLeast(averages, TOT_HIGH) >= SUBJECTS_AT_HIGH) {
      return ResultLevel.TOT;
    }
    if (notPassed == 0 && allAtLeast(averages, KHA_MIN) && countAtLeast(averages, KHA_HIGH) >= SUBJECTS_AT_HIGH) {
      return ResultLevel.KHA;
    }
    if (notPassed <= 1 && allAtLeast(averages, DAT_MIN) && countAtLeast(averages, DAT_HIGH) >= SUBJECTS_AT_HIGH) {
      return ResultLevel.DAT;
    }
    return ResultLevel.CHUA_DAT;
  }

  private static boolean allAtLeast(List<Integer> averages, int tenths) {
    return averages.stream().allMatch(a -> a >= tenths);
  }

  private static long countAtLeast(List<Integer> averages, int tenths) {
    return averages.stream().filter(a -> a >= tenths).count();
  }

  @Override
  public Optional<ResultLevel> termLevel(List<SubjectOutcome> outcomes) {
    return decideLevel(outcomes).map(LevelDecision::level);
  }

  /**
   * Article 8.2.b (as summarised by secondary sources; the circular's text was not read verbatim):
   * Tốt when HK2 is Tốt and HK1 Khá or better; Khá when HK2 is Khá and HK1 Đạt or better, or HK2
   * Đạt and HK1 Tốt, or HK2 Tốt and HK1 Đạt or Chưa đạt; Đạt when HK2 is Đạt and HK1 Khá or below,
   * or HK2 Khá and HK1 Chưa đạt; otherwise (HK2 Chưa đạt) Chưa đạt.
   */
  @Override
  public Optional<Conduct> yearConduct(Conduct term1, Conduct term2) {
    if (term1 == null || term2 == null) {
      return Optional.empty();
    }
    Conduct year = switch (term2) {
      case TOT -> term1.atLeast(Conduct.KHA) ? Conduct.TOT : Conduct.KHA;
      case KHA -> term1.atLeast(Conduct.DAT) ? Conduct.KHA : Conduct.DAT;
      case DAT -> term1 == Conduct.TOT ? Conduct.KHA : Conduct.DAT;
      case CHUA_DAT -> Conduct.CHUA_DAT;
    };
    return Optional.of(year);
  }

  /**
   * Article 12.1: promoted with conduct and learning Đạt or better and at most 45 sessions absent.
   * Article 12.2.a: more than 45 sessions absent keeps the pupil back, whatever the rest. Otherwise
   * learning Chưa đạt means a summer retest (Article 13) of the subjects with a year average below
   * 5.0 or rated Chưa đạt, and conduct Chưa đạt summer conduct training (Article 14); both may apply.
   */
  @Override
  public PromotionDecision promotion(Conduct yearConduct, ResultLevel yearLevel, List<SubjectOutcome> yearOutcomes,
      int absentSessions) {
    Objects.requireNonNull(yearConduct, "yearConduct");
    Objects.requireNonNull(yearLevel, "yearLevel");
    requireComplete(yearOutcomes);
    if (absentSessions < 0) {
      throw new IllegalArgumentException("Absent sessions cannot be negative: " + absentSessions);
    }
    boolean absentTooMuch = absentSessions > MAX_ABSENT_SESSIONS;
    boolean learningNotPassed = yearLevel == ResultLevel.CHUA_DAT;
    boolean conductNotPassed = yearConduct == Conduct.CHUA_DAT;
    List<PromotionReason> reasons = new ArrayList<>();
    if (absentTooMuch) {
      reasons.add(PromotionReason.ABSENT_TOO_MUCH);
    }
    if (learningNotPassed) {
      reasons.add(PromotionReason.LEARNING_NOT_PASSED);
    }
    if (conductNotPassed) {
      reasons.add(PromotionReason.CONDUCT_NOT_PASSED);
    }
    if (absentTooMuch) {
      return new PromotionDecision(PromotionOutcome.KEPT_BACK, reasons, List.of());
    }
    List<String> retest = !learningNotPassed ? List.of() : yearOutcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.SCORED ? o.average().tenths() < RETEST_BELOW : o.rating() == Rating.CHUA_DAT)
        .map(SubjectOutcome::subject)
        .toList();
    PromotionOutcome outcome = learningNotPassed
        ? (conductNotPassed ? PromotionOutcome.SUMMER_BOTH : PromotionOutcome.SUMMER_RETEST)
        : (conductNotPassed ? PromotionOutcome.SUMMER_CONDUCT_TRAINING : PromotionOutcome.PROMOTED);
    return new PromotionDecision(outcome, reasons, retest);
  }

  /**
   * Article 15: Học sinh Xuất sắc with conduct Tốt, learning Tốt and at least 6 subjects with a year
   * average of 9.0 or more; Học sinh Giỏi with conduct and learning Tốt otherwise.
   */
  @Override
  public Optional<Award> award(Conduct yearConduct, ResultLevel yearLevel, List<SubjectOutcome> yearOutcomes) {
    requireComplete(yearOutcomes);
    if (yearConduct != Conduct.TOT || yearLevel != ResultLevel.TOT) {
      return Optional.empty();
    }
    long excellent = yearOutcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.SCORED && o.average().tenths() >= EXCELLENT_AVERAGE)
        .count();
    return Optional.of(excellent >= EXCELLENT_SUBJECTS ? Award.XUAT_SAC : Award.GIOI);
  }

  private static void requireComplete(List<SubjectOutcome> outcomes) {
    for (SubjectOutcome outcome : outcomes) {
      if (!outcome.complete()) {
        throw new IllegalArgumentException("The year outcome of " + outcome.subject() + " is not complete");
      }
    }
  }
}
