package vn.lienlac.functions.payments;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;

/**
 * Each school is its own VNPay merchant: its TmnCode and hash secret. In AWS they live in a
 * Secrets Manager secret ({@code VNPAY_SECRET_ID}; JSON {@code {"<schoolId>": {"tmnCode": "…",
 * "hashSecret": "…"}}}), never in the repository or the template; the dev stack uses
 * {@link #localSandbox()}, whose secrets are public and work only with the local sandbox.
 *
 * @param payUrl    VNPay's payment page ({@code …/paymentv2/vpcpay.html})
 * @param apiUrl    VNPay's transaction API ({@code …/merchant_webapi/api/transaction}: querydr)
 * @param sandbox   the dev stack's local sandbox: every school is a merchant (public dev secrets)
 *
 * <p>The return URL is not configured: it is this API's own {@code /v1/payments/vnpay/return}, on
 * the host the payer's request came to.
 */
public record VnpayConfig(Map<String, Merchant> merchants, String payUrl, String apiUrl, boolean sandbox) {
  /** The secret's name (or ARN): template.yaml sets {@code lienlac/vnpay-merchants}. */
  public static final String SECRET_ID = "VNPAY_SECRET_ID";
  public static final String PAY_URL = "VNPAY_PAY_URL";
  public static final String API_URL = "VNPAY_API_URL";
  public static final String RETURN_PATH = "/v1/payments/vnpay/return";
  /** Dev stack only: the local sandbox's pages, relative to the dev gateway. */
  public static final String DEV_PAY_PATH = "/dev/vnpay/vpcpay.html";
  public static final String DEV_API_PATH = "/dev/vnpay/merchant_webapi/api/transaction";
  static final String DEV_TMN_PREFIX = "DEV_";

  /** One school's merchant account. */
  public record Merchant(String schoolId, String tmnCode, String hashSecret) {
    @Override
    public String toString() {
      return "Merchant[" + schoolId + ", " + tmnCode + "]";
    }
  }

  public VnpayConfig {
    merchants = Map.copyOf(merchants);
  }

  /**
   * Reads the configuration on first use, once: after a SnapStart restore, not into the snapshot
   * (a secret in a snapshot outlives its rotation), and not when the container merely starts.
   */
  public static Supplier<VnpayConfig> lazy(Supplier<VnpayConfig> read) {
    return new Supplier<>() {
      private volatile VnpayConfig value;

      @Override
      public VnpayConfig get() {
        VnpayConfig v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) {
              value = read.get();
            }
            v = value;
          }
        }
        return v;
      }
    };
  }

  /** From the environment template.yaml sets: the secret from Secrets Manager. */
  public static VnpayConfig fromEnvironment(Environment env) {
    String secretId = env.require(SECRET_ID);
    String json;
    try (SecretsManagerClient client = SecretsManagerClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .build()) {
      json = client.getSecretValue(r -> r.secretId(secretId)).secretString();
    }
    return parse(json, env.require(PAY_URL), env.require(API_URL));
  }

  static VnpayConfig parse(String json, String payUrl, String apiUrl) {
    Map<String, Map<String, String>> raw;
    try {
      raw = Json.MAPPER.readValue(json, new TypeReference<Map<String, Map<String, String>>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The VNPay secret is not JSON of {schoolId: {tmnCode, hashSecret}}");
    }
    Map<String, Merchant> merchants = new java.util.HashMap<>();
    raw.forEach((school, m) -> merchants.put(school, new Merchant(school, m.get("tmnCode"), m.get("hashSecret"))));
    return new VnpayConfig(merchants, payUrl, apiUrl, false);
  }

  /**
   * The dev stack's merchants: every school is merchant {@code DEV_{schoolId}} with the public
   * secret {@code dev-secret-{schoolId}}; the pay page is the local sandbox's. Never deployed:
   * {@link #fromEnvironment} is what Lambda uses.
   */
  public static VnpayConfig localSandbox() {
    return new VnpayConfig(Map.of(), DEV_PAY_PATH, DEV_API_PATH, true);
  }

  /** Where VNPay sends the payer back: this API on the host the request came to (relative for the sandbox). */
  public String returnUrl(String host) {
    return sandbox || host == null ? RETURN_PATH : "https://" + host + RETURN_PATH;
  }

  /** The school's merchant, if it takes VNPay. */
  public Optional<Merchant> merchant(String schoolId) {
    if (sandbox) {
      return Optional.of(new Merchant(schoolId, DEV_TMN_PREFIX + schoolId, "dev-secret-" + schoolId));
    }
    return Optional.ofNullable(merchants.get(schoolId));
  }

  /** The merchant of a TmnCode (IPN: which school, which secret). */
  public Optional<Merchant> byTmnCode(String tmnCode) {
    if (tmnCode == null) {
      return Optional.empty();
    }
    if (sandbox) {
      return tmnCode.startsWith(DEV_TMN_PREFIX) && vn.lienlac.functions.platform.Ids.isValid(tmnCode.substring(4))
          ? merchant(tmnCode.substring(DEV_TMN_PREFIX.length())) : Optional.empty();
    }
    return merchants.values().stream().filter(m -> m.tmnCode().equals(tmnCode)).findFirst();
  }
}
