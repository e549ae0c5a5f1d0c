package vn.lienlac.functions.payments.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.lienlac.functions.documents.Vnd;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.payments.FeeReport;

/**
 * The fee report flattened into the rows a spreadsheet shows, shared by the CSV and the .xlsx so
 * that both say the same: a summary (one row per fee and class, a total row per fee, a school total)
 * and the unpaid pupils (one row per pupil and invoice). Numbers stay numbers ({@link Long}).
 */
final class FeeReportTable {
  private FeeReportTable() {}

  static List<String> summaryHeader(Locale locale) {
    return List.of(t(locale, "fee"), t(locale, "dueDate"), t(locale, "class"), t(locale, "invoices"),
        t(locale, "paidInvoices"), t(locale, "invoiced"), t(locale, "paid"), t(locale, "outstanding"),
        t(locale, "unpaidPupils"));
  }

  static List<List<Object>> summary(FeeReport report, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (FeeReport.Fee fee : report.fees()) {
      int invoices = 0;
      int paidInvoices = 0;
      int unpaid = 0;
      for (FeeReport.ClassLine line : fee.classes()) {
        rows.add(List.of(fee.name(), Vnd.date(fee.dueDate()), line.className(), (long) line.invoices(),
            (long) line.paidInvoices(), line.invoiced(), line.paid(), line.outstanding(), (long) line.unpaid().size()));
        invoices += line.invoices();
        paidInvoices += line.paidInvoices();
        unpaid += line.unpaid().size();
      }
      rows.add(List.of(fee.name(), Vnd.date(fee.dueDate()), t(locale, "allClasses"), (long) invoices,
          (long) paidInvoices, fee.invoiced(), fee.paid(), fee.outstanding(), (long) unpaid));
    }
    rows.add(List.of(t(locale, "schoolTotal"), "", "", "", "", report.invoiced(), report.paid(), report.outstanding(), ""));
    return rows;
  }

  static List<String> unpaidHeader(Locale locale) {
    return List.of(t(locale, "fee"), t(locale, "class"), t(locale, "pupil"), t(locale, "studentId"),
        t(locale, "invoiceId"), t(locale, "outstanding"), t(locale, "overdue"));
  }

  static List<List<Object>> unpaid(FeeReport report, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (FeeReport.Fee fee : report.fees()) {
      for (FeeReport.ClassLine line : fee.classes()) {
        for (FeeReport.UnpaidPupil pupil : line.unpaid()) {
          rows.add(List.of(fee.name(), line.className(), pupil.fullName(), pupil.studentId(), pupil.invoiceId(),
              pupil.outstanding(), pupil.overdue() ? t(locale, "yes") : t(locale, "no")));
        }
      }
    }
    return rows;
  }

  private static String t(Locale locale, String key) {
    return Messages.get(locale, "payments.report." + key);
  }
}
