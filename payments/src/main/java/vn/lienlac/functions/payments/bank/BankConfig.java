package vn.lienlac.functions.payments.bank;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;

/**
 * Each school's bank account (what its VietQR codes pay into) and the keys of the notification
 * service it connected (SePay, Casso). In AWS: a Secrets Manager secret ({@code BANK_SECRET_ID};
 * JSON {@code {"<schoolId>": {"bin": "970415", "account": "…", "accountName": "…", "sepayApiKey": "…",
 * "sepayHmacSecret": "…", "cassoChecksumKey": "…"}}}, keys optional: a missing key turns that method
 * off), read on first use (not at cold start: SnapStart priming needs no secret) and kept for the
 * container, never in the repository or the template. The dev stack uses
 * {@link #localDev()}: public keys that only the local stack accepts.
 */
public record BankConfig(Map<String, School> schools, boolean dev) {
  public static final String SECRET_ID = "BANK_SECRET_ID";

  /** One school's account and webhook keys. */
  public record School(String schoolId, String bin, String account, String accountName, String sepayApiKey,
      String sepayHmacSecret, String cassoChecksumKey) {
    @Override
    public String toString() {
      return "School[" + schoolId + ", " + bin + ", " + account + "]";
    }
  }

  public BankConfig {
    schools = Map.copyOf(schools);
  }

  /** The configuration read once, on the first call of {@code get()}. */
  public static Supplier<BankConfig> lazy(Supplier<BankConfig> read) {
    return new Supplier<>() {
      private volatile BankConfig value;

      @Override
      public synchronized BankConfig get() {
        if (value == null) {
          value = read.get();
        }
        return value;
      }
    };
  }

  /** From the secret template.yaml names. */
  public static BankConfig fromEnvironment(Environment env) {
    String arn = env.require(SECRET_ID);
    try (SecretsManagerClient client = SecretsManagerClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .build()) {
      return parse(client.getSecretValue(r -> r.secretId(arn)).secretString());
    }
  }

  static BankConfig parse(String json) {
    Map<String, Map<String, String>> raw;
    try {
      raw = Json.MAPPER.readValue(json, new TypeReference<Map<String, Map<String, String>>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The bank secret is not JSON of {schoolId: {bin, account, …}}");
    }
    Map<String, School> schools = new HashMap<>();
    raw.forEach((id, s) -> schools.put(id, new School(id, s.get("bin"), s.get("account"), s.get("accountName"),
        s.get("sepayApiKey"), s.get("sepayHmacSecret"), s.get("cassoChecksumKey"))));
    return new BankConfig(schools, false);
  }

  /**
   * The dev stack: every school banks at BIN 970415 (VietinBank), account {@code 1133666688} and
   * its webhooks take the public keys {@code dev-sepay-{school}} (API key and HMAC) and
   * {@code dev-casso-{school}}. Never deployed.
   */
  public static BankConfig localDev() {
    return new BankConfig(Map.of(), true);
  }

  public Optional<School> school(String schoolId) {
    if (dev) {
      return Ids.isValid(schoolId)
          ? Optional.of(new School(schoolId, "970415", "1133666688", "TRUONG " + schoolId.toUpperCase(java.util.Locale.ROOT),
              "dev-sepay-" + schoolId, "dev-sepay-" + schoolId, "dev-casso-" + schoolId))
          : Optional.empty();
    }
    return Optional.ofNullable(schools.get(schoolId));
  }
}
