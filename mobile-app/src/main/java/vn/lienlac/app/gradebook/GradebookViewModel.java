package vn.lienlac.app.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.records.Gradebook;

/**
 * A teacher's gradebook for one class, subject and term: one editable row per pupil (regular
 * scores, midterm, final), saved in one PUT; the API's per-row violations are shown on their row.
 * (The view for it is not built yet: this ViewModel is tested on its own.)
 */
public final class GradebookViewModel extends ScreenModel {
  /** One pupil's row as edited: scores as typed ("8,5"), and the row's error, if any. */
  public static final class Row {
    final Gradebook.Entry entry;
    public final StringProperty regular = new SimpleStringProperty();
    public final StringProperty midterm = new SimpleStringProperty();
    public final StringProperty finalExam = new SimpleStringProperty();
    public final StringProperty error = new SimpleStringProperty();

    Row(Gradebook.Entry entry) {
      this.entry = entry;
      regular.set(String.join(" ", entry.regular().stream().map(Formats::score).toList()));
      midterm.set(Formats.score(entry.midterm()));
      finalExam.set(Formats.score(entry.finalExam()));
    }

    public String pupil() {
      return entry.fullName();
    }
  }

  private final AppContext context;
  private final String classId;
  private final String subject;
  private final String term;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();

  public GradebookViewModel(AppContext context, String classId, String subject, String term) {
    super(context.tasks(), context.text());
    this.context = context;
    this.classId = classId;
    this.subject = subject;
    this.term = term;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public void load() {
    load(() -> context.client().gradebook(classId, subject, term),
        book -> rows.setAll(book.rows().stream().map(Row::new).toList()), this::load);
  }

  /** Sends every row; a row the API refuses shows its message (nothing is saved then). */
  public void save() {
    List<Gradebook.Row> sent = new ArrayList<>();
    boolean typos = false;
    for (Row row : rows) {
      row.error.set(null);
      try {
        List<BigDecimal> regular = new ArrayList<>();
        for (String score : row.regular.get() == null ? new String[0] : row.regular.get().trim().split("\\s+")) {
          if (!score.isEmpty()) {
            regular.add(number(score));
          }
        }
        sent.add(new Gradebook.Row(row.entry.studentId(), regular, number(row.midterm.get()),
            number(row.finalExam.get()), null, row.entry.version()));
      } catch (NumberFormatException e) {
        row.error.set(text.get("gradebook.notANumber"));
        typos = true;
      }
    }
    if (typos) {
      return;
    }
    load(() -> context.client().saveGradebook(classId, subject, term, new Gradebook.Update(sent)),
        book -> rows.setAll(book.rows().stream().map(Row::new).toList()), this::save, failure -> {
          if (failure instanceof ApiProblem problem) {
            problem.rowErrors().forEach((index, errors) -> {
              if (index < rows.size()) {
                rows.get(index).error.set(String.join(" ", errors.stream().map(Problem.FieldError::message).toList()));
              }
            });
          }
        });
  }

  private static BigDecimal number(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    return new BigDecimal(typed.trim().replace(',', '.'));
  }
}
