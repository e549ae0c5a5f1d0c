package vn.lienlac.functions.payments.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienlac.model.payments.FeeReport;

/**
 * The fee report as a pure computation over invoice rows (no I/O): per fee and per class, what
 * was invoiced, paid and is outstanding, and who still owes. Cancelled invoices count nowhere.
 * All sums are exact ({@code Math.addExact}).
 */
public final class FeeReports {
  private FeeReports() {}

  /** One invoice as the report needs it; {@code status} is the stored one: OPEN, PAID or CANCELLED. */
  public record Row(String feeId, String feeName, LocalDate dueDate, String invoiceId, String studentId,
      String studentName, String classId, long amountVnd, long paidVnd, String status) {}

  public static FeeReport compute(String schoolId, LocalDate asOf, List<Row> rows, Map<String, String> classNames) {
    Map<String, List<Row>> byFee = new TreeMap<>();
    rows.forEach(r -> byFee.computeIfAbsent(r.feeId(), k -> new ArrayList<>()).add(r));
    List<FeeReport.FeeLine> fees = new ArrayList<>();
    for (List<Row> feeRows : byFee.values()) {
      Map<String, List<Row>> byClass = new TreeMap<>();
      feeRows.forEach(r -> byClass.computeIfAbsent(String.valueOf(r.classId()), k -> new ArrayList<>()).add(r));
      List<FeeReport.ClassLine> classes = new ArrayList<>();
      byClass.forEach((classId, classRows) -> {
        List<FeeReport.Unpaid> unpaid = classRows.stream()
            .filter(r -> "OPEN".equals(r.status()))
            .sorted(Comparator.comparing(Row::studentId))
            .map(r -> new FeeReport.Unpaid(r.studentId(), r.studentName(), r.invoiceId(),
                Math.subtractExact(r.amountVnd(), r.paidVnd()), asOf.isAfter(r.dueDate())))
            .toList();
        classes.add(new FeeReport.ClassLine(classId, classNames.getOrDefault(classId, classId), totals(classRows), unpaid));
      });
      Row first = feeRows.getFirst();
      fees.add(new FeeReport.FeeLine(first.feeId(), first.feeName(), first.dueDate(), totals(feeRows), classes));
    }
    fees.sort(Comparator.comparing(FeeReport.FeeLine::dueDate).thenComparing(FeeReport.FeeLine::feeId));
    return new FeeReport(schoolId, asOf, totals(rows), fees);
  }

  static FeeReport.Totals totals(List<Row> rows) {
    long invoiced = 0;
    long paid = 0;
    int count = 0;
    int paidCount = 0;
    for (Row r : rows) {
      if ("CANCELLED".equals(r.status())) {
        continue;
      }
      invoiced = Math.addExact(invoiced, r.amountVnd());
      paid = Math.addExact(paid, r.paidVnd());
      count++;
      if ("PAID".equals(r.status())) {
        paidCount++;
      }
    }
    return new FeeReport.Totals(invoiced, paid, Math.subtractExact(invoiced, paid), count, paidCount);
  }
}
