package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienlac.model.common.Violation;

/** Subject averages, regular-score counts and mark validation (Circular 22/2021). */
class Circular22RulesTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;
  // 35 periods a year: 2 TX; 70: 3 TX; 140: 4 TX.
  private static final SubjectPlan TWO_TX = new SubjectPlan("gdcd", AssessmentKind.SCORED, 35);
  private static final SubjectPlan THREE_TX = new SubjectPlan("cong-nghe", AssessmentKind.SCORED, 70);
  private static final SubjectPlan FOUR_TX = new SubjectPlan("toan", AssessmentKind.SCORED, 140);
  private static final SubjectPlan COMMENT_ONLY = new SubjectPlan("gdtc", AssessmentKind.COMMENTED, 70);

  private static Score s(String decimal) {
    return Score.of(decimal);
  }

  private static List<Score> tx(String... decimals) {
    return Arrays.stream(decimals).map(Score::of).toList();
  }

  private static Score average(SubjectPlan plan, List<Score> regular, String midterm, String finalExam) {
    return RULES.termOutcome(plan, SubjectMarks.scored(regular, s(midterm), s(finalExam))).average();
  }

  // --- term average

  @Test
  void termAverage_should_weigh_midterm_twice_and_final_three_times() {
    // GIVEN zero regular scores, WHEN only the midterm or only the final counts, THEN the weight shows: 2×7/7, 3×7/7.
    assertThat(average(TWO_TX, tx("0", "0"), "7", "0")).isEqualTo(s("2.0"));
    assertThat(average(TWO_TX, tx("0", "0"), "0", "7")).isEqualTo(s("3.0"));
    assertThat(average(TWO_TX, tx("7", "7"), "7", "7")).isEqualTo(s("7.0"));
  }

  @Test
  void termAverage_should_divide_by_the_number_of_regular_scores_plus_five() {
    // (4 × 10 + 0 + 0) / 9 = 4.44…
    assertThat(average(FOUR_TX, tx("10", "10", "10", "10"), "0", "0")).isEqualTo(s("4.4"));
    // (3 × 10 + 0 + 0) / 8 = 3.75
    assertThat(average(THREE_TX, tx("10", "10", "10"), "0", "0")).isEqualTo(s("3.8"));
  }

  @Test
  void termAverage_should_count_each_regular_score_once_not_their_average_once() {
    // GIVEN TX 10 and 10, GK 5, CK 5
    Score right = average(TWO_TX, tx("10", "10"), "5", "5");

    // THEN (10 + 10 + 2×5 + 3×5) / 7 = 6.43 → 6.4; the common mistake (avg TX 10 + 2×5 + 3×5) / 6 gives 5.8
    assertThat(right).isEqualTo(s("6.4")).isNotEqualTo(s("5.8"));
    // (4 + 6 + 8 + 2×7 + 3×9) / 8 = 7.375 → 7.4; the mistake: (6 + 14 + 27) / 6 = 7.83 → 7.8
    assertThat(average(THREE_TX, tx("4", "6", "8"), "7", "9")).isEqualTo(s("7.4")).isNotEqualTo(s("7.8"));
  }

  @Test
  void termAverage_should_round_an_exact_half_tenth_up() {
    // (3 × 7.6 + 2×8 + 3×8) / 8 = 62.8 / 8 = 7.85 exactly → 7.9
    assertThat(average(THREE_TX, tx("7.6", "7.6", "7.6"), "8", "8")).isEqualTo(s("7.9"));
    // (7.6 + 7.6 + 7.5 + 2×8 + 3×8) / 8 = 62.7 / 8 = 7.8375 → 7.8
    assertThat(average(THREE_TX, tx("7.6", "7.6", "7.5"), "8", "8")).isEqualTo(s("7.8"));
  }

  @ParameterizedTest(name = "{0}/{1} tenths → {2}")
  @CsvSource({"785, 10, 7.9", "784, 10, 7.8", "628, 8, 7.9", "627, 8, 7.8", "5, 10, 0.1", "4, 10, 0.0",
      "0, 9, 0.0", "1000, 10, 10.0", "995, 10, 10.0", "994, 10, 9.9"})
  void roundedMean_should_round_half_up_to_one_decimal(int weightedSum, int totalWeight, String expected) {
    assertThat(Circular22Rules.roundedMean(weightedSum, totalWeight)).isEqualTo(s(expected));
  }

  @Test
  void termAverage_should_be_ten_for_all_tens_and_zero_for_all_zeros() {
    assertThat(average(FOUR_TX, tx("10", "10", "10", "10"), "10", "10")).isEqualTo(s("10"));
    assertThat(average(FOUR_TX, tx("0", "0", "0", "0"), "0", "0")).isEqualTo(s("0"));
  }

  // --- year average

  @ParameterizedTest(name = "HK1 {0}, HK2 {1} → {2}")
  @CsvSource({"6.0, 9.0, 8.0", "9.0, 6.0, 7.0", "7.0, 7.1, 7.1", "7.1, 7.0, 7.0", "7.8, 7.9, 7.9", "8.0, 7.9, 7.9",
      "0, 0, 0.0", "10, 10, 10.0", "10, 0, 3.3", "0, 10, 6.7"})
  void yearAverage_should_weigh_the_second_term_twice_and_round_half_up(String term1, String term2, String expected) {
    // e.g. (7.0 + 2×7.1) / 3 = 7.067 → 7.1; (7.1 + 2×7.0) / 3 = 7.033 → 7.0
    assertThat(RULES.yearAverage(s(term1), s(term2))).isEqualTo(s(expected));
  }

  // --- regular score count

  @ParameterizedTest(name = "{0} periods a year → {1} TX")
  @CsvSource({"1, 2", "35, 2", "36, 3", "52, 3", "70, 3", "71, 4", "105, 4", "140, 4"})
  void requiredRegularCount_should_follow_the_periods_a_year(int periods, int expected) {
    assertThat(RULES.requiredRegularCount(new SubjectPlan("x", AssessmentKind.SCORED, periods))).isEqualTo(expected);
  }

  @Test
  void requiredRegularCount_should_be_zero_for_comment_only_subjects() {
    assertThat(RULES.requiredRegularCount(COMMENT_ONLY)).isZero();
    assertThat(RULES.requiredRegularCount(new SubjectPlan("hdtn-hn", AssessmentKind.COMMENTED, 105))).isZero();
  }

  // --- validate

  @Test
  void validate_should_accept_partial_and_complete_scored_marks() {
    assertThat(RULES.validate(FOUR_TX, SubjectMarks.empty())).isEmpty();
    assertThat(RULES.validate(FOUR_TX, SubjectMarks.scored(tx("8"), null, null))).isEmpty();
    assertThat(RULES.validate(FOUR_TX, SubjectMarks.scored(tx("8", "9", "7", "6"), s("7"), s("8")))).isEmpty();
  }

  @Test
  void validate_should_reject_more_regular_scores_than_the_subject_has() {
    // GIVEN a 35-period subject (2 TX) WHEN 3 are entered
    List<Violation> violations = RULES.validate(TWO_TX, SubjectMarks.scored(tx("8", "9", "7"), null, null));

    // THEN one violation says how many are allowed and how many were entered
    assertThat(violations).containsExactly(Violation.of("regular", "grade.tooManyRegular", 2, 3));
    assertThat(RULES.validate(FOUR_TX, SubjectMarks.scored(tx("1", "2", "3", "4", "5"), null, null)))
        .containsExactly(Violation.of("regular", "grade.tooManyRegular", 4, 5));
  }

  @Test
  void validate_should_reject_each_rating_on_a_scored_subject() {
    SubjectMarks marks = new SubjectMarks(tx("8", "9"), null, null, List.of(Rating.DAT), Rating.DAT, Rating.CHUA_DAT);

    assertThat(RULES.validate(TWO_TX, marks)).containsExactly(
        Violation.of("regularRatings", "grade.ratingNotAllowed"),
        Violation.of("midtermRating", "grade.ratingNotAllowed"),
        Violation.of("finalRating", "grade.ratingNotAllowed"));
    assertThat(RULES.validate(TWO_TX, new SubjectMarks(null, null, null, null, null, Rating.DAT)))
        .containsExactly(Violation.of("finalRating", "grade.ratingNotAllowed"));
  }

  @Test
  void validate_should_accept_partial_and_complete_ratings_on_a_comment_only_subject() {
    assertThat(RULES.validate(COMMENT_ONLY, SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT)))
        .isEmpty();
    assertThat(RULES.validate(COMMENT_ONLY, SubjectMarks.commented(List.of(Rating.CHUA_DAT), null, Rating.CHUA_DAT)))
        .isEmpty();
    assertThat(RULES.validate(COMMENT_ONLY, SubjectMarks.empty())).isEmpty();
  }

  @Test
  void validate_should_reject_more_regular_ratings_than_the_setting_gives() {
    // GIVEN the default of 2 regular assessments a term WHEN 3 are rated THEN one violation with both counts
    assertThat(RULES.validate(COMMENT_ONLY, SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT, Rating.DAT), null, null)))
        .containsExactly(Violation.of("regularRatings", "grade.tooManyRegularRatings", 2, 3));
    // AND a school set to 3 accepts them
    assertThat(Circular22Rules.of(new GradingSettings(3, 1, 5))
        .validate(COMMENT_ONLY, SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT, Rating.DAT), null, null)))
        .isEmpty();
  }

  @Test
  void validate_should_reject_each_kind_of_score_on_a_comment_only_subject() {
    assertThat(RULES.validate(COMMENT_ONLY, new SubjectMarks(tx("8"), s("7"), s("9"), null, null, Rating.DAT)))
        .containsExactly(
            Violation.of("regular", "grade.scoresNotAllowed"),
            Violation.of("midterm", "grade.scoresNotAllowed"),
            Violation.of("finalExam", "grade.scoresNotAllowed"));
    assertThat(RULES.validate(COMMENT_ONLY, SubjectMarks.scored(List.of(), null, s("9"))))
        .containsExactly(Violation.of("finalExam", "grade.scoresNotAllowed"));
  }

  @Test
  void validate_should_name_only_components_of_the_marks_so_an_entry_row_can_mirror_them() {
    Set<String> markFields = Arrays.stream(SubjectMarks.class.getRecordComponents())
        .map(RecordComponent::getName).collect(Collectors.toSet());
    List<Violation> violations = new ArrayList<>();
    violations.addAll(RULES.validate(COMMENT_ONLY, new SubjectMarks(tx("8"), s("7"), s("9"),
        List.of(Rating.DAT, Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT)));
    violations.addAll(RULES.validate(TWO_TX, new SubjectMarks(tx("8", "9", "7"), s("7"), s("9"),
        List.of(Rating.DAT), Rating.DAT, Rating.DAT)));

    assertThat(violations).hasSize(8).extracting(Violation::field).allSatisfy(field -> assertThat(markFields).contains(field));
  }

  @Test
  void validate_violations_should_be_placeable_under_a_gradebook_row() {
    Violation violation = RULES.validate(TWO_TX, SubjectMarks.scored(tx("8", "9", "7"), null, null)).get(0);

    assertThat(violation.under("rows/3").field()).isEqualTo("rows/3/regular");
  }

  // --- term outcome

  @Test
  void termOutcome_should_have_an_average_only_when_every_required_mark_is_present() {
    assertThat(RULES.termOutcome(THREE_TX, SubjectMarks.scored(tx("8", "8", "8"), s("8"), s("8"))))
        .isEqualTo(new SubjectOutcome("cong-nghe", AssessmentKind.SCORED, s("8"), null))
        .returns(true, SubjectOutcome::complete);

    List<SubjectMarks> partial = List.of(
        SubjectMarks.empty(),
        SubjectMarks.scored(tx("8", "8"), s("8"), s("8")),
        SubjectMarks.scored(tx("8", "8", "8"), null, s("8")),
        SubjectMarks.scored(tx("8", "8", "8"), s("8"), null));
    for (SubjectMarks marks : partial) {
      assertThat(RULES.termOutcome(THREE_TX, marks))
          .as("%s", marks)
          .isEqualTo(new SubjectOutcome("cong-nghe", AssessmentKind.SCORED, null, null))
          .returns(false, SubjectOutcome::complete);
    }
  }

  @Test
  @DisplayName("Article 9.1.a: a comment-only subject's term rating is Đạt when every required assessment is Đạt")
  void termOutcome_of_a_comment_only_subject_should_be_dat_when_every_assessment_is_dat() {
    assertThat(RULES.termOutcome(COMMENT_ONLY, SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT)))
        .isEqualTo(new SubjectOutcome("gdtc", AssessmentKind.COMMENTED, null, Rating.DAT))
        .returns(true, SubjectOutcome::complete);
  }

  @ParameterizedTest(name = "Article 9.1.a: Chưa đạt when only the {0} assessment is Chưa đạt")
  @CsvSource({"first regular, CHUA_DAT, DAT, DAT, DAT", "second regular, DAT, CHUA_DAT, DAT, DAT",
      "mid-term, DAT, DAT, CHUA_DAT, DAT", "end-of-term, DAT, DAT, DAT, CHUA_DAT"})
  void termOutcome_of_a_comment_only_subject_should_be_chua_dat_when_one_assessment_is_not_passed(
      String which, Rating first, Rating second, Rating midterm, Rating finalRating) {
    assertThat(RULES.termOutcome(COMMENT_ONLY, SubjectMarks.commented(List.of(first, second), midterm, finalRating)))
        .isEqualTo(new SubjectOutcome("gdtc", AssessmentKind.COMMENTED, null, Rating.CHUA_DAT));
  }

  @Test
  @DisplayName("Article 9.1.a: a comment-only subject has no term rating while a required assessment is missing")
  void termOutcome_of_a_comment_only_subject_should_be_incomplete_while_an_assessment_is_missing() {
    List<SubjectMarks> partial = List.of(
        SubjectMarks.empty(),
        SubjectMarks.commented(List.of(Rating.DAT), Rating.DAT, Rating.DAT),
        SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), null, Rating.DAT),
        SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), Rating.DAT, null),
        // Even with a Chưa đạt already in: the term is not over.
        SubjectMarks.commented(List.of(Rating.CHUA_DAT), Rating.DAT, Rating.DAT));
    for (SubjectMarks marks : partial) {
      assertThat(RULES.termOutcome(COMMENT_ONLY, marks))
          .as("%s", marks)
          .isEqualTo(new SubjectOutcome("gdtc", AssessmentKind.COMMENTED, null, null))
          .returns(false, SubjectOutcome::complete);
    }
  }

  @Test
  @DisplayName("Article 9.1.a: the number of regular assessments follows the school's setting")
  void termOutcome_of_a_comment_only_subject_should_need_as_many_regular_ratings_as_the_setting_says() {
    GradingRules three = Circular22Rules.of(new GradingSettings(3, 1, 5));
    SubjectMarks two = SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT);

    assertThat(three.requiredRegularRatingCount(COMMENT_ONLY)).isEqualTo(3);
    assertThat(three.termOutcome(COMMENT_ONLY, two).complete()).isFalse();
    assertThat(three.termOutcome(COMMENT_ONLY,
        SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT)).rating())
        .isEqualTo(Rating.DAT);
    assertThat(RULES.requiredRegularRatingCount(COMMENT_ONLY)).isEqualTo(2);
    assertThat(RULES.requiredRegularRatingCount(TWO_TX)).isZero();
  }

  @Test
  void termOutcome_should_refuse_marks_that_validate_rejects() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RULES.termOutcome(TWO_TX, SubjectMarks.scored(tx("8", "8", "8"), s("8"), s("8"))))
        .withMessageContaining("grade.tooManyRegular");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RULES.termOutcome(COMMENT_ONLY, SubjectMarks.scored(List.of(), s("8"), null)))
        .withMessageContaining("grade.scoresNotAllowed");
  }

  // --- choosing the rules

  @Test
  void forLevel_should_give_circular_22_for_both_secondary_levels() {
    assertThat(GradingRules.forLevel(SchoolLevel.LOWER_SECONDARY)).isSameAs(Circular22Rules.INSTANCE);
    assertThat(GradingRules.forLevel(SchoolLevel.UPPER_SECONDARY)).isSameAs(Circular22Rules.INSTANCE);
    assertThat(Circular22Rules.INSTANCE.id()).isEqualTo("TT22/2021");
  }

  @Test
  void forLevel_should_give_circular_27_for_primary_school() {
    assertThat(GradingStrategy.forLevel(SchoolLevel.PRIMARY)).isSameAs(Circular27Rules.INSTANCE);
    assertThat(Circular27Rules.INSTANCE.id()).isEqualTo("TT27/2020");
    assertThat(GradingStrategy.forLevel(SchoolLevel.LOWER_SECONDARY)).isSameAs(Circular22Rules.INSTANCE);
    // The secondary-only entry point says where primary rules are.
    assertThatThrownBy(() -> GradingRules.forLevel(SchoolLevel.PRIMARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Circular27Rules");
  }

  @Test
  void forLevel_should_build_the_rules_with_the_school_settings() {
    GradingSettings three = new GradingSettings(3, 0, 6);

    assertThat(GradingStrategy.forLevel(SchoolLevel.UPPER_SECONDARY, three).settings()).isEqualTo(three);
    assertThat(GradingStrategy.forLevel(SchoolLevel.PRIMARY, three).settings()).isEqualTo(three);
    assertThat(GradingRules.forLevel(SchoolLevel.LOWER_SECONDARY).settings()).isEqualTo(GradingSettings.DEFAULTS);
  }
}
