package vn.lienlac.model.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.messaging.OfficeHours.Window;

class OfficeHoursTest {
  /** Monday and Thursday evenings, 19:00-20:30 in Vietnam. */
  private final OfficeHours evenings = new OfficeHours(List.of(
      new Window(DayOfWeek.MONDAY, "19:00", "20:30"), new Window(DayOfWeek.THURSDAY, "19:00", "20:30")));

  @Test
  void nextOpening_should_be_the_next_window_start_in_vietnam_when_sent_outside_the_hours() {
    // Saturday 21 November 2026, 10:00 in Vietnam (03:00 UTC): next is Monday 23rd 19:00 +07:00.
    Instant saturdayMorning = Instant.parse("2026-11-21T03:00:00Z");

    assertThat(evenings.nextOpening(saturdayMorning)).contains(OffsetDateTime.parse("2026-11-23T19:00:00+07:00"));
  }

  @Test
  void nextOpening_should_use_vietnam_days_not_utc_days() {
    // Monday 23rd 18:30 in Vietnam is Monday 11:30 UTC; Thursday 01:00 in Vietnam is Wednesday 18:00 UTC.
    assertThat(evenings.nextOpening(Instant.parse("2026-11-23T11:30:00Z")))
        .contains(OffsetDateTime.parse("2026-11-23T19:00:00+07:00"));
    assertThat(evenings.nextOpening(Instant.parse("2026-11-25T18:00:00Z")))
        .contains(OffsetDateTime.parse("2026-11-26T19:00:00+07:00"));
  }

  @Test
  void nextOpening_should_be_empty_inside_a_window_and_the_end_should_be_excluded() {
    assertThat(evenings.nextOpening(Instant.parse("2026-11-23T12:00:00Z"))).isEmpty(); // 19:00 sharp
    assertThat(evenings.nextOpening(Instant.parse("2026-11-23T13:29:59Z"))).isEmpty(); // 20:29:59
    // 20:30 sharp on Monday: closed; next is Thursday.
    assertThat(evenings.nextOpening(Instant.parse("2026-11-23T13:30:00Z")))
        .contains(OffsetDateTime.parse("2026-11-26T19:00:00+07:00"));
  }

  @Test
  void nextOpening_should_wrap_to_next_week_after_the_last_window() {
    // Thursday 26th 21:00 in Vietnam: next Monday 30th.
    assertThat(evenings.nextOpening(Instant.parse("2026-11-26T14:00:00Z")))
        .contains(OffsetDateTime.parse("2026-11-30T19:00:00+07:00"));
  }

  @Test
  void nextOpening_should_be_empty_without_office_hours() {
    assertThat(new OfficeHours(List.of()).nextOpening(Instant.parse("2026-11-21T03:00:00Z"))).isEmpty();
  }

  @Test
  void violations_should_name_bad_times_reversed_and_overlapping_windows() {
    OfficeHours hours = new OfficeHours(List.of(
        new Window(DayOfWeek.MONDAY, "19:00", "20:30"),
        new Window(DayOfWeek.MONDAY, "20:00", "21:00"),
        new Window(DayOfWeek.TUESDAY, "25:00", "7:00"),
        new Window(DayOfWeek.FRIDAY, "18:00", "17:00"),
        new Window(null, "08:00", "09:00")));

    assertThat(hours.violations()).extracting(Violation::field, Violation::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("windows/1", "messaging.windowsOverlap"),
        org.assertj.core.groups.Tuple.tuple("windows/2/start", "messaging.badTime"),
        org.assertj.core.groups.Tuple.tuple("windows/2/end", "messaging.badTime"),
        org.assertj.core.groups.Tuple.tuple("windows/3/end", "messaging.windowReversed"),
        org.assertj.core.groups.Tuple.tuple("windows/4/day", "text.required"));
    assertThat(evenings.violations()).isEmpty();
  }
}
