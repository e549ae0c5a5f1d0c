package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.lienlac.model.records.grading.PrimaryPoint.END_OF_YEAR;
import static vn.lienlac.model.records.grading.PrimaryPoint.END_TERM_1;
import static vn.lienlac.model.records.grading.PrimaryPoint.MID_TERM_1;
import static vn.lienlac.model.records.grading.PrimaryPoint.MID_TERM_2;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienlac.model.common.Violation;

/** Circular 27/2020 (primary school, grades 1–5): subjects, tests, validation and the year evaluation. */
class Circular27RulesTest {
  private static final Circular27Rules RULES = Circular27Rules.INSTANCE;
  private static final PrimarySubject TOAN_5 = PrimarySubjects.plan(5).get(1);
  private static final PrimarySubject DAO_DUC = new PrimarySubject(PrimarySubjects.DAO_DUC, Set.of());

  // --- subjects and tests (Article 7)

  @Test
  @DisplayName("2018 programme: the subjects and activities of each primary grade")
  void plan_should_list_each_grades_subjects_in_order() {
    assertThat(PrimarySubjects.plan(1)).extracting(PrimarySubject::subject)
        .containsExactly("tieng-viet", "toan", "dao-duc", "tu-nhien-xa-hoi", "gdtc", "nghe-thuat", "hdtn");
    assertThat(PrimarySubjects.plan(2)).isEqualTo(PrimarySubjects.plan(1));
    assertThat(PrimarySubjects.plan(3)).extracting(PrimarySubject::subject)
        .containsExactly("tieng-viet", "toan", "ngoai-ngu-1", "dao-duc", "tu-nhien-xa-hoi", "tin-hoc-cong-nghe", "gdtc",
            "nghe-thuat", "hdtn");
    assertThat(PrimarySubjects.plan(4)).extracting(PrimarySubject::subject)
        .containsExactly("tieng-viet", "toan", "ngoai-ngu-1", "dao-duc", "lich-su-dia-li", "khoa-hoc",
            "tin-hoc-cong-nghe", "gdtc", "nghe-thuat", "hdtn");
    assertThat(PrimarySubjects.plan(5)).isEqualTo(PrimarySubjects.plan(4));
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {0, 6, -1})
  void plan_should_refuse_other_grades(int grade) {
    assertThatIllegalArgumentException().isThrownBy(() -> PrimarySubjects.plan(grade));
  }

  @Test
  @DisplayName("Article 7: periodic tests at the end of term 1 and of the year; mid-terms too in Tiếng Việt and Toán in grades 4–5")
  void plan_should_put_the_periodic_tests_where_the_circular_does() {
    Set<String> tested = Set.of("tieng-viet", "toan", "ngoai-ngu-1", "lich-su-dia-li", "khoa-hoc", "tin-hoc-cong-nghe");
    for (int grade = 1; grade <= 5; grade++) {
      for (PrimarySubject subject : PrimarySubjects.plan(grade)) {
        Set<PrimaryPoint> expected = !tested.contains(subject.subject()) ? Set.of()
            : grade >= 4 && Set.of("tieng-viet", "toan").contains(subject.subject()) ? EnumSet.allOf(PrimaryPoint.class)
            : EnumSet.of(END_TERM_1, END_OF_YEAR);
        assertThat(subject.testPoints()).as("grade %d %s", grade, subject.subject()).isEqualTo(expected);
      }
    }
  }

  @Test
  void points_should_belong_to_their_terms() {
    assertThat(List.of(MID_TERM_1, END_TERM_1, MID_TERM_2, END_OF_YEAR)).extracting(PrimaryPoint::term)
        .containsExactly(1, 1, 2, 2);
    assertThat(EnumSet.allOf(PrimaryPoint.class)).filteredOn(PrimaryPoint::endOfTerm).containsExactly(END_TERM_1, END_OF_YEAR);
  }

  @Test
  void subject_codes_should_be_stable_and_shared_with_secondary_where_the_subject_is_the_same() {
    assertThat(PrimarySubjects.TOAN).isEqualTo(Subjects.TOAN);
    assertThat(PrimarySubjects.LICH_SU_DIA_LI).isEqualTo(Subjects.LICH_SU_DIA_LI);
    assertThat(PrimarySubjects.isValidCode("tieng-viet")).isTrue();
    assertThat(PrimarySubjects.isValidCode("ngu-van")).isFalse();
    assertThat(PrimarySubjects.isValidCode(null)).isFalse();
  }

