package vn.lienlac.model.payments;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bank transaction a notification service (SePay, Casso) reported that was not credited
 * automatically, parked for the school's staff ({@code GET /v1/schools/{id}/bank-transfers/review}).
 * Nothing the bank reports is ever dropped: it is credited once, or it is here.
 *
 * @param id the review item's id ({@code sepay-92704}: provider and the provider's transaction id)
 * @param reason why it was not credited
 * @param candidates the payment references found in the note (none, unknown or several)
 * @param status OPEN until staff assign it to a payment (ASSIGNED) or dismiss it with a reason
 */
public record BankTransfer(String id, String provider, String transactionId, boolean incoming, long amountVnd,
    String note, String accountNumber, String bankReference, String occurredAt, OffsetDateTime receivedAt,
    Reason reason, List<String> candidates, Status status, String paymentId, String dismissReason, String resolvedBy,
    OffsetDateTime resolvedAt, long version) {

  public BankTransfer {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  public enum Reason {
    /** The note holds no payment reference. */
    NO_REFERENCE,
    /** The note's reference is no payment of this school. */
    UNKNOWN_REFERENCE,
    /** The note names several payments. */
    AMBIGUOUS_REFERENCE,
    /** More than the payment still expects (or nothing): the ledger refused it. */
    WRONG_AMOUNT,
    /** Money out of the school's account. */
    OUTGOING,
    /** Money into an account that is not the school's configured one. */
    WRONG_ACCOUNT,
    /** The same bank transaction id came again with a different amount. */
    DUPLICATE_DIFFERENT_AMOUNT,
    /** A correctly signed notification we could not read (kept whole in {@code note}). */
    UNREADABLE
  }

  public enum Status { OPEN, ASSIGNED, DISMISSED }

  /**
   * {@code POST /v1/schools/{schoolId}/bank-transfers/review/{id}/resolve}: ASSIGN to a payment (by
   * its id, or to the open payment of an invoice) — credited through the ledger like any transfer —
   * or DISMISS with a reason (a refund made by hand, a transfer that was not a fee).
   */
  public record Resolution(Action action, String paymentId, String invoiceId, String reason, Long version) {
    public enum Action { ASSIGN, DISMISS }
  }
}
