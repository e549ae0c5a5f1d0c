package vn.lienlac.functions.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VNPay 2.1.0 signatures, reproduced from ../shared/test-vectors/vnpay.txt (copied to test resources). */
class VnpayTest {

  static Map<String, String> vector() throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    try (InputStream in = VnpayTest.class.getResourceAsStream("/vnpay.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          lines.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
      }
    }
    return lines;
  }

  /** The query's parameters, decoded as an HTTP server decodes them (API Gateway's queryStringParameters). */
  static Map<String, String> decoded(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  @Test
  void the_signed_data_and_hash_should_reproduce_the_vector() throws IOException {
    Map<String, String> v = vector();
    Map<String, String> parameters = decoded(v.get("query"));

    assertThat(Vnpay.signedData(parameters)).isEqualTo(v.get("query"));
    assertThat(Vnpay.sign(v.get("secret"), parameters)).isEqualTo(v.get("hash"));

    parameters.put("vnp_ResponseCode", "99");
    assertThat(Vnpay.sign(v.get("secret"), parameters)).isEqualTo(v.get("hash_if_response_code_99"));
  }

  @Test
  void verify_should_accept_the_vector_and_refuse_any_change() throws IOException {
    Map<String, String> v = vector();
    Map<String, String> parameters = decoded(v.get("query"));
    parameters.put("vnp_SecureHash", v.get("hash").toUpperCase(java.util.Locale.ROOT));
    parameters.put("vnp_SecureHashType", "HmacSHA512");
    assertThat(Vnpay.verify(v.get("secret"), parameters)).isTrue();

    Map<String, String> tampered = new LinkedHashMap<>(parameters);
    tampered.put("vnp_Amount", "100000000");
    assertThat(Vnpay.verify(v.get("secret"), tampered)).isFalse();
    assertThat(Vnpay.verify("other_secret", parameters)).isFalse();
    parameters.remove("vnp_SecureHash");
    assertThat(Vnpay.verify(v.get("secret"), parameters)).isFalse();
  }

  @Test
  void empty_values_and_other_parameters_are_not_signed() throws IOException {
    Map<String, String> v = vector();
    Map<String, String> parameters = decoded(v.get("query"));
    parameters.put("vnp_BankTranNo", "");
    parameters.put("foo", "bar");
    parameters.put("vnp_BankTranNo", "VNP14422574");

    assertThat(Vnpay.sign(v.get("secret"), parameters)).isEqualTo(v.get("hash"));
  }

  @Test
  void the_payment_url_is_the_sorted_signed_query_then_the_hash() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("vnp_TxnRef", "LL7K3M9Q2XH");
    p.put("vnp_Amount", "25000000");
    p.put("vnp_OrderInfo", "Thanh toan hoc phi LL7K3M9Q2XH");
    p.put("vnp_CreateDate", Vnpay.date(Instant.parse("2026-11-25T02:03:04Z")));
    String url = Vnpay.payUrl("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", "s3cret", p);

    assertThat(url).startsWith("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=25000000"
        + "&vnp_CreateDate=20261125090304&vnp_OrderInfo=Thanh+toan+hoc+phi+LL7K3M9Q2XH&vnp_TxnRef=LL7K3M9Q2XH"
        + "&vnp_SecureHash=");
    Map<String, String> back = decoded(url.substring(url.indexOf('?') + 1));
    assertThat(Vnpay.verify("s3cret", back)).isTrue();
  }

  @Test
  void querydr_checksums_join_the_values_in_order_with_pipes() {
    Map<String, String> request = new LinkedHashMap<>();
    Vnpay.QUERY_REQUEST_FIELDS.forEach(f -> request.put(f, f.substring(4)));
    String joined = "RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo";

    assertThat(Vnpay.pipeHash("k", Vnpay.QUERY_REQUEST_FIELDS, request)).isEqualTo(Vnpay.hmac("k", joined));
    request.remove("vnp_OrderInfo");
    assertThat(Vnpay.pipeHash("k", Vnpay.QUERY_REQUEST_FIELDS, request))
        .isEqualTo(Vnpay.hmac("k", joined.substring(0, joined.lastIndexOf('|') + 1)));
  }

  @Test
  void vnp_amount_is_whole_dong_times_100() {
    assertThat(VnpayIpn.vnpAmount("25000000")).isEqualTo(250_000L);
    assertThat(VnpayIpn.vnpAmount("25000050")).isNull();
    assertThat(VnpayIpn.vnpAmount("-100")).isNull();
    assertThat(VnpayIpn.vnpAmount("1e5")).isNull();
    assertThat(VnpayIpn.vnpAmount("9".repeat(19))).isNull();
  }
}
