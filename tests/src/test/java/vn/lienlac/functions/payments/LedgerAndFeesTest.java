package vn.lienlac.functions.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.PaymentLedger.Outcome;
import vn.lienlac.functions.payments.PaymentLedger.Rule;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.tests.LocalStackExtension;

/**
 * The crediting path and fee creation against the dev stack's DynamoDB: the payment state
 * machine, partial transfers, and recovery from a crash between two steps (after the credit
 * committed, before payment.confirmed; half-way through a fee's invoices).
 */
class LedgerAndFeesTest {
  static final String SCHOOL = "thcs-nguyen-trai";
  static final String CLASS = "nt-2026-7a1";
  static final Caller OFFICE = new Caller("nt-vp-01", List.of(new Caller.RoleGrant(SCHOOL, Role.STAFF, "Văn phòng")));
  static final Caller PARENT = new Caller("ledger-test-parent", List.of());

  final LocalStack stack = LocalStackExtension.shared();
  final Dynamo dynamo = stack.dynamo();
  final RosterRepository roster = new RosterRepository(dynamo);
  final EventPublisher.Recording events = EventPublisher.recording();
  final PaymentLedger ledger = new PaymentLedger(dynamo, stack.clock(), events);
  final InvoiceService invoices = new InvoiceService(dynamo, stack.clock());
  final FeeService fees = new FeeService(dynamo, roster, stack.clock());
  final PaymentService payments = new PaymentService(dynamo, stack.clock(), ledger, invoices, VnpayConfig::localSandbox);

  List<String> pupils() {
    return roster.members(SCHOOL, CLASS).stream().map(RosterRepository.ClassMember::studentId).sorted().toList();
  }

  InvoiceItem newInvoice(String name, long vnd) {
    String pupil = pupils().get(3);
    Fee fee = fees.create(OFFICE, new Fee.Draft(SCHOOL, name + " " + System.nanoTime(), vnd,
        LocalDate.of(2026, 12, 20), Fee.Scope.PUPILS, null, null, List.of(pupil), null)).fee();
    return invoices.item(SCHOOL, FeeService.invoiceId(fee.id(), pupil)).orElseThrow();
  }

  InvoiceItem reload(InvoiceItem invoice) {
    return invoices.item(SCHOOL, invoice.invoiceId).orElseThrow();
  }

  Payment start(Payment.Method method, InvoiceItem... chosen) {
    return payments.start(PARENT, List.of(chosen), method, Locale.ENGLISH, "127.0.0.1", null);
  }

