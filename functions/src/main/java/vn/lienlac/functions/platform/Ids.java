package vn.lienlac.functions.platform;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Ids in paths and keys: checked before use, and new ones time-ordered (ULID form). */
public final class Ids {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** Letters, digits, {@code . _ -}; 1 to 64 characters. Anything else cannot name a resource. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /** An id from a path: one that cannot exist answers like one the caller may not see (404). */
  public static String fromPath(ApiRequest request, String parameter) {
    String id = request.pathParameter(parameter);
    if (!isValid(id)) {
      throw new ApiException.NotFound();
    }
    return id;
  }

  /** A new ULID: 48 bits of milliseconds then 80 random bits, 26 characters, sortable by time. */
  public static String newId(long epochMillis) {
    return newId(epochMillis, RANDOM);
  }

  /** A ULID whose random part comes from {@code random} (a seeded one gives repeatable ids). */
  public static String newId(long epochMillis, java.util.Random random) {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    char[] out = new char[26];
    long time = epochMillis;
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (time & 31)];
      time >>>= 5;
    }
    // 80 random bits as 16 base-32 digits.
    long high = 0;
    for (int i = 0; i < 5; i++) {
      high = (high << 8) | (bytes[i] & 0xFF);
    }
    long low = 0;
    for (int i = 5; i < 10; i++) {
      low = (low << 8) | (bytes[i] & 0xFF);
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = CROCKFORD[(int) (high & 31)];
      high >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = CROCKFORD[(int) (low & 31)];
      low >>>= 5;
    }
    return new String(out);
  }
}
