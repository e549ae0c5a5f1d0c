package vn.lienlac.functions.roster.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhonesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0912345678         | +84912345678",
      "0912 345 678       | +84912345678",
      "0912.345.678       | +84912345678",
      "0912-345-678       | +84912345678",
      "+84912345678       | +84912345678",
      "84912345678        | +84912345678",
      "912345678          | +84912345678",
      "(+84) 912-345-678  | +84912345678",
      "+84 912 345 678    | +84912345678",
      "+84-912-345-678    | +84912345678",
      "0987654321         | +84987654321",
      "0386123456         | +84386123456",
      "0321234567         | +84321234567",
      "0523456789         | +84523456789",
      "0586123456         | +84586123456",
      "0701234567         | +84701234567",
      "0765432109         | +84765432109",
      "0812345678         | +84812345678",
      "0856789012         | +84856789012",
      "0888123456         | +84888123456",
      "0941 234 567       | +84941234567",
      "386123456          | +84386123456",
      "0912\u00A0345\u00A0678 | +84912345678",
  })
  void parse_shouldGiveE164_whenTheInputIsAVietnameseMobileInAnySpellingSchoolsUse(String raw, String e164) {
    Phones.Parsed parsed = Phones.parse(raw);
    assertThat(parsed.problem()).isNull();
    assertThat(parsed.e164()).isEqualTo(e164);
    assertThat(Phones.toE164(raw)).contains(e164);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "01234567890        | roster.phone.oldNumber",
      "01689123456        | roster.phone.oldNumber",
      "+841689123456      | roster.phone.oldNumber",
      "1689123456         | roster.phone.oldNumber",
      "02363123456        | roster.phone.notMobile",
      "02438123456        | roster.phone.notMobile",
      "02838123456        | roster.phone.notMobile",
      "1800599920         | roster.phone.notMobile",
      "+14155552671       | roster.phone.notVietnamese",
      "+447911123456      | roster.phone.notVietnamese",
      "091234567          | roster.phone.malformed",
      "09123456789        | roster.phone.malformed",
      "0912 34a 678       | roster.phone.malformed",
      "abc                | roster.phone.malformed",
      "''                 | roster.phone.malformed",
      "0912+345678        | roster.phone.malformed",
      "0912345678 / 0987654321 0987654321 0987654321 | roster.phone.malformed",
      "0012345678         | roster.phone.malformed",
  })
  void parse_shouldGiveTheReason_whenTheInputIsNotAVietnameseMobile(String raw, String problem) {
    Phones.Parsed parsed = Phones.parse(raw);
    assertThat(parsed.e164()).isNull();
    assertThat(parsed.problem()).isEqualTo(problem);
    assertThat(Phones.toE164(raw)).isEmpty();
  }
}
