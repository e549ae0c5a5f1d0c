package vn.lienlac.functions.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.payments.Payment;

/**
 * Settles payments whose IPN never came: for each payment still waiting past a threshold (gsi1
 * {@code S#{school}#PAY#OPEN}, oldest first), asks VNPay ({@code querydr}, its own {@code |}-joined
 * checksum both ways) and settles through the same {@link PaymentLedger} path as the IPN: a paid
 * transaction is credited (exactly once, whoever comes first), a failed one FAILED, one VNPay never
 * saw or the payer never finished EXPIRED once the payment URL has expired. A VietQR payment with
 * no transfer after {@link #TRANSFER_WAIT} expires; a PARTIAL one waits for the rest.
 */
public final class VnpayReconciler {
  public static final Duration DEFAULT_THRESHOLD = Duration.ofMinutes(20);
  static final Duration TRANSFER_WAIT = Duration.ofDays(7);
  private final PaymentLedger ledger;
  private final DynamoDbIndex<PaymentItem> open;
  private final Supplier<VnpayConfig> config;
  private final URI base;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What one run did, for the log. */
  public record Summary(int checked, int credited, int failed, int expired, int waiting, int errors) {}

  /** {@code base}: resolves a relative querydr URL (the dev sandbox's); null in AWS. */
  public VnpayReconciler(Dynamo dynamo, PaymentLedger ledger, Supplier<VnpayConfig> config, URI base, Clock clock) {
    this.ledger = ledger;
    this.open = dynamo.enhanced().table(dynamo.tableName(), PaymentItem.SCHEMA).index(Keys.GSI1);
    this.config = config;
    this.base = base;
    this.clock = clock;
  }

  /** One pass over the schools' waiting payments older than {@code threshold}. */
  public Summary run(Collection<String> schoolIds, Duration threshold) {
    Instant now = clock.instant();
    int checked = 0;
    int credited = 0;
    int failed = 0;
    int expired = 0;
    int waiting = 0;
    int errors = 0;
    for (String schoolId : schoolIds) {
      for (PaymentItem payment : waiting(schoolId, now.minus(threshold))) {
        checked++;
        try {
          switch (settle(payment, now)) {
            case CREDITED -> credited++;
            case FAILED -> failed++;
            case EXPIRED -> expired++;
            case WAITING -> waiting++;
          }
        } catch (RuntimeException e) {
          errors++;
          System.out.println(Json.write(Map.of("message", "reconcile failed", "paymentId", payment.paymentId,
              "error", String.valueOf(e))));
        }
      }
    }
    return new Summary(checked, credited, failed, expired, waiting, errors);
  }

  enum Settled { CREDITED, FAILED, EXPIRED, WAITING }

  private List<PaymentItem> waiting(String schoolId, Instant before) {
    List<PaymentItem> found = new ArrayList<>();
    open.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortLessThan(Key.builder()
            .partitionValue(Keys.openPayments(schoolId)).sortValue(before.toString()).build()))
        .build()).forEach(page -> found.addAll(page.items()));
    return found;
  }

  private Settled settle(PaymentItem payment, Instant now) {
    Instant created = Instant.parse(payment.createdAt);
    if (!Payment.Method.VNPAY.name().equals(payment.method)) {
      boolean untouched = !Payment.State.PARTIAL.name().equals(payment.state);
      if (untouched && now.isAfter(created.plus(TRANSFER_WAIT))) {
        return ledger.fail(payment.schoolId, payment.paymentId, Payment.State.EXPIRED, "no transfer", now)
            ? Settled.EXPIRED : Settled.WAITING;
      }
      return Settled.WAITING;
    }
    VnpayConfig.Merchant merchant = config.get().merchant(payment.schoolId).orElseThrow(
        () -> new IllegalStateException("No VNPay merchant for " + payment.schoolId));
    Map<String, String> answer = querydr(merchant, payment, now);
    String expected = Vnpay.pipeHash(merchant.hashSecret(), Vnpay.QUERY_RESPONSE_FIELDS, answer);
    if (!expected.equalsIgnoreCase(String.valueOf(answer.get("vnp_SecureHash")))) {
      throw new IllegalStateException("querydr answer with a wrong checksum (code " + answer.get("vnp_ResponseCode") + ")");
    }
    boolean urlExpired = now.isAfter(created.plus(PaymentService.VNPAY_EXPIRY));
    String code = answer.get("vnp_ResponseCode");
    if ("91".equals(code)) {
      return urlExpired && ledger.fail(payment.schoolId, payment.paymentId, Payment.State.EXPIRED,
          "VNPay: transaction not found", now) ? Settled.EXPIRED : Settled.WAITING;
    }
    if (!"00".equals(code)) {
      throw new IllegalStateException("querydr answered " + code + " " + answer.get("vnp_Message"));
    }
    String status = answer.getOrDefault("vnp_TransactionStatus", "");
    switch (status) {
      case "00" -> {
        Long amount = VnpayIpn.vnpAmount(answer.get("vnp_Amount"));
        if (amount == null || amount != payment.amountVnd.longValue()) {
          throw new IllegalStateException("querydr amount " + answer.get("vnp_Amount") + " for " + payment.amountVnd);
        }
        PaymentLedger.Result result = ledger.credit(payment.schoolId, payment.paymentId, amount, "VNPAY",
            answer.get("vnp_TransactionNo"), PaymentLedger.Rule.EXACT, now);
        return result.outcome() == PaymentLedger.Outcome.CREDITED ? Settled.CREDITED : Settled.WAITING;
      }
      case "01" -> {
        return urlExpired && ledger.fail(payment.schoolId, payment.paymentId, Payment.State.EXPIRED,
            "VNPay: not completed", now) ? Settled.EXPIRED : Settled.WAITING;
      }
      default -> {
        return ledger.fail(payment.schoolId, payment.paymentId, Payment.State.FAILED, "VNPay status " + status, now)
            ? Settled.FAILED : Settled.WAITING;
      }
    }
  }

  private Map<String, String> querydr(VnpayConfig.Merchant merchant, PaymentItem payment, Instant now) {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("vnp_RequestId", PaymentService.newPaymentId() + Long.toString(now.toEpochMilli() % 100000));
    request.put("vnp_Version", Vnpay.VERSION);
    request.put("vnp_Command", "querydr");
    request.put("vnp_TmnCode", merchant.tmnCode());
    request.put("vnp_TxnRef", payment.paymentId);
    request.put("vnp_TransactionDate", payment.providerCreateDate);
    request.put("vnp_CreateDate", Vnpay.date(now));
    request.put("vnp_IpAddr", "127.0.0.1");
    request.put("vnp_OrderInfo", "Kiem tra giao dich " + payment.paymentId);
    request.put("vnp_SecureHash", Vnpay.pipeHash(merchant.hashSecret(), Vnpay.QUERY_REQUEST_FIELDS, request));
    URI url = base == null ? URI.create(config.get().apiUrl()) : base.resolve(config.get().apiUrl());
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(request))).build(), HttpResponse.BodyHandlers.ofString());
      Map<String, Object> raw = Json.MAPPER.readValue(response.body(),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      Map<String, String> answer = new LinkedHashMap<>();
      raw.forEach((k, v) -> answer.put(k, v == null ? "" : String.valueOf(v)));
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException("querydr failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  Optional<Payment> payment(String schoolId, String paymentId) {
    return ledger.payment(schoolId, paymentId);
  }
}
