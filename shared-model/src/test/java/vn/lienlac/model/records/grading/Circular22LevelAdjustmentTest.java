package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Circular 22/2021, Article 9.3: "if the level falls two or more levels below Tốt or Khá because of
 * one subject alone, it is raised to the adjacent level". Examples, then properties over generated
 * pupils (8 scored and 4 comment-only subjects, averages drawn near the thresholds) checked against
 * an independent reading of Article 9.2 written here.
 */
class Circular22LevelAdjustmentTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;
  private static final int SCORED = 8;
  private static final int COMMENTED = 4;

  /** A pupil: scored averages in tenths, then comment-only ratings (true = Đạt). */
  record Pupil(List<Integer> averages, List<Boolean> passed) {
    List<SubjectOutcome> outcomes() {
      List<SubjectOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < averages.size(); i++) {
        outcomes.add(new SubjectOutcome("scored-" + i, AssessmentKind.SCORED, new Score(averages.get(i)), null));
      }
      for (int i = 0; i < passed.size(); i++) {
        outcomes.add(new SubjectOutcome("commented-" + i, AssessmentKind.COMMENTED, null,
            passed.get(i) ? Rating.DAT : Rating.CHUA_DAT));
      }
      return outcomes;
    }

    /** The same pupil with subject {@code index} (scored first, then comment-only) at its best. */
    Pupil atBest(int index) {
      List<Integer> a = new ArrayList<>(averages);
      List<Boolean> p = new ArrayList<>(passed);
      if (index < a.size()) {
        a.set(index, 100);
      } else {
        p.set(index - a.size(), true);
      }
      return new Pupil(a, p);
    }

    int subjects() {
      return averages.size() + passed.size();
    }
  }

  /** Article 9.2 read from the text, independently of the rules under test. */
  static ResultLevel article92(Pupil pupil) {
    long notPassed = pupil.passed().stream().filter(p -> !p).count();
    List<Integer> a = pupil.averages();
    if (notPassed == 0 && a.stream().allMatch(x -> x >= 65) && a.stream().filter(x -> x >= 80).count() >= 6) {
      return ResultLevel.TOT;
    }
    if (notPassed == 0 && a.stream().allMatch(x -> x >= 50) && a.stream().filter(x -> x >= 65).count() >= 6) {
      return ResultLevel.KHA;
    }
    if (notPassed <= 1 && a.stream().noneMatch(x -> x < 35) && a.stream().filter(x -> x >= 50).count() >= 6) {
      return ResultLevel.DAT;
    }
    return ResultLevel.CHUA_DAT;
  }

  private static LevelDecision decide(Pupil pupil) {
    return RULES.decideLevel(pupil.outcomes()).orElseThrow();
  }

  private static Pupil pupil(List<Integer> averages, Boolean... passed) {
    return new Pupil(averages, List.of(passed));
  }

  private static List<Integer> tenths(int count, int value, int... rest) {
    List<Integer> list = new ArrayList<>(Collections.nCopies(count, value));
    for (int r : rest) {
      list.add(r);
    }
    return list;
  }

  // --- examples

  @Test
  @DisplayName("Article 9.3: Tốt but for one scored subject at 3.0 (Chưa đạt) is raised to Đạt, naming the subject")
  void a_tot_pupil_held_to_chua_dat_by_one_scored_subject_should_be_raised_to_dat() {
    LevelDecision decision = decide(pupil(tenths(7, 90, 30), true, true, true, true));

    assertThat(decision).isEqualTo(new LevelDecision(ResultLevel.DAT, ResultLevel.CHUA_DAT, "scored-7"));
    assertThat(decision.raised()).isTrue();
  }

  @Test
  @DisplayName("Article 9.3: Tốt but for one comment-only subject Chưa đạt (Đạt) is raised to Khá")
  void a_tot_pupil_held_to_dat_by_one_comment_only_subject_should_be_raised_to_kha() {
    assertThat(decide(pupil(tenths(8, 90), true, true, false, true)))
        .isEqualTo(new LevelDecision(ResultLevel.KHA, ResultLevel.DAT, "commented-2"));
  }

  @Test
  @DisplayName("Article 9.3: Khá but for one scored subject at 3.4 (Chưa đạt) is raised to Đạt")
  void a_kha_pupil_held_to_chua_dat_by_one_subject_should_be_raised_to_dat() {
    assertThat(decide(pupil(tenths(7, 70, 34), true, true, true, true)))
        .isEqualTo(new LevelDecision(ResultLevel.DAT, ResultLevel.CHUA_DAT, "scored-7"));
  }

  @Test
  @DisplayName("Article 9.3: a drop of one level only (Khá to Đạt) is not raised")
  void a_drop_of_one_level_should_not_be_raised() {
    // 7 at 7.0 and one at 4.0: Đạt; with that subject at 10 only Khá (one subject ≥ 8.0): one level.
    assertThat(decide(pupil(tenths(7, 70, 40), true, true, true, true)))
        .isEqualTo(LevelDecision.computed(ResultLevel.DAT));
    // Tốt but for one subject at 6.4: Khá, one level below Tốt.
    assertThat(decide(pupil(tenths(7, 90, 64), true, true, true, true)))
        .isEqualTo(LevelDecision.computed(ResultLevel.KHA));
  }

  @Test
  @DisplayName("Article 9.3: two subjects short are not 'one subject alone'")
  void two_subjects_short_should_not_be_raised() {
    assertThat(decide(pupil(tenths(6, 90, 30, 30), true, true, true, true)))
        .isEqualTo(LevelDecision.computed(ResultLevel.CHUA_DAT));
    assertThat(decide(pupil(tenths(7, 90, 30), true, true, true, false)))
        .isEqualTo(LevelDecision.computed(ResultLevel.CHUA_DAT));
    assertThat(decide(pupil(tenths(8, 90), true, false, false, true)))
        .isEqualTo(LevelDecision.computed(ResultLevel.CHUA_DAT));
  }

  @Test
  @DisplayName("Article 9.3: the level a report shows (termLevel) is the raised one")
  void termLevel_should_report_the_raised_level() {
    assertThat(RULES.termLevel(pupil(tenths(7, 90, 30), true, true, true, true).outcomes())).contains(ResultLevel.DAT);
  }

  @Test
  @DisplayName("Article 9.3: a decision is raised by exactly one level and names its subject")
  void levelDecision_should_refuse_anything_but_one_level_with_a_subject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LevelDecision(ResultLevel.KHA, ResultLevel.CHUA_DAT, "toan"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LevelDecision(ResultLevel.DAT, ResultLevel.CHUA_DAT, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LevelDecision(ResultLevel.DAT, ResultLevel.DAT, "toan"));
  }

  // --- properties

  @Provide
  Arbitrary<Pupil> pupils() {
    // Mostly good averages (at or above what Khá and Tốt ask), some at or just below a threshold
    // (3.4/3.5, 4.9/5.0, 6.4/6.5, 7.9/8.0), some anywhere; most comment-only subjects Đạt. So that
    // pupils held back by one subject, by two, or by none all come up often.
    Arbitrary<Integer> average = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(65, 79, 80, 90, 100)),
        Tuple.of(2, Arbitraries.of(0, 30, 34, 35, 49, 50, 64)),
        Tuple.of(1, Arbitraries.integers().between(0, 100)));
    Arbitrary<Boolean> passed = Arbitraries.frequency(Tuple.of(8, true), Tuple.of(1, false));
    return Combinators.combine(average.list().ofSize(SCORED), passed.list().ofSize(COMMENTED)).as(Pupil::new);
  }

  @Property(tries = 3000)
  @Label("Article 9.2: the computed level is the thresholds' level")
  void computed_level_should_be_article_9_2(@ForAll("pupils") Pupil pupil) {
    assertThat(decide(pupil).computed()).isEqualTo(article92(pupil));
  }

  @Property(tries = 3000)
  @Label("Article 9.3: raising never exceeds one level and never gives Tốt")
  void raising_should_never_exceed_one_level(@ForAll("pupils") Pupil pupil) {
    LevelDecision decision = decide(pupil);

    assertThat(decision.level().ordinal()).isBetween(decision.computed().ordinal() - 1, decision.computed().ordinal());
    assertThat(decision.raised()).isEqualTo(decision.level() != decision.computed());
    if (decision.raised()) {
      assertThat(decision.level()).isNotEqualTo(ResultLevel.TOT);
    }
  }

  @Property(tries = 3000)
  @Label("Article 9.3: raised exactly when one subject alone keeps the pupil two or more levels below Tốt or Khá")
  void raising_should_apply_exactly_when_one_subject_alone_costs_two_levels(@ForAll("pupils") Pupil pupil) {
    ResultLevel computed = article92(pupil);
    List<String> culprits = new ArrayList<>();
    for (int i = 0; i < pupil.subjects(); i++) {
      ResultLevel reachable = article92(pupil.atBest(i));
      if ((reachable == ResultLevel.TOT || reachable == ResultLevel.KHA)
          && computed.ordinal() - reachable.ordinal() >= 2) {
        culprits.add(pupil.outcomes().get(i).subject());
      }
    }

    LevelDecision decision = decide(pupil);
    Statistics.label("raised").collect(decision.raised());
    Statistics.label("raised").coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));

    assertThat(decision.raised()).isEqualTo(!culprits.isEmpty());
    if (decision.raised()) {
      assertThat(decision.raisedBecauseOf()).isEqualTo(culprits.getFirst());
    }
  }

  @Property(tries = 3000)
  @Label("Article 9.3: never applies when two subjects are short")
  void raising_should_never_apply_when_two_subjects_are_short(@ForAll("pupils") Pupil pupil,
      @ForAll("twoSubjects") List<Integer> shortOnes) {
    Pupil twoShort = pupil;
    for (int index : shortOnes) {
      List<Integer> a = new ArrayList<>(twoShort.averages());
      List<Boolean> p = new ArrayList<>(twoShort.passed());
      if (index < SCORED) {
        a.set(index, Math.min(a.get(index), 49)); // below what Khá and Tốt ask of every subject
      } else {
        p.set(index - SCORED, false);
      }
      twoShort = new Pupil(a, p);
    }

    assertThat(decide(twoShort).raised()).as("%s", twoShort).isFalse();
  }

  @Property(tries = 3000)
  @Label("Article 9.3: never applies when the drop is only one level")
  void raising_should_never_apply_when_the_best_one_subject_can_do_is_one_level(@ForAll("pupils") Pupil pupil) {
    ResultLevel computed = article92(pupil);
    int bestReachable = computed.ordinal();
    for (int i = 0; i < pupil.subjects(); i++) {
      bestReachable = Math.min(bestReachable, article92(pupil.atBest(i)).ordinal());
    }
    if (computed.ordinal() - bestReachable <= 1) {
      assertThat(decide(pupil).raised()).isFalse();
    }
  }

  @Provide
  Arbitrary<List<Integer>> twoSubjects() {
    return Arbitraries.integers().between(0, SCORED + COMMENTED - 1).list().ofSize(2).uniqueElements();
  }
}
