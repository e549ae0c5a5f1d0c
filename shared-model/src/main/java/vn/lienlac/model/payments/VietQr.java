package vn.lienlac.model.payments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VietQR (NAPAS 247) payloads: EMVCo merchant-presented QR codes for a bank transfer. Pure, so the
 * app can build and read them too.
 *
 * <p>Layout ({@code id length value}, lengths in two digits): {@code 00}=01, {@code 01}=11 static /
 * 12 dynamic, {@code 38}={00 A000000727, 01 {00 bank BIN, 01 account}, 02 QRIBFTTA}, {@code 53}=704
 * (VND), {@code 54}=amount in whole VND, {@code 58}=VN, {@code 62}={08 purpose: our payment
 * reference}, {@code 63}=CRC-16/CCITT-FALSE over everything before its value, {@code 6304} included.
 */
public final class VietQr {
  public static final String NAPAS_GUID = "A000000727";
  /** Service code of a transfer to an account ({@code QRIBFTTC} would be to a card). */
  public static final String TO_ACCOUNT = "QRIBFTTA";
  private static final Pattern BIN = Pattern.compile("[0-9]{6}");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");
  /** Tag 62/08 carries at most 25 characters; banks keep letters and digits best. */
  private static final Pattern PURPOSE = Pattern.compile("[0-9A-Za-z]{1,25}");
  /** Tag 54 is at most 13 characters. */
  public static final long MAX_AMOUNT = 9_999_999_999_999L;

  private VietQr() {}

  /** What a VietQR payload says. {@code amount} and {@code purpose} are null when absent. */
  public record Payload(boolean dynamic, String bin, String account, String service, Long amount, String purpose,
      Map<String, String> tags) {

    public Payload {
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
  }

  /** Why a payload could not be read. */
  public static final class MalformedPayloadException extends IllegalArgumentException {
    MalformedPayloadException(String message) {
      super(message);
    }
  }

  /**
   * A dynamic (single-use, amount fixed) payload: the school's account, the amount and our
   * reference in tag 62/08, so that the bank's transfer note carries it.
   *
   * @throws IllegalArgumentException when the BIN is not six digits, the account not 1–19 letters
   *     or digits, the amount not 1..{@value #MAX_AMOUNT} or the reference not 1–25 letters or digits
   */
  public static String dynamic(String bin, String account, long amount, String reference) {
    if (!BIN.matcher(bin).matches()) {
      throw new IllegalArgumentException("A bank BIN is six digits");
    }
    if (!ACCOUNT.matcher(account).matches()) {
      throw new IllegalArgumentException("An account number is 1-19 letters or digits");
    }
    if (amount < 1 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException("The amount must be 1.." + MAX_AMOUNT + " VND");
    }
    if (!PURPOSE.matcher(reference).matches()) {
      throw new IllegalArgumentException("The reference is 1-25 letters or digits");
    }
    String beneficiary = tlv("00", bin) + tlv("01", account);
    String merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TO_ACCOUNT);
    String body = tlv("00", "01")
        + tlv("01", "12")
        + tlv("38", merchant)
        + tlv("53", "704")
        + tlv("54", Long.toString(amount))
        + tlv("58", "VN")
        + tlv("62", tlv("08", reference))
        + "6304";
    return body + Crc16.hex(body);
  }

  /**
   * Reads a payload and checks its CRC.
   *
   * @throws MalformedPayloadException when it is not TLV, the CRC is missing, not last or wrong,
   *     or it is not a NAPAS (VietQR) payload
   */
  public static Payload parse(String payload) {
    if (payload == null || payload.length() < 8) {
      throw new MalformedPayloadException("Too short");
    }
    Map<String, String> tags = tlvs(payload);
    String crc = tags.get("63");
    if (crc == null || !payload.endsWith("6304" + crc) || crc.length() != 4) {
      throw new MalformedPayloadException("The CRC (tag 63) must come last, four hex digits");
    }
    String expected = Crc16.hex(payload.substring(0, payload.length() - 4));
    if (!expected.equals(crc)) {
      throw new MalformedPayloadException("CRC mismatch: expected " + expected + ", found " + crc);
    }
    if (!"01".equals(tags.get("00"))) {
      throw new MalformedPayloadException("Tag 00 must be 01");
    }
    String initiation = tags.get("01");
    if (!"11".equals(initiation) && !"12".equals(initiation)) {
      throw new MalformedPayloadException("Tag 01 must be 11 (static) or 12 (dynamic)");
    }
    String merchant = tags.get("38");
    if (merchant == null) {
      throw new MalformedPayloadException("No NAPAS merchant account (tag 38)");
    }
    Map<String, String> napas = tlvs(merchant);
    if (!NAPAS_GUID.equals(napas.get("00")) || napas.get("01") == null) {
      throw new MalformedPayloadException("Tag 38 is not a NAPAS (A000000727) account");
    }
    Map<String, String> beneficiary = tlvs(napas.get("01"));
    Long amount = null;
    if (tags.containsKey("54")) {
      try {
        amount = Long.parseLong(tags.get("54"));
      } catch (NumberFormatException e) {
        throw new MalformedPayloadException("Tag 54 (amount) is not a whole number");
      }
    }
    String purpose = Optional.ofNullable(tags.get("62")).map(VietQr::tlvs).map(m -> m.get("08")).orElse(null);
    return new Payload("12".equals(initiation), beneficiary.get("00"), beneficiary.get("01"), napas.get("02"), amount,
        purpose, tags);
  }

  private static String tlv(String id, String value) {
    if (value.length() > 99) {
      throw new IllegalArgumentException("Tag " + id + " is longer than 99 characters");
    }
    return id + String.format("%02d", value.length()) + value;
  }

  /** One level of {@code id(2) length(2) value}, in order; a duplicate id or a short value is malformed. */
  private static Map<String, String> tlvs(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    int at = 0;
    while (at < text.length()) {
      if (at + 4 > text.length()) {
        throw new MalformedPayloadException("Truncated tag at " + at);
      }
      String id = text.substring(at, at + 2);
      String length = text.substring(at + 2, at + 4);
      if (!isDigits(id) || !isDigits(length)) {
        throw new MalformedPayloadException("Tag id and length must be two digits each, at " + at);
      }
      int end = at + 4 + Integer.parseInt(length);
      if (end > text.length()) {
        throw new MalformedPayloadException("Tag " + id + " runs past the end");
      }
      if (tags.putIfAbsent(id, text.substring(at + 4, end)) != null) {
        throw new MalformedPayloadException("Tag " + id + " appears twice");
      }
      at = end;
    }
    return tags;
  }

  private static boolean isDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
