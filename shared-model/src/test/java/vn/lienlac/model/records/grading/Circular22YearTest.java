package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The school year (cả năm) of a secondary pupil: subject year outcomes and the year level (Circular 22/2021, Article 9). */
class Circular22YearTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;
  private static final SubjectPlan TWO_TX = new SubjectPlan("gdcd", AssessmentKind.SCORED, 35);
  private static final SubjectPlan COMMENT_ONLY = new SubjectPlan("gdtc", AssessmentKind.COMMENTED, 70);

  private static SubjectOutcome scored(String average) {
    return new SubjectOutcome("gdcd", AssessmentKind.SCORED, average == null ? null : Score.of(average), null);
  }

  private static SubjectOutcome commented(Rating rating) {
    return new SubjectOutcome("gdtc", AssessmentKind.COMMENTED, null, rating);
  }

  private static SubjectMarks marks(String tx1, String tx2, String midterm, String finalExam) {
    return SubjectMarks.scored(List.of(Score.of(tx1), Score.of(tx2)), Score.of(midterm), Score.of(finalExam));
  }

  @Test
  @DisplayName("Article 9.1.b: ĐTBmcn is (HK1 + 2×HK2) / 3 of the ROUNDED term averages")
  void yearOutcome_should_average_the_rounded_term_averages_not_the_exact_ones() {
    // GIVEN HK1 marks TX 6, 6, GK 6, CK 5: (6 + 6 + 12 + 15) / 7 = 5.571… → 5.6
    SubjectOutcome term1 = RULES.termOutcome(TWO_TX, marks("6", "6", "6", "5"));
    // AND HK2 marks TX 7, 7, GK 6, CK 6: (7 + 7 + 12 + 18) / 7 = 6.285… → 6.3
    SubjectOutcome term2 = RULES.termOutcome(TWO_TX, marks("7", "7", "6", "6"));
    assertThat(term1.average()).isEqualTo(Score.of("5.6"));
    assertThat(term2.average()).isEqualTo(Score.of("6.3"));

    // THEN (5.6 + 2×6.3) / 3 = 6.067 → 6.1; the exact averages would give 127/21 = 6.048 → 6.0
    assertThat(RULES.yearOutcome(TWO_TX, term1, term2))
        .isEqualTo(new SubjectOutcome("gdcd", AssessmentKind.SCORED, Score.of("6.1"), null));
  }

  @Test
  @DisplayName("Article 9.1.b: the year average rounds half-up to one decimal")
  void yearOutcome_should_round_half_up() {
    // (7.0 + 2×7.1) / 3 = 7.0667 → 7.1; (6.5 + 2×6.4) / 3 = 6.4333 → 6.4; (7.1 + 2×7.2) / 3 = 7.1667 → 7.2
    assertThat(RULES.yearOutcome(TWO_TX, scored("7.0"), scored("7.1")).average()).isEqualTo(Score.of("7.1"));
    assertThat(RULES.yearOutcome(TWO_TX, scored("6.5"), scored("6.4")).average()).isEqualTo(Score.of("6.4"));
    assertThat(RULES.yearOutcome(TWO_TX, scored("7.1"), scored("7.2")).average()).isEqualTo(Score.of("7.2"));
  }

  @Property
  @Label("Article 9.1.b: the year average is the BigDecimal HALF_UP of (HK1 + 2×HK2) / 3 for any term averages")
  void yearOutcome_should_match_bigdecimal(@ForAll @IntRange(max = 100) int term1, @ForAll @IntRange(max = 100) int term2) {
    BigDecimal expected = BigDecimal.valueOf(term1, 1).add(BigDecimal.valueOf(2L * term2, 1))
        .divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);

    assertThat(RULES.yearOutcome(TWO_TX, scored(new Score(term1).toString()), scored(new Score(term2).toString()))
        .average().toDecimal()).isEqualTo(expected);
  }

  @Test
  @DisplayName("Article 9.1.a: a comment-only subject's year rating is the second term's")
  void yearOutcome_of_a_comment_only_subject_should_be_the_second_terms_rating() {
    assertThat(RULES.yearOutcome(COMMENT_ONLY, commented(Rating.CHUA_DAT), commented(Rating.DAT)))
        .isEqualTo(commented(Rating.DAT));
    assertThat(RULES.yearOutcome(COMMENT_ONLY, commented(Rating.DAT), commented(Rating.CHUA_DAT)))
        .isEqualTo(commented(Rating.CHUA_DAT));
  }

  @Test
  void yearOutcome_should_be_incomplete_while_either_term_is() {
    assertThat(RULES.yearOutcome(TWO_TX, scored(null), scored("8.0")).complete()).isFalse();
    assertThat(RULES.yearOutcome(TWO_TX, scored("8.0"), scored(null)).complete()).isFalse();
    assertThat(RULES.yearOutcome(COMMENT_ONLY, commented(null), commented(Rating.DAT)).complete()).isFalse();
    assertThat(RULES.yearOutcome(COMMENT_ONLY, commented(Rating.DAT), commented(null)).complete()).isFalse();
  }

  @Test
  void yearOutcome_should_refuse_term_outcomes_of_another_subject_or_kind() {
    assertThatIllegalArgumentException().isThrownBy(() -> RULES.yearOutcome(TWO_TX, scored("8.0"),
        new SubjectOutcome("toan", AssessmentKind.SCORED, Score.of("8"), null)));
    assertThatIllegalArgumentException().isThrownBy(() -> RULES.yearOutcome(TWO_TX, scored("8.0"),
        new SubjectOutcome("gdcd", AssessmentKind.COMMENTED, null, Rating.DAT)));
  }

  @Test
  @DisplayName("Article 9.2: the year level uses the term thresholds on the year averages")
  void the_year_level_should_follow_the_year_averages() {
    // GIVEN eight subjects whose terms are 7.0 and 8.5: year (7.0 + 17.0) / 3 = 8.0 in six of them
    // and 6.0 / 6.7 → 6.5 in the other two, every comment-only subject Đạt in HK2
    List<SubjectOutcome> year = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      SubjectPlan plan = new SubjectPlan("s" + i, AssessmentKind.SCORED, 70);
      boolean high = i < 6;
      year.add(RULES.yearOutcome(plan,
          new SubjectOutcome("s" + i, AssessmentKind.SCORED, Score.of(high ? "7.0" : "6.0"), null),
          new SubjectOutcome("s" + i, AssessmentKind.SCORED, Score.of(high ? "8.5" : "6.7"), null)));
    }
    for (int i = 0; i < 4; i++) {
      SubjectPlan plan = new SubjectPlan("c" + i, AssessmentKind.COMMENTED, 70);
      year.add(RULES.yearOutcome(plan, new SubjectOutcome("c" + i, AssessmentKind.COMMENTED, null, Rating.CHUA_DAT),
          new SubjectOutcome("c" + i, AssessmentKind.COMMENTED, null, Rating.DAT)));
    }

    // THEN exactly six at 8.0 and the rest at 6.5, all comment-only Đạt: Tốt, at both boundaries
    assertThat(year).extracting(SubjectOutcome::average).filteredOn(a -> a != null)
        .containsExactly(Score.of("8.0"), Score.of("8.0"), Score.of("8.0"), Score.of("8.0"), Score.of("8.0"),
            Score.of("8.0"), Score.of("6.5"), Score.of("6.5"));
    assertThat(RULES.decideLevel(year)).contains(LevelDecision.computed(ResultLevel.TOT));
  }

  @Property(tries = 500)
  @Label("Article 9.2: the same outcomes give the same level whether they are a term's or a year's")
  void decideLevel_should_not_depend_on_term_or_year(@ForAll @Size(8) List<@IntRange(max = 100) Integer> averages) {
    List<SubjectOutcome> outcomes = new ArrayList<>();
    List<SubjectOutcome> years = new ArrayList<>();
    for (int i = 0; i < averages.size(); i++) {
      Score score = new Score(averages.get(i));
      SubjectOutcome term = new SubjectOutcome("s" + i, AssessmentKind.SCORED, score, null);
      outcomes.add(term);
      // A year whose two terms are equal has that average.
      years.add(RULES.yearOutcome(new SubjectPlan("s" + i, AssessmentKind.SCORED, 70), term, term));
    }
    Collections.shuffle(years, new java.util.Random(averages.hashCode()));

    assertThat(RULES.decideLevel(years).orElseThrow().level()).isEqualTo(RULES.decideLevel(outcomes).orElseThrow().level());
  }
}
