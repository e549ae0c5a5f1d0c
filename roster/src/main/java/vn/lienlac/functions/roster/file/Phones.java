package vn.lienlac.functions.roster.file;

import java.util.Optional;

/**
 * Vietnamese mobile numbers as rosters write them, to E.164. Since the 2018 renumbering a number is
 * {@code 0} + 9 digits and mobiles start 03, 05, 07, 08 or 09; the old 11-digit 01xx mobiles are
 * gone. Accepted spellings: {@code 0912 345 678}, {@code 0912.345.678}, {@code 0912-345-678},
 * {@code +84912345678}, {@code 84912345678}, {@code (+84) 912-345-678}, and {@code 912345678} (a
 * number cell that lost its leading 0). A parent's phone must be a mobile: it is how they sign in
 * (a one-time code by SMS), so landlines are rejected with their own reason.
 */
public final class Phones {
  /** Rejection reasons (message keys in both bundles). */
  public static final String MALFORMED = "roster.phone.malformed";
  public static final String NOT_MOBILE = "roster.phone.notMobile";
  public static final String OLD_NUMBER = "roster.phone.oldNumber";
  public static final String NOT_VIETNAMESE = "roster.phone.notVietnamese";

  private Phones() {}

  /**
   * The outcome of parsing: the E.164 number, or the reason (one of the constants above) why not.
   * Exactly one of the two is non-null.
   */
  public record Parsed(String e164, String problem) {
    public boolean ok() {
      return e164 != null;
    }
  }

  /** Parses {@code raw} (any of the spellings above); blank input is {@link #MALFORMED}. */
  public static Parsed parse(String raw) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }

  /** The E.164 form of a Vietnamese mobile number, or empty when {@code raw} is not one. */
  public static Optional<String> toE164(String raw) {
    return Optional.ofNullable(parse(raw).e164());
  }
}
