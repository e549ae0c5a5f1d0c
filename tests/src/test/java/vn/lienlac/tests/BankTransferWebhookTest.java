package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.functions.payments.bank.WebhookSignatures;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.payments.VietQr;

/**
 * Bank transfers over real HTTP (paydocs): a parent's VIETQR payment, its code, and the school's
 * SePay and Casso webhooks signed with the dev stack's keys. A matching transfer credits once, even
 * delivered twice or twenty times at once; a partial one leaves the remainder open; a mismatched one
 * is parked and staff resolve it; a forged one is a 401 and stores nothing.
 */
@ExtendWith(LocalStackExtension.class)
class BankTransferWebhookTest {
  private static final String SCHOOL = SeededApi.NGUYEN_TRAI;
  private static final String OFFICE = "nt-vp-01";
  private static final String SEPAY_KEY = "dev-sepay-" + SCHOOL;
  private static final String CASSO_KEY = "dev-casso-" + SCHOOL;
  private static final AtomicLong BANK_IDS = new AtomicLong(7_000_000);

  private final LocalStack stack;
  private final SeededApi seeded;
  private final ApiClient anonymous;

  BankTransferWebhookTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
    this.anonymous = api;
  }

  /** A parent and one of their children at the school. */
  private record Family(String parentId, String studentId) {}

  private Family family() {
    for (int n = 1; n < 100; n++) {
      String parent = "nt-ph-" + String.format("%03d", n);
      for (SeededApi.Child child : seeded.children(parent)) {
        if (child.schoolId().equals(SCHOOL)) {
          return new Family(parent, child.studentId());
        }
      }
    }
    throw new AssertionError("no family at " + SCHOOL);
  }

  /** A new fee for the pupil alone, and the parent's VIETQR payment of its invoice: the payment JSON. */
  private JsonNode newVietqrPayment(Family family, long amount) {
    ApiClient office = seeded.as(OFFICE);
    ApiClient.Response fee = office.post("/v1/fees", Map.of("schoolId", SCHOOL,
        "name", "Tiền ăn bán trú " + System.nanoTime(), "amountVnd", amount,
        "dueDate", SeededApi.today().plusDays(20).toString(), "scope", "PUPILS", "studentIds", List.of(family.studentId())));
    assertThat(fee.status()).as(fee.text()).isEqualTo(201);
    String invoiceId = invoiceOf(family, fee.body().get("id").asText()).get("id").asText();
    ApiClient.Response payment = seeded.as(family.parentId()).post("/v1/payments",
        Map.of("method", "VIETQR", "invoiceIds", List.of(invoiceId)));
    assertThat(payment.status()).as(payment.text()).isEqualTo(201);
    return payment.body();
  }

  private JsonNode invoiceOf(Family family, String feeId) {
    for (JsonNode invoice : seeded.as(OFFICE).get("/v1/students/" + family.studentId() + "/invoices").body().get("items")) {
      if (invoice.get("feeId").asText().equals(feeId)) {
        return invoice;
      }
    }
    throw new AssertionError("no invoice of " + feeId);
  }

  private JsonNode invoice(Family family, String invoiceId) {
    for (JsonNode invoice : seeded.as(OFFICE).get("/v1/students/" + family.studentId() + "/invoices").body().get("items")) {
      if (invoice.get("id").asText().equals(invoiceId)) {
        return invoice;
      }
    }
    throw new AssertionError("no invoice " + invoiceId);
  }

  private static String sepayBody(long id, long amount, String note, String type) {
    return "{\"id\":" + id + ",\"gateway\":\"VietinBank\",\"transactionDate\":\"2026-11-21 10:05:00\","
        + "\"accountNumber\":\"1133666688\",\"code\":null,\"content\":\"" + note + "\",\"transferType\":\"" + type + "\","
        + "\"transferAmount\":" + amount + ",\"accumulated\":99000000,\"subAccount\":null,"
        + "\"referenceCode\":\"FT26325" + id + "\",\"description\":\"\"}";
  }

  private ApiClient.Response sepayHmac(String body) {
    String ts = Long.toString(stack.clock().instant().getEpochSecond());
    return anonymous.send("POST", "/v1/payments/bank-transfers/sepay/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8),
        Map.of("x-sepay-timestamp", ts, "x-sepay-signature", WebhookSignatures.sepaySign(SEPAY_KEY, ts, body)));
  }

  private ApiClient.Response casso(String body) {
    return anonymous.send("POST", "/v1/payments/bank-transfers/casso/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8),
        Map.of("x-casso-signature", WebhookSignatures.cassoSign(CASSO_KEY, stack.clock().millis(), body)));
  }

  private List<JsonNode> review(String status) {
    ApiClient.Response list = seeded.as(OFFICE).get("/v1/schools/" + SCHOOL + "/bank-transfers/review?status=" + status);
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    list.body().get("items").forEach(items::add);
    return items;
  }

  private JsonNode reviewItem(String id) {
    return review("all").stream().filter(i -> i.get("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("not parked: " + id));
  }

  @Test
  void a_matching_transfer_should_credit_once_even_delivered_twice_and_twenty_times_at_once() throws Exception {
    Family family = family();
    JsonNode payment = newVietqrPayment(family, 1_250_000);
    String reference = payment.get("id").asText();
    String invoiceId = payment.get("invoiceIds").get(0).asText();

    // The code the parent scans: the school's account, the amount, the reference in 62/08.
    ApiClient.Response code = seeded.as(family.parentId()).get("/v1/payments/" + reference + "/vietqr");
    assertThat(code.status()).as(code.text()).isEqualTo(200);
    VietQr.Payload qr = VietQr.parse(code.body().get("payload").asText());
    assertThat(qr.purpose()).isEqualTo(reference);
    assertThat(qr.amount()).isEqualTo(1_250_000L);
    assertThat(qr.bin()).isEqualTo("970415");
    ApiClient.Response png = seeded.as(family.parentId()).get("/v1/payments/" + reference + "/vietqr?format=png");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.header("content-type")).isEqualTo("image/png");

    // The bank mangles the note: lower case, a space inside the reference, its own text around it.
    String note = "MBVCB.3278.chuyen tien hoc " + reference.substring(0, 5).toLowerCase() + " "
        + reference.substring(5).toLowerCase() + ".CT tu 0912345678";
    long bankId = BANK_IDS.incrementAndGet();
    String body = sepayBody(bankId, 1_250_000, note, "in");
    ApiClient.Response first = sepayHmac(body);
    ApiClient.Response again = sepayHmac(body);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<ApiClient.Response>> storm = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      storm.add(pool.submit((Callable<ApiClient.Response>) () -> sepayHmac(body)));
    }
    for (Future<ApiClient.Response> f : storm) {
      assertThat(f.get().status()).as(f.get().text()).isEqualTo(200);
    }
    pool.shutdown();

    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.body().get("success").asBoolean()).isTrue();
    assertThat(again.body().get("success").asBoolean()).isTrue();
    JsonNode paid = invoice(family, invoiceId);
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(paid.get("paidVnd").asLong()).isEqualTo(1_250_000L);
    assertThat(review("all")).noneMatch(i -> i.get("transactionId").asText().equals(Long.toString(bankId)));
    // The receipt names the bank's transaction; its PDF is served too.
    ApiClient.Response receipt = seeded.as(family.parentId()).get("/v1/invoices/" + invoiceId + "/receipt");
    assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
    assertThat(receipt.body().get("total").asLong()).isEqualTo(1_250_000L);
    ApiClient.Response pdf = seeded.as(family.parentId()).get("/v1/invoices/" + invoiceId + "/receipt?format=pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("content-type")).isEqualTo("application/pdf");
    assertThat(pdf.text()).startsWith("%PDF-");
  }

  @Test
  void a_partial_casso_transfer_should_leave_the_remainder_open_and_the_rest_should_pay_it() {
    Family family = family();
    JsonNode payment = newVietqrPayment(family, 900_000);
    String reference = payment.get("id").asText();
    String invoiceId = payment.get("invoiceIds").get(0).asText();
    long id = BANK_IDS.incrementAndGet();

    ApiClient.Response part = casso("{\"error\":0,\"data\":[{\"id\":" + id + ",\"reference\":\"FT1\",\"description\":\""
        + reference + " dot 1\",\"amount\":400000,\"runningBalance\":1,\"transactionDateTime\":\"2026-11-21 10:00:00\","
        + "\"accountNumber\":\"1133666688\",\"bankName\":\"VietinBank\"}]}");
    assertThat(part.status()).as(part.text()).isEqualTo(200);
    JsonNode open = invoice(family, invoiceId);
    assertThat(open.get("status").asText()).isIn("OPEN", "OVERDUE");
    assertThat(open.get("paidVnd").asLong()).isEqualTo(400_000L);
    assertThat(open.get("outstandingVnd").asLong()).isEqualTo(500_000L);

    ApiClient.Response rest = casso("{\"error\":0,\"data\":{\"id\":" + (id + 1) + ",\"description\":\"" + reference
        + " dot 2\",\"amount\":500000,\"accountNumber\":\"1133666688\"}}");
    assertThat(rest.status()).as(rest.text()).isEqualTo(200);
    assertThat(invoice(family, invoiceId).get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void a_mismatched_transfer_should_be_parked_and_resolvable_by_staff_once() {
    Family family = family();
    JsonNode payment = newVietqrPayment(family, 300_000);
    String reference = payment.get("id").asText();
    String invoiceId = payment.get("invoiceIds").get(0).asText();
    long unknown = BANK_IDS.incrementAndGet();
    long tooMuch = BANK_IDS.incrementAndGet();
    long out = BANK_IDS.incrementAndGet();

    assertThat(sepayHmac(sepayBody(unknown, 300_000, "tien hoc chau Huong lop 7A1", "in")).status()).isEqualTo(200);
    assertThat(sepayHmac(sepayBody(tooMuch, 999_000, reference, "in")).status()).isEqualTo(200);
    assertThat(sepayHmac(sepayBody(out, 50_000, "rut tien", "out")).status()).isEqualTo(200);
    // Redelivered: parked once.
    assertThat(sepayHmac(sepayBody(unknown, 300_000, "tien hoc chau Huong lop 7A1", "in")).status()).isEqualTo(200);

    assertThat(reviewItem("sepay-" + unknown).get("reason").asText()).isEqualTo("NO_REFERENCE");
    assertThat(reviewItem("sepay-" + tooMuch).get("reason").asText()).isEqualTo("WRONG_AMOUNT");
    assertThat(reviewItem("sepay-" + out).get("reason").asText()).isEqualTo("OUTGOING");
    assertThat(review("open").stream().filter(i -> i.get("id").asText().equals("sepay-" + unknown))).hasSize(1);
    assertThat(invoice(family, invoiceId).get("paidVnd").asLong()).isZero();

    // Staff: the transfer without a reference was for this invoice.
    String resolve = "/v1/schools/" + SCHOOL + "/bank-transfers/review/sepay-" + unknown + "/resolve";
    ApiClient office = seeded.as(OFFICE);
    assertProblem(office.post(resolve, Map.of("action", "ASSIGN")), 422, "validation");
    assertProblem(seeded.as(family.parentId()).post(resolve, Map.of("action", "ASSIGN", "invoiceId", invoiceId)), 403,
        "forbidden");
    ApiClient.Response assigned = office.post(resolve, Map.of("action", "ASSIGN", "invoiceId", invoiceId));
    assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
    assertThat(assigned.body().get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(assigned.body().get("paymentId").asText()).isEqualTo(reference);
    assertThat(invoice(family, invoiceId).get("status").asText()).isEqualTo("PAID");
    assertProblem(office.post(resolve, Map.of("action", "ASSIGN", "invoiceId", invoiceId)), 409, "conflict");
    // The same bank transaction delivered again later credits nothing more.
    assertThat(sepayHmac(sepayBody(unknown, 300_000, reference, "in")).status()).isEqualTo(200);
    assertThat(invoice(family, invoiceId).get("paidVnd").asLong()).isEqualTo(300_000L);

    ApiClient.Response dismissed = office.post("/v1/schools/" + SCHOOL + "/bank-transfers/review/sepay-" + out + "/resolve",
        Map.of("action", "DISMISS", "reason", "Rút tiền mặt quỹ lớp"));
    assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
    assertThat(dismissed.body().get("dismissReason").asText()).isEqualTo("Rút tiền mặt quỹ lớp");
    assertThat(review("open")).noneMatch(i -> i.get("id").asText().equals("sepay-" + out)
        || i.get("id").asText().equals("sepay-" + unknown));
  }

  @Test
  void a_forged_or_stale_notification_should_be_a_401_and_store_nothing() {
    Family family = family();
    String reference = newVietqrPayment(family, 200_000).get("id").asText();
    String body = sepayBody(BANK_IDS.incrementAndGet(), 200_000, reference, "in");
    String ts = Long.toString(stack.clock().instant().getEpochSecond());
    String stale = Long.toString(stack.clock().instant().getEpochSecond() - 301);
    String casso = "{\"error\":0,\"data\":{\"id\":1,\"description\":\"" + reference + "\",\"amount\":200000}}";
    TableDump before = TableDump.settled(stack);

    List<ApiClient.Response> answers = List.of(
        anonymous.send("POST", "/v1/payments/bank-transfers/sepay/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8),
            Map.of("x-sepay-timestamp", ts, "x-sepay-signature", WebhookSignatures.sepaySign("guess", ts, body))),
        anonymous.send("POST", "/v1/payments/bank-transfers/sepay/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8),
            Map.of("x-sepay-timestamp", stale, "x-sepay-signature", WebhookSignatures.sepaySign(SEPAY_KEY, stale, body))),
        anonymous.send("POST", "/v1/payments/bank-transfers/sepay/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8),
            Map.of("authorization", "Apikey " + CASSO_KEY)),
        anonymous.send("POST", "/v1/payments/bank-transfers/sepay/" + SCHOOL, body.getBytes(StandardCharsets.UTF_8), Map.of()),
        anonymous.send("POST", "/v1/payments/bank-transfers/sepay/no-such-school", body.getBytes(StandardCharsets.UTF_8),
            Map.of("authorization", "Apikey dev-sepay-no-such-school")),
        anonymous.send("POST", "/v1/payments/bank-transfers/casso/" + SCHOOL, casso.getBytes(StandardCharsets.UTF_8),
            Map.of("x-casso-signature", WebhookSignatures.cassoSign(SEPAY_KEY, stack.clock().millis(), casso))),
        anonymous.send("POST", "/v1/payments/bank-transfers/casso/" + SCHOOL,
            casso.replace("200000", "200001").getBytes(StandardCharsets.UTF_8),
            Map.of("x-casso-signature", WebhookSignatures.cassoSign(CASSO_KEY, stack.clock().millis(), casso))));

    for (ApiClient.Response answer : answers) {
      assertProblem(answer, 401, "unauthenticated");
    }
    assertThat(TableDump.of(stack.dynamo()).differencesFrom(before)).isEmpty();
  }
}
