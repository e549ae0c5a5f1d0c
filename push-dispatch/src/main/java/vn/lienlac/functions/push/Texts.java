package vn.lienlac.functions.push;

import java.util.Locale;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.model.i18n.Messages;

/**
 * The lock-screen text of a push, in the device's language (messages bundles, {@code push.*}).
 * Never a grade, an amount or a pupil's name: what happened, and "open the app"; the app then
 * reads the details with the user's own authorization.
 */
final class Texts {
  record Text(String title, String body) {}

  private Texts() {}

  static Text of(DomainEvent event, boolean urgent, String language) {
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
    return new Text(title, Messages.get(locale, prefix + ".body"));
  }
}
