package vn.lienlac.functions.roster.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CsvReadingTest {
  private static final RosterReader READER =
      new RosterReader(new RosterReader.Options(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 9, 5), null, 10_000));

  private static final String TITLE = "DANH SÁCH HỌC SINH LỚP 6A1";
  private static final String[] HEADER = {"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Họ tên mẹ",
      "Điện thoại mẹ"};
  private static final String[][] ROWS = {
      {"1", "Nguyễn Thị Ánh Tuyết", "05/09/2015", "Nữ", "6A1", "Phạm Thị Hằng", "0912345678"},
      {"2", "Trương Quốc Việt", "12/12/2014", "Nam", "6A1", "Đoàn Thị Ngọc Ẩn", "0987 654 321"},
  };

  private static String text(String separator, String lineBreak) {
    StringBuilder text = new StringBuilder(TITLE).append(lineBreak);
    text.append(String.join(separator, HEADER)).append(lineBreak);
    for (String[] row : ROWS) {
      text.append(String.join(separator, row)).append(lineBreak);
    }
    return text.toString();
  }

  private static void assertPupils(RosterFile read) {
    assertThat(read.format()).isEqualTo(FileFormat.CSV);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.mappings().get(0).headerRow()).isEqualTo(2);
    assertThat(read.rows()).extracting(RosterRow::row).containsExactly(3, 4);
    assertThat(read.rows()).extracting(RosterRow::fullName)
        .containsExactly("Nguyễn Thị Ánh Tuyết", "Trương Quốc Việt");
    read.rows().forEach(r -> assertThat(Normalizer.isNormalized(r.fullName(), Normalizer.Form.NFC)).isTrue());
    assertThat(read.rows().get(1).guardians()).containsExactly(
        new Guardian("Đoàn Thị Ngọc Ẩn", Guardian.Relationship.MOTHER, "+84987654321"));
    assertThat(read.rows()).extracting(RosterRow::dateOfBirth)
        .containsExactly(LocalDate.of(2015, 9, 5), LocalDate.of(2014, 12, 12));
  }

  @Test
  void read_shouldReadUtf8WithoutBom_commaSeparated() {
    RosterFile read = READER.read(text(",", "\n").getBytes(StandardCharsets.UTF_8));
    assertPupils(read);
    assertThat(read.encoding()).isEqualTo("UTF-8");
    assertThat(read.separator()).isEqualTo(',');
  }

  @Test
  void read_shouldReadUtf8WithBom_semicolonSeparated_withCrLf() {
    RosterFile read = READER.read(TestFiles.bytes(text(";", "\r\n"), StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF));
    assertPupils(read);
    assertThat(read.encoding()).isEqualTo("UTF-8");
    assertThat(read.separator()).isEqualTo(';');
    assertThat(read.mappings().get(0).columns().get(0).header()).isEqualTo("STT").as("no BOM left in the first cell");
  }

  @Test
  void read_shouldReadExcelsUnicodeText_utf16WithBomTabSeparated_littleAndBigEndian() {
    RosterFile little = READER.read(TestFiles.bytes(text("\t", "\r\n"), StandardCharsets.UTF_16LE, 0xFF, 0xFE));
    assertPupils(little);
    assertThat(little.encoding()).isEqualTo("UTF-16LE");
    assertThat(little.separator()).isEqualTo('\t');
    RosterFile big = READER.read(TestFiles.bytes(text("\t", "\r\n"), StandardCharsets.UTF_16BE, 0xFE, 0xFF));
    assertPupils(big);
    assertThat(big.encoding()).isEqualTo("UTF-16BE");
  }

  @Test
  void read_shouldReadWindows1258_whoseTonesAreCombiningMarks_intoNfc() {
    byte[] bytes = TestFiles.windows1258(text(",", "\r\n"));
    // "Nguyễn" as Windows writes it: ê precomposed (0xEA) followed by a combining tilde (0xDE).
    assertThat(HexFormat.of().formatHex(TestFiles.windows1258("Nguyễn"))).isEqualTo("4e677579eade6e");
    assertThat(new String(bytes, Charset.forName("windows-1258"))).isNotEqualTo(text(",", "\r\n"));
    RosterFile read = READER.read(bytes);
    assertPupils(read);
    assertThat(read.encoding()).isEqualTo("windows-1258");
  }

  @Test
  void read_shouldKeepQuotedSeparatorsAndLineBreaksInsideACell() {
    String text = "STT,\"Họ và\ntên\",Ngày sinh,Lớp,Địa chỉ\n1,\"Lê Văn Tám\",01/01/2015,6A1,\"Số 12, phường 3\"\n";
    RosterFile read = READER.read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(read.separator()).isEqualTo(',');
    assertThat(read.mappings().get(0).columns().get(1).header()).isEqualTo("Họ và tên");
    assertThat(read.rows()).singleElement().extracting(RosterRow::row, RosterRow::fullName)
        .containsExactly(2, "Lê Văn Tám");
  }
}
