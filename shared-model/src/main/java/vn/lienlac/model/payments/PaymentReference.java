package vn.lienlac.model.payments;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The short reference a bank transfer carries in its note (VietQR tag 62/08), by which a transfer is
 * matched to its payment: {@code LL} + 8 random symbols + 1 check symbol, e.g. {@code LL7K3M9Q2XH}
 * (11 characters).
 *
 * <p>Built to survive what banks do to transfer notes: they upper-case or lower-case it, strip
 * accents, insert spaces or line breaks, drop dashes and dots, and surround it with their own text
 * ({@code MBVCB.3278.LL7K 3M9Q2XH.CT tu 0912...}). So the symbols are Crockford's base 32 (digits and
 * upper-case letters without I, L, O, U: a read {@code O} is a {@code 0}, an {@code I} or {@code L} a
 * {@code 1}), the check symbol is Luhn mod 32 over the 8 symbols (it catches every single wrong
 * symbol and every swap of two adjacent ones), and {@link #find} looks for the pattern anywhere in
 * the note once everything but letters and digits is removed.
 */
public final class PaymentReference {
  public static final String PREFIX = "LL";
  public static final int RANDOM_SYMBOLS = 8;
  public static final int LENGTH = PREFIX.length() + RANDOM_SYMBOLS + 1;
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int N = ALPHABET.length();

  private PaymentReference() {}

  /** A fresh reference (40 random bits); the caller makes it unique with a conditional write. */
  public static String generate(RandomGenerator random) {
    StringBuilder symbols = new StringBuilder(RANDOM_SYMBOLS + 1);
    for (int i = 0; i < RANDOM_SYMBOLS; i++) {
      symbols.append(ALPHABET.charAt(random.nextInt(N)));
    }
    symbols.append(checkSymbol(symbols));
    return PREFIX + symbols;
  }

  /** Whether {@code reference} is a well-formed reference exactly as {@link #generate} writes it. */
  public static boolean isValid(String reference) {
    return reference != null && reference.length() == LENGTH && reference.startsWith(PREFIX)
        && reference.substring(PREFIX.length()).chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
        && checks(reference.substring(PREFIX.length()));
  }

  /** A transfer note as we search it: accents removed, upper case, letters and digits only. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (char c : decomposed.toUpperCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Every distinct valid reference found in a transfer note, in canonical form, in the order found.
   * One means a match; none or several go to the review queue.
   */
  public static Set<String> find(String note) {
    String text = normalise(note);
    Set<String> found = new LinkedHashSet<>();
    for (int at = text.indexOf(PREFIX); at >= 0 && at + LENGTH <= text.length(); at = text.indexOf(PREFIX, at + 1)) {
      canonical(text.substring(at + PREFIX.length(), at + LENGTH)).ifPresent(symbols -> found.add(PREFIX + symbols));
    }
    return found;
  }

  /** The one reference of a note, if there is exactly one. */
  public static Optional<String> findOne(String note) {
    Set<String> found = find(note);
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private static Optional<String> canonical(String read) {
    StringBuilder symbols = new StringBuilder(read.length());
    for (char c : read.toCharArray()) {
      char symbol = switch (c) {
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        default -> c;
      };
      if (ALPHABET.indexOf(symbol) < 0) {
        return Optional.empty();
      }
      symbols.append(symbol);
    }
    return checks(symbols) ? Optional.of(symbols.toString()) : Optional.empty();
  }

  /** Luhn mod N: the symbol that makes {@link #checks} true for {@code symbols} + it. */
  private static char checkSymbol(CharSequence symbols) {
    int factor = 2;
    int sum = 0;
    for (int i = symbols.length() - 1; i >= 0; i--) {
      int addend = factor * ALPHABET.indexOf(symbols.charAt(i));
      factor = factor == 2 ? 1 : 2;
      sum += addend / N + addend % N;
    }
    return ALPHABET.charAt((N - sum % N) % N);
  }

  private static boolean checks(CharSequence symbolsWithCheck) {
    int factor = 1;
    int sum = 0;
    for (int i = symbolsWithCheck.length() - 1; i >= 0; i--) {
      int addend = factor * ALPHABET.indexOf(symbolsWithCheck.charAt(i));
      factor = factor == 2 ? 1 : 2;
      sum += addend / N + addend % N;
    }
    return sum % N == 0;
  }
}
