package vn.lienlac.functions.payments.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    for (FeeReport.FeeLine fee : report.fees()) {
      int unpaid = 0;
      for (FeeReport.ClassLine line : fee.classes()) {
        rows.add(row(fee, line.className(), line.totals(), line.unpaid().size()));
        unpaid += line.unpaid().size();
      }
      rows.add(row(fee, t(locale, "allClasses"), fee.totals(), unpaid));
    }
    FeeReport.Totals all = report.totals();
    rows.add(List.of(t(locale, "schoolTotal"), "", "", (long) all.invoices(), (long) all.paidInvoices(),
        all.invoicedVnd(), all.paidVnd(), all.outstandingVnd(), ""));
    return rows;
  }

  private static List<Object> row(FeeReport.FeeLine fee, String className, FeeReport.Totals totals, int unpaid) {
    return List.of(fee.name(), Shown.date(fee.dueDate()), className, (long) totals.invoices(),
        (long) totals.paidInvoices(), totals.invoicedVnd(), totals.paidVnd(), totals.outstandingVnd(), (long) unpaid);
  }

  static List<String> unpaidHeader(Locale locale) {
    return List.of(t(locale, "fee"), t(locale, "class"), t(locale, "pupil"), t(locale, "studentId"),
        t(locale, "invoiceId"), t(locale, "outstanding"), t(locale, "overdue"));
  }

  static List<List<Object>> unpaid(FeeReport report, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (FeeReport.FeeLine fee : report.fees()) {
      for (FeeReport.ClassLine line : fee.classes()) {
        for (FeeReport.Unpaid pupil : line.unpaid()) {
          rows.add(List.of(fee.name(), line.className(), pupil.studentName(), pupil.studentId(), pupil.invoiceId(),
              pupil.outstandingVnd(), pupil.overdue() ? t(locale, "yes") : t(locale, "no")));
        }
      }
    }
    return rows;
  }

  private static String t(Locale locale, String key) {
    return Messages.get(locale, "payments.report." + key);
  }
}
