package vn.lienlac.model.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers as rosters write them, to E.164. Since the 2018 renumbering a number is
 * {@code 0} + 9 digits and mobiles start 03, 05, 07, 08 or 09; the old 11-digit 01xx mobiles are
 * gone. Accepted spellings: {@code 0912 345 678}, {@code 0912.345.678}, {@code 0912-345-678},
 * {@code +84912345678}, {@code 84912345678}, {@code (+84) 912-345-678}, and {@code 912345678} (a
 * number cell that lost its leading 0). A parent's phone must be a mobile: it is how they sign in
 * (a one-time code by SMS), so landlines are rejected with their own reason.
 *
 * <p>The one phone rule of the project: the roster import checks cells with it, the app normalises
 * what a parent types on the sign-in screen with it, and the local stack finds accounts with it.
 * It needs {@code com.googlecode.libphonenumber:libphonenumber}, an optional dependency of
 * shared-model: a module that calls this class declares it (the Lambda functions that do not are
 * not made larger by it).
 */
public final class Phones {
  /** Rejection reasons (message keys in both bundles). */
  public static final String MALFORMED = "roster.phone.malformed";
  public static final String NOT_MOBILE = "roster.phone.notMobile";
  public static final String OLD_NUMBER = "roster.phone.oldNumber";
  public static final String NOT_VIETNAMESE = "roster.phone.notVietnamese";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int VIETNAM = 84;
  /** What a phone cell may hold besides digits: spaces, dots, dashes, brackets, a leading plus. */
  private static final Pattern ALLOWED = Pattern.compile("[0-9 .\\-()+\u00A0/]+");
  /** The old 11-digit mobiles (01xx xxx xxxx), retired in 2018, with or without the 0 or +84. */
  private static final Pattern OLD = Pattern.compile("(0|84|\\+84)?1(2[0-9]|6[2-9]|8[68]|99)[0-9]{7}");
  /** Mobile prefixes since the renumbering. */
  private static final Pattern MOBILE = Pattern.compile("0[35789][0-9]{8}");
  /** The longest input looked at (a cell may hold anything). */
  private static final int MAX_LENGTH = 40;

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
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty() || text.length() > MAX_LENGTH || !ALLOWED.matcher(text).matches()
        || text.indexOf('+') > (text.startsWith("(") ? 1 : 0)) {
      return problem(MALFORMED);
    }
    String compact = text.replaceAll("[^0-9+]", "");
    if (compact.isEmpty() || compact.lastIndexOf('+') > 0) {
      return problem(MALFORMED);
    }
    if (OLD.matcher(compact).matches()) {
      return problem(OLD_NUMBER);
    }
    if (!compact.startsWith("+")) {
      if (compact.length() == 9 && compact.charAt(0) != '0') {
        compact = "0" + compact; // a number cell that lost its leading 0
      } else if (compact.length() == 11 && compact.startsWith("84")) {
        compact = "+" + compact; // 84 without the plus
      }
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(compact, "VN");
    } catch (NumberParseException e) {
      return problem(MALFORMED);
    }
    if (number.getCountryCode() != VIETNAM) {
      return problem(UTIL.isValidNumber(number) ? NOT_VIETNAMESE : MALFORMED);
    }
    if (!UTIL.isValidNumber(number)) {
      return problem(MALFORMED);
    }
    PhoneNumberType type = UTIL.getNumberType(number);
    String national = "0" + UTIL.getNationalSignificantNumber(number);
    boolean mobile = (type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE)
        && MOBILE.matcher(national).matches();
    if (!mobile) {
      return problem(NOT_MOBILE);
    }
    return new Parsed(UTIL.format(number, PhoneNumberFormat.E164), null);
  }

  private static Parsed problem(String code) {
    return new Parsed(null, code);
  }

  /** The E.164 form of a Vietnamese mobile number, or empty when {@code raw} is not one. */
  public static Optional<String> toE164(String raw) {
    return Optional.ofNullable(parse(raw).e164());
  }
}
