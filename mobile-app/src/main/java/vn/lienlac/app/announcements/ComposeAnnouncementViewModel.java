package vn.lienlac.app.announcements;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.DraftKey;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.identity.Me;

/**
 * A teacher writes an announcement to one class they teach (the API lets a teacher publish to
 * their classes only; the school and grades are the office's). The Idempotency-Key is made once per
 * draft, so a retry after a lost answer publishes nothing twice.
 */
public final class ComposeAnnouncementViewModel extends ScreenModel {
  /** A class the teacher works in, with its school. */
  public record Target(String schoolId, Me.TaughtClass taught) {}

  private final ObservableList<Target> classes = FXCollections.observableArrayList();
  private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty body = new SimpleStringProperty("");
  private final BooleanProperty acknowledgementRequired = new SimpleBooleanProperty();
  private final BooleanProperty urgent = new SimpleBooleanProperty();
  private final DraftKey<Announcement.Draft> draftKey = new DraftKey<>();

  public ComposeAnnouncementViewModel(AppContext context) {
    super(context);
    List<Target> all = new ArrayList<>();
    for (Me.SchoolMembership school : context.me().schools()) {
      for (Me.TaughtClass taught : school.classes() == null ? List.<Me.TaughtClass>of() : school.classes()) {
        all.add(new Target(school.schoolId(), taught));
      }
    }
    classes.setAll(all);
    if (!all.isEmpty()) {
      target.set(all.get(0));
    }
  }

  public ObservableList<Target> classes() {
    return classes;
  }

  public ObjectProperty<Target> targetProperty() {
    return target;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty bodyProperty() {
    return body;
  }

  public BooleanProperty acknowledgementRequiredProperty() {
    return acknowledgementRequired;
  }

  public BooleanProperty urgentProperty() {
    return urgent;
  }

  /** Publishes; {@code published} gets the announcement. The API's refusals show as its message. */
  public void publish(Consumer<Announcement> published) {
    Target to = target.get();
    if (to == null) {
      errorProperty().set(text.get("announcements.compose.pickClass"));
      return;
    }
    Announcement.Draft draft = new Announcement.Draft(to.schoolId(), Announcement.Scope.CLASS, null,
        to.taught().classId(), strip(title.get()), strip(body.get()), urgent.get(), acknowledgementRequired.get(), null);
    String key = draftKey.of(draft);
    load(() -> context.client().publishAnnouncement(draft, key), announcement -> {
      draftKey.reset();
      published.accept(announcement);
    }, () -> publish(published));
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
