package vn.lienlac.app.announcements;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.announcements.Announcement;

/**
 * One announcement. Opening it marks it read for the family (quietly: offline, it stays unread in
 * the feed until next time); when it asks for an acknowledgement, "Đã đọc / Xác nhận" records it.
 */
public final class AnnouncementDetailViewModel extends ScreenModel {
  private final boolean family;
  private Announcement announcement;
  private final StringProperty ackState = new SimpleStringProperty();
  private final BooleanProperty canAcknowledge = new SimpleBooleanProperty();
  private final StringProperty reach = new SimpleStringProperty();

  public AnnouncementDetailViewModel(AppContext context, Announcement announcement) {
    super(context);
    this.family = "PARENT".equals(context.role());
    this.announcement = announcement;
    update(Boolean.TRUE.equals(announcement.acknowledged()), null);
  }

  public Announcement announcement() {
    return announcement;
  }

  public String scope() {
    return AnnouncementsViewModel.scope(announcement, text);
  }

  public String meta() {
    return AnnouncementsViewModel.meta(announcement, text);
  }

  /** "Đã xác nhận lúc …" once acknowledged; "Nhà trường đề nghị phụ huynh xác nhận đã đọc." while it waits. */
  public StringProperty ackStateProperty() {
    return ackState;
  }

  /** Whether the "Đã đọc / Xác nhận" button is offered. */
  public BooleanProperty canAcknowledgeProperty() {
    return canAcknowledge;
  }

  /** For its author (a teacher): "Đã đọc 12/35 gia đình · đã xác nhận 6"; null for families. */
  public StringProperty reachProperty() {
    return reach;
  }

  /**
   * Opening it: a family marks it read, once, without troubling the reader when that fails; its
   * author reads whom it reached.
   */
  public void open() {
    if (!family) {
      String id = announcement.id();
      load(() -> context.client().announcementStats(id, null), stats -> reach.set(stats.acknowledgementRequired()
          ? text.format("announcements.reach.ack", stats.read(), stats.families(), stats.acknowledged())
          : text.format("announcements.reach", stats.read(), stats.families())), this::open);
      return;
    }
    if (Boolean.TRUE.equals(announcement.read())) {
      return;
    }
    String id = announcement.id();
    tasks.run(() -> context.client().markAnnouncementRead(id), receipt -> {
      announcement = with(announcement, true, announcement.acknowledged());
      remember(announcement);
    }, failure -> {});
  }

  /** "Đã đọc / Xác nhận": records this family's acknowledgement. */
  public void acknowledge() {
    String id = announcement.id();
    load(() -> context.client().acknowledge(id), receipt -> {
      announcement = with(announcement, true, receipt.acknowledged());
      remember(announcement);
      update(receipt.acknowledged(), receipt.acknowledgedAt() == null ? null : receipt.acknowledgedAt().toInstant());
    }, this::acknowledge);
  }

  private void update(boolean acknowledged, java.time.Instant at) {
    if (!family || !announcement.acknowledgementRequired()) {
      ackState.set(null);
      canAcknowledge.set(false);
      return;
    }
    canAcknowledge.set(!acknowledged);
    ackState.set(acknowledged ? (at == null ? text.get("announcements.acknowledged")
        : text.format("announcements.acknowledgedAt", Formats.time(at))) : text.get("announcements.askAck"));
  }

  /** Keeps the cached feed in step with the marks, so it reads right offline. */
  private void remember(Announcement changed) {
    String key = AnnouncementsViewModel.key(context);
    context.cache().get(key, AnnouncementsViewModel.Cached.class).ifPresent(entry -> {
      List<Announcement> items = new ArrayList<>(entry.value().items());
      items.replaceAll(a -> a.id().equals(changed.id()) ? changed : a);
      context.cache().put(key, new AnnouncementsViewModel.Cached(items), entry.savedAt());
    });
  }

  private static Announcement with(Announcement a, Boolean read, Boolean acknowledged) {
    return new Announcement(a.id(), a.schoolId(), a.scope(), a.grade(), a.classId(), a.className(), a.title(), a.body(),
        a.urgent(), a.acknowledgementRequired(), a.links(), a.authorId(), a.authorName(), a.publishedAt(), read,
        acknowledged);
  }
}
