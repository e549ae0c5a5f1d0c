package vn.lienlac.functions.payments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.PaymentsAccess.InvoiceAction;
import vn.lienlac.functions.payments.bank.BankConfig;
import vn.lienlac.functions.payments.documents.Documents;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Payment;

/**
 * payments-fn: fees, invoices, payments (VNPay, VietQR), the VNPay IPN and return URL, receipts
 * and the fee report. Each route: parse, authorize ({@link PaymentsAccess}), call the service,
 * respond. The IPN and return routes are public (no JWT): the VNPay signature is their check.
 */
public final class PaymentsFunction extends ApiFunction {
  private final DirectoryRepository directory;
  private final PaymentsAccess access;
  private final FeeService fees;
  private final InvoiceService invoices;
  private final PaymentService payments;
  private final PaymentLedger ledger;
  private final VnpayIpn ipn;
  private final ReceiptsAndReports receipts;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public PaymentsFunction() {
    this(Environment.system());
  }

  public PaymentsFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private PaymentsFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC(), Events.publisher(env), VnpayConfig.lazy(() -> VnpayConfig.fromEnvironment(env)),
        BankConfig.lazy(() -> BankConfig.fromEnvironment(env)));
    primeBeforeSnapshot(dynamo, env);
  }

  /** The dev stack and tests: no events, and VNPay is the local sandbox ({@link VnpayConfig#localSandbox()}). */
  public PaymentsFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, EventPublisher.none());
  }

  /** The dev stack with its event queue; VNPay is the local sandbox. */
  public PaymentsFunction(Dynamo dynamo, Clock clock, EventPublisher publisher) {
    this(dynamo, clock, publisher, VnpayConfig::localSandbox);
  }

  PaymentsFunction(Dynamo dynamo, Clock clock, EventPublisher publisher, Supplier<VnpayConfig> vnpay) {
    this(dynamo, clock, publisher, vnpay, BankConfig::localDev);
  }

  PaymentsFunction(Dynamo dynamo, Clock clock, EventPublisher publisher, Supplier<VnpayConfig> vnpay,
      Supplier<BankConfig> bank) {
    RosterRepository roster = new RosterRepository(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.ledger = new PaymentLedger(dynamo, clock, publisher);
    this.invoices = new InvoiceService(dynamo, clock);
    this.access = new PaymentsAccess(roster, invoices, new AccessLog(dynamo, clock));
    this.fees = new FeeService(dynamo, roster, clock);
    this.payments = new PaymentService(dynamo, clock, ledger, invoices, vnpay);
    this.ipn = new VnpayIpn(ledger, vnpay, clock);
    this.receipts = new ReceiptsAndReports(ledger, fees, roster, clock);
    on("POST /v1/fees", this::createFee);
    on("GET /v1/students/{studentId}/invoices", this::studentInvoices);
    on("POST /v1/invoices/{invoiceId}/payments", this::payInvoice);
    on("POST /v1/payments", this::pay);
    on("POST /v1/invoices/{invoiceId}/cancel", this::cancelInvoice);
    on("POST /v1/invoices/{invoiceId}/cash-payments", this::recordCash);
    on("GET /v1/invoices/{invoiceId}/receipt", this::receipt);
    on("GET /v1/schools/{schoolId}/fees/report", this::report);
    on("GET /v1/payments/vnpay/ipn", this::vnpayIpn);
    on("GET /v1/payments/vnpay/return", this::vnpayReturn);
    // Bank transfers (SePay, Casso webhooks; the review queue) and VietQR codes: paydocs.
    new BankTransfers(directory, roster, new BankAccess(access, ledger), new BankReconciler(dynamo, ledger, clock), bank,
        clock).routes().forEach(this::on);
  }

  /** The ledger, for the bank webhooks and the reconciler built on the same table. */
  PaymentLedger ledger() {
    return ledger;
  }

  FeeService fees() {
    return fees;
  }

  private ApiResponse createFee(ApiRequest request) {
    Caller caller = caller(request);
    Fee.Draft draft = request.body(Fee.Draft.class);
    if (!Ids.isValid(draft.schoolId())) {
      throw new ApiException.NotFound();
    }
    access.staffOf(caller, draft.schoolId());
    FeeService.Created result = fees.create(caller, draft);
    return result.created()
        ? new ApiResponse(201, result.fee(), null, "application/json", Map.of())
        : ApiResponse.ok(result.fee());
  }

  private ApiResponse studentInvoices(ApiRequest request) {
    Student student = access.studentForInvoices(caller(request), Ids.fromPath(request, "studentId"), request);
    return ApiResponse.ok(ListResponse.of(invoices.forStudent(student)));
  }

  private ApiResponse payInvoice(ApiRequest request) {
    Caller caller = caller(request);
    String invoiceId = Ids.fromPath(request, "invoiceId");
    Payment.InvoiceDraft draft = request.body(Payment.InvoiceDraft.class);
    PaymentService.checkDraft(draft.method(), List.of(invoiceId));
    InvoiceItem invoice = access.invoice(caller, invoiceId, InvoiceAction.PAY, request);
    return started(payments.start(caller, List.of(invoice), draft.method(), locale(request, draft.locale()),
        request.sourceIp(), request.domainName()));
  }

  private ApiResponse pay(ApiRequest request) {
    Caller caller = caller(request);
    Payment.Draft draft = request.body(Payment.Draft.class);
    List<String> ids = PaymentService.checkDraft(draft.method(), draft.invoiceIds());
    List<InvoiceItem> chosen = new ArrayList<>();
    for (String id : ids) {
      chosen.add(access.invoice(caller, id, InvoiceAction.PAY, request));
    }
    return started(payments.start(caller, chosen, draft.method(), locale(request, draft.locale()), request.sourceIp(), request.domainName()));
  }

  private ApiResponse cancelInvoice(ApiRequest request) {
    Caller caller = caller(request);
    InvoiceItem invoice = access.invoice(caller, Ids.fromPath(request, "invoiceId"), InvoiceAction.MANAGE, request);
    Invoice.Cancellation body = request.body(Invoice.Cancellation.class);
    return ApiResponse.ok(invoices.cancel(caller, invoice, body, request.requestId()));
  }

  private ApiResponse recordCash(ApiRequest request) {
    Caller caller = caller(request);
    InvoiceItem invoice = access.invoice(caller, Ids.fromPath(request, "invoiceId"), InvoiceAction.MANAGE, request);
    Invoice.CashPayment body = request.body(Invoice.CashPayment.class);
    return new ApiResponse(201, payments.cash(caller, invoice, body, request.requestId()), null, "application/json",
        Map.of());
  }

  private ApiResponse receipt(ApiRequest request) {
    InvoiceItem invoice = access.invoice(caller(request), Ids.fromPath(request, "invoiceId"), InvoiceAction.READ, request);
    return Documents.receipt(request, receipts.receipt(invoice));
  }

  private ApiResponse report(ApiRequest request) {
    String schoolId = Ids.fromPath(request, "schoolId");
    access.staffOf(caller(request), schoolId);
    return Documents.report(request, receipts.report(schoolId));
  }

  /** Public. Always 200 with VNPay's JSON: VNPay reads RspCode, and retries on anything else. */
  private ApiResponse vnpayIpn(ApiRequest request) {
    return ApiResponse.ok(ipn.handle(request.queryParameters()));
  }

  /** Public. Where VNPay sends the payer back: the signed result and the payment's state; credits nothing. */
  private ApiResponse vnpayReturn(ApiRequest request) {
    return ApiResponse.ok(ipn.result(request.queryParameters()));
  }

  private ApiResponse started(Payment payment) {
    return new ApiResponse(201, payment, null, "application/json", Map.of());
  }

  private static Locale locale(ApiRequest request, String requested) {
    if (requested == null) {
      return request.locale();
    }
    return switch (requested) {
      case "en" -> Locale.ENGLISH;
      case "vi", "vn" -> Locale.forLanguageTag("vi");
      default -> throw new ApiException.Invalid(List.of(
          vn.lienlac.model.common.Violation.of("locale", "payments.badLocale", requested)));
    };
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }
}
