package vn.lienlac.functions.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.payments.Money;

/** How documents print money, dates and times for Vietnamese readers: {@code 1.250.000 ₫} (one way: {@link Money}), {@code 21/11/2026 10:05}. */
public final class Vnd {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Vnd() {}

  /** {@link Money#format}: dots between thousands, a no-break space, the dong sign. */
  public static String format(long amount) {
    return Money.of(amount).format();
  }

  /** A time in Vietnam's zone, whatever offset it came with. */
  public static String time(OffsetDateTime at) {
    return at.atZoneSameInstant(SchoolTime.ZONE).format(TIME);
  }

  public static String date(LocalDate date) {
    return date.format(DATE);
  }
}
