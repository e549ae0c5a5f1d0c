package vn.lienlac.model.payments;

import java.time.LocalDate;

/**
 * What one pupil owes for one fee. {@code status} OVERDUE is derived: OPEN past its due date on
 * the school's day (Asia/Ho_Chi_Minh). A partial bank transfer leaves it OPEN with
 * {@code paidVnd} > 0.
 */
public record Invoice(String id, String schoolId, String feeId, String feeName, String studentId, String studentName,
    String classId, long amountVnd, long discountVnd, String discountReason, long paidVnd, long outstandingVnd,
    LocalDate dueDate, Status status, String cancelReason, long version) {

  public enum Status { OPEN, PAID, OVERDUE, CANCELLED }

  /** {@code POST /v1/invoices/{id}/cancel} (staff): only an invoice nothing was paid on. */
  public record Cancellation(String reason) {}

  /** {@code POST /v1/invoices/{id}/cash-payments} (staff): money counted at the school office. */
  public record CashPayment(Long amountVnd, String note) {}
}
