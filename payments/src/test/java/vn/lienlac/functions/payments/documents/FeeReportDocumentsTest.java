package vn.lienlac.functions.payments.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.i18n.Messages;

class FeeReportDocumentsTest {

  /** An RFC 4180 reader, strict enough to catch a quoting mistake. */
  static List<List<String>> readCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        if (!field.isEmpty()) {
          throw new AssertionError("quote inside an unquoted field at " + i);
        }
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else if (c == '\n' || c == '\r') {
        throw new AssertionError("bare line break at " + i);
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(field).as("last line ends with CRLF").isEmpty();
    return rows;
  }

  @Test
  void csv_should_start_with_a_bom_and_read_back_as_the_report() {
    byte[] csv = FeeReportCsv.render(Samples.report(), Messages.VIETNAMESE);
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    List<List<String>> rows = readCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).containsExactly("Khoản thu", "Hạn nộp", "Lớp", "Số hóa đơn", "Đã đóng đủ", "Phải thu",
        "Đã thu", "Còn nợ", "Số học sinh chưa đóng");
    assertThat(rows.get(1)).containsExactly("Tiền ăn bán trú tháng 11", "15/11/2026", "7A1", "35", "33", "43750000",
        "41250000", "2500000", "2");
    assertThat(rows.get(3)).containsExactly("Tiền ăn bán trú tháng 11", "15/11/2026", "Tất cả các lớp", "65", "63",
        "81250000", "78750000", "2500000", "2");
    assertThat(rows.get(4).get(0)).isEqualTo("Câu lạc bộ, \"Cờ vua\"");
    assertThat(rows.get(6)).containsExactly("Tổng toàn trường", "", "", "", "", "82450000", "79950000", "2500000", "");
    assertThat(rows.get(7)).containsExactly("");
    assertThat(rows.get(8).get(2)).isEqualTo("Học sinh");
    assertThat(rows.get(9)).containsExactly("Tiền ăn bán trú tháng 11", "7A1", "Nguyễn Thị Hương", "nt-hs-0002",
        "inv-1", "1250000", "Có");
    assertThat(rows).hasSize(11);
  }

  @Test
  void csv_should_neutralise_formulas_in_text() {
    String csv = new String(FeeReportCsv.render(Samples.report(), Messages.VIETNAMESE), StandardCharsets.UTF_8);
    List<List<String>> rows = readCsv(csv.substring(1));
    assertThat(rows.get(10).get(2)).isEqualTo("'=HYPERLINK(\"http://x\",\"Lê Văn Bảo\")");
    for (String risky : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(FeeReportCsv.field(risky).replace("\"", "")).startsWith("'");
    }
    assertThat(FeeReportCsv.field("Tiền ăn")).isEqualTo("Tiền ăn");
  }

  @Test
  void xlsx_should_read_back_with_numbers_as_numbers_and_text_never_as_formula() throws IOException {
    byte[] xlsx = FeeReportXlsx.render(Samples.report(), Messages.VIETNAMESE);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
      Sheet summary = workbook.getSheet("Tổng hợp");
      assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Khoản thu");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Tiền ăn bán trú tháng 11");
      assertThat(summary.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(summary.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(43_750_000d);
      assertThat(summary.getRow(1).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(summary.getRow(6).getCell(7).getNumericCellValue()).isEqualTo(2_500_000d);
      Sheet unpaid = workbook.getSheet("Chưa đóng");
      assertThat(unpaid.getLastRowNum()).isEqualTo(2);
      assertThat(unpaid.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Nguyễn Thị Hương");
      assertThat(unpaid.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.STRING);
      assertThat(unpaid.getRow(2).getCell(2).getStringCellValue()).startsWith("=HYPERLINK");
    }
  }

  @Test
  void xlsx_should_use_english_labels_for_english_callers() throws IOException {
    byte[] xlsx = FeeReportXlsx.render(Samples.report(), Messages.ENGLISH);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheet("Summary").getRow(0).getCell(7).getStringCellValue()).isEqualTo("Outstanding");
      assertThat(workbook.getSheet("Unpaid")).isNotNull();
    }
  }
}
