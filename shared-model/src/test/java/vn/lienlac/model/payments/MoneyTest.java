package vn.lienlac.model.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void formats_as_vietnam_writes_it() {
    assertThat(Money.of(1_250_000).format()).isEqualTo("1.250.000\u00A0₫");
    assertThat(Money.of(0).format()).isEqualTo("0\u00A0₫");
    assertThat(Money.of(999).format()).isEqualTo("999\u00A0₫");
    assertThat(Money.of(1000).format()).isEqualTo("1.000\u00A0₫");
  }

  @Test
  void parses_what_people_write_and_nothing_else() {
    assertThat(Money.parse("1.250.000 ₫")).contains(Money.of(1_250_000));
    assertThat(Money.parse("1.250.000\u00A0₫")).contains(Money.of(1_250_000));
    assertThat(Money.parse("1250000")).contains(Money.of(1_250_000));
    assertThat(Money.parse("1.250.000đ")).contains(Money.of(1_250_000));
    assertThat(Money.parse("250.000 VND")).contains(Money.of(250_000));
    assertThat(Money.parse("1.25")).isEmpty();
    assertThat(Money.parse("1,250,000")).isEmpty();
    assertThat(Money.parse("12.50.000")).isEmpty();
    assertThat(Money.parse("-5")).isEmpty();
    assertThat(Money.parse("10.000.000.001")).isEmpty();
    assertThat(Money.parse("99999999999999999999")).isEmpty();
    assertThat(Money.parse("")).isEmpty();
    assertThat(Money.parse(null)).isEmpty();
  }

  @Test
  void arithmetic_is_exact_and_checked() {
    assertThat(Money.of(100).plus(Money.of(23))).isEqualTo(Money.of(123));
    assertThat(Money.of(100).minus(Money.of(23))).isEqualTo(Money.of(77));
    assertThat(Money.of(250_000).vnpayAmount()).isEqualTo(25_000_000L);
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE).plus(Money.of(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 50).vnpayAmount()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(1).minus(Money.of(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
