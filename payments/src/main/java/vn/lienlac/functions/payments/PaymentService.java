package vn.lienlac.functions.payments;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Money;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.payments.PaymentReference;

/**
 * Starting payments: a parent's VNPay or VietQR payment of several open invoices of their
 * children in one school, and the office's cash payment. Every credit goes through
 * {@link PaymentLedger}.
 */
public final class PaymentService {
  static final int MAX_INVOICES = 20;
  static final Duration VNPAY_EXPIRY = Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Dynamo dynamo;
  private final Clock clock;
  private final PaymentLedger ledger;
  private final InvoiceService invoices;
  private final Supplier<VnpayConfig> vnpay;
  private final DynamoDbTable<PaymentItem> payments;
  private final Supplier<String> paymentIds;

  public PaymentService(Dynamo dynamo, Clock clock, PaymentLedger ledger, InvoiceService invoices,
      Supplier<VnpayConfig> vnpay) {
    this(dynamo, clock, ledger, invoices, vnpay, PaymentService::newPaymentId);
  }

  /** {@code paymentIds}: new payment ids ({@link #newPaymentId} in production; a seeded sequence for the demo seed). */
  PaymentService(Dynamo dynamo, Clock clock, PaymentLedger ledger, InvoiceService invoices, Supplier<VnpayConfig> vnpay,
      Supplier<String> paymentIds) {
    this.paymentIds = paymentIds;
    this.dynamo = dynamo;
    this.clock = clock;
    this.ledger = ledger;
    this.invoices = invoices;
    this.vnpay = vnpay;
    this.payments = dynamo.enhanced().table(dynamo.tableName(), PaymentItem.SCHEMA);
  }

  /** Checks a payment draft's shape (all violations at once) before anything is read. */
  static List<String> checkDraft(Payment.Method method, List<String> invoiceIds) {
    Validation v = new Validation();
    v.required("method", method);
    if (method == Payment.Method.CASH) {
      v.add(Violation.of("method", "payments.cashAtOffice"));
    }
    List<String> ids = invoiceIds == null ? List.of() : invoiceIds;
    if (ids.isEmpty() || ids.size() > MAX_INVOICES) {
      v.add(Violation.of("invoiceIds", "payments.invoiceCount", 1, MAX_INVOICES));
    }
    for (int i = 0; i < ids.size() && i < MAX_INVOICES; i++) {
      if (!Ids.isValid(ids.get(i))) {
        v.add(Violation.of("invoiceIds/" + i, "payments.badId", String.valueOf(ids.get(i))));
      }
    }
    if (!v.isValid()) {
      throw new ApiException.Invalid(v.violations());
    }
    return List.copyOf(new LinkedHashSet<>(ids));
  }

