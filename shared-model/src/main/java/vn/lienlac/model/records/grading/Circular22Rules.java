package vn.lienlac.model.records.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.lienlac.model.common.Violation;

/**
 * Circular 22/2021/TT-BGDĐT: lower and upper secondary school (grades 6–12). All arithmetic is on
 * whole tenths of a point, so rounding is exact.
 */
public final class Circular22Rules implements GradingRules {
  public static final Circular22Rules INSTANCE = new Circular22Rules();

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

  private Circular22Rules() {}

  @Override
  public String id() {
    return "TT22/2021";
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
  public List<Violation> validate(SubjectPlan plan, SubjectMarks marks) {
    List<Violation> violations = new ArrayList<>();
    if (plan.kind() == AssessmentKind.SCORED) {
      if (marks.rating() != null) {
        violations.add(Violation.of("rating", "grade.ratingNotAllowed"));
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
      return new SubjectOutcome(plan.subject(), plan.kind(), null, marks.rating());
    }
    boolean complete = marks.regular().size() == requiredRegularCount(plan)
        && marks.midterm() != null
        && marks.finalExam() != null;
    return new SubjectOutcome(plan.subject(), plan.kind(), complete ? termAverage(marks) : null, null);
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

  /**
   * {@code weightedSum / totalWeight} (both in tenths of a point), rounded half-up to a whole tenth:
   * floor(s/w + 1/2) = floor((2s + w) / 2w), exact for the non-negative sums scores give.
   */
  static Score roundedMean(int weightedSum, int totalWeight) {
    return new Score((2 * weightedSum + totalWeight) / (2 * totalWeight));
  }

  /** Article 9.2, checked from the best level down. */
  @Override
  public Optional<ResultLevel> termLevel(List<SubjectOutcome> outcomes) {
    if (outcomes.isEmpty() || !outcomes.stream().allMatch(SubjectOutcome::complete)) {
      return Optional.empty();
    }
    long notPassed = outcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.COMMENTED && o.rating() == Rating.CHUA_DAT)
        .count();
    List<Integer> averages = outcomes.stream()
        .filter(o -> o.kind() == AssessmentKind.SCORED)
        .map(o -> o.average().tenths())
        .toList();
    if (notPassed == 0 && allAtLeast(averages, TOT_MIN) && countAtLeast(averages, TOT_HIGH) >= SUBJECTS_AT_HIGH) {
      return Optional.of(ResultLevel.TOT);
    }
    if (notPassed == 0 && allAtLeast(averages, KHA_MIN) && countAtLeast(averages, KHA_HIGH) >= SUBJECTS_AT_HIGH) {
      return Optional.of(ResultLevel.KHA);
    }
    if (notPassed <= 1 && allAtLeast(averages, DAT_MIN) && countAtLeast(averages, DAT_HIGH) >= SUBJECTS_AT_HIGH) {
      return Optional.of(ResultLevel.DAT);
    }
    return Optional.of(ResultLevel.CHUA_DAT);
  }

  private static boolean allAtLeast(List<Integer> averages, int tenths) {
    return averages.stream().allMatch(a -> a >= tenths);
  }

  private static long countAtLeast(List<Integer> averages, int tenths) {
    return averages.stream().filter(a -> a >= tenths).count();
  }
}
