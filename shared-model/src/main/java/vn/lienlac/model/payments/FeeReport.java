package vn.lienlac.model.payments;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /v1/schools/{id}/fees/report}: per fee and per class, what was invoiced, paid and is
 * outstanding (cancelled invoices count nowhere), and the pupils who still owe.
 */
public record FeeReport(String schoolId, LocalDate asOf, Totals totals, List<FeeLine> fees) {

  public record Totals(long invoicedVnd, long paidVnd, long outstandingVnd, int invoices, int paidInvoices) {}

  public record FeeLine(String feeId, String name, LocalDate dueDate, Totals totals, List<ClassLine> classes) {}

  public record ClassLine(String classId, String className, Totals totals, List<Unpaid> unpaid) {}

  public record Unpaid(String studentId, String studentName, String invoiceId, long outstandingVnd, boolean overdue) {}
}
