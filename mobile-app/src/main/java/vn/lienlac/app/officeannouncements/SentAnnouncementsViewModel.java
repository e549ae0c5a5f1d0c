package vn.lienlac.app.officeannouncements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.announcements.Announcement;

/**
 * The office's announcements: what the school sent, newest first as the API lists them, a page at a
 * time ({@code GET /v1/schools/{schoolId}/announcements}).
 */
public final class SentAnnouncementsViewModel extends ScreenModel {
  /** One announcement as listed: its title, and who it went to, by whom, when. */
  public record Row(Announcement announcement, String title, String meta) {}

  private final String schoolId;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final BooleanProperty hasMore = new SimpleBooleanProperty();
  private String next;

  public SentAnnouncementsViewModel(AppContext context) {
    super(context);
    this.schoolId = OfficeSchool.of(context.me());
  }

  public String schoolId() {
    return schoolId;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Whether the API has a next page. */
  public BooleanProperty hasMoreProperty() {
    return hasMore;
  }

  /** The first page, afresh. */
  public void load() {
    if (schoolId == null) {
      errorProperty().set(text.get("office.noSchool"));
      return;
    }
    load(() -> context.client().schoolAnnouncements(schoolId, null), page -> {
      rows.setAll(page.items().stream().map(this::row).toList());
      more(page.next());
    }, this::load);
  }

  /** The next page, added below. */
  public void loadMore() {
    String cursor = next;
    if (cursor == null) {
      return;
    }
    load(() -> context.client().schoolAnnouncements(schoolId, cursor), page -> {
      rows.addAll(page.items().stream().map(this::row).toList());
      more(page.next());
    }, this::loadMore);
  }

  /** A just-published announcement, on top (the list is newest first). */
  public void published(Announcement announcement) {
    rows.removeIf(row -> row.announcement().id().equals(announcement.id()));
    rows.add(0, row(announcement));
  }

  /** The classes the school's announcements went to (id → name), to offer when composing. */
  public Map<String, String> knownClasses() {
    Map<String, String> classes = new LinkedHashMap<>();
    for (Row row : rows) {
      Announcement a = row.announcement();
      if (a.scope() == Announcement.Scope.CLASS && a.classId() != null) {
        classes.putIfAbsent(a.classId(), a.className() == null ? a.classId() : a.className());
      }
    }
    return classes;
  }

  private void more(String cursor) {
    next = cursor;
    hasMore.set(cursor != null);
  }

  Row row(Announcement a) {
    List<String> parts = new ArrayList<>();
    parts.add(scope(a));
    if (a.acknowledgementRequired()) {
      parts.add(text.get("office.ann.needsAck"));
    }
    if (a.urgent()) {
      parts.add(text.get("office.ann.urgentShort"));
    }
    String when = a.publishedAt() == null ? "" : Formats.time(a.publishedAt().toInstant());
    String author = a.authorName() == null ? "" : a.authorName();
    parts.add(author.isEmpty() ? when : author + ", " + when);
    return new Row(a, a.title(), String.join(" · ", parts));
  }

  /** "Toàn trường", "Khối 6", "Lớp 6A1". */
  String scope(Announcement a) {
    return switch (a.scope()) {
      case SCHOOL -> text.get("office.scope.SCHOOL");
      case GRADE -> text.format("office.scope.gradeN", String.valueOf(a.grade()));
      case CLASS -> text.format("office.scope.classN", a.className() == null ? a.classId() : a.className());
    };
  }
}
