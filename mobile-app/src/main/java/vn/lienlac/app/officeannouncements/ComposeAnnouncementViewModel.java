package vn.lienlac.app.officeannouncements;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.DraftKey;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.common.Problem;

/**
 * Writing an announcement: title, text, to whom (the school, a grade, a class, as the API takes
 * them), urgent, and whether families must acknowledge it. The API checks it; each refused field
 * shows the API's message beside it. One Idempotency-Key per draft, kept across retries, so a
 * retry after a lost answer never publishes twice.
 */
public final class ComposeAnnouncementViewModel extends ScreenModel {
  private final String schoolId;
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty body = new SimpleStringProperty("");
  private final ObjectProperty<Announcement.Scope> scope = new SimpleObjectProperty<>(Announcement.Scope.SCHOOL);
  private final StringProperty grade = new SimpleStringProperty("");
  private final StringProperty classId = new SimpleStringProperty("");
  private final BooleanProperty acknowledgementRequired = new SimpleBooleanProperty();
  private final BooleanProperty urgent = new SimpleBooleanProperty();
  private final StringProperty titleError = new SimpleStringProperty();
  private final StringProperty bodyError = new SimpleStringProperty();
  private final StringProperty scopeError = new SimpleStringProperty();
  private final StringProperty gradeError = new SimpleStringProperty();
  private final StringProperty classError = new SimpleStringProperty();
  private final DraftKey<Announcement.Draft> draftKey = new DraftKey<>();

  public ComposeAnnouncementViewModel(AppContext context, String schoolId) {
    super(context);
    this.schoolId = schoolId;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty bodyProperty() {
    return body;
  }

  public ObjectProperty<Announcement.Scope> scopeProperty() {
    return scope;
  }

  /** The grade (khối) as typed, for GRADE. */
  public StringProperty gradeProperty() {
    return grade;
  }

  /** The class id, for CLASS. */
  public StringProperty classIdProperty() {
    return classId;
  }

  public BooleanProperty acknowledgementRequiredProperty() {
    return acknowledgementRequired;
  }

  public BooleanProperty urgentProperty() {
    return urgent;
  }

  public StringProperty titleErrorProperty() {
    return titleError;
  }

  public StringProperty bodyErrorProperty() {
    return bodyError;
  }

  public StringProperty scopeErrorProperty() {
    return scopeError;
  }

  public StringProperty gradeErrorProperty() {
    return gradeError;
  }

  public StringProperty classErrorProperty() {
    return classError;
  }

  /** The draft as the API takes it: {@code grade} only for GRADE, {@code classId} only for CLASS. */
  Announcement.Draft draft() {
    Announcement.Scope to = scope.get();
    Integer gradeNumber = null;
    if (to == Announcement.Scope.GRADE) {
      String typed = grade.get() == null ? "" : grade.get().trim();
      gradeNumber = typed.isEmpty() ? null : Integer.valueOf(typed);
    }
    String clazz = to == Announcement.Scope.CLASS ? blankToNull(classId.get()) : null;
    return new Announcement.Draft(schoolId, to, gradeNumber, clazz, title.get(), body.get(),
        urgent.get() ? Boolean.TRUE : null, acknowledgementRequired.get() ? Boolean.TRUE : null, null);
  }

  /** Publishes it; {@code published} gets the announcement as the API answered it. */
  public void publish(Consumer<Announcement> published) {
    clearFieldErrors();
    Announcement.Draft draft;
    try {
      draft = draft();
    } catch (NumberFormatException e) {
      gradeError.set(text.get("office.compose.gradeNumber"));
      return;
    }
    String key = draftKey.of(draft); // a changed draft is a new announcement
    load(() -> context.client().publishAnnouncement(draft, key), announcement -> {
      draftKey.reset();
      published.accept(announcement);
    }, () -> publish(published), failure -> {
      if (failure instanceof ApiProblem problem) {
        showFieldErrors(problem, draft);
      }
    });
  }

  /** Empties the form for the next announcement. */
  public void clear() {
    title.set("");
    body.set("");
    grade.set("");
    classId.set("");
    scope.set(Announcement.Scope.SCHOOL);
    acknowledgementRequired.set(false);
    urgent.set(false);
    clearFieldErrors();
    errorProperty().set(null);
  }

  private void showFieldErrors(ApiProblem problem, Announcement.Draft draft) {
    boolean placed = false;
    for (Problem.FieldError error : problem.errors()) {
      StringProperty beside = switch (error.field() == null ? "" : error.field()) {
        case "title" -> titleError;
        case "body" -> bodyError;
        case "scope" -> scopeError;
        case "grade" -> gradeError;
        case "classId" -> classError;
        default -> null;
      };
      if (beside != null) {
        beside.set(beside.get() == null ? error.message() : beside.get() + " " + error.message());
        placed = true;
      }
    }
    if (!placed && problem.status() == 404 && draft.scope() == Announcement.Scope.CLASS) {
      classError.set(text.get("office.compose.noSuchClass")); // the API answers 404 for a class not in the school
      placed = true;
    }
    if (placed) {
      errorProperty().set(text.get("office.compose.fix"));
    }
  }

  private void clearFieldErrors() {
    for (StringProperty error : List.of(titleError, bodyError, scopeError, gradeError, classError)) {
      error.set(null);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
