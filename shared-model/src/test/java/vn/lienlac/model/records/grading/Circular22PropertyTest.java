package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The integer arithmetic on tenths against an independent, obviously-right computation with
 * BigDecimal, over many generated mark sets. Seeded, so a failure repeats.
 */
class Circular22PropertyTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;
  private static final int RUNS = 20_000;
  // A representative number of periods a year for 2, 3 and 4 TX scores.
  private static final int[] PERIODS_FOR_TX = {0, 0, 35, 70, 140};

  private static Score randomScore(Random random) {
    return new Score(random.nextInt(101));
  }

  private static BigDecimal expectedTermAverage(List<Score> regular, Score midterm, Score finalExam) {
    BigDecimal sum = midterm.toDecimal().multiply(BigDecimal.valueOf(2))
        .add(finalExam.toDecimal().multiply(BigDecimal.valueOf(3)));
    for (Score score : regular) {
      sum = sum.add(score.toDecimal());
    }
    return sum.divide(BigDecimal.valueOf(regular.size() + 5L), 1, RoundingMode.HALF_UP);
  }

  @Test
  void termAverage_should_match_a_bigdecimal_computation_of_the_formula_for_random_marks() {
    Random random = new Random(22_2021L);
    for (int run = 0; run < RUNS; run++) {
      int count = 2 + random.nextInt(3);
      List<Score> regular = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        regular.add(randomScore(random));
      }
      Score midterm = randomScore(random);
      Score finalExam = randomScore(random);
      SubjectPlan plan = new SubjectPlan("toan", AssessmentKind.SCORED, PERIODS_FOR_TX[count]);

      Score average = RULES.termOutcome(plan, SubjectMarks.scored(regular, midterm, finalExam)).average();

      assertThat(average.toDecimal())
          .as("TX %s, GK %s, CK %s", regular, midterm, finalExam)
          .isEqualTo(expectedTermAverage(regular, midterm, finalExam));
    }
  }

  @Test
  void yearAverage_should_match_a_bigdecimal_computation_for_every_pair_of_term_averages() {
    // Only 101 × 101 pairs exist: check them all.
    for (int first = 0; first <= 100; first++) {
      for (int second = 0; second <= 100; second++) {
        Score term1 = new Score(first);
        Score term2 = new Score(second);
        BigDecimal expected = term1.toDecimal().add(term2.toDecimal().multiply(BigDecimal.valueOf(2)))
            .divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);

        assertThat(RULES.yearAverage(term1, term2).toDecimal()).as("HK1 %s, HK2 %s", term1, term2).isEqualTo(expected);
      }
    }
  }

  @Test
  void termAverage_should_lie_between_the_lowest_and_highest_mark() {
    Random random = new Random(27_2020L);
    for (int run = 0; run < RUNS; run++) {
      List<Score> regular = List.of(randomScore(random), randomScore(random));
      Score midterm = randomScore(random);
      Score finalExam = randomScore(random);
      List<Score> all = new ArrayList<>(regular);
      all.add(midterm);
      all.add(finalExam);

      Score average = RULES.termOutcome(new SubjectPlan("gdcd", AssessmentKind.SCORED, 35),
          SubjectMarks.scored(regular, midterm, finalExam)).average();

      assertThat(average).isBetween(all.stream().min(Score::compareTo).orElseThrow(),
          all.stream().max(Score::compareTo).orElseThrow());
    }
  }
}
