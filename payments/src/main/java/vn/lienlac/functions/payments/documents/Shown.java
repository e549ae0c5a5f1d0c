package vn.lienlac.functions.payments.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.payments.Money;

/** How documents print for Vietnamese readers: {@code 1.250.000 ₫} ({@link Money#format}), {@code 21/11/2026 10:05}. */
final class Shown {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Shown() {}

  static String money(long vnd) {
    return Money.of(vnd).format();
  }

  /** A time in Vietnam's zone, whatever offset it came with. */
  static String time(OffsetDateTime at) {
    return at.atZoneSameInstant(SchoolTime.ZONE).format(TIME);
  }

  static String date(LocalDate date) {
    return date == null ? "" : date.format(DATE);
  }
}
