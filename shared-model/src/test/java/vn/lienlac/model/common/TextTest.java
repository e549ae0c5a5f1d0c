package vn.lienlac.model.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void clean_should_compose_decomposed_vietnamese_when_typed_on_an_nfd_keyboard() {
    String decomposed = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300"; // "Nguyễn Thị Hà" in NFD
    assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hà");

    assertThat(Text.clean("  " + decomposed + "\n")).isEqualTo("Nguyễn Thị Hà");
  }

  @Test
  void length_should_count_code_points_not_utf16_units() {
    assertThat(Text.length("Hà 😀")).isEqualTo(4);
    assertThat("Hà 😀".length()).isEqualTo(5);
  }

  @Test
  void firstForbiddenCodePoint_should_flag_control_and_bidi_override_but_allow_line_breaks() {
    assertThat(Text.firstForbiddenCodePoint("Xin phép\ncho cháu nghỉ\t")).isEmpty();
    assertThat(Text.firstForbiddenCodePoint("ok\u0000")).contains(0);
    assertThat(Text.firstForbiddenCodePoint("abc\u202Edef")).contains(0x202E);
    assertThat(Text.firstForbiddenCodePoint("👨\u200D👩\u200D👧")).isEmpty();
  }
}
