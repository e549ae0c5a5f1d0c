package vn.lienlac.model.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TermIdTest {

  @ParameterizedTest(name = "{0} is a term and reads back the same")
  @ValueSource(strings = {"2026-2027-HK1", "2026-2027-HK2", "2000-2001-HK1", "2099-2100-HK2"})
  void parse_should_accept_a_term_of_the_supported_years_and_echo_it_canonically(String text) {
    assertThat(TermId.parse(text).map(TermId::toString)).contains(text);
  }

  @ParameterizedTest(name = "\"{0}\" is not a term")
  @NullAndEmptySource
  @ValueSource(strings = {"0000-0001-HK1", "0999-1000-HK1", "1999-2000-HK2", "2100-2101-HK1", "9998-9999-HK1",
      "2026-2028-HK1", "2026-2026-HK1", "2026-2027-HK3", "2026-2027-hk1", "26-27-HK1", "02026-2027-HK1",
      "２０２６-２０２７-HK1", "2026-2027-HK1 ", "2026-2027-HK1\n"})
  void parse_should_refuse_anything_else(String text) {
    assertThat(TermId.parse(text)).isEqualTo(Optional.empty());
  }
}
