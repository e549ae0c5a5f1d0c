package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienlac.model.common.Violation;

class ScoreTest {

  @ParameterizedTest(name = "\"{0}\" is {1} tenths")
  @CsvSource({"8.5, 85", "10, 100", "10.0, 100", "0, 0", "0.1, 1", "8.50, 85", "7, 70", "'  6.5 ', 65"})
  void of_text_should_hold_the_score_exactly_as_tenths(String text, int tenths) {
    assertThat(Score.of(text).tenths()).isEqualTo(tenths);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @NullAndEmptySource
  @ValueSource(strings = {"8.25", "-0.5", "10.5", "10.01", "11", "abc", "8,5", "1E+1", "8.", ".5", "+8", " "})
  void of_text_should_reject_what_is_not_a_score(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Score.of(text));
  }

  @Test
  void of_decimal_should_accept_trailing_zeros_because_they_are_not_extra_precision() {
    assertThat(Score.of(new BigDecimal("8.50"))).isEqualTo(new Score(85));
    assertThat(Score.of(new BigDecimal("10.000"))).isEqualTo(new Score(100));
    assertThat(Score.of(new BigDecimal("1E+1"))).isEqualTo(new Score(100));
  }

  @Test
  void of_decimal_should_reject_a_second_decimal_and_values_outside_zero_to_ten() {
    assertThatIllegalArgumentException().isThrownBy(() -> Score.of(new BigDecimal("8.25"))).withMessageContaining("score.decimals");
    assertThatIllegalArgumentException().isThrownBy(() -> Score.of(new BigDecimal("-0.5"))).withMessageContaining("score.range");
    assertThatIllegalArgumentException().isThrownBy(() -> Score.of(new BigDecimal("10.5"))).withMessageContaining("score.range");
  }

  @ParameterizedTest(name = "{0} is refused at once, without its digits")
  @ValueSource(strings = {"1e2147483647", "-1e2147483647", "1e-2147483647", "1e10000000", "1e-10000000",
      "123456789012345678901234567890123456789012345678901234567890"})
  void check_should_refuse_a_huge_number_without_ever_writing_it_out(String text) {
    BigDecimal value = new BigDecimal(text);

    Violation violation = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Score.check(value));

    assertThat(violation).isNotNull();
    assertThat(violation.code()).isIn("score.range", "score.decimals");
    assertThat(violation.args().get(0).toString()).hasSizeLessThanOrEqualTo(24);
  }

  @Test
  void check_should_answer_null_for_every_valid_score() {
    for (int tenths = 0; tenths <= 100; tenths++) {
      assertThat(Score.check(BigDecimal.valueOf(tenths, 1))).as("%s tenths", tenths).isNull();
    }
  }

  @Test
  void check_should_name_the_broken_rule_with_the_value_as_typed() {
    assertThat(Score.check(new BigDecimal("-0.5"))).isEqualTo(new Violation("", "score.range", List.of("-0.5")));
    assertThat(Score.check(new BigDecimal("10.5"))).isEqualTo(new Violation("", "score.range", List.of("10.5")));
    assertThat(Score.check(new BigDecimal("8.25"))).isEqualTo(new Violation("", "score.decimals", List.of("8.25")));
    // Plain text, never scientific notation, because a teacher reads it.
    assertThat(Score.check(new BigDecimal("1.1E+1"))).isEqualTo(new Violation("", "score.range", List.of("11")));
  }

  @Test
  void check_should_report_the_range_first_when_a_value_breaks_both_rules() {
    assertThat(Score.check(new BigDecimal("10.05")).code()).isEqualTo("score.range");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void constructor_should_reject_tenths_outside_zero_to_one_hundred(int tenths) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Score(tenths));
  }

  @Test
  void toDecimal_and_toString_should_always_show_one_decimal() {
    assertThat(new Score(85).toDecimal()).isEqualTo(new BigDecimal("8.5"));
    assertThat(new Score(100).toDecimal()).isEqualTo(new BigDecimal("10.0"));
    assertThat(new Score(0).toDecimal().scale()).isEqualTo(1);
    assertThat(new Score(85)).hasToString("8.5");
    assertThat(new Score(100)).hasToString("10.0");
    assertThat(new Score(7)).hasToString("0.7");
  }

  @Test
  void every_score_should_survive_a_round_trip_through_its_text_and_its_decimal() {
    for (int tenths = 0; tenths <= 100; tenths++) {
      Score score = new Score(tenths);
      assertThat(Score.of(score.toString())).isEqualTo(score);
      assertThat(Score.of(score.toDecimal())).isEqualTo(score);
    }
  }

  @Test
  void scores_should_order_by_value() {
    List<Score> sorted = List.of(Score.of("10"), Score.of("6.5"), Score.of("0"), Score.of("6.4")).stream().sorted().toList();
    assertThat(sorted).containsExactly(Score.of("0"), Score.of("6.4"), Score.of("6.5"), Score.of("10"));
    assertThat(Score.of("6.5")).isGreaterThan(Score.of("6.4")).isLessThan(Score.of("10"));
    assertThat(Score.of("8.50")).isEqualByComparingTo(Score.of("8.5")).isEqualTo(Score.of("8.5"));
  }
}
