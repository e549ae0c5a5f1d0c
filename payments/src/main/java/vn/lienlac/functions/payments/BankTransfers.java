package vn.lienlac.functions.payments;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.payments.bank.BankConfig;
import vn.lienlac.functions.payments.bank.BankNotifications;
import vn.lienlac.functions.payments.bank.BankTransaction;
import vn.lienlac.functions.payments.bank.WebhookSignatures;
import vn.lienlac.functions.payments.documents.Documents;
import vn.lienlac.functions.payments.vietqr.QrPng;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Route;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.payments.BankTransfer;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.payments.VietQrCode;
import vn.lienlac.model.payments.VietQr;

/**
 * The routes of bank transfers (paydocs), registered by {@link PaymentsFunction}:
 *
 * <ul>
 *   <li>{@code POST /v1/payments/bank-transfers/sepay/{schoolId}} and {@code …/casso/{schoolId}}:
 *       public (no JWT): the provider's signature with the school's key is the check; anything
 *       unsigned, badly signed, stale or for a school not connected is a 401 and stores nothing.
 *       Verified: each transaction is credited once or parked; the answer is {@code {"success": true}}.
 *   <li>{@code GET /v1/schools/{schoolId}/bank-transfers/review[?status=open|all]} and
 *       {@code POST …/review/{reviewId}/resolve}: staff.
 *   <li>{@code GET /v1/payments/{paymentId}/vietqr}: the payment's VietQR (JSON, or PNG).
 * </ul>
 */
final class BankTransfers {
  private final DirectoryRepository directory;
  private final RosterRepository roster;
  private final BankAccess access;
  private final BankReconciler reconciler;
  private final Supplier<BankConfig> config;
  private final Clock clock;

  BankTransfers(DirectoryRepository directory, RosterRepository roster, BankAccess access, BankReconciler reconciler,
      Supplier<BankConfig> config, Clock clock) {
    this.directory = directory;
    this.roster = roster;
    this.access = access;
    this.reconciler = reconciler;
    this.config = config;
    this.clock = clock;
  }

  Map<String, Route> routes() {
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put("POST /v1/payments/bank-transfers/sepay/{schoolId}", this::sepay);
    routes.put("POST /v1/payments/bank-transfers/casso/{schoolId}", this::casso);
    routes.put("GET /v1/schools/{schoolId}/bank-transfers/review", this::list);
    routes.put("POST /v1/schools/{schoolId}/bank-transfers/review/{reviewId}/resolve", this::resolve);
    routes.put("GET /v1/payments/{paymentId}/vietqr", this::vietqr);
    return routes;
  }

  private ApiResponse sepay(ApiRequest request) {
    BankConfig.School school = connectedSchool(request);
    String body = request.bodyText();
    boolean signed = request.header("x-sepay-signature").isPresent()
        ? WebhookSignatures.sepayHmac(request.header("x-sepay-timestamp").orElse(null),
            request.header("x-sepay-signature").orElse(null), body, school.sepayHmacSecret(), clock.instant())
        : WebhookSignatures.sepayApiKey(request.header("authorization").orElse(null), school.sepayApiKey());
    if (!signed) {
      throw new ApiException.Unauthenticated();
    }
    List<BankTransaction> transactions;
    try {
      transactions = BankNotifications.sepay(body);
    } catch (BankNotifications.Unreadable e) {
      reconciler.parkUnreadable(school.schoolId(), BankNotifications.SEPAY, body);
      return success();
    }
    transactions.forEach(tx -> reconciler.process(school, tx));
    return success();
  }

  private ApiResponse casso(ApiRequest request) {
    BankConfig.School school = connectedSchool(request);
    String body = request.bodyText();
    if (!WebhookSignatures.casso(request.header("x-casso-signature").orElse(null), body, school.cassoChecksumKey(),
        clock.instant())) {
      throw new ApiException.Unauthenticated();
    }
    List<BankTransaction> transactions;
    try {
      transactions = BankNotifications.casso(body);
    } catch (BankNotifications.Unreadable e) {
      reconciler.parkUnreadable(school.schoolId(), BankNotifications.CASSO, body);
      return success();
    }
    transactions.forEach(tx -> reconciler.process(school, tx));
    return success();
  }

  /** The school of the webhook URL, if it exists and connected a bank account; otherwise 401 (nothing revealed). */
  private BankConfig.School connectedSchool(ApiRequest request) {
    String schoolId = request.pathParameter("schoolId");
    Optional<BankConfig.School> school = Ids.isValid(schoolId) ? config.get().school(schoolId) : Optional.empty();
    if (school.isEmpty() || roster.school(schoolId).isEmpty()) {
      throw new ApiException.Unauthenticated();
    }
    return school.get();
  }

  private static ApiResponse success() {
    return ApiResponse.ok(Map.of("success", true));
  }

  private ApiResponse list(ApiRequest request) {
    String schoolId = Ids.fromPath(request, "schoolId");
    access.reviewQueue(caller(request), schoolId);
    String status = request.queryParameter("status").orElse("open");
    if (!status.equals("open") && !status.equals("all")) {
      throw new ApiException.BadRequest("payments.bank.badStatus", status);
    }
    return ApiResponse.ok(ListResponse.of(reconciler.list(schoolId, status.equals("open"))));
  }

  private ApiResponse resolve(ApiRequest request) {
    Caller caller = caller(request);
    String schoolId = Ids.fromPath(request, "schoolId");
    access.reviewQueue(caller, schoolId);
    BankReviewItem item = reconciler.item(schoolId, Ids.fromPath(request, "reviewId"));
    BankTransfer.Resolution resolution = request.body(BankTransfer.Resolution.class);
    return ApiResponse.ok(reconciler.resolve(caller, item, resolution, request.requestId()));
  }

  private ApiResponse vietqr(ApiRequest request) {
    PaymentItem payment = access.payment(caller(request), Ids.fromPath(request, "paymentId"), request);
    Documents.check(request, "png");
    if (!Payment.Method.VIETQR.name().equals(payment.method)) {
      throw new ApiException.Conflict("payments.bank.notVietqr");
    }
    BankConfig.School school = config.get().school(payment.schoolId)
        .orElseThrow(() -> new ApiException.Conflict("payments.bank.notConnected"));
    long outstanding = payment.amountVnd - payment.creditedVnd;
    if (outstanding <= 0 || Payment.State.valueOf(payment.state).isFinal()) {
      throw new ApiException.Conflict("payments.bank.nothingToPay");
    }
    String payload = VietQr.dynamic(school.bin(), school.account(), outstanding, payment.paymentId);
    if (Documents.wants(request, "png", QrPng.MEDIA_TYPE)) {
      return ApiResponse.binary(QrPng.render(payload, QrPng.DEFAULT_SIZE), QrPng.MEDIA_TYPE, Map.of());
    }
    return ApiResponse.ok(new VietQrCode(payment.paymentId, payment.paymentId, school.bin(), school.account(),
        school.accountName(), outstanding, payload));
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }
}
