package vn.lienlac.app.messages;

import java.util.List;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.messaging.Conversation;

/** What the messaging screens share: how a conversation is named, cache keys, the consent problem. */
public final class Conversations {
  private Conversations() {}

  /** The list's cached answer. */
  public record Cached(List<Conversation> items) {
    public Cached {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** Teachers and office staff write from the school's side; parents from the family's. */
  static boolean schoolSide(AppContext context) {
    return !"PARENT".equals(context.role());
  }

  static String title(Conversation c, boolean schoolSide, AppText text) {
    return switch (c.kind()) {
      case FAMILY -> schoolSide ? text.format("messages.family.title", nz(c.studentName()))
          : nz(c.teacherName());
      case CLASS -> text.format("messages.class.title", nz(c.className()));
      case STAFF -> schoolSide && c.teacherName() != null ? text.get("messages.staff.title") : nz(c.teacherName());
    };
  }

  static String subtitle(Conversation c, boolean schoolSide, AppText text) {
    return switch (c.kind()) {
      case FAMILY -> schoolSide ? nz(c.className()) : text.format("messages.family.about", nz(c.studentName()),
          nz(c.className()));
      case CLASS -> text.get(schoolSide ? "messages.class.teacherNote" : "messages.class.familyNote");
      case STAFF -> text.get("messages.staff.note");
    };
  }

  static String listKey(AppContext context) {
    return "conversations-" + context.me().userId();
  }

  static String threadKey(AppContext context, String conversationId) {
    return "thread-" + context.me().userId() + "-" + conversationId;
  }

  static Outbox outbox(AppContext context) {
    return new Outbox(context.cache(), context.me().userId());
  }

  /** The notice a consent-required refusal links (to read before consenting), or null for any other failure. */
  public static String consentNotice(Exception failure) {
    if (failure instanceof ApiProblem problem && "consent-required".equals(problem.code())) {
      String notice = problem.problem().notice();
      return notice == null || notice.isBlank() ? "" : notice;
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
