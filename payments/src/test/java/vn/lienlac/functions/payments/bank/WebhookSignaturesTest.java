package vn.lienlac.functions.payments.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
  /**
   * Casso's published sample (a PHP verification sample for webhook v2): this body, this checksum
   * key and this header verify. Reproducing it proves the canonical form (keys sorted recursively,
   * compact) and the HMAC-SHA512 over {@code t + "." + json}.
   */
  static final String CASSO_KEY = "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs";
  static final String CASSO_BODY = """
      {"error": 0, "data": {"id": 0, "reference": "MA_GIAO_DICH_THU_NGHIEM", "description": "giao dich thu nghiem",
       "amount": 599000, "runningBalance": 25000000, "transactionDateTime": "2024-10-03 15:06:37",
       "accountNumber": "88888888", "bankName": "VPBank", "bankAbbreviation": "VPB", "virtualAccountNumber": "",
       "virtualAccountName": "", "counterAccountName": "NGUYEN VAN A", "counterAccountNumber": "8888888888",
       "counterAccountBankId": "970415", "counterAccountBankName": "VietinBank"}}""";
  static final String CASSO_HEADER = "t=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7"
      + "dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3";
  static final Instant CASSO_AT = Instant.ofEpochMilli(1727948258788L);

  @Test
  void casso_should_verify_the_published_sample_exactly() {
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, CASSO_KEY, CASSO_AT.plusSeconds(30))).isTrue();
    assertThat(WebhookSignatures.cassoSign(CASSO_KEY, 1727948258788L, CASSO_BODY)).isEqualTo(CASSO_HEADER);
  }

  @Test
  void casso_should_refuse_a_changed_body_a_wrong_key_a_stale_time_and_a_malformed_header() {
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY.replace("599000", "599001"), CASSO_KEY, CASSO_AT)).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, CASSO_KEY + "x", CASSO_AT)).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, CASSO_KEY, CASSO_AT.plusSeconds(301))).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, CASSO_KEY, CASSO_AT.minusSeconds(301))).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, CASSO_KEY, CASSO_AT.plusSeconds(300))).isTrue();
    assertThat(WebhookSignatures.casso("t=1727948258788", CASSO_BODY, CASSO_KEY, CASSO_AT)).isFalse();
    assertThat(WebhookSignatures.casso(null, CASSO_BODY, CASSO_KEY, CASSO_AT)).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, CASSO_BODY, "", CASSO_AT)).isFalse();
    assertThat(WebhookSignatures.casso(CASSO_HEADER, "{not json", CASSO_KEY, CASSO_AT)).isFalse();
  }

  @Test
  void casso_canonical_form_should_sort_keys_inside_arrays_and_keep_unicode() {
    assertThat(WebhookSignatures.cassoCanonical("{\"b\": [{\"y\": 1, \"x\": null}], \"a\": \"Hương/ăn\"}"))
        .contains("{\"a\":\"Hương/ăn\",\"b\":[{\"x\":null,\"y\":1}]}");
    assertThat(WebhookSignatures.cassoCanonical("{\"a\": 1, \"a\": 2}")).isEmpty();
  }

  @Test
  void sepay_hmac_should_verify_timestamp_dot_body_and_refuse_drift() {
    String body = "{\"id\":92704,\"content\":\"LL10K3M09QZX\"}";
    Instant now = Instant.parse("2026-11-21T03:00:00Z");
    String ts = Long.toString(now.getEpochSecond() - 200);
    String signature = WebhookSignatures.sepaySign("s3cret", ts, body);
    assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
    assertThat(WebhookSignatures.hmac("HmacSHA256", "s3cret", ts + "." + body)).isEqualTo(signature.substring(7));
    assertThat(WebhookSignatures.sepayHmac(ts, signature, body, "s3cret", now)).isTrue();
    assertThat(WebhookSignatures.sepayHmac(ts, signature.substring(7).toUpperCase(), body, "s3cret", now)).isTrue();
    assertThat(WebhookSignatures.sepayHmac(ts, signature, body + " ", "s3cret", now)).isFalse();
    assertThat(WebhookSignatures.sepayHmac(ts, signature, body, "other", now)).isFalse();
    assertThat(WebhookSignatures.sepayHmac(ts, signature, body, "s3cret", now.plusSeconds(101))).isFalse();
    assertThat(WebhookSignatures.sepayHmac(ts + "0", signature, body, "s3cret", now)).isFalse();
    assertThat(WebhookSignatures.sepayHmac("-5", signature, body, "s3cret", now)).isFalse();
    assertThat(WebhookSignatures.sepayHmac(ts, signature, body, null, now)).isFalse();
  }

  @Test
  void sepay_api_key_should_match_exactly_whatever_the_scheme_case() {
    assertThat(WebhookSignatures.sepayApiKey("Apikey k-123", "k-123")).isTrue();
    assertThat(WebhookSignatures.sepayApiKey("apikey k-123", "k-123")).isTrue();
    assertThat(WebhookSignatures.sepayApiKey("Apikey k-1234", "k-123")).isFalse();
    assertThat(WebhookSignatures.sepayApiKey("Bearer k-123", "k-123")).isFalse();
    assertThat(WebhookSignatures.sepayApiKey("Apikey ", "")).isFalse();
    assertThat(WebhookSignatures.sepayApiKey(null, "k-123")).isFalse();
    assertThat(WebhookSignatures.sepayApiKey("Apikey k-123", null)).isFalse();
  }
}
