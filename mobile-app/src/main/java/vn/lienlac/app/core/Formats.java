package vn.lienlac.app.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.payments.Money;

/** How the app writes money, dates and scores: the Vietnamese way, whatever the JVM's locale. */
public final class Formats {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT)
      .withZone(SchoolTime.ZONE);

  private Formats() {}

  /** {@code 1.500.000 ₫} (shared-model's one money format). */
  public static String vnd(long amount) {
    return Money.of(amount).format();
  }

  /** {@code 21/11/2026}. */
  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** {@code 10:00 21/11/2026}, in Vietnam's time zone. */
  public static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A score or average with a decimal comma: {@code 8,4}; empty when there is none. */
  public static String score(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
