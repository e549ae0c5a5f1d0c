package vn.lienlac.functions.payments.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienlac.model.common.PersonNames;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.payments.FeeReport;

/**
 * The fee report as a pure computation over invoice rows (no I/O): per fee and per class, what
 * was invoiced, paid and is outstanding, and who still owes. Cancelled invoices count nowhere.
 * All sums are exact ({@code Math.addExact}).
 */
public final class FeeReports {
  private FeeReports() {}

  /** A fee as the report names it; fees are listed in the order they were created. */
  public record FeeRow(String feeId, String name, long amountVnd, LocalDate dueDate, Instant createdAt) {}

  /** One invoice as the report needs it; {@code status} is the stored one: OPEN, PAID or CANCELLED. */
  public record Row(String feeId, String invoiceId, String studentId, String studentName, String classId,
      long amountVnd, long paidVnd, String status) {}

  public static FeeReport compute(String schoolId, String schoolName, Instant now, List<FeeRow> fees, List<Row> rows,
      Map<String, String> classNames) {
    LocalDate today = SchoolTime.today(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    Map<String, List<Row>> byFee = new LinkedHashMap<>();
    rows.forEach(r -> byFee.computeIfAbsent(r.feeId(), k -> new ArrayList<>()).add(r));
    List<FeeReport.Fee> lines = new ArrayList<>();
    long invoiced = 0;
    long paid = 0;
    List<FeeRow> ordered = fees.stream()
        .sorted(Comparator.comparing(FeeRow::createdAt).thenComparing(FeeRow::feeId)).toList();
    for (FeeRow fee : ordered) {
      Map<String, List<Row>> byClass = new TreeMap<>();
      byFee.getOrDefault(fee.feeId(), List.of())
          .forEach(r -> byClass.computeIfAbsent(String.valueOf(r.classId()), k -> new ArrayList<>()).add(r));
      List<FeeReport.ClassLine> classes = new ArrayList<>();
      long feeInvoiced = 0;
      long feePaid = 0;
      for (Map.Entry<String, List<Row>> e : byClass.entrySet()) {
        List<Row> counted = e.getValue().stream().filter(r -> !"CANCELLED".equals(r.status())).toList();
        long classInvoiced = 0;
        long classPaid = 0;
        int paidInvoices = 0;
        for (Row r : counted) {
          classInvoiced = Math.addExact(classInvoiced, r.amountVnd());
          classPaid = Math.addExact(classPaid, r.paidVnd());
          if ("PAID".equals(r.status())) {
            paidInvoices++;
          }
        }
        List<FeeReport.UnpaidPupil> unpaid = counted.stream()
            .filter(r -> "OPEN".equals(r.status()))
            .sorted(Comparator.comparing((Row r) -> String.valueOf(r.studentName()), PersonNames.rosterOrder())
                .thenComparing(Row::studentId))
            .map(r -> new FeeReport.UnpaidPupil(r.studentId(), r.studentName(), r.invoiceId(),
                Math.subtractExact(r.amountVnd(), r.paidVnd()), today.isAfter(fee.dueDate())))
            .toList();
        classes.add(new FeeReport.ClassLine(e.getKey(), classNames.getOrDefault(e.getKey(), e.getKey()), counted.size(),
            paidInvoices, classInvoiced, classPaid, Math.subtractExact(classInvoiced, classPaid), unpaid));
        feeInvoiced = Math.addExact(feeInvoiced, classInvoiced);
        feePaid = Math.addExact(feePaid, classPaid);
      }
      classes.sort(Comparator.comparing(FeeReport.ClassLine::className));
      lines.add(new FeeReport.Fee(fee.feeId(), fee.name(), fee.amountVnd(), fee.dueDate(), classes, feeInvoiced, feePaid,
          Math.subtractExact(feeInvoiced, feePaid)));
      invoiced = Math.addExact(invoiced, feeInvoiced);
      paid = Math.addExact(paid, feePaid);
    }
    return new FeeReport(schoolId, schoolName, SchoolTime.show(now), lines, invoiced, paid,
        Math.subtractExact(invoiced, paid));
  }
}
