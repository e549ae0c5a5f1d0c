package vn.lienlac.functions.payments.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.lienlac.functions.platform.Json;

/**
 * How SePay and Casso sign their webhooks, checked before anything of the body is trusted. Every
 * comparison is constant-time; a missing key means that method is off for the school.
 *
 * <ul>
 *   <li>SePay, API key: {@code Authorization: Apikey <key>}.
 *   <li>SePay, HMAC-SHA256: {@code X-SePay-Timestamp: <unix seconds>} and {@code X-SePay-Signature:
 *       sha256=<hex>} (bare hex accepted), over {@code <timestamp> + "." + <raw body>}; the timestamp
 *       within {@link #MAX_DRIFT} of our clock.
 *   <li>Casso v2: {@code X-Casso-Signature: t=<unix ms>,v1=<hex>}, v1 = HMAC-SHA512 over {@code t + "."
 *       + JSON of the body with object keys sorted recursively} (compact, as JavaScript's
 *       {@code JSON.stringify} writes it); t within {@link #MAX_DRIFT} too.
 * </ul>
 */
public final class WebhookSignatures {
  public static final Duration MAX_DRIFT = Duration.ofMinutes(5);
  private static final Pattern CASSO = Pattern.compile("t=(\\d{1,15}),v1=([0-9a-fA-F]{128})");
  private static final Pattern SEPAY_SIGNATURE = Pattern.compile("(?:sha256=)?([0-9a-fA-F]{64})");
  /** Reads the body for Casso's canonical form: duplicate keys are refused (they would sort ambiguously). */
  private static final ObjectMapper TREE = Json.MAPPER.copy()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private WebhookSignatures() {}

  /** SePay's API key header, compared in constant time. */
  public static boolean sepayApiKey(String authorization, String key) {
    if (authorization == null || key == null || key.isEmpty()) {
      return false;
    }
    String prefix = "apikey ";
    if (authorization.length() <= prefix.length()
        || !authorization.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
      return false;
    }
    return constantTimeEquals(authorization.substring(prefix.length()).strip(), key);
  }

  /** SePay's HMAC-SHA256 over {@code timestamp.body}, the timestamp within {@link #MAX_DRIFT} of {@code now}. */
  public static boolean sepayHmac(String timestamp, String signature, String rawBody, String secret, Instant now) {
    if (timestamp == null || signature == null || secret == null || secret.isEmpty()
        || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    Matcher m = SEPAY_SIGNATURE.matcher(signature.strip());
    if (!m.matches() || !fresh(Instant.ofEpochSecond(Long.parseLong(timestamp)), now)) {
      return false;
    }
    return constantTimeEquals(hmac("HmacSHA256", secret, timestamp + "." + rawBody), m.group(1).toLowerCase(Locale.ROOT));
  }

  /** The hex HMAC-SHA256 SePay would send for this body (tests, the dev tools). */
  public static String sepaySign(String secret, String timestamp, String rawBody) {
    return "sha256=" + hmac("HmacSHA256", secret, timestamp + "." + rawBody);
  }

  /** Casso v2's signature header, checked against the body's canonical JSON. */
  public static boolean casso(String header, String rawBody, String key, Instant now) {
    if (header == null || key == null || key.isEmpty()) {
      return false;
    }
    Matcher m = CASSO.matcher(header.strip());
    if (!m.matches() || !fresh(Instant.ofEpochMilli(Long.parseLong(m.group(1))), now)) {
      return false;
    }
    Optional<String> canonical = cassoCanonical(rawBody);
    return canonical.isPresent()
        && constantTimeEquals(hmac("HmacSHA512", key, m.group(1) + "." + canonical.get()), m.group(2).toLowerCase(Locale.ROOT));
  }

  /** The header Casso would send for this body at {@code millis} (tests, the dev tools). */
  public static String cassoSign(String key, long millis, String rawBody) {
    return "t=" + millis + ",v1=" + hmac("HmacSHA512", key, millis + "." + cassoCanonical(rawBody).orElseThrow());
  }

  /** The body re-written with every object's keys sorted (recursively, inside arrays too), compact. */
  static Optional<String> cassoCanonical(String rawBody) {
    try {
      JsonNode tree = TREE.readTree(rawBody);
      return tree == null ? Optional.empty() : Optional.of(TREE.writeValueAsString(sorted(tree)));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      names.forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  private static boolean fresh(Instant signedAt, Instant now) {
    return Duration.between(signedAt, now).abs().compareTo(MAX_DRIFT) <= 0;
  }

  static String hmac(String algorithm, String key, String message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
