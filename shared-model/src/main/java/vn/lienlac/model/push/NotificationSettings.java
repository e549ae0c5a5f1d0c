package vn.lienlac.model.push;

import java.time.LocalTime;

/**
 * A family's push settings ({@code GET|PUT /v1/me/notification-settings}), the same in every
 * school of the person. During quiet hours (Asia/Ho_Chi_Minh) non-urgent pushes wait until the
 * quiet hours end; urgent ones (an urgent announcement) go at once. The hours may cross midnight.
 *
 * @param quietHoursEnabled false: every push goes at once
 * @param quietHoursStart   {@code HH:mm}, default 21:00
 * @param quietHoursEnd     {@code HH:mm}, default 06:30; not equal to the start
 * @param detailedPreviews  opt-in (default false, absent in a PUT: false): the lock-screen text shows
 *                          the details (a pupil's name and mark, an amount, a message's text);
 *                          otherwise it says only what happened (docs/PRIVACY.md, minimisation)
 */
public record NotificationSettings(Boolean quietHoursEnabled, String quietHoursStart, String quietHoursEnd,
    Boolean detailedPreviews) {
  public static final LocalTime DEFAULT_START = LocalTime.of(21, 0);
  public static final LocalTime DEFAULT_END = LocalTime.of(6, 30);

  public static NotificationSettings defaults() {
    return new NotificationSettings(true, "21:00", "06:30", false);
  }

  /** Whether {@code time} (school time) falls in the quiet hours {@code [start, end)}, across midnight too. */
  public static boolean isQuiet(LocalTime time, LocalTime start, LocalTime end) {
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }
}
