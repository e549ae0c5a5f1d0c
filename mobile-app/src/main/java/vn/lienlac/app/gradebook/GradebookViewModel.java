package vn.lienlac.app.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;

/**
 * A teacher's gradebook for one class, subject and term: one editable row per pupil (regular
 * scores, midterm, final; for a comment-only subject the Đạt / Chưa đạt of each assessment), typed
 * with a decimal comma or dot. Saving sends only the rows that changed, each with the version it
 * was read at. The API writes all rows or none: a refused row shows the API's message on that row
 * (and its field is marked), and nothing is saved; a 409 (someone else saved meanwhile) says so and
 * reloads. The average (or term rating) shown is always the API's, never computed here.
 */
public final class GradebookViewModel extends ScreenModel {
  /** The fields of a row, as the API's pointers name them ({@code rows/3/midterm}). */
  public static final String REGULAR = "regular";
  public static final String MIDTERM = "midterm";
  public static final String FINAL = "finalExam";

  /** One pupil's row as edited: marks as typed ("8,5"), the API's average, and the row's error, if any. */
  public static final class Row {
    private Gradebook.Entry entry;
    private final AssessmentKind kind;
    private final AppText text;
    public final StringProperty regular = new SimpleStringProperty();
    public final StringProperty midterm = new SimpleStringProperty();
    public final StringProperty finalExam = new SimpleStringProperty();
    /** The API's average, or its term rating for a comment-only subject; empty until complete. */
    public final StringProperty average = new SimpleStringProperty();
    public final StringProperty error = new SimpleStringProperty();
    /** The fields the last refusal named ({@link #REGULAR}, {@link #MIDTERM}, {@link #FINAL}). */
    public final ObservableSet<String> invalid = FXCollections.observableSet();

    Row(Gradebook.Entry entry, AssessmentKind kind, AppText text) {
      this.entry = entry;
      this.kind = kind;
      this.text = text;
      if (kind == AssessmentKind.COMMENTED) {
        regular.set(String.join(" ", orEmpty(entry.regularRatings()).stream().map(this::shortRating).toList()));
        midterm.set(shortRating(entry.midtermRating()));
        finalExam.set(shortRating(entry.finalRating()));
        average.set(entry.rating() == null ? "" : text.get("rating." + entry.rating().name()));
      } else {
        regular.set(String.join(" ", orEmpty(entry.regular()).stream().map(Formats::score).toList()));
        midterm.set(Formats.score(entry.midterm()));
        finalExam.set(Formats.score(entry.finalExam()));
        average.set(Formats.score(entry.average()));
      }
    }

    public String pupil() {
      return entry.fullName();
    }

    public String studentId() {
      return entry.studentId();
    }

    /** The row as the API would receive it (throws {@link NumberFormatException} for a typo, naming the field). */
    Gradebook.Row typed() {
      if (kind == AssessmentKind.COMMENTED) {
        List<Rating> ratings = new ArrayList<>();
        for (String token : tokens(regular.get())) {
          ratings.add(rating(token, REGULAR));
        }
        String mid = blankToNull(midterm.get());
        String fin = blankToNull(finalExam.get());
        return Gradebook.Row.commented(entry.studentId(), ratings, mid == null ? null : rating(mid, MIDTERM),
            fin == null ? null : rating(fin, FINAL), entry.version());
      }
      List<BigDecimal> scores = new ArrayList<>();
      for (String token : tokens(regular.get())) {
        scores.add(number(token, REGULAR));
      }
      return new Gradebook.Row(entry.studentId(), scores, number(midterm.get(), MIDTERM),
          number(finalExam.get(), FINAL), null, entry.version());
    }

    /** Whether the typed marks differ from what the API holds (8 and 8,0 are the same mark). */
    boolean changed(Gradebook.Row typed) {
      if (kind == AssessmentKind.COMMENTED) {
        return !orEmpty(typed.regularRatings()).equals(orEmpty(entry.regularRatings()))
            || typed.midtermRating() != entry.midtermRating() || typed.finalRating() != entry.finalRating();
      }
      return !sameScores(typed.regular(), entry.regular()) || !same(typed.midterm(), entry.midterm())
          || !same(typed.finalExam(), entry.finalExam());
    }

    private String shortRating(Rating rating) {
      return rating == null ? "" : text.get("teacher.gradebook.rating.short." + rating.name());
    }

    private Rating rating(String token, String field) {
      String t = token.trim().toUpperCase(Locale.ROOT);
      for (Rating r : Rating.values()) {
        if (t.equals(text.get("teacher.gradebook.rating.short." + r.name()).toUpperCase(Locale.ROOT))) {
          return r;
        }
      }
      return switch (t) {
        case "Đ", "D", "ĐẠT", "DAT" -> Rating.DAT;
        case "CĐ", "CD", "CHƯA_ĐẠT", "CHUA_DAT" -> Rating.CHUA_DAT;
        default -> throw new Typo(field);
      };
    }
  }

  /** A mark that is not one, and the field it was typed in. */
  static final class Typo extends NumberFormatException {
    final String field;

    Typo(String field) {
      super(field);
      this.field = field;
    }
  }

  private final String classId;
  private final String subject;
  private final String term;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty hint = new SimpleStringProperty();
  private final StringProperty notice = new SimpleStringProperty();
  private final ObjectProperty<AssessmentKind> kind = new SimpleObjectProperty<>(AssessmentKind.SCORED);

