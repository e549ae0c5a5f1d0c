package vn.lienlac.functions.payments.documents;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import vn.lienlac.model.common.SchoolTime;

/** How documents print money and time for Vietnamese readers: {@code 1.250.000 ₫}, {@code 21/11/2026 10:05}. */
final class Vnd {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Vnd() {}

  /** Whole dong with a dot every three digits, as Vietnamese write it, and the dong sign. */
  static String format(long amount) {
    String digits = Long.toString(Math.abs(amount));
    StringBuilder out = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append('.').append(digits, i, i + 3);
    }
    return (amount < 0 ? "-" : "") + out + " ₫";
  }

  /** A time in Vietnam's zone, whatever offset it came with. */
  static String time(OffsetDateTime at) {
    return at.atZoneSameInstant(SchoolTime.ZONE).format(TIME);
  }

  static String date(java.time.LocalDate date) {
    return date.format(DATE);
  }
}
