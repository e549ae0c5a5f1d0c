package vn.lienlac.model.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SchoolTimeTest {

  @Test
  void supported_dates_should_be_the_years_2000_to_2100_and_nothing_else() {
    assertThat(SchoolTime.isSupported(LocalDate.of(2000, 1, 1))).isTrue();
    assertThat(SchoolTime.isSupported(LocalDate.of(2026, 11, 21))).isTrue();
    assertThat(SchoolTime.isSupported(LocalDate.of(2100, 12, 31))).isTrue();
    assertThat(SchoolTime.isSupported(LocalDate.of(1999, 12, 31))).isFalse();
    assertThat(SchoolTime.isSupported(LocalDate.of(2101, 1, 1))).isFalse();
    assertThat(SchoolTime.isSupported(LocalDate.MIN)).isFalse();
    assertThat(SchoolTime.isSupported(LocalDate.MAX)).isFalse();
    assertThat(SchoolTime.isSupported(LocalDate.of(0, 1, 1))).isFalse();
  }
}
