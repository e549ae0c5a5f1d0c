package vn.lienlac.app.announcements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.identity.Me;

/**
 * The announcements tab's list. A parent: the family feed (school, grade and class announcements of
 * every child), newest first, unread and "to acknowledge" marked. A teacher: the announcements they
 * sent (the API lists a teacher's own), with which they may write a new one to a class they teach.
 * Cached for reading offline ("cập nhật lúc …").
 */
public final class AnnouncementsViewModel extends ScreenModel {
  /** One announcement as listed. */
  public record Row(Announcement announcement, String scope, String title, String meta, boolean unread,
      boolean toAcknowledge, boolean urgent) {}

  /** The cached list. */
  public record Cached(List<Announcement> items) {
    public Cached {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  private final boolean family;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();

  public AnnouncementsViewModel(AppContext context) {
    super(context);
    this.family = "PARENT".equals(context.role());
  }

  /** Whether this is a family's feed (else: what a teacher sent). */
  public boolean family() {
    return family;
  }

  /** Whether the signed-in person may write a class announcement: a teacher with a class. */
  public boolean canCompose() {
    return "TEACHER".equals(context.role()) && context.me().schools().stream()
        .anyMatch(s -> s.classes() != null && !s.classes().isEmpty());
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  static String key(AppContext context) {
    return "announcements-" + context.me().userId();
  }

  public void load() {
    LienlacClient client = context.client();
    loadCached(key(context), Cached.class, () -> {
      if (family) {
        return new Cached(client.announcements());
      }
      List<Announcement> sent = new ArrayList<>();
      for (Me.SchoolMembership school : context.me().schools()) {
        if (school.classes() != null && !school.classes().isEmpty()) {
          sent.addAll(client.schoolAnnouncements(school.schoolId(), null).items());
        }
      }
      return new Cached(sent);
    }, cached -> show(cached.items()), this::load);
  }

  private void show(List<Announcement> list) {
    List<Announcement> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(Announcement::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    rows.setAll(sorted.stream().map(a -> new Row(a, scope(a, text), a.title(), meta(a, text),
        family && !Boolean.TRUE.equals(a.read()),
        family && a.acknowledgementRequired() && !Boolean.TRUE.equals(a.acknowledged()), a.urgent())).toList());
  }

  /** "Toàn trường", "Khối 6", "Lớp 7A1". */
  static String scope(Announcement a, AppText text) {
    return switch (a.scope()) {
      case SCHOOL -> text.get("announcements.scope.SCHOOL");
      case GRADE -> text.format("announcements.scope.GRADE", String.valueOf(a.grade()));
      case CLASS -> text.format("announcements.scope.CLASS", a.className() == null ? a.classId() : a.className());
    };
  }

  /** "10:00 21/11/2026 · Nguyễn Thị Hà". */
  static String meta(Announcement a, AppText text) {
    String when = a.publishedAt() == null ? "" : Formats.time(a.publishedAt().toInstant());
    return a.authorName() == null ? when : when + " · " + a.authorName();
  }
}
