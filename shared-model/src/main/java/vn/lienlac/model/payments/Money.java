package vn.lienlac.model.payments;

import java.util.Optional;

/**
 * An amount of Vietnamese đồng: a whole number of VND in a {@code long} (the đồng has no minor
 * unit in use). No floating point anywhere; every operation checks for overflow and a negative
 * amount cannot be made. Shown as Vietnam writes it: {@code 1.250.000 ₫}.
 */
public record Money(long vnd) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);
  /** The largest amount a fee, invoice or payment may carry: 10 billion VND. */
  public static final long MAX_VND = 10_000_000_000L;

  public Money {
    if (vnd < 0) {
      throw new IllegalArgumentException("A negative amount of money: " + vnd);
    }
  }

  public static Money of(long vnd) {
    return new Money(vnd);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(vnd, other.vnd));
  }

  /** The difference; never negative ({@link IllegalArgumentException} when {@code other} is larger). */
  public Money minus(Money other) {
    return new Money(Math.subtractExact(vnd, other.vnd));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(vnd, factor));
  }

  public boolean isZero() {
    return vnd == 0;
  }

  /** VNPay's {@code vnp_Amount}: the amount × 100, overflow checked. */
  public long vnpayAmount() {
    return Math.multiplyExact(vnd, 100L);
  }

  /** {@code 1.250.000 ₫}: dots between thousands, a no-break space, the đồng sign. */
  public String format() {
    String digits = Long.toString(vnd);
    StringBuilder out = new StringBuilder(digits.length() + 8);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return out.append("\u00A0₫").toString();
  }

  /**
   * Reads an amount as people write it: {@code 1.250.000 ₫}, {@code 1250000}, {@code 1.250.000đ},
   * {@code 1.250.000 VND}. Groups of three after each dot; no decimals (VND has none); at most
   * {@link #MAX_VND}. Empty when the text is not such an amount.
   */
  public static Optional<Money> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip().replace('\u00A0', ' ');
    for (String suffix : new String[] {"₫", "đ", "Đ", "VND", "vnd", "VNĐ", "vnđ"}) {
      if (s.endsWith(suffix)) {
        s = s.substring(0, s.length() - suffix.length()).strip();
        break;
      }
    }
    if (s.isEmpty() || !s.matches("\\d{1,3}(\\.\\d{3})*|\\d+")) {
      return Optional.empty();
    }
    String digits = s.replace(".", "");
    if (digits.length() > 11) {
      return Optional.empty();
    }
    long value = Long.parseLong(digits);
    return value > MAX_VND ? Optional.empty() : Optional.of(new Money(value));
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(vnd, other.vnd);
  }

  @Override
  public String toString() {
    return format();
  }
}
