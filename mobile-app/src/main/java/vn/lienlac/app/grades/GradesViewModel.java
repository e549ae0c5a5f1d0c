package vn.lienlac.app.grades;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.NetworkException;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.GradeReport;

/**
 * A parent's view of a child's term grades: one row per subject with the average (or rating) and
 * the term's result level, exactly as the API computed them (the app never recomputes a grade).
 * The last report read is cached; with no network the cached one is shown, marked "cập nhật lúc …".
 */
public final class GradesViewModel extends ScreenModel {
  /** One subject as shown: name, the scores, and the average or rating. */
  public record Row(String subject, String scores, String result) {}

  private final AppContext context;
  private final ObservableList<Me.Child> children = FXCollections.observableArrayList();
  private final ObjectProperty<Me.Child> child = new SimpleObjectProperty<>();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty level = new SimpleStringProperty();
  private final StringProperty staleNote = new SimpleStringProperty();
  private final String term;

  public GradesViewModel(AppContext context, String term) {
    super(context.tasks(), context.text());
    this.context = context;
    this.term = term;
    List<Me.Child> all = new ArrayList<>();
    for (Me.SchoolMembership school : context.me().schools()) {
      all.addAll(school.children());
    }
    children.setAll(all);
    if (!all.isEmpty()) {
      child.set(all.get(0));
    }
  }

  public ObservableList<Me.Child> children() {
    return children;
  }

  public ObjectProperty<Me.Child> childProperty() {
    return child;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** "Học lực: Khá" — the level the API computed; empty until it is known. */
  public StringProperty levelProperty() {
    return level;
  }

  /** "Cập nhật lúc 10:00 21/11/2026" when what is shown came from the cache; null when fresh. */
  public StringProperty staleNoteProperty() {
    return staleNote;
  }

  public void load() {
    Me.Child selected = child.get();
    if (selected == null) {
      return;
    }
    String key = "grades-" + selected.studentId() + "-" + term;
    load(() -> context.client().grades(selected.studentId(), term), report -> {
      context.cache().put(key, report, context.clock().instant());
      show(report);
      staleNote.set(null);
    }, this::load, failure -> {
      if (failure instanceof NetworkException) {
        Optional<OfflineCache.Entry<GradeReport>> cached = context.cache().get(key, GradeReport.class);
        cached.ifPresent(entry -> {
          show(entry.value());
          staleNote.set(text.format("offline.updatedAt", Formats.time(entry.savedAt())));
        });
      }
    });
  }

  private void show(GradeReport report) {
    List<Row> shown = new ArrayList<>();
    for (GradeReport.SubjectGrade subject : report.subjects()) {
      List<String> scores = new ArrayList<>();
      subject.regular().forEach(score -> scores.add(Formats.score(score)));
      String all = String.join("  ", scores);
      if (subject.midterm() != null || subject.finalExam() != null) {
        all = text.format("grades.scores", all, Formats.score(subject.midterm()), Formats.score(subject.finalExam()));
      }
      String result = subject.average() != null ? Formats.score(subject.average())
          : subject.rating() != null ? text.get("rating." + subject.rating().name()) : "";
      shown.add(new Row(subject.subjectName(), all, result));
    }
    rows.setAll(shown);
    level.set(report.levelName() == null ? text.get("grades.levelPending")
        : text.format("grades.level", report.levelName()));
  }
}
