package vn.lienlac.app.messages;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;

/**
 * One conversation: its messages oldest first as bubbles (mine on the right, with the time in
 * Vietnam's time and, for mine, whether the others read it), the messages still waiting in the
 * outbox ("Đang chờ gửi"), and the composer. Opening it sends what waits, reads the page, and marks
 * it read. With no network the cached page is shown, marked "cập nhật lúc …"; a message written
 * then waits in the outbox and goes on the next successful call (the retry button, or opening the
 * thread again).
 */
public final class ThreadViewModel extends ScreenModel {
  /** One bubble: {@code status} is "Đã xem"/"Đã gửi"/"Đang chờ gửi" on mine; {@code note} e.g. when to expect a reply. */
  public record Bubble(String key, String sender, String text, String time, boolean mine, boolean pending,
      String status, String note) {}

  private final Outbox outbox;
  private Conversation conversation;
  private Conversation.Page page;
  /** Older messages read with "Xem tin cũ hơn", newest first, and the cursor of the next older page. */
  private final List<Message> older = new ArrayList<>();
  private String olderCursor;
  private final BooleanProperty hasOlder = new SimpleBooleanProperty();
  private final ObservableList<Bubble> bubbles = FXCollections.observableArrayList();
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty subtitle = new SimpleStringProperty();
  private final StringProperty draft = new SimpleStringProperty("");
  private final StringProperty consentNotice = new SimpleStringProperty();
  private final StringProperty composeHint = new SimpleStringProperty();
  private final BooleanProperty canWrite = new SimpleBooleanProperty(true);

  public ThreadViewModel(AppContext context, Conversation conversation) {
    super(context);
    this.outbox = Conversations.outbox(context);
    setConversation(conversation);
  }

  private void setConversation(Conversation c) {
    this.conversation = c;
    boolean school = Conversations.schoolSide(context);
    title.set(Conversations.title(c, school, text));
    subtitle.set(Conversations.subtitle(c, school, text));
    boolean familyInChannel = c.kind() == Conversation.Kind.CLASS && !school;
    composeHint.set(text.get(familyInChannel ? "messages.compose.privateReply" : "messages.compose.hint"));
    canWrite.set(c.canPost() || familyInChannel);
  }

  public Conversation conversation() {
    return conversation;
  }

