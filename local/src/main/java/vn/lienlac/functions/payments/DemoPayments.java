package vn.lienlac.functions.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.bank.BankConfig;
import vn.lienlac.functions.payments.bank.BankNotifications;
import vn.lienlac.functions.payments.bank.BankTransaction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.payments.PaymentReference;

/**
 * The demo seed's fees and payments (dev stack only: this class lives in the local module), written
 * through the production services and the one crediting path: per school, school meals (with an
 * exemption and a discount), health insurance and a club for one class (overdue), some paid by
 * VNPay, some by bank transfer (one partly), some in cash at the office, the rest open. Sequential
 * and seeded: the same items, ids and receipt numbers every run.
 */
public final class DemoPayments {
  private DemoPayments() {}

  public static void write(Dynamo dynamo, Clock clock, List<SchoolClass> classes, List<Student> students,
      Map<String, Caller> staffBySchool, Map<String, Caller> parentByStudent) {
    RosterRepository roster = new RosterRepository(dynamo);
    PaymentLedger ledger = new PaymentLedger(dynamo, clock, EventPublisher.none());
    InvoiceService invoices = new InvoiceService(dynamo, clock);
    FeeService fees = new FeeService(dynamo, roster, clock);
    Map<String, List<Student>> bySchool = new TreeMap<>();
    students.forEach(s -> bySchool.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s));
    for (Map.Entry<String, List<Student>> school : bySchool.entrySet()) {
      String schoolId = school.getKey();
      Caller office = staffBySchool.get(schoolId);
      if (office == null) {
        continue;
      }
      Random random = new Random(schoolId.hashCode() * 31L + 14);
      PaymentService payments = new PaymentService(dynamo, clock, ledger, invoices, VnpayConfig::localSandbox,
          () -> PaymentReference.generate(random));
      List<String> pupils = school.getValue().stream().map(Student::id).sorted().toList();
      String firstClass = classes.stream().filter(c -> c.schoolId().equals(schoolId)).map(SchoolClass::id).sorted()
          .findFirst().orElseThrow();
      List<Fee.Adjustment> adjustments = pupils.size() < 3 ? List.of() : List.of(
          new Fee.Adjustment(pupils.get(0), Fee.Adjustment.Kind.EXEMPTION, null, "Hộ nghèo: miễn 100%"),
          new Fee.Adjustment(pupils.get(1), Fee.Adjustment.Kind.DISCOUNT, 325_000L, "Con thương binh: giảm 50%"));
      Fee meals = fees.create(office, new Fee.Draft(schoolId, "Tiền ăn bán trú tháng 12/2026", 650_000L,
          LocalDate.of(2026, 12, 5), Fee.Scope.SCHOOL, null, null, null, adjustments)).fee();
      Fee insurance = fees.create(office, new Fee.Draft(schoolId, "Bảo hiểm y tế học sinh năm 2027", 884_520L,
          LocalDate.of(2026, 12, 31), Fee.Scope.SCHOOL, null, null, null, null)).fee();
      Fee club = fees.create(office, new Fee.Draft(schoolId, "Câu lạc bộ Robotics – học kỳ I", 350_000L,
          LocalDate.of(2026, 11, 15), Fee.Scope.CLASS, null, List.of(firstClass), null, null)).fee();
      int i = 0;
      for (InvoiceItem invoice : invoicesOf(invoices, schoolId, meals)) {
        Optional<Caller> parent = Optional.ofNullable(parentByStudent.get(invoice.studentId));
        switch (i++ % 6) {
          case 0 -> parent.ifPresent(p -> online(payments, ledger, clock, p, invoice, Payment.Method.VNPAY, "VNPAY",
              "SEED" + schoolId.hashCode() % 1000 + "V" + invoice.studentId, invoice.amountVnd - invoice.paidVnd));
          case 1 -> parent.ifPresent(p -> online(payments, ledger, clock, p, invoice, Payment.Method.VIETQR, "SEPAY",
              "seed-" + invoice.studentId, invoice.amountVnd - invoice.paidVnd));
          case 2 -> payments.cash(office, invoice, new Invoice.CashPayment(invoice.amountVnd, "Thu tại văn phòng"), "seed");
          default -> { }
        }
      }
      i = 0;
      for (InvoiceItem invoice : invoicesOf(invoices, schoolId, insurance)) {
        if (i++ % 4 == 0) {
          payments.cash(office, invoice, new Invoice.CashPayment(invoice.amountVnd, "Nộp tại văn phòng"), "seed");
        }
      }
      i = 0;
      for (InvoiceItem invoice : invoicesOf(invoices, schoolId, club)) {
        Optional<Caller> parent = Optional.ofNullable(parentByStudent.get(invoice.studentId));
        int n = i++;
        if (n == 0) {
          parent.ifPresent(p -> online(payments, ledger, clock, p, invoice, Payment.Method.VNPAY, "VNPAY",
              "SEEDCLUB" + invoice.studentId, invoice.amountVnd));
        } else if (n == 1) {
          // A transfer of half the amount: the payment PARTIAL, the invoice open for the rest.
          parent.ifPresent(p -> online(payments, ledger, clock, p, invoice, Payment.Method.VIETQR, "CASSO",
              "seed-half-" + invoice.studentId, invoice.amountVnd / 2));
        }
      }
      // paydocs: a transfer whose note names no payment, parked for the office (through the webhook's service).
      new BankReconciler(dynamo, ledger, clock).process(BankConfig.localDev().school(schoolId).orElseThrow(),
          new BankTransaction(BankNotifications.SEPAY, "seed-parked-1", true, 650_000,
              "MBVCB.3278651.CHUYEN TIEN AN BAN TRU THANG 12 CHAU HUONG.CT tu 0912345678", "1133666688",
              "FT26324918273645", "2026-11-20 16:45:10"));
    }
  }

  private static List<InvoiceItem> invoicesOf(InvoiceService invoices, String schoolId, Fee fee) {
    List<InvoiceItem> found = new ArrayList<>();
    for (String studentId : fee.studentIds()) {
      invoices.item(schoolId, FeeService.invoiceId(fee.id(), studentId)).ifPresent(found::add);
    }
    return found;
  }

  /** A parent starts the payment; then the provider's confirmation arrives, through the ledger as the IPN/webhook would. */
  private static void online(PaymentService payments, PaymentLedger ledger, Clock clock, Caller parent,
      InvoiceItem invoice, Payment.Method method, String provider, String providerTxnId, long amount) {
    Payment payment = payments.start(parent, List.of(invoice), method, java.util.Locale.forLanguageTag("vi"),
        "127.0.0.1", null);
    ledger.credit(invoice.schoolId, payment.id(), amount, provider, providerTxnId,
        method == Payment.Method.VNPAY ? PaymentLedger.Rule.EXACT : PaymentLedger.Rule.UP_TO_OUTSTANDING, clock.instant());
  }
}
