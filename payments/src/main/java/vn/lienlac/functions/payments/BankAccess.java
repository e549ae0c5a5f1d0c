package vn.lienlac.functions.payments;

import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.privacy.ConsentAccess;
import vn.lienlac.model.identity.Role;

/**
 * Who may do what with bank transfers and VietQR codes (deny by default; 404 for what the caller
 * cannot see). The webhooks have no caller: their signature is their authorization
 * ({@code WebhookSignatures}).
 *
 * <ul>
 *   <li>The review queue (list, resolve): the school's staff; 403 for anyone else with a role in the
 *       school, 404 for everyone else.
 *   <li>A payment's VietQR code: whoever started the payment, the guardians of its pupils, the
 *       school's staff; 404 for anyone else.
 * </ul>
 */
final class BankAccess {
  private final PaymentsAccess payments;
  private final PaymentLedger ledger;

  BankAccess(PaymentsAccess payments, PaymentLedger ledger) {
    this.payments = payments;
    this.ledger = ledger;
  }

  void reviewQueue(Caller caller, String schoolId) {
    payments.staffOf(caller, schoolId);
  }

  PaymentItem payment(Caller caller, String paymentId) {
    if (!Ids.isValid(paymentId)) {
      throw new ApiException.NotFound();
    }
    for (String schoolId : caller.schools()) {
      Optional<PaymentItem> found = ledger.paymentItem(schoolId, paymentId);
      if (found.isPresent()) {
        PaymentItem payment = found.get();
        boolean payer = caller.subject().equals(payment.payerSub);
        boolean guardian = payment.studentIds != null && payment.studentIds.stream()
            .anyMatch(s -> caller.schoolOfChild(s).filter(schoolId::equals).isPresent());
        if (payer || guardian || caller.hasRole(schoolId, Role.STAFF)) {
          if (!caller.hasRole(schoolId, Role.STAFF) && payment.studentIds != null) {
            // Consent (issue 18): a payment by app about a child without the guardian's consent.
            payment.studentIds.forEach(s -> ConsentAccess.requireConsent(caller, schoolId, s));
          }
          return payment;
        }
      }
    }
    throw new ApiException.NotFound();
  }
}
