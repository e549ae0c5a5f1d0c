package vn.lienlac.functions.payments;

import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.privacy.ConsentAccess;
import vn.lienlac.model.identity.Role;

/**
 * Who may do what with fees and payments. Money is between a family and the school office:
 * teachers see none of it.
 *
 * <ul>
 *   <li>A pupil's invoices and receipts: the pupil's parents and the school's staff.
 *   <li>Paying: the pupil's parents only (staff who can see the invoice get 403).
 *   <li>Consent (issue 18): a parent without consent for the child sees the invoices (the school's
 *       statutory accounting) but paying by app and the receipts answer 403 consent-required.
 *   <li>Creating fees, cancelling invoices, recording cash, the fee report: the school's staff
 *       (parents who can see the invoice, or anyone else in the school, get 403).
 * </ul>
 * A resource the caller has no relation to answers 404, exactly like one that does not exist.
 */
final class PaymentsAccess {
  private final RosterRepository roster;
  private final InvoiceService invoices;

  PaymentsAccess(RosterRepository roster, InvoiceService invoices) {
    this.roster = roster;
    this.invoices = invoices;
  }

  /** The pupil, when the caller may read their invoices. */
  Student studentForInvoices(Caller caller, String studentId) {
    Optional<String> asParent = caller.schoolOfChild(studentId);
    if (asParent.isPresent()) {
      return roster.student(asParent.get(), studentId).orElseThrow(ApiException.NotFound::new);
    }
    for (String schoolId : caller.schoolsWithRole(Role.STAFF)) {
      Optional<Student> student = roster.student(schoolId, studentId);
      if (student.isPresent()) {
        return student.get();
      }
    }
    throw new ApiException.NotFound();
  }

  /** What the caller may do with an invoice they can see. */
  enum InvoiceAction { READ, PAY, MANAGE }

  /** The invoice, when the caller may see it and do {@code action}: 404 when they cannot see it, 403 when they may not act. */
  InvoiceItem invoice(Caller caller, String invoiceId, InvoiceAction action) {
    for (String schoolId : caller.schools()) {
      Optional<InvoiceItem> found = invoices.item(schoolId, invoiceId);
      if (found.isEmpty()) {
        continue;
      }
      InvoiceItem invoice = found.get();
      boolean parent = caller.schoolOfChild(invoice.studentId).filter(schoolId::equals).isPresent();
      boolean staff = caller.hasRole(schoolId, Role.STAFF);
      if (!parent && !staff) {
        continue;
      }
      boolean allowed = switch (action) {
        case READ -> true;
        case PAY -> parent;
        case MANAGE -> staff;
      };
      if (!allowed) {
        throw new ApiException.Forbidden(action == InvoiceAction.PAY ? "payments.parentsOnly" : "payments.staffOnly");
      }
      if (parent && action != InvoiceAction.MANAGE) {
        // Consent (issue 18): paying by app and its receipts are optional processing; the invoice
        // list (what the school bills, its accounting) stays readable.
        ConsentAccess.requireConsent(caller, schoolId, invoice.studentId);
      }
      return invoice;
    }
    throw new ApiException.NotFound();
  }

  /** The school, when the caller is its staff: 403 for anyone else with a role there, 404 otherwise. */
  void staffOf(Caller caller, String schoolId) {
    if (caller.hasRole(schoolId, Role.STAFF)) {
      return;
    }
    if (caller.schools().contains(schoolId)) {
      throw new ApiException.Forbidden("payments.staffOnly");
    }
    throw new ApiException.NotFound();
  }
}