  @Test
  @DisplayName("2018 programme: 5 qualities, 3 general and 7 specific competencies")
  void qualities_should_list_the_programmes_qualities_and_competencies() {
    assertThat(PrimaryQualities.QUALITIES).containsExactly("yeu-nuoc", "nhan-ai", "cham-chi", "trung-thuc", "trach-nhiem");
    assertThat(PrimaryQualities.GENERAL_COMPETENCIES).hasSize(3);
    assertThat(PrimaryQualities.SPECIFIC_COMPETENCIES).hasSize(7);
    assertThat(PrimaryQualities.ALL).hasSize(15).doesNotHaveDuplicates();
    assertThat(PrimaryQualities.messageKey("nhan-ai")).isEqualTo("quality.nhan-ai");
    assertThat(PrimaryQualities.messageKey("tin-hoc")).isEqualTo("competency.tin-hoc");
    assertThatIllegalArgumentException().isThrownBy(() -> PrimaryQualities.messageKey("toan"));
  }

  // --- validation

  @Test
  void validate_should_accept_a_full_entry_and_an_empty_one() {
    assertThat(RULES.validate(TOAN_5, MID_TERM_1, new PrimaryEntry(Completion.HOAN_THANH_TOT, "Em tính nhanh.", 10)))
        .isEmpty();
    assertThat(RULES.validate(DAO_DUC, END_OF_YEAR, new PrimaryEntry(Completion.HOAN_THANH, "Lễ phép.", null))).isEmpty();
    assertThat(RULES.validate(TOAN_5, END_OF_YEAR, PrimaryEntry.empty())).isEmpty();
  }

  @Test
  @DisplayName("Article 7: a test score only where the subject has a periodic test at that point")
  void validate_should_refuse_a_score_where_there_is_no_test() {
    PrimarySubject toan3 = PrimarySubjects.plan(3).get(1);

    assertThat(RULES.validate(toan3, MID_TERM_1, new PrimaryEntry(null, null, 8)))
        .containsExactly(Violation.of("testScore", "primary.noTest"));
    assertThat(RULES.validate(DAO_DUC, END_OF_YEAR, new PrimaryEntry(null, null, 8)))
        .containsExactly(Violation.of("testScore", "primary.noTest"));
  }

