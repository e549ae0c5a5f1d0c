package vn.lienlac.model.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;

/**
 * A teacher's weekly office hours, in Vietnam's time: when families can expect an answer. A pure
 * rule, shared with the app: {@link #nextOpening} says when the next window opens.
 */
public record OfficeHours(List<Window> windows) {
  /** At most this many windows a week (two a day). */
  public static final int MAX_WINDOWS = 14;

  public OfficeHours {
    windows = windows == null ? List.of() : List.copyOf(windows);
  }

  /** One weekly window: {@code day} from {@code start} to {@code end} ({@code HH:mm}, end after start). */
  public record Window(DayOfWeek day, String start, String end) {
    LocalTime from() {
      return LocalTime.parse(start);
    }

    LocalTime to() {
      return LocalTime.parse(end);
    }
  }

  /** Everything wrong with these windows (bad times, end not after start, overlaps, too many). */
  public List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    if (windows.size() > MAX_WINDOWS) {
      found.add(Violation.of("windows", "messaging.tooManyWindows", MAX_WINDOWS));
      return found;
    }
    List<Window> valid = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      String at = "windows/" + i;
      if (w == null) {
        found.add(Violation.of(at, "text.required"));
        continue;
      }
      if (w.day() == null) {
        found.add(Violation.of(at + "/day", "text.required"));
      }
      LocalTime from = time(at + "/start", w.start(), found);
      LocalTime to = time(at + "/end", w.end(), found);
      if (from != null && to != null && !to.isAfter(from)) {
        found.add(Violation.of(at + "/end", "messaging.windowReversed", w.start(), w.end()));
      } else if (from != null && to != null && w.day() != null) {
        for (Window other : valid) {
          if (other.day() == w.day() && from.isBefore(other.to()) && other.from().isBefore(to)) {
            found.add(Violation.of(at, "messaging.windowsOverlap", other.start(), other.end()));
          }
        }
        valid.add(w);
      }
    }
    return found;
  }

  private static LocalTime time(String field, String value, List<Violation> found) {
    if (value == null) {
      found.add(Violation.of(field, "text.required"));
      return null;
    }
    if (!value.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
      found.add(Violation.of(field, "messaging.badTime", value));
      return null;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      found.add(Violation.of(field, "messaging.badTime", value));
      return null;
    }
  }

  /** Whether {@code at} falls inside a window (start included, end excluded). */
  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(SchoolTime.ZONE);
    LocalTime time = local.toLocalTime();
    return windows.stream().anyMatch(w -> w.day() == local.getDayOfWeek()
        && !time.isBefore(w.from()) && time.isBefore(w.to()));
  }

  /**
   * When a message sent at {@code at} can expect an answer: empty when no hours are set or a window
   * is open now; otherwise the start of the next window, shown at +07:00.
   */
  public Optional<OffsetDateTime> nextOpening(Instant at) {
    if (windows.isEmpty() || isOpen(at)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZone(SchoolTime.ZONE);
    LocalDate today = local.toLocalDate();
    return windows.stream()
        .map(w -> {
          LocalDate day = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(w.day()));
          ZonedDateTime start = day.atTime(w.from()).atZone(SchoolTime.ZONE);
          return start.isAfter(local) ? start : start.plusWeeks(1);
        })
        .min(Comparator.naturalOrder())
        .map(ZonedDateTime::toOffsetDateTime);
  }
}
