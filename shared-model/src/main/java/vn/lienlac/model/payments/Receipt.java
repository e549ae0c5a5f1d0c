package vn.lienlac.model.payments;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A numbered e-receipt (biên lai) for one successful payment, as {@code GET /v1/invoices/{id}/receipt}
 * answers it in JSON and as the PDF renders it. One payment may settle several invoices, of several
 * children of the same family, so the pupil is named per line. Amounts are whole VND ({@code long});
 * {@code paidAt} is shown in Asia/Ho_Chi_Minh ({@code +07:00}).
 *
 * @param number the receipt number, unique in the school (e.g. {@code BL-2026-000123})
 * @param paymentId the payment this receipt is for
 * @param schoolId the school (tenant)
 * @param schoolName the school's name as printed
 * @param lines what was paid, one line per invoice
 * @param total the sum of the lines' amounts: what the payer paid
 * @param method how it was paid
 * @param providerTransactionId the provider's id of the transaction (VNPay TransactionNo, the bank
 *     transaction id of a transfer); null for cash
 * @param paidAt when the payment was confirmed
 */
public record Receipt(String number, String paymentId, String schoolId, String schoolName, List<Line> lines,
    long total, Method method, String providerTransactionId, OffsetDateTime paidAt) {

  public Receipt {
    lines = List.copyOf(lines);
  }

  /** How a payment was made. */
  public enum Method { VNPAY, BANK_TRANSFER, CASH }

  /**
   * One invoice paid by this payment.
   *
   * @param invoiceId the invoice
   * @param studentId the pupil the invoice is for
   * @param studentName the pupil's full name (NFC)
   * @param className the pupil's class as printed (e.g. {@code 7A1}); may be null
   * @param feeName the fee's name (e.g. {@code Tiền ăn bán trú tháng 11})
   * @param amount what this payment credited to the invoice (a partial transfer credits less than
   *     the invoice's amount)
   */
  public record Line(String invoiceId, String studentId, String studentName, String className, String feeName,
      long amount) {}
}