  @ParameterizedTest(name = "score {0}, lowest {1} → valid {2}")
  @CsvSource({"1, 1, true", "10, 1, true", "0, 1, false", "11, 1, false", "0, 0, true", "-1, 0, false"})
  @DisplayName("Article 7: test scores are whole numbers from the setting's lowest (default 1) to 10")
  void validate_should_bound_the_test_score_by_the_setting(int score, int lowest, boolean valid) {
    Circular27Rules rules = Circular27Rules.of(new GradingSettings(2, lowest, 5));

    List<Violation> violations = rules.validate(TOAN_5, END_OF_YEAR, new PrimaryEntry(null, null, score));

    assertThat(violations).isEqualTo(valid ? List.of()
        : List.of(Violation.of("testScore", "primary.testScoreRange", lowest, 10, Integer.toString(score))));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"8, ", "8.0, ", "10, ", "1, ", "8.5, primary.testScoreWhole", "0, primary.testScoreRange",
      "10.5, primary.testScoreRange", "1E+2147483647, primary.testScoreRange", "0.99, primary.testScoreRange",
      "-3, primary.testScoreRange"})
  void checkTestScore_should_accept_whole_numbers_in_range_only(String typed, String code) {
    Violation violation = RULES.checkTestScore(new BigDecimal(typed));

    assertThat(violation == null ? null : violation.code()).isEqualTo(code);
  }

  @Test
  void validate_should_bound_the_comment() {
    String longest = "a".repeat(Circular27Rules.MAX_COMMENT_LENGTH);

    assertThat(RULES.validate(DAO_DUC, MID_TERM_1, new PrimaryEntry(null, longest, null))).isEmpty();
    assertThat(RULES.validate(DAO_DUC, MID_TERM_1, new PrimaryEntry(null, longest + "a", null)))
        .containsExactly(Violation.of("comment", "text.tooLong", 500, 501));
  }

  @Test
  void validateQualities_should_refuse_unknown_codes_only() {
    Map<String, QualityRating> ratings = new LinkedHashMap<>();
    ratings.put("yeu-nuoc", QualityRating.TOT);
    ratings.put("the-chat", QualityRating.CAN_CO_GANG);
    assertThat(RULES.validateQualities(ratings)).isEmpty();

    ratings.put("toan", QualityRating.DAT);
    ratings.put("dung-cam", QualityRating.DAT);
    assertThat(RULES.validateQualities(ratings)).containsExactly(
        Violation.of("dung-cam", "primary.unknownQuality", "dung-cam"),
        Violation.of("toan", "primary.unknownQuality", "toan"));
  }

  // --- Article 9.2: the end-of-year evaluation

  private static final List<PrimarySubject> GRADE_5 = PrimarySubjects.plan(5);

  /** Every subject rated {@code rating}, every tested subject scoring {@code score}, every quality {@code quality}. */
  private static Evaluation pupil(Completion rating, int score, QualityRating quality) {
    Map<String, PrimaryEntry> entries = new HashMap<>();
    for (PrimarySubject subject : GRADE_5) {
      entries.put(subject.subject(), new PrimaryEntry(rating, null, subject.testedAt(END_OF_YEAR) ? score : null));
    }
    Map<String, QualityRating> qualities = new HashMap<>();
    PrimaryQualities.ALL.forEach(code -> qualities.put(code, quality));
    return new Evaluation(entries, qualities);
  }

  private record Evaluation(Map<String, PrimaryEntry> entries, Map<String, QualityRating> qualities) {
    Evaluation with(String subject, PrimaryEntry entry) {
      Map<String, PrimaryEntry> copy = new HashMap<>(entries);
      copy.put(subject, entry);
      return new Evaluation(copy, qualities);
    }

    Evaluation withQuality(String code, QualityRating rating) {
      Map<String, QualityRating> copy = new HashMap<>(qualities);
      if (rating == null) {
        copy.remove(code);
      } else {
        copy.put(code, rating);
      }
      return new Evaluation(entries, copy);
    }

    Optional<YearEvaluation> evaluate(Circular27Rules rules) {
      return rules.yearEvaluation(GRADE_5, entries, qualities);
    }

    Optional<YearEvaluation> evaluate() {
      return evaluate(RULES);
    }
  }

  @ParameterizedTest(name = "Article 9.2: subjects {0}, tests {1}, qualities {2} → {3}")
  @CsvSource({
      "HOAN_THANH_TOT,  10, TOT,         HOAN_THANH_XUAT_SAC",
      "HOAN_THANH_TOT,  9,  TOT,         HOAN_THANH_XUAT_SAC",
      "HOAN_THANH_TOT,  8,  TOT,         HOAN_THANH_TOT",
      "HOAN_THANH_TOT,  7,  TOT,         HOAN_THANH_TOT",
      "HOAN_THANH_TOT,  6,  TOT,         HOAN_THANH",
      "HOAN_THANH_TOT,  10, DAT,         HOAN_THANH",
      "HOAN_THANH,      10, TOT,         HOAN_THANH",
      "HOAN_THANH,      5,  DAT,         HOAN_THANH",
      "HOAN_THANH,      4,  DAT,         CHUA_HOAN_THANH",
      "HOAN_THANH,      10, CAN_CO_GANG, CHUA_HOAN_THANH",
      "CHUA_HOAN_THANH, 10, TOT,         CHUA_HOAN_THANH"})
  void yearEvaluation_should_apply_each_level_at_its_boundary(Completion rating, int score, QualityRating quality,
      YearEvaluation expected) {
    assertThat(pupil(rating, score, quality).evaluate()).contains(expected);
  }

  @Test
  @DisplayName("Article 9.2: ONE subject, test or quality short is enough to miss a level")
  void yearEvaluation_should_need_every_subject_test_and_quality() {
    Evaluation excellent = pupil(Completion.HOAN_THANH_TOT, 10, QualityRating.TOT);

    // One test at 8 (not 9): Hoàn thành tốt; one at 6 (not 7): Hoàn thành; one at 4 (not 5): Chưa hoàn thành
    assertThat(excellent.with("khoa-hoc", new PrimaryEntry(Completion.HOAN_THANH_TOT, null, 8)).evaluate())
        .contains(YearEvaluation.HOAN_THANH_TOT);
    assertThat(excellent.with("khoa-hoc", new PrimaryEntry(Completion.HOAN_THANH_TOT, null, 6)).evaluate())
        .contains(YearEvaluation.HOAN_THANH);
    assertThat(excellent.with("khoa-hoc", new PrimaryEntry(Completion.HOAN_THANH_TOT, null, 4)).evaluate())
        .contains(YearEvaluation.CHUA_HOAN_THANH);
    // One untested subject only Hoàn thành: Hoàn thành; Chưa hoàn thành: Chưa hoàn thành
    assertThat(excellent.with("dao-duc", new PrimaryEntry(Completion.HOAN_THANH, null, null)).evaluate())
        .contains(YearEvaluation.HOAN_THANH);
    assertThat(excellent.with("hdtn", new PrimaryEntry(Completion.CHUA_HOAN_THANH, null, null)).evaluate())
        .contains(YearEvaluation.CHUA_HOAN_THANH);
    // One competency Đạt: Hoàn thành; Cần cố gắng: Chưa hoàn thành
    assertThat(excellent.withQuality("tham-mi", QualityRating.DAT).evaluate()).contains(YearEvaluation.HOAN_THANH);
    assertThat(excellent.withQuality("trung-thuc", QualityRating.CAN_CO_GANG).evaluate())
        .contains(YearEvaluation.CHUA_HOAN_THANH);
  }

  @ParameterizedTest(name = "lowest test {0} with the setting at {1} → {2}")
  @CsvSource({"5, 5, HOAN_THANH", "4, 5, CHUA_HOAN_THANH", "6, 6, HOAN_THANH", "5, 6, CHUA_HOAN_THANH",
      "4, 4, HOAN_THANH"})
  @DisplayName("Article 9.2: Hoàn thành needs every end-of-year test at the school's setting (default 5, unconfirmed)")
  void yearEvaluation_should_read_the_completed_test_threshold_from_the_settings(int score, int setting,
      YearEvaluation expected) {
    Circular27Rules rules = Circular27Rules.of(new GradingSettings(2, 1, setting));

    assertThat(pupil(Completion.HOAN_THANH, score, QualityRating.DAT).evaluate(rules)).contains(expected);
  }

  @Test
  @DisplayName("Article 9.2: no evaluation while a rating, an end-of-year test or a quality is missing")
  void yearEvaluation_should_be_empty_while_anything_is_missing() {
    Evaluation complete = pupil(Completion.HOAN_THANH_TOT, 10, QualityRating.TOT);
    assertThat(complete.evaluate()).isPresent();

    Map<String, PrimaryEntry> withoutToan = new HashMap<>(complete.entries());
    withoutToan.remove("toan");
    assertThat(new Evaluation(withoutToan, complete.qualities()).evaluate()).isEmpty();
    assertThat(complete.with("dao-duc", new PrimaryEntry(null, "Chưa nhận xét", null)).evaluate()).isEmpty();
    assertThat(complete.with("toan", new PrimaryEntry(Completion.HOAN_THANH_TOT, null, null)).evaluate()).isEmpty();
    assertThat(complete.withQuality("the-chat", null).evaluate()).isEmpty();
  }

  @Test
  void yearEvaluation_should_refuse_an_invalid_entry() {
    Evaluation withBadScore = pupil(Completion.HOAN_THANH_TOT, 10, QualityRating.TOT)
        .with("dao-duc", new PrimaryEntry(Completion.HOAN_THANH_TOT, null, 9));

    assertThatIllegalArgumentException().isThrownBy(withBadScore::evaluate).withMessageContaining("primary.noTest");
  }

  // --- Article 13: awards

  @Test
  @DisplayName("Article 13: Học sinh Xuất sắc for Hoàn thành xuất sắc, without a nomination")
  void award_should_be_xuat_sac_for_hoan_thanh_xuat_sac() {
    assertThat(RULES.award(YearEvaluation.HOAN_THANH_XUAT_SAC, null)).contains(PrimaryAward.XUAT_SAC);
    assertThat(RULES.award(YearEvaluation.HOAN_THANH_XUAT_SAC, new Nomination("Tiến bộ"))).contains(PrimaryAward.XUAT_SAC);
    assertThat(RULES.award(YearEvaluation.HOAN_THANH_TOT, null)).isEmpty();
  }

  @Test
  @DisplayName("Article 13: Học sinh Tiêu biểu for a nominated pupil who completed the year well")
  void award_should_be_tieu_bieu_for_a_nominated_pupil_evaluated_hoan_thanh_tot() {
    Nomination nomination = new Nomination("Tiến bộ rõ rệt về năng lực ngôn ngữ.");

    assertThat(RULES.validateNomination(YearEvaluation.HOAN_THANH_TOT, nomination)).isEmpty();
    assertThat(RULES.award(YearEvaluation.HOAN_THANH_TOT, nomination)).contains(PrimaryAward.TIEU_BIEU);
  }

  @Test
  @DisplayName("Article 13: no Học sinh Tiêu biểu below Hoàn thành tốt, nor without a reason")
  void validateNomination_should_refuse_an_ineligible_pupil_or_a_missing_reason() {
    Nomination nomination = new Nomination("Giỏi Toán");

    assertThat(RULES.validateNomination(YearEvaluation.HOAN_THANH, nomination))
        .containsExactly(Violation.of("", "primary.nominationNotEligible"));
    assertThat(RULES.validateNomination(YearEvaluation.CHUA_HOAN_THANH, nomination))
        .containsExactly(Violation.of("", "primary.nominationNotEligible"));
    assertThat(RULES.validateNomination(YearEvaluation.HOAN_THANH_TOT, new Nomination("  ")))
        .containsExactly(Violation.of("reason", "text.required"));
    assertThatIllegalArgumentException().isThrownBy(() -> RULES.award(YearEvaluation.HOAN_THANH, nomination));
  }
}
