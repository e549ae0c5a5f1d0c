package vn.lienlac.model.payments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /v1/schools/{schoolId}/fees/report}: per fee and per class, what was invoiced, paid and
 * is still outstanding, with the pupils who have not paid in full. The same object is answered as
 * JSON and rendered as CSV and .xlsx. Amounts are whole VND; {@code outstanding = invoiced - paid}
 * at every level (cancelled invoices are not counted; exemptions reduce what is invoiced).
 *
 * @param schoolId the school
 * @param schoolName the school's name
 * @param generatedAt when the report was computed (shown at {@code +07:00})
 * @param fees one entry per fee, in the order the school created them
 * @param invoiced the sum over the fees
 * @param paid the sum over the fees
 * @param outstanding the sum over the fees
 */
public record FeeReport(String schoolId, String schoolName, OffsetDateTime generatedAt, List<Fee> fees,
    long invoiced, long paid, long outstanding) {

  public FeeReport {
    fees = List.copyOf(fees);
  }

  /**
   * One fee: its totals and one entry per class with invoices of it.
   *
   * @param feeId the fee
   * @param name the fee's name (NFC)
   * @param amount the fee's amount per pupil before exemptions and discounts
   * @param dueDate the due date (a school day in Vietnam)
   * @param classes per class, ordered by class name
   */
  public record Fee(String feeId, String name, long amount, LocalDate dueDate, List<ClassLine> classes,
      long invoiced, long paid, long outstanding) {

    public Fee {
      classes = List.copyOf(classes);
    }
  }

  /**
   * One class of one fee.
   *
   * @param invoices how many (not cancelled) invoices of the fee the class's pupils have
   * @param paidInvoices how many of them are paid in full
   * @param unpaid the pupils who still owe something, ordered as the roster is
   */
  public record ClassLine(String classId, String className, int invoices, int paidInvoices, long invoiced,
      long paid, long outstanding, List<UnpaidPupil> unpaid) {

    public ClassLine {
      unpaid = List.copyOf(unpaid);
    }
  }

  /**
   * A pupil who still owes on an invoice of the fee.
   *
   * @param outstanding what is still owed (the invoice's amount less what was credited)
   * @param overdue whether the due date has passed (in Vietnam's calendar)
   */
  public record UnpaidPupil(String studentId, String fullName, String invoiceId, long outstanding,
      boolean overdue) {}
}
