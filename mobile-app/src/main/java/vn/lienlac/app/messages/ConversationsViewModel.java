package vn.lienlac.app.messages;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.client.NetworkException;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.OfficeHours;

/**
 * The signed-in person's conversations, latest activity first, each with its unread count and what
 * is known of its last message (the list API gives no text: the last one read in the thread, else
 * how many there are). Loading first sends whatever waits in the outbox. Cached for reading
 * offline. A teacher also sees their own office hours.
 */
public final class ConversationsViewModel extends ScreenModel {
  /** One conversation as listed. */
  public record Row(Conversation conversation, String title, String subtitle, String last, String when, int unread,
      String pending) {}

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty officeHours = new SimpleStringProperty();

  public ConversationsViewModel(AppContext context) {
    super(context);
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** A teacher's own office hours ("Giờ nhận tin: …"); null for others or when none are set. */
  public StringProperty officeHoursProperty() {
    return officeHours;
  }

  public void load() {
    LienlacClient client = context.client();
    boolean teacher = "TEACHER".equals(context.role());
    load(() -> {
      Outbox.Delivery delivery = Conversations.outbox(context).deliver(client, null);
      List<Conversation> list = client.conversations();
      OfficeHours hours = null;
      if (teacher) {
        try {
          hours = client.myOfficeHours();
        } catch (ApiProblem none) {
          // not a teacher in any school after all: no hours to show
        }
      }
      return new Object[] {list, hours, delivery};
    }, result -> {
      @SuppressWarnings("unchecked")
      List<Conversation> list = (List<Conversation>) result[0];
      cache(Conversations.listKey(context), new Conversations.Cached(list));
      show(list);
      officeHours.set(describe((OfficeHours) result[1]));
      for (Outbox.Refused refused : ((Outbox.Delivery) result[2]).refused()) {
        errorProperty().set(text.format("messages.refused", refused.pending().text(), refused.problem().getMessage()));
      }
    }, this::load, failure -> {
      if (failure instanceof NetworkException) {
        showCached(Conversations.listKey(context), Conversations.Cached.class, cached -> show(cached.items()));
      }
    });
  }

  private void show(List<Conversation> list) {
    boolean school = Conversations.schoolSide(context);
    Outbox outbox = Conversations.outbox(context);
    List<Conversation> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(Conversation::lastMessageAt, Comparator.nullsLast(Comparator.reverseOrder())));
    List<Row> shown = new ArrayList<>();
    for (Conversation c : sorted) {
      String last = context.cache().get(Conversations.threadKey(context, c.id()), Conversation.Page.class)
          .map(entry -> entry.value().items()).filter(items -> !items.isEmpty())
          .map(items -> items.get(0).text()).orElse(text.format("messages.count", c.messageCount()));
      int waiting = outbox.of(c.id()).size();
      shown.add(new Row(c, Conversations.title(c, school, text), Conversations.subtitle(c, school, text), last,
          c.lastMessageAt() == null ? "" : Formats.time(c.lastMessageAt().toInstant()), c.unread(),
          waiting == 0 ? null : text.format("messages.waiting", waiting)));
    }
    rows.setAll(shown);
  }

  private String describe(OfficeHours hours) {
    if (hours == null || hours.windows().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (OfficeHours.Window w : hours.windows()) {
      parts.add(text.get("messages.day." + w.day().name()) + " " + w.start() + "–" + w.end());
    }
    // Monday to Friday at the same hours: said once.
    boolean weekdays = hours.windows().size() == 5 && hours.windows().stream().map(OfficeHours.Window::day)
        .toList().containsAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY))
        && hours.windows().stream().map(w -> w.start() + w.end()).distinct().count() == 1;
    String when = weekdays ? text.format("messages.officeHours.weekdays", hours.windows().get(0).start(),
        hours.windows().get(0).end()) : String.join(", ", parts);
    return text.format("messages.officeHours", when);
  }
}
