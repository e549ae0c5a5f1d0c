package vn.lienlac.local.vnpay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.lienlac.functions.payments.Vnpay;
import vn.lienlac.functions.payments.VnpayConfig;
import vn.lienlac.functions.platform.Json;

/**
 * A stand-in for VNPay's gateway, for the dev stack only (never in a deployed artifact: it lives
 * in the local module). Mounted by the dev gateway at {@code /dev/vnpay/}:
 *
 * <ul>
 *   <li>{@code GET /dev/vnpay/vpcpay.html?…} checks the signed payment URL as VNPay does (97-like
 *       refusal page when the signature is wrong) and shows the amount with "Pay" and "Cancel";
 *   <li>{@code GET /dev/vnpay/complete?txnRef=…&outcome=pay|cancel} plays the end of the payment:
 *       calls the merchant's IPN server to server, signed, as VNPay would, then redirects the payer
 *       to the return URL with the same signed parameters;
 *   <li>{@code POST /dev/vnpay/merchant_webapi/api/transaction} answers querydr (checksums both ways).
 * </ul>
 * Tests can make it "lose" IPNs ({@link #loseIpns}) to exercise the reconciler.
 */
public final class VnpaySandbox implements HttpHandler {
  public static final String PREFIX = "/dev/vnpay/";
  private final URI merchantBase;
  private final Clock clock;
  private final VnpayConfig config = VnpayConfig.localSandbox();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
  private final AtomicLong transactionNo = new AtomicLong(14_000_000);
  private final AtomicInteger ipnsToLose = new AtomicInteger();
  private final AtomicInteger ipnsSent = new AtomicInteger();

  /** One payment the sandbox has seen: its signed request, and its outcome once the payer chose. */
  private static final class Transaction {
    final Map<String, String> request;
    volatile String responseCode;
    volatile String transactionStatus = "01";
    volatile String transactionNo;
    volatile String payDate;

    Transaction(Map<String, String> request) {
      this.request = request;
    }
  }

  /** {@code merchantBase}: where the merchant's IPN and return routes are (the dev gateway). */
  public VnpaySandbox(URI merchantBase, Clock clock) {
    this.merchantBase = merchantBase;
    this.clock = clock;
  }

  /** The next {@code count} IPNs are not sent (VNPay's IPN lost on the way): the return redirect still happens. */
  public void loseIpns(int count) {
    ipnsToLose.set(count);
  }

