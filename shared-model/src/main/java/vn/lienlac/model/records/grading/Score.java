package vn.lienlac.model.records.grading;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.lienlac.model.common.Violation;

/**
 * A score on the 10-point scale with at most one decimal, held exactly as tenths (0..100). Never
 * double: averages are rounded half-up at exact boundaries such as 7.85, which binary floating
 * point cannot represent.
 */
public record Score(int tenths) implements Comparable<Score> {
  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final int SHOWN_DIGITS = 8;
  // Plain decimal notation only: no exponent ("1E+1"), no grouping, no decimal comma.
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  public Score {
    if (tenths < 0 || tenths > 100) {
      throw new IllegalArgumentException("A score is 0 to 100 tenths (0.0 to 10.0), not " + tenths);
    }
  }

  /** {@code "8.5"} is 85 tenths, {@code "10"} is 100; IllegalArgumentException when not a valid score. */
  public static Score of(String decimal) {
    String text = decimal == null ? "" : decimal.strip();
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("Not a decimal number: " + decimal);
    }
    return of(new BigDecimal(text));
  }

  /**
   * Exactly {@code value}; IllegalArgumentException when out of range or with more than one
   * decimal. 8.50 is fine (8.5): trailing zeros are not extra precision.
   */
  public static Score of(BigDecimal value) {
    Violation violation = check(value);
    if (violation != null) {
      throw new IllegalArgumentException(violation.code() + ": " + violation.args().getFirst());
    }
    return new Score(value.movePointRight(1).intValueExact());
  }

  /**
   * Null when {@code value} is a valid score; otherwise a violation with field {@code ""} (callers
   * place it with {@link Violation#under}) and code {@code score.range} or {@code score.decimals},
   * the value as plain text as its argument. {@code value} must not be null. Any BigDecimal is
   * safe here, {@code 1E+2147483647} included: the rules are decided by comparison, and a value
   * is written out in full only when it is short (see {@link #shown}).
   */
  public static Violation check(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(TEN) > 0) {
      return Violation.of("", "score.range", shown(value));
    }
    // In range, so at most two digits before the point: the scale alone says how long it is.
    if (value.scale() > 1 && value.stripTrailingZeros().scale() > 1) {
      return Violation.of("", "score.decimals", shown(value));
    }
    return null;
  }

  /**
   * The value as a teacher typed it (plain text, never scientific notation) when that is short;
   * otherwise, since its plain text could run to gigabytes, its first digits and its exponent:
   * {@code 1E+2147483647}, {@code -1.2345678…E+59}.
   */
  static String shown(BigDecimal value) {
    long exponent = (long) value.precision() - value.scale() - 1; // of the first digit
    if (value.precision() <= SHOWN_DIGITS && value.scale() <= SHOWN_DIGITS && exponent < SHOWN_DIGITS) {
      return value.toPlainString();
    }
    String digits = value.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits
        : digits.charAt(0) + "." + digits.substring(1, Math.min(digits.length(), SHOWN_DIGITS))
            + (digits.length() > SHOWN_DIGITS ? "…" : "");
    return (value.signum() < 0 ? "-" : "") + mantissa + "E" + (exponent >= 0 ? "+" : "") + exponent;
  }

  /** With scale 1: 85 → 8.5, 100 → 10.0. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(tenths, 1);
  }

  @Override
  public int compareTo(Score other) {
    return Integer.compare(tenths, other.tenths);
  }

  /** {@code "8.5"}, {@code "10.0"}. */
  @Override
  public String toString() {
    return toDecimal().toPlainString();
  }
}
