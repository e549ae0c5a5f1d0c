package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;

/** What a teacher or parent reads about grading, in both languages. */
class GradingMessagesTest {

  @Test
  void score_violations_should_render_with_the_value_as_entered() {
    Violation range = Score.check(new BigDecimal("10.5"));
    Violation decimals = Score.check(new BigDecimal("8.25"));

    assertThat(Messages.describe(Messages.VIETNAMESE, range)).isEqualTo("Điểm phải từ 0 đến 10 (đã nhập 10.5).");
    assertThat(Messages.describe(Messages.VIETNAMESE, decimals))
        .isEqualTo("Điểm chỉ có tối đa một chữ số thập phân (đã nhập 8.25).");
    assertThat(Messages.describe(Messages.ENGLISH, range)).isEqualTo("A score must be between 0 and 10 (entered 10.5).");
    assertThat(Messages.describe(Messages.ENGLISH, decimals))
        .isEqualTo("A score has at most one decimal place (entered 8.25).");
  }

  @Test
  void tooManyRegular_should_say_how_many_scores_are_allowed_and_how_many_were_entered() {
    Violation violation = Violation.of("regular", "grade.tooManyRegular", 2, 3);

    assertThat(Messages.describe(Messages.VIETNAMESE, violation))
        .isEqualTo("Môn này chỉ có 2 điểm đánh giá thường xuyên mỗi học kì nhưng đã nhập 3. Hãy xoá bớt điểm thừa.");
    assertThat(Messages.describe(Messages.ENGLISH, violation))
        .isEqualTo("This subject has only 2 regular assessment scores per term, but 3 were entered. Remove the extra scores.");
  }

  @Test
  void every_grading_rule_message_should_exist_in_both_languages() {
    for (String key : new String[] {"grade.ratingNotAllowed", "grade.scoresNotAllowed"}) {
      assertThat(Messages.get(Messages.VIETNAMESE, key)).as(key).isNotEqualTo(key).startsWith("Môn này");
      assertThat(Messages.get(Messages.ENGLISH, key)).as(key).isNotEqualTo(key).startsWith("This subject");
    }
  }

  @Test
  void every_level_and_rating_should_have_a_display_name_in_both_languages() {
    assertThat(Messages.get(Messages.VIETNAMESE, "level.TOT")).isEqualTo("Tốt");
    assertThat(Messages.get(Messages.VIETNAMESE, "level.CHUA_DAT")).isEqualTo("Chưa đạt");
    assertThat(Messages.get(Messages.ENGLISH, "level.KHA")).isEqualTo("Good");
    assertThat(Messages.get(Messages.ENGLISH, "rating.CHUA_DAT")).isEqualTo("Not yet passing");
    for (ResultLevel level : ResultLevel.values()) {
      assertThat(Messages.get(Messages.VIETNAMESE, "level." + level)).isNotEqualTo("level." + level);
      assertThat(Messages.get(Messages.ENGLISH, "level." + level)).isNotEqualTo(Messages.get(Messages.VIETNAMESE, "level." + level));
    }
    for (Rating rating : Rating.values()) {
      assertThat(Messages.get(Messages.VIETNAMESE, "rating." + rating)).isNotEqualTo("rating." + rating);
      assertThat(Messages.get(Messages.ENGLISH, "rating." + rating)).isNotEqualTo(Messages.get(Messages.VIETNAMESE, "rating." + rating));
    }
  }

  @Test
  void every_new_grading_value_should_have_a_display_name_in_both_languages() {
    List<String> keys = new ArrayList<>();
    for (Enum<?>[] values : List.<Enum<?>[]>of(Conduct.values(), Award.values(), PromotionOutcome.values(),
        PromotionReason.values(), Completion.values(), QualityRating.values(), PrimaryPoint.values(),
        YearEvaluation.values(), PrimaryAward.values())) {
      String prefix = Character.toLowerCase(values[0].getDeclaringClass().getSimpleName().charAt(0))
          + values[0].getDeclaringClass().getSimpleName().substring(1);
      for (Enum<?> value : values) {
        keys.add((prefix.equals("promotionOutcome") ? "promotion" : prefix) + "." + value.name());
      }
    }
    for (int grade = 1; grade <= 5; grade++) {
      PrimarySubjects.plan(grade).forEach(subject -> keys.add("subject." + subject.subject()));
    }
    PrimaryQualities.ALL.forEach(code -> keys.add(PrimaryQualities.messageKey(code)));

    for (String key : keys) {
      String vietnamese = Messages.get(Messages.VIETNAMESE, key);
      assertThat(vietnamese).as(key).isNotEqualTo(key);
      assertThat(Messages.get(Messages.ENGLISH, key)).as(key).isNotEqualTo(key).isNotEqualTo(vietnamese);
    }
    assertThat(Messages.get(Messages.VIETNAMESE, "conduct.CHUA_DAT")).isEqualTo("Chưa đạt");
    assertThat(Messages.get(Messages.VIETNAMESE, "yearEvaluation.HOAN_THANH_XUAT_SAC")).isEqualTo("Hoàn thành xuất sắc");
    assertThat(Messages.get(Messages.VIETNAMESE, "qualityRating.CAN_CO_GANG")).isEqualTo("Cần cố gắng");
    assertThat(Messages.get(Messages.VIETNAMESE, "subject.tin-hoc-cong-nghe")).isEqualTo("Tin học và Công nghệ");
  }

  @Test
  void primary_and_settings_violations_should_render_with_their_values() {
    assertThat(Messages.describe(Messages.VIETNAMESE, Violation.of("testScore", "primary.testScoreRange", 1, 10, "0")))
        .isEqualTo("Điểm bài kiểm tra định kì phải từ 1 đến 10 (đã nhập 0).");
    assertThat(Messages.describe(Messages.ENGLISH, Violation.of("regularRatings", "grade.tooManyRegularRatings", 2, 3)))
        .isEqualTo("This subject has only 2 regular assessments per term, but 3 were entered. Remove the extra ratings.");
    assertThat(Messages.describe(Messages.ENGLISH, Violation.of("x", "grade.settingRange", 1, 7, 8)))
        .isEqualTo("The value must be between 1 and 7 (entered 8).");
  }
}