  /** IPN calls made so far. */
  public int ipnsSent() {
    return ipnsSent.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
      switch (path) {
        case PREFIX + "vpcpay.html" -> page(exchange, query);
        case PREFIX + "complete" -> complete(exchange, query);
        case PREFIX + "merchant_webapi/api/transaction" -> querydr(exchange);
        default -> send(exchange, 404, "text/plain", "No such sandbox page");
      }
    }
  }

  private void page(HttpExchange exchange, Map<String, String> query) throws IOException {
    Optional<VnpayConfig.Merchant> merchant = config.byTmnCode(query.get("vnp_TmnCode"));
    if (merchant.isEmpty() || !Vnpay.verify(merchant.get().hashSecret(), query)) {
      send(exchange, 400, "text/html; charset=utf-8", html("Sai chữ ký", "<p>Invalid signature (code 97).</p>"));
      return;
    }
    String txnRef = query.get("vnp_TxnRef");
    transactions.putIfAbsent(txnRef, new Transaction(Map.copyOf(query)));
    long vnd = Long.parseLong(query.get("vnp_Amount")) / 100;
    String ref = Vnpay.encode(txnRef);
    send(exchange, 200, "text/html; charset=utf-8", html("VNPay sandbox (Lienlac dev)",
        "<p>Merchant " + escape(query.get("vnp_TmnCode")) + " · " + escape(query.get("vnp_OrderInfo")) + "</p>"
            + "<p>Amount: <b>" + vn.lienlac.model.payments.Money.of(vnd).format() + "</b></p>"
            + "<p><a id=\"pay\" href=\"" + PREFIX + "complete?txnRef=" + ref + "&amp;outcome=pay\">Thanh toán / Pay</a>"
            + " · <a id=\"cancel\" href=\"" + PREFIX + "complete?txnRef=" + ref + "&amp;outcome=cancel\">Hủy / Cancel</a></p>"));
  }

  private void complete(HttpExchange exchange, Map<String, String> query) throws IOException {
    Transaction t = transactions.get(query.getOrDefault("txnRef", ""));
    if (t == null) {
      send(exchange, 404, "text/plain", "Unknown transaction");
      return;
    }
    boolean pay = "pay".equals(query.get("outcome"));
    synchronized (t) {
      if (t.responseCode == null) {
        t.responseCode = pay ? "00" : "24";
        t.transactionStatus = pay ? "00" : "02";
        t.transactionNo = pay ? Long.toString(transactionNo.incrementAndGet()) : "0";
        t.payDate = Vnpay.date(clock.instant());
      }
    }
    Map<String, String> result = resultParameters(t);
    if (ipnsToLose.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      ipn(result);
    }
    String returnUrl = t.request.get("vnp_ReturnUrl");
    URI target = merchantBase.resolve(returnUrl);
    exchange.getResponseHeaders().set("location", target + "?" + query(result));
    exchange.sendResponseHeaders(302, -1);
  }

  /** The signed parameters VNPay sends to the IPN and the return URL. */
  private Map<String, String> resultParameters(Transaction t) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("vnp_Amount", t.request.get("vnp_Amount"));
    p.put("vnp_BankCode", "NCB");
    p.put("vnp_BankTranNo", "VNP" + t.transactionNo);
    p.put("vnp_CardType", "ATM");
    p.put("vnp_OrderInfo", t.request.get("vnp_OrderInfo"));
    p.put("vnp_PayDate", t.payDate);
    p.put("vnp_ResponseCode", t.responseCode);
    p.put("vnp_TmnCode", t.request.get("vnp_TmnCode"));
    p.put("vnp_TransactionNo", t.transactionNo);
    p.put("vnp_TransactionStatus", t.transactionStatus);
    p.put("vnp_TxnRef", t.request.get("vnp_TxnRef"));
    String secret = config.byTmnCode(t.request.get("vnp_TmnCode")).orElseThrow().hashSecret();
    p.put("vnp_SecureHash", Vnpay.sign(secret, p));
    return p;
  }

  /** Calls the merchant's IPN as VNPay does (GET, server to server); the answer is logged, not acted on. */
  private void ipn(Map<String, String> parameters) {
    ipnsSent.incrementAndGet();
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
              merchantBase.resolve("/v1/payments/vnpay/ipn?" + query(parameters))).timeout(Duration.ofSeconds(30)).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      System.out.println("[vnpay-sandbox] IPN " + parameters.get("vnp_TxnRef") + " -> " + answer.body());
    } catch (IOException e) {
      System.out.println("[vnpay-sandbox] IPN " + parameters.get("vnp_TxnRef") + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void querydr(HttpExchange exchange) throws IOException {
    Map<String, String> request;
    try (InputStream in = exchange.getRequestBody()) {
      request = Json.MAPPER.readValue(in.readNBytes(64 * 1024),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      send(exchange, 400, "application/json", "{\"vnp_ResponseCode\":\"03\",\"vnp_Message\":\"Invalid data format\"}");
      return;
    }
    Optional<VnpayConfig.Merchant> merchant = config.byTmnCode(request.get("vnp_TmnCode"));
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
    answer.put("vnp_Command", "querydr");
    answer.put("vnp_TmnCode", request.get("vnp_TmnCode"));
    if (merchant.isEmpty() || !Vnpay.pipeHash(merchant.get().hashSecret(), Vnpay.QUERY_REQUEST_FIELDS, request)
        .equalsIgnoreCase(String.valueOf(request.get("vnp_SecureHash")))) {
      answer.put("vnp_ResponseCode", "97");
      answer.put("vnp_Message", "Invalid Checksum");
      send(exchange, 200, "application/json", Json.write(answer));
      return;
    }
    Transaction t = transactions.get(String.valueOf(request.get("vnp_TxnRef")));
    answer.put("vnp_TxnRef", request.get("vnp_TxnRef"));
    if (t == null) {
      answer.put("vnp_ResponseCode", "91");
      answer.put("vnp_Message", "Transaction not found");
    } else {
      answer.put("vnp_ResponseCode", "00");
      answer.put("vnp_Message", "QueryDR Success");
      answer.put("vnp_Amount", t.request.get("vnp_Amount"));
      answer.put("vnp_BankCode", "NCB");
      answer.put("vnp_PayDate", t.payDate == null ? "" : t.payDate);
      answer.put("vnp_TransactionNo", t.transactionNo == null ? "0" : t.transactionNo);
      answer.put("vnp_TransactionType", "01");
      answer.put("vnp_TransactionStatus", t.transactionStatus);
      answer.put("vnp_OrderInfo", t.request.get("vnp_OrderInfo"));
      answer.put("vnp_PromotionCode", "");
      answer.put("vnp_PromotionAmount", "");
    }
    answer.put("vnp_SecureHash", Vnpay.pipeHash(merchant.get().hashSecret(), Vnpay.QUERY_RESPONSE_FIELDS, answer));
    send(exchange, 200, "application/json", Json.write(answer));
  }

  private static Map<String, String> parse(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }

  private static String query(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    parameters.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(Vnpay.encode(k)).append('=')
        .append(Vnpay.encode(v)));
    return out.toString();
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head><body><h1>" + escape(title) + "</h1>" + body
        + "<p><small>Development sandbox: no money moves.</small></p></body></html>";
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", type);
    exchange.getResponseHeaders().set("cache-control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
