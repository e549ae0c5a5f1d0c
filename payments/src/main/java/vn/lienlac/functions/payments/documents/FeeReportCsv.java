package vn.lienlac.functions.payments.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.lienlac.model.payments.FeeReport;

/**
 * The fee report as CSV (RFC 4180): UTF-8 with a byte-order mark, so that Excel opens Vietnamese
 * text correctly; CRLF line ends; fields with a comma, quote or line break quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) is prefixed with {@code '}; numbers are written plain. One table: the summary rows, a blank
 * line, then the unpaid pupils.
 */
public final class FeeReportCsv {
  public static final String MEDIA_TYPE = "text/csv";
  private static final String BOM = "\uFEFF";

  private FeeReportCsv() {}

  public static byte[] render(FeeReport report, Locale locale) {
    StringBuilder out = new StringBuilder(BOM);
    append(out, FeeReportTable.summaryHeader(locale));
    FeeReportTable.summary(report, locale).forEach(row -> append(out, row));
    out.append("\r\n");
    append(out, FeeReportTable.unpaidHeader(locale));
    FeeReportTable.unpaid(report, locale).forEach(row -> append(out, row));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder out, List<?> row) {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object value = row.get(i);
      out.append(value instanceof Number number ? number.toString() : field(String.valueOf(value)));
    }
    out.append("\r\n");
  }

  /** One text field, guarded and quoted as needed. */
  static String field(String text) {
    String guarded = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    if (guarded.contains(",") || guarded.contains("\"") || guarded.contains("\n") || guarded.contains("\r")) {
      return '"' + guarded.replace("\"", "\"\"") + '"';
    }
    return guarded;
  }
}
