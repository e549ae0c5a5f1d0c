package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
}
