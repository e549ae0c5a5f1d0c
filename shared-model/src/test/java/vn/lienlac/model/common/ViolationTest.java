package vn.lienlac.model.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void a_long_text_argument_should_be_cut_so_that_hostile_input_is_never_echoed_in_full() {
    String huge = "x".repeat(100_000);

    Violation violation = Violation.of("term", "request.badTerm", huge, 7);

    String shown = (String) violation.args().get(0);
    assertThat(Text.length(shown)).isLessThanOrEqualTo(Violation.MAX_SHOWN_LENGTH);
    assertThat(shown).startsWith("xxxx").endsWith("…");
    assertThat(violation.args().get(1)).isEqualTo(7);
  }

  @Test
  void a_short_text_argument_should_be_kept_as_it_is() {
    assertThat(Violation.of("term", "request.badTerm", "2026-2027-HK9").args()).isEqualTo(List.of("2026-2027-HK9"));
  }
}