  /**
   * Starts a payment of {@code chosen} (already authorized: the caller's children's invoices, one
   * school). VNPay: a signed redirect URL; VietQR: the reference to put in the transfer.
   */
  public Payment start(Caller caller, List<InvoiceItem> chosen, Payment.Method method, Locale locale, String ip,
      String host) {
    String schoolId = chosen.getFirst().schoolId;
    if (chosen.stream().anyMatch(i -> !i.schoolId.equals(schoolId))) {
      throw new ApiException.Invalid(List.of(Violation.of("invoiceIds", "payments.oneSchool")));
    }
    for (InvoiceItem invoice : chosen) {
      if (!"OPEN".equals(invoice.status)) {
        throw new ApiException.Conflict(invoice.version, "payments.invoiceNotOpen", invoice.invoiceId);
      }
    }
    Optional<VnpayConfig.Merchant> merchant = method == Payment.Method.VNPAY ? vnpay.get().merchant(schoolId) : Optional.empty();
    if (method == Payment.Method.VNPAY && merchant.isEmpty()) {
      throw new ApiException.Conflict("payments.vnpayNotConfigured");
    }
    Money total = Money.ZERO;
    for (InvoiceItem invoice : chosen) {
      total = total.plus(Money.of(invoice.amountVnd - invoice.paidVnd));
    }
    Instant now = clock.instant();
    PaymentItem payment = newPayment(caller, schoolId, method, total.vnd(), chosen, now);
    String redirectUrl = null;
    if (merchant.isPresent()) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("vnp_Version", Vnpay.VERSION);
      p.put("vnp_Command", "pay");
      p.put("vnp_TmnCode", merchant.get().tmnCode());
      p.put("vnp_Amount", Long.toString(total.vnpayAmount()));
      p.put("vnp_CurrCode", "VND");
      p.put("vnp_TxnRef", payment.paymentId);
      p.put("vnp_OrderInfo", "Thanh toan hoc phi " + payment.paymentId);
      p.put("vnp_OrderType", "billpayment");
      p.put("vnp_Locale", "en".equals(locale.getLanguage()) ? "en" : "vn");
      p.put("vnp_ReturnUrl", vnpay.get().returnUrl(host));
      p.put("vnp_IpAddr", ip);
      p.put("vnp_CreateDate", payment.providerCreateDate);
      p.put("vnp_ExpireDate", Vnpay.date(now.plus(VNPAY_EXPIRY)));
      redirectUrl = Vnpay.payUrl(vnpay.get().payUrl(), merchant.get().hashSecret(), p);
    }
    // CREATED → PENDING: the payer has what they need to pay. A crash before this leaves CREATED,
    // which the IPN, the webhook and the reconciler treat like PENDING.
    dynamo.client().updateItem(UpdateItemRequest.builder().tableName(dynamo.tableName())
        .key(PaymentLedger.key(payment.pk, payment.sk))
        .updateExpression("SET #state = :pending, version = version + :one")
        .conditionExpression("#state = :created")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":pending", PaymentLedger.s("PENDING"), ":created", PaymentLedger.s("CREATED"),
            ":one", PaymentLedger.n(1)))
        .build());
    Payment saved = ledger.payment(schoolId, payment.paymentId).orElseThrow();
    return withRedirect(saved, redirectUrl);
  }

  /**
   * The office records cash counted at the desk for one invoice: a CASH payment credited at once
   * through the ledger, with the audit item in the same transaction. Its id derives from the
   * invoice's version, so a retried request (same version) records nothing twice: 409.
   */
  public Payment cash(Caller caller, InvoiceItem invoice, Invoice.CashPayment body, String requestId) {
    Validation v = new Validation();
    Long amount = v.required("amountVnd", body.amountVnd());
    String note = v.text("note", body.note(), InvoiceService.MAX_REASON, false);
    long outstanding = invoice.amountVnd - invoice.paidVnd;
    if (amount != null && (amount < 1 || amount > outstanding)) {
      v.add(Violation.of("amountVnd", "payments.amountRange", 1, outstanding));
    }
    if (!v.isValid()) {
      throw new ApiException.Invalid(v.violations());
    }
    if (!"OPEN".equals(invoice.status)) {
      throw new ApiException.Conflict(invoice.version, "payments.invoiceNotOpen", invoice.invoiceId);
    }
    Instant now = clock.instant();
    String paymentId = "LC" + FeeService.base32(FeeService.sha256(invoice.invoiceId + "|" + invoice.version), 10);
    PaymentItem payment = newPayment(caller, invoice.schoolId, Payment.Method.CASH, amount, List.of(invoice), now,
        paymentId);
    if (payment == null) {
      throw new ApiException.Conflict(invoice.version, "payments.invoiceChanged");
    }
    String detail = Money.of(amount).format() + (note == null ? "" : " — " + note);
    PaymentLedger.Result result = ledger.credit(invoice.schoolId, paymentId, amount, "CASH", paymentId,
        PaymentLedger.Rule.UP_TO_OUTSTANDING, now,
        List.of(invoices.audit(caller, invoice, "CASH", detail, now, requestId)));
    if (result.outcome() != PaymentLedger.Outcome.CREDITED) {
      ledger.fail(invoice.schoolId, paymentId, Payment.State.FAILED, "invoice changed", now);
      throw new ApiException.Conflict(invoice.version, "payments.invoiceChanged");
    }
    return ledger.payment(invoice.schoolId, paymentId).orElseThrow();
  }

  private PaymentItem newPayment(Caller caller, String schoolId, Payment.Method method, long amount,
      List<InvoiceItem> chosen, Instant now) {
    for (int attempt = 0; attempt < 5; attempt++) {
      PaymentItem item = newPayment(caller, schoolId, method, amount, chosen, now, paymentIds.get());
      if (item != null) {
        return item;
      }
    }
    throw new IllegalStateException("No free payment id after 5 tries");
  }

  /** Puts a CREATED payment; null when the id is taken. */
  private PaymentItem newPayment(Caller caller, String schoolId, Payment.Method method, long amount,
      List<InvoiceItem> chosen, Instant now, String paymentId) {
    PaymentItem item = new PaymentItem();
    item.paymentId = paymentId;
    item.pk = Keys.payment(schoolId, paymentId);
    item.sk = Keys.PAYMENT;
    item.type = PaymentItem.TYPE;
    item.schoolId = schoolId;
    item.method = method.name();
    item.state = Payment.State.CREATED.name();
    item.amountVnd = amount;
    item.creditedVnd = 0L;
    item.invoiceIds = chosen.stream().map(i -> i.invoiceId).toList();
    item.studentIds = List.copyOf(new LinkedHashSet<>(chosen.stream().map(i -> i.studentId).toList()));
    item.payerSub = caller.subject();
    item.createdAt = now.toString();
    item.providerCreateDate = Vnpay.date(now);
    if (method != Payment.Method.CASH) {
      item.gsi1pk = Keys.openPayments(schoolId);
      item.gsi1sk = now + "#" + paymentId;
    }
    try {
      payments.putItem(PutItemEnhancedRequest.builder(PaymentItem.class).item(item)
          .conditionExpression(Writes.NOT_EXISTS).build());
      return item;
    } catch (ConditionalCheckFailedException e) {
      return null;
    }
  }

  /** A {@link PaymentReference}: {@code LL} + 8 random symbols + a check symbol, made to survive transfer notes. */
  static String newPaymentId() {
    return PaymentReference.generate(RANDOM);
  }

  static Payment withRedirect(Payment p, String redirectUrl) {
    return new Payment(p.id(), p.schoolId(), p.method(), p.state(), p.amountVnd(), p.creditedVnd(), p.invoiceIds(),
        p.studentIds(), p.reference(), redirectUrl, p.providerTxnId(), p.createdAt(), p.settledAt());
  }
}
