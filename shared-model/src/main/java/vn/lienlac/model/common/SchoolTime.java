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
  /**
   * The one date-range rule: every date the API reads (path, query, body) and every school year
   * lies in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. Year 0 or -999999999 is a
   * mistake or an attack, never a school day, and would overflow date arithmetic downstream.
   */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;
  public static final LocalDate FIRST_DATE = LocalDate.of(FIRST_YEAR, 1, 1);
  public static final LocalDate LAST_DATE = LocalDate.of(LAST_YEAR, 12, 31);

  private SchoolTime() {}

  /** Today's date in Vietnam. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** Whether {@code date} lies in the supported years ({@link #FIRST_DATE} to {@link #LAST_DATE}). */
  public static boolean isSupported(LocalDate date) {
    return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
  }

  /** An instant as Vietnam shows it: {@code 2026-11-23T15:04:05+07:00}. */
  public static OffsetDateTime show(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }
}
