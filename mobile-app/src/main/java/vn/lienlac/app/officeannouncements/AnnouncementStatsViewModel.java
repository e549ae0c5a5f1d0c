package vn.lienlac.app.officeannouncements;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.announcements.Announcement;

/**
 * One announcement's reach as the API counted it ({@code GET /v1/announcements/{id}/stats}): the
 * families in scope, how many read and acknowledged it, and the families not reached yet, 50 a page,
 * each with their pupils and classes and whether a push can reach them at all (no phone registered:
 * a call or a printed note is needed). The app counts nothing itself.
 */
public final class AnnouncementStatsViewModel extends ScreenModel {
  /** A family not reached: guardian, pupils with their classes, and what is missing. */
  public record Family(String guardianId, String guardian, String pupils, String status, boolean hasDevice) {}

  private final Announcement announcement;
  private final ObjectProperty<Announcement.Stats> stats = new SimpleObjectProperty<>();
  private final StringProperty families = new SimpleStringProperty("");
  private final StringProperty read = new SimpleStringProperty("");
  private final StringProperty acknowledged = new SimpleStringProperty("");
  private final StringProperty notReached = new SimpleStringProperty("");
  private final StringProperty notReachedTitle = new SimpleStringProperty("");
  private final ObservableList<Family> notReachedFamilies = FXCollections.observableArrayList();
  private final BooleanProperty hasMore = new SimpleBooleanProperty();
  private String next;

  public AnnouncementStatsViewModel(AppContext context, Announcement announcement) {
    super(context);
    this.announcement = announcement;
  }

  public Announcement announcement() {
    return announcement;
  }

  /** The API's answer (first page), null until read. */
  public ObjectProperty<Announcement.Stats> statsProperty() {
    return stats;
  }

  public StringProperty familiesProperty() {
    return families;
  }

  public StringProperty readProperty() {
    return read;
  }

  /** "12" — or "—" when the announcement asks no acknowledgement. */
  public StringProperty acknowledgedProperty() {
    return acknowledged;
  }

  public StringProperty notReachedProperty() {
    return notReached;
  }

  /** "Chưa đọc (12 gia đình)" or "Chưa xác nhận (12 gia đình)". */
  public StringProperty notReachedTitleProperty() {
    return notReachedTitle;
  }

  public ObservableList<Family> notReachedFamilies() {
    return notReachedFamilies;
  }

  public BooleanProperty hasMoreProperty() {
    return hasMore;
  }

  /** The counts and the first page of families not reached, afresh. */
  public void load() {
    load(() -> context.client().announcementStats(announcement.id(), null), answer -> {
      stats.set(answer);
      families.set(String.valueOf(answer.families()));
      read.set(String.valueOf(answer.read()));
      acknowledged.set(answer.acknowledgementRequired() ? String.valueOf(answer.acknowledged()) : "—");
      notReached.set(String.valueOf(answer.notReached()));
      notReachedTitle.set(text.format(answer.acknowledgementRequired() ? "office.stats.notAcknowledgedTitle"
          : "office.stats.notReadTitle", String.valueOf(answer.notReached())));
      notReachedFamilies.setAll(families(answer.items()));
      more(answer.next());
    }, this::load);
  }

  /** The next page of families not reached. */
  public void loadMore() {
    String cursor = next;
    if (cursor == null) {
      return;
    }
    load(() -> context.client().announcementStats(announcement.id(), cursor), answer -> {
      notReachedFamilies.addAll(families(answer.items()));
      more(answer.next());
    }, this::loadMore);
  }

  private void more(String cursor) {
    next = cursor;
    hasMore.set(cursor != null);
  }

  private List<Family> families(List<Announcement.NotReached> items) {
    return items.stream().map(item -> {
      String pupils = String.join(", ", item.pupils().stream()
          .map(p -> text.format("office.stats.pupil", p.fullName(), p.className())).toList());
      String status = item.read() ? text.get("office.stats.readNotAcknowledged") : text.get("office.stats.notRead");
      if (!item.hasDevice()) {
        status = status + " · " + text.get("office.stats.noDevice");
      }
      String guardian = item.guardianName() == null || item.guardianName().isBlank()
          ? text.get("office.stats.guardianUnnamed") : item.guardianName();
      return new Family(item.guardianId(), guardian, pupils, status, item.hasDevice());
    }).toList();
  }
}
