package vn.lienlac.functions.payments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.lienlac.model.common.SchoolTime;

/**
 * VNPay 2.1.0 (DESIGN.md §5): the signed payment URL, the IPN/return signature, and querydr's
 * {@code |}-joined checksums. Pure functions; no I/O.
 */
public final class Vnpay {
  public static final String VERSION = "2.1.0";
  /** {@code yyyyMMddHHmmss} in GMT+7, VNPay's date form. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(SchoolTime.ZONE);
  private static final String HASH = "vnp_SecureHash";
  private static final String HASH_TYPE = "vnp_SecureHashType";

  private Vnpay() {}

  public static String date(Instant instant) {
    return DATE.format(instant);
  }

  /**
   * The string VNPay signs: the non-empty {@code vnp_*} parameters except the hash ones, sorted by
   * key, {@code k=v} joined by {@code &}, keys and values form-URL-encoded (space → {@code +}).
   */
  public static String signedData(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&");
    new TreeMap<>(parameters).forEach((k, v) -> {
      if (k.startsWith("vnp_") && !k.equals(HASH) && !k.equals(HASH_TYPE) && v != null && !v.isEmpty()) {
        query.add(encode(k) + "=" + encode(v));
      }
    });
    return query.toString();
  }

  /** Lower-case hex HMAC-SHA512 of {@code data} with the merchant's hash secret. */
  public static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code vnp_SecureHash} of a parameter set. */
  public static String sign(String secret, Map<String, String> parameters) {
    return hmac(secret, signedData(parameters));
  }

  /** The URL to send the payer to: {@code payUrl?<signed query>&vnp_SecureHash=…}. */
  public static String payUrl(String payUrl, String secret, Map<String, String> parameters) {
    String data = signedData(parameters);
    return payUrl + "?" + data + "&" + HASH + "=" + hmac(secret, data);
  }

  /** Whether VNPay signed these parameters (IPN, return URL), in constant time. */
  public static boolean verify(String secret, Map<String, String> parameters) {
    String given = parameters.get(HASH);
    if (given == null || given.isEmpty()) {
      return false;
    }
    byte[] expected = sign(secret, parameters).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** querydr request fields, in the order of their checksum. */
  public static final List<String> QUERY_REQUEST_FIELDS = List.of("vnp_RequestId", "vnp_Version", "vnp_Command",
      "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo");

  /** querydr response fields, in the order of their checksum. */
  public static final List<String> QUERY_RESPONSE_FIELDS = List.of("vnp_ResponseId", "vnp_Command",
      "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
      "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode",
      "vnp_PromotionAmount");

  /** querydr's checksum: HMAC-SHA512 over the values of {@code fields}, in order, joined by {@code |} (absent → empty). */
  public static String pipeHash(String secret, List<String> fields, Map<String, String> values) {
    StringJoiner data = new StringJoiner("|");
    fields.forEach(f -> data.add(values.getOrDefault(f, "") == null ? "" : values.getOrDefault(f, "")));
    return hmac(secret, data.toString());
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
