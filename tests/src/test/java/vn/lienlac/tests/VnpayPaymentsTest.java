package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.payments.PaymentLedger;
import vn.lienlac.functions.payments.Vnpay;
import vn.lienlac.functions.payments.VnpayConfig;
import vn.lienlac.functions.payments.VnpayReconciler;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.local.LocalStack;

/**
 * VNPay end to end over real HTTP, with the dev stack's sandbox playing VNPay: a parent pays
 * several invoices at once, the sandbox calls the IPN and sends the payer back; and every way an
 * IPN can be wrong or repeated.
 */
@ExtendWith(LocalStackExtension.class)
class VnpayPaymentsTest {
  private static final String OFFICE = "nt-vp-01";
  private final LocalStack stack;
  private final SeededApi seeded;
  private final ApiClient anonymous;
  private final String parent;
  private final String child;
  private final String otherParent;

  VnpayPaymentsTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.anonymous = api;
    this.seeded = new SeededApi(stack, api);
    String found = null;
    String pupil = null;
    String other = null;
    for (int n = 10; n < 80 && other == null; n++) {
      String id = "nt-ph-%03d".formatted(n);
      List<String> children = seeded.children(id).stream().filter(c -> c.schoolId().equals(SeededApi.NGUYEN_TRAI))
          .map(SeededApi.Child::studentId).toList();
      if (children.isEmpty()) {
        continue;
      }
      if (found == null) {
        found = id;
        pupil = children.getFirst();
      } else if (!children.contains(pupil)) {
        other = id;
      }
    }
    this.parent = found;
    this.child = pupil;
    this.otherParent = other;
    assertThat(otherParent).isNotNull();
  }

  /** A new open invoice of the child: the office bills them alone. */
  private JsonNode newInvoice(long vnd) {
    ApiClient office = seeded.as(OFFICE);
    ApiClient.Response fee = office.post("/v1/fees", Map.of("schoolId", SeededApi.NGUYEN_TRAI,
        "name", "VNPay test " + System.nanoTime(), "amountVnd", vnd, "dueDate", SeededApi.today().plusDays(20).toString(),
        "scope", "PUPILS", "studentIds", List.of(child)));
    assertThat(fee.status()).as(fee.text()).isEqualTo(201);
    return invoiceOfFee(fee.body().get("id").asText());
  }

  private JsonNode invoiceOfFee(String feeId) {
    for (JsonNode invoice : seeded.as(parent).get("/v1/students/" + child + "/invoices").body().get("items")) {
      if (invoice.get("feeId").asText().equals(feeId)) {
        return invoice;
      }
    }
    throw new AssertionError("no invoice of " + feeId);
  }

  private JsonNode invoice(String invoiceId) {
    for (JsonNode invoice : seeded.as(parent).get("/v1/students/" + child + "/invoices").body().get("items")) {
      if (invoice.get("id").asText().equals(invoiceId)) {
        return invoice;
      }
    }
    throw new AssertionError("no invoice " + invoiceId);
  }

  private JsonNode startVnpay(String... invoiceIds) {
    ApiClient.Response payment = seeded.as(parent).post("/v1/payments",
        Map.of("method", "VNPAY", "invoiceIds", List.of(invoiceIds)));
    assertThat(payment.status()).as(payment.text()).isEqualTo(201);
    return payment.body();
  }

  /** The signed IPN VNPay would send for this payment (as the sandbox signs it), before any tampering. */
  private static Map<String, String> ipn(String txnRef, long vnd, String transactionNo, String responseCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("vnp_Amount", Long.toString(vnd * 100));
    p.put("vnp_BankCode", "NCB");
    p.put("vnp_OrderInfo", "Thanh toan hoc phi " + txnRef);
    p.put("vnp_PayDate", "20261121100000");
    p.put("vnp_ResponseCode", responseCode);
    p.put("vnp_TmnCode", "DEV_" + SeededApi.NGUYEN_TRAI);
    p.put("vnp_TransactionNo", transactionNo);
    p.put("vnp_TransactionStatus", responseCode);
    p.put("vnp_TxnRef", txnRef);
    return p;
  }

  private static String signed(Map<String, String> p) {
    String secret = VnpayConfig.localSandbox().merchant(SeededApi.NGUYEN_TRAI).orElseThrow().hashSecret();
    Map<String, String> copy = new LinkedHashMap<>(p);
    copy.put("vnp_SecureHash", Vnpay.sign(secret, p));
    return query(copy);
  }

  private static String query(Map<String, String> p) {
    StringBuilder out = new StringBuilder();
    p.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(Vnpay.encode(k)).append('=').append(Vnpay.encode(v)));
    return out.toString();
  }

  private String rsp(String query) {
    ApiClient.Response answer = anonymous.get("/v1/payments/vnpay/ipn?" + query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.header("content-type")).startsWith("application/json");
    return answer.body().get("RspCode").asText();
  }

  /** The provider-transaction (credit) items of a VNPay transaction number: exactly-once evidence. */
  private int credits(String transactionNo) {
    var dynamo = stack.dynamo();
    return dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
            "S#" + SeededApi.NGUYEN_TRAI + "#PROVIDERTXN#VNPAY#" + transactionNo))).consistentRead(true).build())
        .count();
  }

  @Test
  void a_parent_pays_two_invoices_through_the_sandbox_and_both_are_paid_once_with_a_receipt() {
    JsonNode meals = newInvoice(450_000);
    JsonNode club = newInvoice(200_000);
    JsonNode payment = startVnpay(meals.get("id").asText(), club.get("id").asText());
    assertThat(payment.get("state").asText()).isEqualTo("PENDING");
    assertThat(payment.get("amountVnd").asLong()).isEqualTo(650_000);
    String redirect = payment.get("redirectUrl").asText();
    assertThat(redirect).startsWith(VnpayConfig.DEV_PAY_PATH + "?").contains("vnp_Amount=65000000")
        .contains("vnp_TxnRef=" + payment.get("id").asText()).contains("vnp_Version=2.1.0").contains("vnp_SecureHash=");

    // The payer's browser: VNPay's page, then "Pay".
    ApiClient.Response page = anonymous.get(redirect);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.text()).contains("650.000");
    int ipnsBefore = stack.vnpaySandbox().ipnsSent();
    ApiClient.Response done = anonymous.get(VnpaySandboxPaths.complete(payment.get("id").asText(), "pay"));
    assertThat(done.status()).isEqualTo(302);
    assertThat(stack.vnpaySandbox().ipnsSent()).isEqualTo(ipnsBefore + 1);

    assertThat(invoice(meals.get("id").asText()).get("status").asText()).isEqualTo("PAID");
    assertThat(invoice(club.get("id").asText()).get("status").asText()).isEqualTo("PAID");
    assertThat(invoice(club.get("id").asText()).get("outstandingVnd").asLong()).isZero();

    // Back from VNPay: the return URL shows the result and credits nothing more.
    URI back = URI.create(done.header("location"));
    ApiClient.Response result = anonymous.get(back.getRawPath() + "?" + back.getRawQuery());
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.body().get("signatureValid").asBoolean()).isTrue();
    assertThat(result.body().get("state").asText()).isEqualTo("SUCCEEDED");

    ApiClient.Response receipt = seeded.as(parent).get("/v1/invoices/" + meals.get("id").asText() + "/receipt");
    assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
    assertThat(receipt.body().get("total").asLong()).isEqualTo(650_000);
    assertThat(receipt.body().get("method").asText()).isEqualTo("VNPAY");
    assertThat(receipt.body().get("lines")).hasSize(2);
    assertThat(receipt.body().get("number").asText()).matches("BL-2026-\\d{6}");
    assertThat(receipt.body().get("paidAt").asText()).endsWith("+07:00");
    String transactionNo = receipt.body().get("providerTransactionId").asText();
    assertThat(credits(transactionNo)).isEqualTo(1);

    // VNPay repeats the IPN (it does, until it reads an answer): 02, nothing more credited.
    assertThat(rsp(signed(ipn(payment.get("id").asText(), 650_000, transactionNo, "00")))).isEqualTo("02");
    assertThat(credits(transactionNo)).isEqualTo(1);
  }

  @Test
  void a_cancelled_payment_is_recorded_as_failed_and_the_invoice_stays_open() {
    JsonNode invoice = newInvoice(120_000);
    JsonNode payment = startVnpay(invoice.get("id").asText());
    assertThat(anonymous.get(payment.get("redirectUrl").asText()).status()).isEqualTo(200);
    assertThat(anonymous.get(VnpaySandboxPaths.complete(payment.get("id").asText(), "cancel")).status()).isEqualTo(302);

    assertThat(invoice(invoice.get("id").asText()).get("status").asText()).isEqualTo("OPEN");
    assertThat(stack.vnpaySandbox() != null).isTrue();
    assertThat(rsp(signed(ipn(payment.get("id").asText(), 120_000, "0", "24")))).isEqualTo("02");
  }

  @Test
  void a_tampered_signature_is_97_a_wrong_amount_04_an_unknown_txnref_01_and_none_credits() {
    JsonNode invoice = newInvoice(300_000);
    String txnRef = startVnpay(invoice.get("id").asText()).get("id").asText();

    // Signed, then the amount changed on the way: 97.
    String good = signed(ipn(txnRef, 300_000, "90000001", "00"));
    assertThat(rsp(good.replace("vnp_Amount=30000000", "vnp_Amount=30000100"))).isEqualTo("97");
    // A signature from another secret, and none at all: 97.
    Map<String, String> p = ipn(txnRef, 300_000, "90000001", "00");
    Map<String, String> forged = new LinkedHashMap<>(p);
    forged.put("vnp_SecureHash", Vnpay.sign("not-the-secret", p));
    assertThat(rsp(query(forged))).isEqualTo("97");
    assertThat(rsp(query(p))).isEqualTo("97");
    // Correctly signed, but not the payment's amount: 04.
    assertThat(rsp(signed(ipn(txnRef, 299_000, "90000001", "00")))).isEqualTo("04");
    // Correctly signed, an order this school never made: 01.
    assertThat(rsp(signed(ipn("LL00000000X", 300_000, "90000001", "00")))).isEqualTo("01");

    assertThat(credits("90000001")).isZero();
    JsonNode after = invoice(invoice.get("id").asText());
    assertThat(after.get("status").asText()).isEqualTo("OPEN");
    assertThat(after.get("paidVnd").asLong()).isZero();
    // And the genuine one still works: 00.
    assertThat(rsp(good)).isEqualTo("00");
    assertThat(invoice(invoice.get("id").asText()).get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void the_same_ipn_fifty_times_at_once_credits_once_and_answers_02_to_the_other_49() throws Exception {
    JsonNode invoice = newInvoice(510_000);
    String txnRef = startVnpay(invoice.get("id").asText()).get("id").asText();
    String query = signed(ipn(txnRef, 510_000, "90000050", "00"));

    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<String>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        Callable<String> call = () -> rsp(query);
        answers.add(pool.submit(call));
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> answer : answers) {
        codes.add(answer.get());
      }
      System.out.println("50 concurrent IPNs: " + codes.stream().filter("00"::equals).count() + " x 00, "
          + codes.stream().filter("02"::equals).count() + " x 02");
      assertThat(codes.stream().filter("00"::equals).count()).isEqualTo(1);
      assertThat(codes.stream().filter("02"::equals).count()).isEqualTo(49);
    } finally {
      pool.shutdownNow();
    }
    assertThat(credits("90000050")).isEqualTo(1);
    JsonNode after = invoice(invoice.get("id").asText());
    assertThat(after.get("paidVnd").asLong()).isEqualTo(510_000);
    assertThat(after.get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void a_lost_ipn_is_settled_by_the_reconciler_through_querydr() {
    JsonNode invoice = newInvoice(175_000);
    JsonNode payment = startVnpay(invoice.get("id").asText());
    String txnRef = payment.get("id").asText();
    assertThat(anonymous.get(payment.get("redirectUrl").asText()).status()).isEqualTo(200);
    stack.vnpaySandbox().loseIpns(1);
    assertThat(anonymous.get(VnpaySandboxPaths.complete(txnRef, "pay")).status()).isEqualTo(302);
    assertThat(invoice(invoice.get("id").asText()).get("status").asText()).as("no IPN came").isEqualTo("OPEN");

    PaymentLedger ledger = new PaymentLedger(stack.dynamo(), stack.clock(), EventPublisher.none());
    VnpayReconciler reconciler = new VnpayReconciler(stack.dynamo(), ledger, VnpayConfig::localSandbox,
        stack.baseUri(), stack.clock());
    VnpayReconciler.Summary summary = reconciler.run(List.of(SeededApi.NGUYEN_TRAI), Duration.ZERO);
    System.out.println("Reconciler: " + summary);

    assertThat(summary.credited()).isGreaterThanOrEqualTo(1);
    assertThat(summary.errors()).isZero();
    assertThat(invoice(invoice.get("id").asText()).get("status").asText()).isEqualTo("PAID");
    assertThat(ledger.payment(SeededApi.NGUYEN_TRAI, txnRef).orElseThrow().state().name()).isEqualTo("SUCCEEDED");
    // The IPN arriving late after all: already confirmed.
    String transactionNo = ledger.payment(SeededApi.NGUYEN_TRAI, txnRef).orElseThrow().providerTxnId();
    assertThat(rsp(signed(ipn(txnRef, 175_000, transactionNo, "00")))).isEqualTo("02");
    assertThat(credits(transactionNo)).isEqualTo(1);
  }

  @Test
  void a_parent_cannot_pay_or_see_another_familys_invoice() {
    JsonNode invoice = newInvoice(90_000);
    ApiClient other = seeded.as(otherParent);
    SeededApi.assertProblem(other.post("/v1/invoices/" + invoice.get("id").asText() + "/payments",
        Map.of("method", "VNPAY")), 404, "not-found");
    SeededApi.assertProblem(other.post("/v1/payments", Map.of("method", "VIETQR",
        "invoiceIds", List.of(invoice.get("id").asText()))), 404, "not-found");
    SeededApi.assertProblem(other.get("/v1/students/" + child + "/invoices"), 404, "not-found");
    SeededApi.assertProblem(other.get("/v1/invoices/" + invoice.get("id").asText() + "/receipt"), 404, "not-found");
    assertThat(invoice(invoice.get("id").asText()).get("status").asText()).isEqualTo("OPEN");
  }

  /** The sandbox's "the payer chose" link. */
  static final class VnpaySandboxPaths {
    static String complete(String txnRef, String outcome) {
      return "/dev/vnpay/complete?txnRef=" + txnRef + "&outcome=" + outcome;
    }
  }
}
