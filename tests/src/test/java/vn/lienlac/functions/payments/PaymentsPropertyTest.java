package vn.lienlac.functions.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.payments.PaymentItems.CreditItem;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.PaymentLedger.Outcome;
import vn.lienlac.functions.payments.PaymentLedger.Rule;
import vn.lienlac.functions.payments.report.FeeReports;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.tests.LocalStackExtension;

/**
 * After a random mix of at least 1,000 payment events in the seeded school — payments started and
 * confirmed (VNPay, whole), transfers (partial or whole), duplicate deliveries, failures, crashes
 * after the commit and redeliveries, money for invoices paid another way meanwhile — the report's
 * totals equal the sum of the credited amounts, and no invoice is paid more than it owes.
 */
class PaymentsPropertyTest {
  static final String SCHOOL = "thcs-nguyen-trai";
  static final String CLASS = "nt-2026-6a1";
  static final Caller OFFICE = new Caller("nt-vp-01",
      List.of(new Caller.RoleGrant(SCHOOL, vn.lienlac.model.identity.Role.STAFF, "Văn phòng")));
  static final Caller PARENT = new Caller("property-parent", List.of());

  @Property(tries = 1, seed = "20261121")
  void report_totals_equal_the_credited_sum_and_no_invoice_is_paid_twice(@ForAll @LongRange(min = 1) long seed) {
    LocalStack stack = LocalStackExtension.shared();
    Dynamo dynamo = stack.dynamo();
    Random random = new Random(seed);
    RosterRepository roster = new RosterRepository(dynamo);
    PaymentLedger ledger = new PaymentLedger(dynamo, stack.clock(), EventPublisher.none());
    InvoiceService invoices = new InvoiceService(dynamo, stack.clock());
    FeeService fees = new FeeService(dynamo, roster, stack.clock());
    PaymentService payments = new PaymentService(dynamo, stack.clock(), ledger, invoices, VnpayConfig::localSandbox);
    List<String> pupils = roster.members(SCHOOL, CLASS).stream().map(RosterRepository.ClassMember::studentId).toList();

    List<Fee> mine = new ArrayList<>();
    List<String> open = new ArrayList<>();
    long credited = 0;
    int events = 0;
    int txn = 0;
    Map<String, Integer> outcomes = new HashMap<>();
    while (events < 1_000) {
      if (open.size() < 4) {
        Fee fee = fees.create(OFFICE, new Fee.Draft(SCHOOL, "Property " + seed + " #" + mine.size(),
            50_000L + random.nextInt(20) * 10_000L, LocalDate.of(2026, 12, 1 + random.nextInt(28)), Fee.Scope.CLASS,
            null, List.of(CLASS), null, null)).fee();
        mine.add(fee);
        pupils.forEach(p -> open.add(FeeService.invoiceId(fee.id(), p)));
      }
      String first = open.get(random.nextInt(open.size()));
      InvoiceItem invoice = invoices.item(SCHOOL, first).orElseThrow();
      if (!"OPEN".equals(invoice.status)) {
        open.remove(first);
        continue;
      }
      boolean card = random.nextBoolean();
      Payment payment = payments.start(PARENT, List.of(invoice), card ? Payment.Method.VNPAY : Payment.Method.VIETQR,
          Locale.ENGLISH, "127.0.0.1", null);
      events++;
      long owed = payment.amountVnd();
      int roll = random.nextInt(100);
      String txnId = "P" + seed + "-" + ++txn;
      if (roll < 15) {
        ledger.fail(SCHOOL, payment.id(), Payment.State.FAILED, "declined", stack.clock().instant());
        events++;
        outcomes.merge("failed", 1, Integer::sum);
        continue;
      }
      if (roll < 22) {
        // Paid another way meanwhile (cash at the office), then the provider's money arrives.
        var cash = payments.cash(OFFICE, invoice, new vn.lienlac.model.payments.Invoice.CashPayment(owed, null), "p" + txn);
        credited += cash.creditedVnd();
        events++;
      }
      long amount = card ? owed : 1 + random.nextLong(owed);
      boolean crash = random.nextInt(10) == 0;
      if (crash) {
        ledger.afterCommit(id -> {
          throw new IllegalStateException("crash");
        });
      }
      PaymentLedger.Result result;
      try {
        result = ledger.credit(SCHOOL, payment.id(), amount, card ? "VNPAY" : "SEPAY", txnId,
            card ? Rule.EXACT : Rule.UP_TO_OUTSTANDING, stack.clock().instant());
      } catch (IllegalStateException e) {
        result = null;
      } finally {
        ledger.afterCommit(id -> { });
      }
      events++;
      // Redeliveries (after a crash always, else sometimes): never a second credit.
      int duplicates = crash ? 1 + random.nextInt(2) : random.nextInt(4) == 0 ? 1 : 0;
      for (int d = 0; d < duplicates; d++) {
        PaymentLedger.Result again = ledger.credit(SCHOOL, payment.id(), amount, card ? "VNPAY" : "SEPAY", txnId,
            card ? Rule.EXACT : Rule.UP_TO_OUTSTANDING, stack.clock().instant());
        assertThat(again.outcome()).isIn(Outcome.ALREADY_CONFIRMED, Outcome.MISMATCH);
        events++;
      }
      CreditItem credit = ledger.creditOf(SCHOOL, (card ? "VNPAY" : "SEPAY") + "|" + PaymentLedger.txnKey(txnId)).orElse(null);
      if (credit != null && credit.receiptNo != null) {
        credited += credit.amountVnd;
      }
      outcomes.merge(result == null ? "crashed" : result.outcome() + result.state().map(s -> "/" + s).orElse(""), 1,
          Integer::sum);
    }

    // The report over these fees, from what is stored.
    List<FeeReports.FeeRow> feeRows = new ArrayList<>();
    List<FeeReports.Row> rows = new ArrayList<>();
    for (Fee fee : mine) {
      feeRows.add(new FeeReports.FeeRow(fee.id(), fee.name(), fee.amountVnd(), fee.dueDate(), fee.createdAt().toInstant()));
      List<String> ids = fee.studentIds().stream().map(s -> FeeService.invoiceId(fee.id(), s)).toList();
      for (InvoiceItem invoice : ledger.invoicesOf(SCHOOL, ids).values()) {
        rows.add(ReceiptsAndReports.row(invoice));
        assertThat(invoice.paidVnd).as("paid at most once: " + invoice.invoiceId).isBetween(0L, invoice.amountVnd);
        long fromCredits = 0;
        for (String ref : invoice.credits) {
          fromCredits += Long.parseLong(ledger.creditOf(SCHOOL, ref).orElseThrow().allocations.get(invoice.invoiceId));
        }
        assertThat(fromCredits).as("the invoice's paid amount is the sum of its credits").isEqualTo(invoice.paidVnd);
        assertThat(invoice.credits).doesNotHaveDuplicates();
      }
    }
    FeeReport report = FeeReports.compute(SCHOOL, "Nguyễn Trãi", stack.clock().instant(), feeRows, rows, Map.of());
    System.out.printf("Payments property: %d events over %d fees (%d invoices); credited %d VND = report paid %d; %s%n",
        events, mine.size(), rows.size(), credited, report.paid(), outcomes);
    assertThat(events).isGreaterThanOrEqualTo(1_000);
    assertThat(report.paid()).isEqualTo(credited);
    assertThat(report.invoiced() - report.paid()).isEqualTo(report.outstanding());
  }
}
