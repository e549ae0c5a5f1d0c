package vn.lienlac.model.payments;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An e-receipt (biên lai điện tử) of one credit: numbered per school ({@code number}, shown as
 * {@code code}), time in Asia/Ho_Chi_Minh. Paydocs renders it as PDF.
 */
public record Receipt(String code, long number, String schoolId, String schoolName, String paymentId,
    Payment.Method method, String provider, String providerTxnId, long amountVnd, OffsetDateTime paidAt,
    List<Line> items) {

  public Receipt {
    items = List.copyOf(items);
  }

  /** One invoice the credit went to. */
  public record Line(String invoiceId, String feeName, String studentId, String studentName, String classId,
      long amountVnd) {}
}