  public GradebookViewModel(AppContext context, String classId, String subject, String term) {
    super(context);
    this.classId = classId;
    this.subject = subject;
    this.term = term;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** "Toán · 6A1 · HK1 2026–2027" once loaded. */
  public StringProperty titleProperty() {
    return title;
  }

  /** How to type marks (and how many regular ones the subject needs). */
  public StringProperty hintProperty() {
    return hint;
  }

  /** What the last save did: saved, nothing to save, someone else saved (reloaded). Null when nothing to say. */
  public StringProperty noticeProperty() {
    return notice;
  }

  public ObjectProperty<AssessmentKind> kindProperty() {
    return kind;
  }

  public void load() {
    load(() -> context.client().gradebook(classId, subject, term), this::show, this::load);
  }

  /**
   * Sends the rows that changed, with their versions. A typo is caught on its row before anything
   * is sent. The API writes all of them or none: a refused row shows the API's message on that
   * row. A 409 (someone else saved since) says so and reloads.
   */
  public void save() {
    notice.set(null);
    List<Gradebook.Row> sent = new ArrayList<>();
    List<Row> sentRows = new ArrayList<>();
    boolean typos = false;
    for (Row row : rows) {
      row.error.set(null);
      row.invalid.clear();
      try {
        Gradebook.Row typed = row.typed();
        if (row.changed(typed)) {
          sent.add(typed);
          sentRows.add(row);
        }
      } catch (Typo e) {
        row.error.set(text.get(kind.get() == AssessmentKind.COMMENTED
            ? "teacher.gradebook.notARating" : "gradebook.notANumber"));
        row.invalid.add(e.field);
        typos = true;
      }
    }
    if (typos) {
      errorProperty().set(text.get("teacher.gradebook.fixRows"));
      canRetryProperty().set(false);
      return;
    }
    if (sent.isEmpty()) {
      notice.set(text.get("teacher.gradebook.nothingChanged"));
      return;
    }
    load(() -> context.client().saveGradebook(classId, subject, term, new Gradebook.Update(sent)), book -> {
      show(book);
      notice.set(text.format("teacher.gradebook.saved", sent.size()));
    }, this::save, failure -> {
      if (!(failure instanceof ApiProblem problem)) {
        return;
      }
      if (problem.status() == 409) {
        errorProperty().set(null);
        notice.set(text.get("teacher.gradebook.conflict"));
        reloadKeepingNotice();
        return;
      }
      var byRow = problem.rowErrors();
      byRow.forEach((index, errors) -> {
        if (index < sentRows.size()) {
          Row row = sentRows.get(index);
          row.error.set(String.join(" ", errors.stream().map(Problem.FieldError::message).toList()));
          errors.forEach(error -> row.invalid.add(field(error.field())));
        }
      });
      if (!byRow.isEmpty()) {
        errorProperty().set(text.format("teacher.gradebook.refused", byRow.size()));
      }
    });
  }

  private void reloadKeepingNotice() {
    String said = notice.get();
    load(() -> context.client().gradebook(classId, subject, term), book -> {
      show(book);
      notice.set(said);
    }, this::load);
  }

  private void show(Gradebook book) {
    kind.set(book.kind() == null ? AssessmentKind.SCORED : book.kind());
    rows.setAll(book.rows().stream().map(entry -> new Row(entry, kind.get(), text)).toList());
    title.set(text.format("teacher.gradebook.title", book.subjectName(), book.className(), termName(text, book.term())));
    hint.set(kind.get() == AssessmentKind.COMMENTED
        ? text.format("teacher.gradebook.hint.commented", book.requiredRegularRatingCount())
        : text.format("teacher.gradebook.hint.scored", book.requiredRegularCount()));
  }

  /** {@code rows/3/regular/1} → {@code regular}. */
  private static String field(String pointer) {
    String[] parts = pointer == null ? new String[0] : pointer.split("/");
    if (parts.length < 3) {
      return "";
    }
    return switch (parts[2]) {
      case "regular", "regularRatings" -> REGULAR;
      case "midterm", "midtermRating" -> MIDTERM;
      case "finalExam", "finalRating" -> FINAL;
      default -> parts[2];
    };
  }

  private static List<String> tokens(String typed) {
    List<String> tokens = new ArrayList<>();
    if (typed == null) {
      return tokens;
    }
    for (String token : typed.trim().split("[\\s;/]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static String blankToNull(String typed) {
    return typed == null || typed.isBlank() ? null : typed.trim();
  }

  private static BigDecimal number(String typed, String field) {
    String value = blankToNull(typed);
    if (value == null) {
      return null;
    }
    if (!value.matches("[0-9]+([.,][0-9]+)?")) {
      throw new Typo(field);
    }
    return new BigDecimal(value.replace(',', '.'));
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static boolean sameScores(List<BigDecimal> a, List<BigDecimal> b) {
    List<BigDecimal> x = orEmpty(a);
    List<BigDecimal> y = orEmpty(b);
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!same(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** "Học kỳ I, 2026–2027" for {@code 2026-2027-HK1}; the id itself when it is not one. */
  static String termName(AppText text, String term) {
    return TermId.parse(term == null ? "" : term)
        .map(t -> text.format("teacher.term", t.semester() == 1 ? "I" : "II", String.valueOf(t.startYear()), String.valueOf(t.startYear() + 1)))
        .orElse(term);
  }
}
