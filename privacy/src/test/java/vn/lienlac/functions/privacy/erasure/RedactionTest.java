package vn.lienlac.functions.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final List<String> PHONES = List.of("+84912340004");
  private static final List<String> NAMES = List.of("Trần Thị Lan");

  @Test
  void redact_shouldReplaceThePhoneInEverySpelling_andTheName_caseInsensitively() {
    for (String spelling : List.of("+84912340004", "+84 912 340 004", "84.912.340.004", "0912340004", "0912 340 004",
        "0912-340-004", "(+84) 912 340 004")) {
      assertThat(Redaction.redact("Gọi " + spelling + " nhé", PHONES, NAMES)).as(spelling).isEqualTo("Gọi [đã xoá] nhé");
    }
    assertThat(Redaction.redact("Em là TRẦN THỊ LAN, mẹ cháu", PHONES, NAMES)).isEqualTo("Em là [đã xoá], mẹ cháu");
  }

  @Test
  void redact_shouldLeaveOtherNumbersAndTextAlone() {
    String text = "Cháu nghỉ 2 ngày; số lớp 0912340005; mã 19123400041";
    assertThat(Redaction.redact(text, PHONES, NAMES)).isEqualTo(text);
    assertThat(Redaction.redact(null, PHONES, NAMES)).isNull();
  }
}