  @Test
  void a_crash_after_the_credit_committed_is_repaired_by_the_next_delivery_which_publishes_once() {
    InvoiceItem invoice = newInvoice("Crash test", 200_000);
    Payment payment = start(Payment.Method.VNPAY, invoice);
    assertThat(payment.state()).isEqualTo(Payment.State.PENDING);
    ledger.afterCommit(id -> {
      throw new IllegalStateException("crash: the function died after the commit");
    });

    assertThatThrownBy(() -> ledger.credit(SCHOOL, payment.id(), 200_000, "VNPAY", "CRASH1", Rule.EXACT,
        stack.clock().instant())).hasMessageContaining("crash");
    assertThat(reload(invoice).status).isEqualTo("PAID");
    assertThat(ledger.paymentItem(SCHOOL, payment.id()).orElseThrow().notifiedAt).as("no event went out").isNull();
    assertThat(events.events()).noneMatch(e -> payment.id().equals(e.get("paymentId")));

    ledger.afterCommit(id -> { });
    // VNPay got no answer and repeats the IPN: already confirmed, and the lost event goes out now.
    assertThat(ledger.credit(SCHOOL, payment.id(), 200_000, "VNPAY", "CRASH1", Rule.EXACT, stack.clock().instant())
        .outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
    assertThat(ledger.credit(SCHOOL, payment.id(), 200_000, "VNPAY", "CRASH1", Rule.EXACT, stack.clock().instant())
        .outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
    List<DomainEvent> confirmed = events.events().stream().filter(e -> payment.id().equals(e.get("paymentId"))).toList();
    assertThat(confirmed).hasSize(1);
    assertThat(confirmed.getFirst().type()).isEqualTo(EventTypes.PAYMENT_CONFIRMED);
    assertThat(confirmed.getFirst().data()).containsOnlyKeys("paymentId", "studentIds", "guardianSub")
        .containsEntry("studentIds", invoice.studentId).containsEntry("guardianSub", PARENT.subject());
    assertThat(ledger.paymentItem(SCHOOL, payment.id()).orElseThrow().notifiedAt).isNotNull();
    assertThat(reload(invoice).paidVnd).isEqualTo(200_000);
  }

  @Test
  void the_state_machine_partial_transfers_failures_and_mismatches() {
    InvoiceItem invoice = newInvoice("State machine", 300_000);
    Payment transfer = start(Payment.Method.VIETQR, invoice);

    // Bank transfers: more than outstanding is parked (nothing written); less leaves the rest open.
    assertThat(ledger.credit(SCHOOL, transfer.id(), 300_001, "SEPAY", "b-1", Rule.UP_TO_OUTSTANDING,
        stack.clock().instant()).outcome()).isEqualTo(Outcome.MISMATCH);
    var half = ledger.credit(SCHOOL, transfer.id(), 100_000, "SEPAY", "b-2", Rule.UP_TO_OUTSTANDING, stack.clock().instant());
    assertThat(half.outcome()).isEqualTo(Outcome.CREDITED);
    assertThat(half.state()).contains(Payment.State.PARTIAL);
    assertThat(reload(invoice).status).isEqualTo("OPEN");
    assertThat(reload(invoice).paidVnd).isEqualTo(100_000);
    assertThat(ledger.fail(SCHOOL, transfer.id(), Payment.State.EXPIRED, "test", stack.clock().instant()))
        .as("a PARTIAL payment does not expire").isFalse();
    var rest = ledger.credit(SCHOOL, transfer.id(), 200_000, "SEPAY", "b-3", Rule.UP_TO_OUTSTANDING, stack.clock().instant());
    assertThat(rest.state()).contains(Payment.State.SUCCEEDED);
    assertThat(reload(invoice).status).isEqualTo("PAID");
    assertThat(ledger.credit(SCHOOL, transfer.id(), 1, "SEPAY", "b-4", Rule.UP_TO_OUTSTANDING, stack.clock().instant())
        .outcome()).as("nothing is owed any more").isEqualTo(Outcome.MISMATCH);
    assertThat(ledger.credit(SCHOOL, "LL00000000X", 1, "SEPAY", "b-5", Rule.UP_TO_OUTSTANDING, stack.clock().instant())
        .outcome()).isEqualTo(Outcome.NOT_FOUND);

    // VNPay: only the exact total; a failure is recorded once; money that arrives anyway is credited.
    InvoiceItem second = newInvoice("State machine VNPay", 80_000);
    Payment card = start(Payment.Method.VNPAY, second);
    assertThat(ledger.credit(SCHOOL, card.id(), 79_000, "VNPAY", "v-1", Rule.EXACT, stack.clock().instant()).outcome())
        .isEqualTo(Outcome.MISMATCH);
    assertThat(ledger.fail(SCHOOL, card.id(), Payment.State.FAILED, "24", stack.clock().instant())).isTrue();
    assertThat(ledger.fail(SCHOOL, card.id(), Payment.State.FAILED, "24", stack.clock().instant())).isFalse();
    assertThat(ledger.credit(SCHOOL, card.id(), 80_000, "VNPAY", "v-2", Rule.EXACT, stack.clock().instant()).state())
        .contains(Payment.State.SUCCEEDED);
    assertThat(ledger.fail(SCHOOL, card.id(), Payment.State.FAILED, "late", stack.clock().instant())).isFalse();

    // Paid in cash meanwhile: the card money goes to REVIEW (refund by hand), the invoice is not paid twice.
    InvoiceItem third = newInvoice("Review", 50_000);
    Payment late = start(Payment.Method.VNPAY, third);
    payments.cash(OFFICE, third, new vn.lienlac.model.payments.Invoice.CashPayment(50_000L, null), "test-" + System.nanoTime());
    var review = ledger.credit(SCHOOL, late.id(), 50_000, "VNPAY", "v-3", Rule.EXACT, stack.clock().instant());
    assertThat(review.state()).contains(Payment.State.REVIEW);
    assertThat(reload(third).paidVnd).isEqualTo(50_000);
  }

  @Test
  void a_fee_creation_cut_off_half_way_resumes_without_duplicates_and_a_rerun_creates_nothing() {
    List<String> pupils = pupils();
    assertThat(pupils.size()).as("more than one chunk").isGreaterThan(FeeService.CHUNK);
    Fee.Draft draft = new Fee.Draft(SCHOOL, "Resume " + System.nanoTime(), 120_000L, LocalDate.of(2026, 12, 1),
        Fee.Scope.CLASS, null, List.of(CLASS), null,
        List.of(new Fee.Adjustment(pupils.get(0), Fee.Adjustment.Kind.EXEMPTION, null, "Miễn")));
    FeeService crashing = new FeeService(dynamo, roster, stack.clock());
    crashing.afterChunk(chunk -> {
      throw new IllegalStateException("crash after chunk " + chunk);
    });
    assertThatThrownBy(() -> crashing.create(OFFICE, draft)).hasMessageContaining("crash after chunk 0");
    String feeId = FeeService.feeId(SCHOOL, draft.name(), 120_000, draft.dueDate(), Fee.Scope.CLASS, null,
        List.of(CLASS), List.of(), List.of(new Fee.Adjustment(pupils.get(0), Fee.Adjustment.Kind.EXEMPTION, 0L, "Miễn")));
    assertThat(count(feeId, pupils)).isEqualTo(FeeService.CHUNK);

    FeeService.Created resumed = fees.create(OFFICE, draft);
    assertThat(resumed.fee().id()).isEqualTo(feeId);
    assertThat(resumed.created()).isFalse();
    assertThat(resumed.fee().invoiceCount()).isEqualTo(pupils.size() - 1);
    assertThat(count(feeId, pupils)).isEqualTo(pupils.size() - 1);

    FeeService.Created again = fees.create(OFFICE, draft);
    assertThat(again.created()).isFalse();
    assertThat(count(feeId, pupils)).isEqualTo(pupils.size() - 1);
  }

  private int count(String feeId, List<String> pupils) {
    List<String> ids = new ArrayList<>();
    pupils.forEach(p -> ids.add(FeeService.invoiceId(feeId, p)));
    Map<String, InvoiceItem> found = ledger.invoicesOf(SCHOOL, ids);
    return found.size();
  }
}
