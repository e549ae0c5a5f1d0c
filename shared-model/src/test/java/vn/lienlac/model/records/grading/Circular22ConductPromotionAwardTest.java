package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A secondary pupil's year conduct (Article 8), promotion (Articles 12–14) and awards (Article 15), Circular 22/2021. */
class Circular22ConductPromotionAwardTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;

  // --- Article 8.2.b: the year's conduct from the two terms'

  @ParameterizedTest(name = "Article 8.2.b: HK1 {0}, HK2 {1} → year {2}")
  @CsvSource({
      "TOT,      TOT,      TOT",
      "KHA,      TOT,      TOT",
      "DAT,      TOT,      KHA",
      "CHUA_DAT, TOT,      KHA",
      "TOT,      KHA,      KHA",
      "KHA,      KHA,      KHA",
      "DAT,      KHA,      KHA",
      "CHUA_DAT, KHA,      DAT",
      "TOT,      DAT,      KHA",
      "KHA,      DAT,      DAT",
      "DAT,      DAT,      DAT",
      "CHUA_DAT, DAT,      DAT",
      "TOT,      CHUA_DAT, CHUA_DAT",
      "KHA,      CHUA_DAT, CHUA_DAT",
      "DAT,      CHUA_DAT, CHUA_DAT",
      "CHUA_DAT, CHUA_DAT, CHUA_DAT"})
  void yearConduct_should_follow_article_8_2_b_for_each_of_the_16_combinations(Conduct term1, Conduct term2,
      Conduct expected) {
    assertThat(RULES.yearConduct(term1, term2)).contains(expected);
  }

  @Test
  @DisplayName("Article 8.2.b: the year's conduct waits for both terms")
  void yearConduct_should_be_empty_while_a_term_is_missing() {
    assertThat(RULES.yearConduct(null, Conduct.TOT)).isEmpty();
    assertThat(RULES.yearConduct(Conduct.TOT, null)).isEmpty();
  }

  // --- Articles 12–14: promotion

  private static SubjectOutcome scored(String subject, String average) {
    return new SubjectOutcome(subject, AssessmentKind.SCORED, Score.of(average), null);
  }

  private static SubjectOutcome commented(String subject, Rating rating) {
    return new SubjectOutcome(subject, AssessmentKind.COMMENTED, null, rating);
  }

  /** A year with two weak subjects (4.9 and a comment-only one Chưa đạt) among good ones. */
  private static final List<SubjectOutcome> WEAK_YEAR = List.of(
      scored("toan", "4.9"), scored("ngu-van", "5.0"), scored("tieng-anh", "7.0"),
      commented("gdtc", Rating.CHUA_DAT), commented("nghe-thuat", Rating.DAT));

  @Test
  @DisplayName("Article 12.1: conduct and learning Đạt or better and at most 45 sessions absent: promoted")
  void promotion_should_promote_at_dat_and_45_sessions() {
    PromotionDecision decision = RULES.promotion(Conduct.DAT, ResultLevel.DAT, WEAK_YEAR, 45);

    assertThat(decision).isEqualTo(new PromotionDecision(PromotionOutcome.PROMOTED, List.of(), List.of()));
    assertThat(decision.promoted()).isTrue();
  }

  @Test
  @DisplayName("Article 12.2.a: more than 45 sessions absent keeps a pupil back, whatever the rest")
  void promotion_should_keep_back_after_46_sessions() {
    assertThat(RULES.promotion(Conduct.TOT, ResultLevel.TOT, WEAK_YEAR, 46))
        .isEqualTo(new PromotionDecision(PromotionOutcome.KEPT_BACK, List.of(PromotionReason.ABSENT_TOO_MUCH), List.of()));
    assertThat(RULES.promotion(Conduct.CHUA_DAT, ResultLevel.CHUA_DAT, WEAK_YEAR, 200))
        .isEqualTo(new PromotionDecision(PromotionOutcome.KEPT_BACK, List.of(PromotionReason.ABSENT_TOO_MUCH,
            PromotionReason.LEARNING_NOT_PASSED, PromotionReason.CONDUCT_NOT_PASSED), List.of()));
  }

  @Test
  @DisplayName("Article 13: learning Chưa đạt: summer retest of the subjects below 5.0 or Chưa đạt")
  void promotion_should_retest_the_subjects_below_five_or_not_passed() {
    assertThat(RULES.promotion(Conduct.KHA, ResultLevel.CHUA_DAT, WEAK_YEAR, 0))
        .isEqualTo(new PromotionDecision(PromotionOutcome.SUMMER_RETEST, List.of(PromotionReason.LEARNING_NOT_PASSED),
            List.of("toan", "gdtc")));
  }

  @Test
  @DisplayName("Article 14: conduct Chưa đạt: summer conduct training")
  void promotion_should_send_conduct_chua_dat_to_summer_training() {
    assertThat(RULES.promotion(Conduct.CHUA_DAT, ResultLevel.KHA, WEAK_YEAR, 10))
        .isEqualTo(new PromotionDecision(PromotionOutcome.SUMMER_CONDUCT_TRAINING,
            List.of(PromotionReason.CONDUCT_NOT_PASSED), List.of()));
  }

  @Test
  @DisplayName("Articles 13–14: both Chưa đạt: retest and conduct training")
  void promotion_should_do_both_when_both_are_chua_dat() {
    assertThat(RULES.promotion(Conduct.CHUA_DAT, ResultLevel.CHUA_DAT, WEAK_YEAR, 45))
        .isEqualTo(new PromotionDecision(PromotionOutcome.SUMMER_BOTH,
            List.of(PromotionReason.LEARNING_NOT_PASSED, PromotionReason.CONDUCT_NOT_PASSED), List.of("toan", "gdtc")));
  }

  @Test
  void promotion_should_refuse_incomplete_outcomes_and_negative_absences() {
    List<SubjectOutcome> incomplete = List.of(new SubjectOutcome("toan", AssessmentKind.SCORED, null, null));
    assertThatIllegalArgumentException().isThrownBy(() -> RULES.promotion(Conduct.TOT, ResultLevel.TOT, incomplete, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> RULES.promotion(Conduct.TOT, ResultLevel.TOT, WEAK_YEAR, -1));
  }

  // --- Article 15: awards

  /** Eight scored subjects: {@code excellent} at {@code high}, the rest at 8.5; four comment-only Đạt. */
  private static List<SubjectOutcome> year(int excellent, String high) {
    List<SubjectOutcome> outcomes = new ArrayList<>();
    List<String> averages = new ArrayList<>(Collections.nCopies(excellent, high));
    averages.addAll(Collections.nCopies(8 - excellent, "8.5"));
    for (int i = 0; i < averages.size(); i++) {
      outcomes.add(scored("s" + i, averages.get(i)));
    }
    for (int i = 0; i < 4; i++) {
      outcomes.add(commented("c" + i, Rating.DAT));
    }
    return outcomes;
  }

  @ParameterizedTest(name = "Article 15: {0} subjects at {1}, conduct {2}, learning {3} → {4}")
  @CsvSource({
      "6, 9.0, TOT, TOT, XUAT_SAC",
      "8, 10,  TOT, TOT, XUAT_SAC",
      "5, 9.0, TOT, TOT, GIOI",
      "6, 8.9, TOT, TOT, GIOI",
      "8, 10,  KHA, TOT, ",
      "8, 10,  TOT, KHA, ",
      "0, 9.0, DAT, DAT, "})
  void award_should_follow_article_15(int excellent, String high, Conduct conduct, ResultLevel level, Award expected) {
    assertThat(RULES.award(conduct, level, year(excellent, high))).isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @Test
  @DisplayName("Article 15: comment-only subjects never count among the six at 9.0")
  void award_should_count_only_scored_subjects() {
    // Five scored subjects at 9.0 and four comment-only subjects Đạt: Giỏi, not Xuất sắc.
    assertThat(RULES.award(Conduct.TOT, ResultLevel.TOT, year(5, "9.0"))).contains(Award.GIOI);
  }
}
