package vn.lienlac.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void money_dates_and_scores_are_written_the_vietnamese_way() {
    assertThat(Formats.vnd(1_500_000)).isEqualTo("1.500.000\u00A0₫");
    assertThat(Formats.vnd(0)).isEqualTo("0\u00A0₫");
    assertThat(Formats.date(LocalDate.of(2026, 11, 5))).isEqualTo("05/11/2026");
    assertThat(Formats.time(Instant.parse("2026-11-21T03:00:00Z"))).isEqualTo("10:00 21/11/2026");
    assertThat(Formats.score(new BigDecimal("8.40"))).isEqualTo("8,4");
    assertThat(Formats.score(new BigDecimal("10.0"))).isEqualTo("10");
    assertThat(Formats.score(null)).isEmpty();
  }
}
