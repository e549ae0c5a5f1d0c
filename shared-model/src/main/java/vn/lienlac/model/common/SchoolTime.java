package vn.lienlac.model.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Time as schools live it. Instants are stored in UTC; a school day (attendance, a leave request)
 * is a calendar date in Vietnam, and times are shown in Vietnam's zone.
 */
public final class SchoolTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private SchoolTime() {}

  /** Today's date in Vietnam. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** An instant as Vietnam shows it: {@code 2026-11-23T15:04:05+07:00}. */
  public static OffsetDateTime show(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }
}
