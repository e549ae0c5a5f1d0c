package vn.lienlac.functions.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.payments.PaymentItems.CreditItem;
import vn.lienlac.functions.payments.PaymentItems.FeeItem;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.report.FeeReports;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.identity.School;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.payments.Receipt;

/** The receipt of an invoice's latest credit, and the school's fee report (computed by {@link FeeReports}). */
public final class ReceiptsAndReports {
  private final PaymentLedger ledger;
  private final FeeService fees;
  private final RosterRepository roster;
  private final Clock clock;

  public ReceiptsAndReports(PaymentLedger ledger, FeeService fees, RosterRepository roster, Clock clock) {
    this.ledger = ledger;
    this.fees = fees;
    this.roster = roster;
    this.clock = clock;
  }

  /** The receipt of the latest credit to this invoice; 404 while nothing was paid on it. */
  public Receipt receipt(InvoiceItem invoice) {
    if (invoice.credits == null || invoice.credits.isEmpty()) {
      throw new ApiException.NotFound();
    }
    CreditItem credit = ledger.creditOf(invoice.schoolId, invoice.credits.getLast()).orElseThrow(ApiException.NotFound::new);
    Payment payment = ledger.payment(invoice.schoolId, credit.paymentId).orElseThrow(ApiException.NotFound::new);
    Map<String, InvoiceItem> paid = ledger.invoicesOf(invoice.schoolId, new ArrayList<>(credit.allocations.keySet()));
    Map<String, SchoolClass> classes = roster.classes(invoice.schoolId,
        paid.values().stream().map(i -> i.classId).filter(java.util.Objects::nonNull).distinct().toList());
    List<Receipt.Line> lines = new ArrayList<>();
    for (String invoiceId : payment.invoiceIds()) {
      String share = credit.allocations.get(invoiceId);
      InvoiceItem i = paid.get(invoiceId);
      if (share != null && i != null) {
        SchoolClass c = i.classId == null ? null : classes.get(i.classId);
        lines.add(new Receipt.Line(invoiceId, i.studentId, i.studentName, c == null ? i.classId : c.name(), i.feeName,
            Long.parseLong(share)));
      }
    }
    String schoolName = roster.school(invoice.schoolId).map(School::name).orElse(invoice.schoolId);
    Instant at = Instant.parse(credit.at);
    String number = "BL-" + SchoolTime.show(at).getYear() + "-" + String.format("%06d", credit.receiptNo);
    Receipt.Method method = switch (payment.method()) {
      case VNPAY -> Receipt.Method.VNPAY;
      case VIETQR -> Receipt.Method.BANK_TRANSFER;
      case CASH -> Receipt.Method.CASH;
    };
    return new Receipt(number, payment.id(), invoice.schoolId, schoolName, lines, credit.amountVnd, method,
        payment.method() == Payment.Method.CASH ? null : credit.providerTxnId, SchoolTime.show(at));
  }

  /** Per fee and per class: one Query of the fees, BatchGetItem of their invoices (keys derived from the fee). */
  public FeeReport report(String schoolId) {
    List<FeeReports.FeeRow> feeRows = new ArrayList<>();
    List<FeeReports.Row> rows = new ArrayList<>();
    for (FeeItem fee : fees.feesOf(schoolId)) {
      feeRows.add(new FeeReports.FeeRow(fee.feeId, fee.name, fee.amountVnd, LocalDate.parse(fee.dueDate),
          Instant.parse(fee.createdAt)));
      Map<String, Fee.Adjustment> exempt = new HashMap<>();
      fee.adjustments.stream().map(FeeService::parseAdjustment)
          .filter(a -> a.kind() == Fee.Adjustment.Kind.EXEMPTION).forEach(a -> exempt.put(a.studentId(), a));
      List<String> ids = fee.studentIds.stream().filter(s -> !exempt.containsKey(s))
          .map(s -> FeeService.invoiceId(fee.feeId, s)).toList();
      ledger.invoicesOf(schoolId, ids).values().forEach(i -> rows.add(row(i)));
    }
    Map<String, String> classNames = new HashMap<>();
    roster.classesOf(schoolId, null).forEach((SchoolClass c) -> classNames.put(c.id(), c.name()));
    String schoolName = roster.school(schoolId).map(School::name).orElse(schoolId);
    return FeeReports.compute(schoolId, schoolName, clock.instant(), feeRows, rows, classNames);
  }

  static FeeReports.Row row(InvoiceItem i) {
    return new FeeReports.Row(i.feeId, i.invoiceId, i.studentId, i.studentName, i.classId, i.amountVnd, i.paidVnd,
        i.status);
  }
}
