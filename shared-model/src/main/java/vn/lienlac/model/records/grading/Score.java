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
      throw new IllegalArgumentException(violation.code() + ": " + value.toPlainString());
    }
    return new Score(value.movePointRight(1).intValueExact());
  }

  /**
   * Null when {@code value} is a valid score; otherwise a violation with field {@code ""} (callers
   * place it with {@link Violation#under}) and code {@code score.range} or {@code score.decimals},
   * the value as plain text as its argument. {@code value} must not be null.
   */
  public static Violation check(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    String shown = value.toPlainString();
    if (value.signum() < 0 || value.compareTo(TEN) > 0) {
      return Violation.of("", "score.range", shown);
    }
    if (value.stripTrailingZeros().scale() > 1) {
      return Violation.of("", "score.decimals", shown);
    }
    return null;
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
