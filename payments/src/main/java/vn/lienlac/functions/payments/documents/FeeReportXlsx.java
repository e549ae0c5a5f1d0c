package vn.lienlac.functions.payments.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.payments.FeeReport;

/**
 * The fee report as an Excel workbook: a summary sheet and an unpaid-pupils sheet, the same rows as
 * the CSV. Amounts are numeric cells formatted {@code #,##0} (the accountant can sum them); text is
 * always a string cell, never a formula, so names cannot inject one.
 */
public final class FeeReportXlsx {
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private FeeReportXlsx() {}

  public static byte[] render(FeeReport report, Locale locale) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      sheet(workbook.createSheet(Messages.get(locale, "payments.report.sheet.summary")), header, money,
          FeeReportTable.summaryHeader(locale), FeeReportTable.summary(report, locale));
      sheet(workbook.createSheet(Messages.get(locale, "payments.report.sheet.unpaid")), header, money,
          FeeReportTable.unpaidHeader(locale), FeeReportTable.unpaid(report, locale));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(Sheet sheet, CellStyle header, CellStyle money, List<String> titles,
      List<List<Object>> rows) {
    Row first = sheet.createRow(0);
    for (int c = 0; c < titles.size(); c++) {
      var cell = first.createCell(c);
      cell.setCellValue(titles.get(c));
      cell.setCellStyle(header);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<Object> values = rows.get(r);
      for (int c = 0; c < values.size(); c++) {
        var cell = row.createCell(c);
        if (values.get(c) instanceof Long number) {
          cell.setCellValue(number);
          cell.setCellStyle(money);
        } else {
          cell.setCellValue(String.valueOf(values.get(c)));
        }
      }
    }
    sheet.createFreezePane(0, 1);
    for (int c = 0; c < titles.size(); c++) {
      sheet.setColumnWidth(c, 18 * 256);
    }
  }
}
