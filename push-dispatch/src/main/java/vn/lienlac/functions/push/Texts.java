package vn.lienlac.functions.push;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.model.i18n.Messages;

/**
 * The lock-screen text of a push, in the device's language (messages bundles, {@code push.*}).
 * By default never a grade, an amount, a message's text or a pupil's name: what happened, and
 * "open the app"; the app then reads the details with the user's own authorization (the ids are
 * in the data payload). A family that opted in ({@code detailedPreviews}) gets the details
 * ({@link Previews}) in the body: {@code Nguyễn Văn An – Toán: điểm 8,5}.
 */
final class Texts {
  record Text(String title, String body) {}

  private Texts() {}

  /** The generic text (no personal data). */
  static Text of(DomainEvent event, boolean urgent, String language) {
    return of(event, urgent, language, null, null);
  }

  /**
   * The text for one device: detailed when {@code details} is given (the device opted in) and has
   * what this event's detail needs, generic otherwise.
   *
   * @param children the device owner's children in the school (a grade event may name others: never shown)
   */
  static Text of(DomainEvent event, boolean urgent, String language, Previews.Details details, List<String> children) {
    Locale locale = "en".equals(language) ? Messages.ENGLISH : Messages.VIETNAMESE;
    String prefix = switch (event.type()) {
      case EventTypes.ANNOUNCEMENT_PUBLISHED -> "push.announcement";
      case EventTypes.MESSAGE_SENT -> "push.message";
      case EventTypes.GRADE_PUBLISHED -> "push.grade";
      case EventTypes.LEAVE_DECIDED -> "push.leave";
      case EventTypes.PAYMENT_CONFIRMED -> "push.payment";
      default -> throw new IllegalArgumentException("No push text for " + event.type());
    };
    String title = Messages.get(locale, prefix + (urgent ? ".urgentTitle" : ".title"));
    String detail = details == null ? null : detail(event, locale, details, children == null ? List.of() : children);
    return new Text(title, detail != null ? detail : Messages.get(locale, prefix + ".body"));
  }

  private static String detail(DomainEvent event, Locale locale, Previews.Details details, List<String> children) {
    return switch (event.type()) {
      case EventTypes.GRADE_PUBLISHED -> {
        // Only the owner's own children: a class's change names every pupil changed.
        List<String> lines = children.stream().filter(details.pupils()::containsKey)
            .map(id -> details.pupils().get(id))
            .filter(p -> p.name() != null)
            .map(p -> Messages.get(locale, p.mark() == null ? "push.grade.detailNoMark" : "push.grade.detail", p.name(),
                subject(locale, details.subject()), p.mark() == null ? "" : mark(locale, p.mark())))
            .toList();
        yield lines.isEmpty() ? null : String.join("; ", lines);
      }
      case EventTypes.LEAVE_DECIDED -> {
        var pupil = details.pupils().values().stream().filter(p -> p.name() != null).findFirst().orElse(null);
        yield pupil == null || details.decision() == null ? null
            : Messages.get(locale, "push.leave.detail." + ("APPROVED".equals(details.decision()) ? "approved" : "rejected"),
                pupil.name());
      }
      case EventTypes.MESSAGE_SENT -> details.sender() == null || details.text() == null ? null
          : Messages.get(locale, "push.message.detail", details.sender(), excerpt(details.text()));
      case EventTypes.PAYMENT_CONFIRMED -> details.amountVnd() == null ? null
          : Messages.get(locale, "push.payment.detail", NumberFormat.getIntegerInstance(
              Messages.VIETNAMESE.equals(locale) ? Locale.forLanguageTag("vi-VN") : Locale.US).format(details.amountVnd()));
      default -> null;
    };
  }

  private static String subject(Locale locale, String code) {
    String name = Messages.get(locale, "subject." + code);
    return name.equals("subject." + code) ? Objects.toString(code, "") : name; // a school's own subject: its code
  }

  /** {@code 8.5} as the family reads it: 8,5 in Vietnamese. */
  private static String mark(Locale locale, String stored) {
    try {
      return NumberFormat.getInstance(Messages.VIETNAMESE.equals(locale) ? Locale.forLanguageTag("vi-VN") : Locale.US)
          .format(new BigDecimal(stored));
    } catch (NumberFormatException e) {
      return stored; // a rating (Đ, CĐ, T, H, ...)
    }
  }

  /** At most 120 characters of a message, on one line. */
  private static String excerpt(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 120 ? line : line.substring(0, 119) + "…";
  }
}