  public ObservableList<Bubble> bubbles() {
    return bubbles;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty subtitleProperty() {
    return subtitle;
  }

  /** "Không có mạng — cập nhật lúc …" while the page shown is the cached one; null when fresh. */
  /** The text being written. */
  public StringProperty draftProperty() {
    return draft;
  }

  /** Set when the API refused for lack of consent: the notice to read (path), else null. */
  public StringProperty consentNoticeProperty() {
    return consentNotice;
  }

  public StringProperty composeHintProperty() {
    return composeHint;
  }

  /** Whether the composer is offered (a family in a class channel writes a private reply). */
  public BooleanProperty canWriteProperty() {
    return canWrite;
  }

  /** Whether older messages than those shown can be read ("Xem tin cũ hơn"). */
  public BooleanProperty hasOlderProperty() {
    return hasOlder;
  }

  /** Reads the page of messages before the oldest shown. */
  public void loadOlder() {
    String cursor = olderCursor != null ? olderCursor : page == null ? null : page.next();
    if (cursor == null) {
      return;
    }
    String id = conversation.id();
    LienlacClient client = context.client();
    load(() -> client.messages(id, cursor), more -> {
      older.addAll(more.items());
      olderCursor = more.next();
      hasOlder.set(olderCursor != null);
      show();
    }, this::loadOlder);
  }

  /** Sends what waits for this conversation, reads its newest messages and marks them read. */
  public void load() {
    String id = conversation.id();
    LienlacClient client = context.client();
    load(() -> {
      Outbox.Delivery delivery = outbox.deliver(client, id);
      Conversation.Page fresh = client.messages(id);
      markRead(client, fresh);
      return new Object[] {delivery, fresh};
    }, result -> {
      Outbox.Delivery delivery = (Outbox.Delivery) result[0];
      page = (Conversation.Page) result[1];
      older.clear();
      olderCursor = null;
      hasOlder.set(page.next() != null);
      if (page.conversation() != null) {
        setConversation(page.conversation());
      }
      cache(Conversations.threadKey(context, id), page);
      consentNotice.set(null);
      show();
      refused(delivery);
    }, this::load, failure -> {
      consentNotice.set(Conversations.consentNotice(failure));
      if (failure instanceof NetworkException || (failure instanceof ApiProblem p && p.retryable())) {
        showCached(Conversations.threadKey(context, id), Conversation.Page.class, cached -> page = cached);
      }
      show();
    });
  }

  /**
   * Sends the text written: it goes to the outbox first (with its client message id, made once),
   * shows as waiting, and is sent at once when the network allows.
   */
  public void send() {
    String written = draft.get() == null ? "" : draft.get().strip();
    if (written.isEmpty()) {
      return;
    }
    String replyTo = null;
    String studentId = null;
    if (conversation.kind() == Conversation.Kind.CLASS && !Conversations.schoolSide(context)) {
      replyTo = page == null || page.items().isEmpty() ? null : page.items().get(0).id();
      studentId = childInClass(conversation.classId());
    }
    outbox.add(new Outbox.Pending(LienlacClient.newClientMessageId(), conversation.id(), written,
        context.clock().instant(), replyTo, studentId));
    draft.set("");
    show();
    load();
  }

  /** A refused message leaves the outbox: say why, and give its text back to the composer. */
  private void refused(Outbox.Delivery delivery) {
    for (Outbox.Refused refused : delivery.refused()) {
      errorProperty().set(refused.problem().getMessage());
      consentNotice.set(Conversations.consentNotice(refused.problem()));
      if (draft.get() == null || draft.get().isBlank()) {
        draft.set(refused.pending().text());
      }
    }
  }

  private void markRead(LienlacClient client, Conversation.Page fresh) {
    if (fresh.items().isEmpty()) {
      return;
    }
    String newest = fresh.items().get(0).id();
    String mine = fresh.participants() == null ? null : fresh.participants().stream()
        .filter(p -> p.userId().equals(context.me().userId())).map(Conversation.Participant::readUpTo)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (mine != null && mine.compareTo(newest) >= 0 && conversation.unread() == 0) {
      return;
    }
    try {
      client.markConversationRead(conversation.id(), newest);
    } catch (ApiProblem refused) {
      // a reader who may not mark (none expected): the messages are shown all the same
    }
  }

  private void show() {
    List<Bubble> shown = new ArrayList<>();
    String me = context.me().userId();
    if (page != null) {
      List<Message> items = new ArrayList<>(page.items());
      java.util.Set<String> seen = new java.util.HashSet<>();
      items.forEach(m -> seen.add(m.id()));
      older.stream().filter(m -> seen.add(m.id())).forEach(items::add);
      java.util.Collections.reverse(items);
      for (Message m : items) {
        boolean mine = me.equals(m.senderId());
        String status = null;
        if (mine) {
          status = text.get(readByOthers(m) ? "messages.status.read" : "messages.status.sent");
        }
        String note = null;
        if (m.expectReplyAfter() != null) {
          note = text.format("messages.expectReply", Formats.time(m.expectReplyAfter().toInstant()));
        }
        if (m.editedAt() != null) {
          note = note == null ? text.get("messages.edited") : note + " · " + text.get("messages.edited");
        }
        shown.add(new Bubble(m.id(), mine ? null : m.senderName(), m.text(),
            Formats.time(m.sentAt() == null ? null : m.sentAt().toInstant()), mine, false, status, note));
      }
    }
    for (Outbox.Pending p : outbox.of(conversation.id())) {
      shown.add(new Bubble("pending-" + p.clientMessageId(), null, p.text(), Formats.time(p.writtenAt()), true, true,
          text.get("messages.status.pending"), null));
    }
    bubbles.setAll(shown);
  }

  private boolean readByOthers(Message m) {
    if (page == null || page.participants() == null) {
      return false;
    }
    return page.participants().stream()
        .filter(p -> !p.userId().equals(m.senderId()))
        .anyMatch(p -> p.readUpTo() != null && p.readUpTo().compareTo(m.id()) >= 0);
  }

  private String childInClass(String classId) {
    List<String> mine = new ArrayList<>();
    for (Me.SchoolMembership school : context.me().schools()) {
      for (Me.Child child : school.children()) {
        if (child.classId().equals(classId)) {
          mine.add(child.studentId());
        }
      }
    }
    return mine.size() > 1 ? mine.get(0) : null;
  }
}
