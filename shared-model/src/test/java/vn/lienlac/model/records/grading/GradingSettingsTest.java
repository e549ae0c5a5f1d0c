package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import vn.lienlac.model.common.Violation;

/** The school settings for the circulars' unconfirmed points. */
class GradingSettingsTest {

  @Test
  void defaults_should_be_the_documented_ones() {
    assertThat(GradingSettings.DEFAULTS).isEqualTo(new GradingSettings(2, 1, 5));
  }

  @Test
  void check_should_accept_every_boundary_value() {
    assertThat(GradingSettings.check(1, 0, 1)).isEmpty();
    assertThat(GradingSettings.check(4, 1, 7)).isEmpty();
  }

  @Test
  void check_should_name_each_value_out_of_range_with_its_bounds() {
    assertThat(GradingSettings.check(0, 2, 8)).containsExactly(
        Violation.of("commentRegularCount", "grade.settingRange", 1, 4, 0),
        Violation.of("primaryTestScoreMin", "grade.settingRange", 0, 1, 2),
        Violation.of("primaryCompletedMinTest", "grade.settingRange", 1, 7, 8));
    assertThat(GradingSettings.check(5, -1, 0)).hasSize(3);
  }

  @Test
  void constructor_should_refuse_what_check_rejects() {
    assertThatIllegalArgumentException().isThrownBy(() -> new GradingSettings(5, 1, 5))
        .withMessageContaining("commentRegularCount");
  }
}
