package vn.lienlac.model.payments;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One payment of one or several open invoices of one family in one school.
 * State machine (docs/ARCHITECTURE.md §4): CREATED → PENDING → SUCCEEDED | FAILED | EXPIRED;
 * a bank transfer smaller than the total makes it PARTIAL (more transfers may follow); money that
 * arrives for invoices that no longer take it makes it REVIEW (refund by hand).
 */
public record Payment(String id, String schoolId, Method method, State state, long amountVnd, long creditedVnd,
    List<String> invoiceIds, List<String> studentIds, String reference, String redirectUrl, String providerTxnId,
    OffsetDateTime createdAt, OffsetDateTime settledAt) {

  public enum Method { VNPAY, VIETQR, CASH }

  public enum State {
    CREATED, PENDING, PARTIAL, SUCCEEDED, FAILED, EXPIRED, REVIEW;

    /** No more money is expected: the reconciler leaves it alone. */
    public boolean isFinal() {
      return this == SUCCEEDED || this == FAILED || this == EXPIRED || this == REVIEW;
    }
  }

  /** {@code POST /v1/payments}: several open invoices of the caller's children in one school. */
  public record Draft(Method method, List<String> invoiceIds, String locale) {}

  /** {@code POST /v1/invoices/{id}/payments}: one invoice. */
  public record InvoiceDraft(Method method, String locale) {}
}
