package vn.lienlac.app.grades;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.app.records.ChildChoice;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.PrimaryTermReport;
import vn.lienlac.model.records.PrimaryYearReport;
import vn.lienlac.model.records.SecondaryYearReport;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.Rating;

/**
 * A parent's view of a child's results: a term (HK I, HK II) or the whole school year, of the
 * current school year or the one before. Secondary pupils (Circular 22): per subject the scores
 * and the average or rating, the result level, and for the year the levels, conduct, absences,
 * promotion and award. Primary pupils (Circular 27): per subject the rating at each point, the
 * test scores and the teacher's comments; the qualities and competencies; the year evaluation.
 * Everything exactly as the API computed it: the app never recomputes a grade. The last answer of
 * each term and year is cached; with no network the cached one is shown, marked "cập nhật lúc …".
 */
public final class GradesViewModel extends ScreenModel {
  /** What is shown: one term of the school year, or the whole year. */
  public enum Period {
    HK1,
    HK2,
    YEAR
  }

  /** One subject (or quality) as shown: name, the marks, and the average, rating or evaluation. */
  public record Row(String subject, String scores, String result) {}

  /** One result of the year as the API gave it: "Rèn luyện cả năm" — "Tốt". {@code id} names the node. */
  public record Fact(String id, String label, String value) {}

  private final ChildChoice choice;
  private final ObservableList<String> schoolYears = FXCollections.observableArrayList();
  private final StringProperty schoolYear = new SimpleStringProperty();
  private final ObjectProperty<Period> period = new SimpleObjectProperty<>();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Row> qualities = FXCollections.observableArrayList();
  private final ObservableList<Fact> facts = FXCollections.observableArrayList();
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final StringProperty level = new SimpleStringProperty();
  private final BooleanProperty primary = new SimpleBooleanProperty();
  private int generation;

  /** The first child, {@code term} first (e.g. {@code 2026-2027-HK1}, from {@code /v1/me}). */
  public GradesViewModel(AppContext context, String term) {
    this(context, new ChildChoice(context.me()), term);
  }

  public GradesViewModel(AppContext context, ChildChoice choice, String term) {
    super(context);
    this.choice = choice;
    TermId current = TermId.parse(term).orElseThrow(() -> new IllegalArgumentException("not a term: " + term));
    schoolYears.setAll(current.schoolYear(), new TermId(current.startYear() - 1, 1).schoolYear());
    schoolYear.set(current.schoolYear());
    period.set(current.semester() == 1 ? Period.HK1 : Period.HK2);
  }

  public ObservableList<Me.Child> children() {
    return choice.children();
  }

  public ObjectProperty<Me.Child> childProperty() {
    return choice.childProperty();
  }

  /** The school years offered: the current one (first) and the one before ({@code 2026-2027}). */
  public ObservableList<String> schoolYears() {
    return schoolYears;
  }

  public StringProperty schoolYearProperty() {
    return schoolYear;
  }

  public ObjectProperty<Period> periodProperty() {
    return period;
  }

  /** The subjects. */
  public ObservableList<Row> rows() {
    return rows;
  }

  /** A primary pupil's qualities and competencies (empty for secondary pupils). */
  public ObservableList<Row> qualities() {
    return qualities;
  }

  /** The year's results besides the subjects: term levels, conduct, absences, promotion, award. */
  public ObservableList<Fact> facts() {
    return facts;
  }

  /** What the API says besides: what is still being entered, the teacher's comments, level notes. */
  public ObservableList<String> notes() {
    return notes;
  }

  /** "Học lực: Khá" — the level the API computed; empty when the report has none (a primary term). */
  public StringProperty levelProperty() {
    return level;
  }

  /** "Cập nhật lúc 10:00 21/11/2026" when what is shown came from the cache; null when fresh. */
  /** Whether what is shown is a primary (Circular 27) report. */
  public BooleanProperty primaryProperty() {
    return primary;
  }

  /** {@code 2026-2027} as people write it: {@code 2026–2027}. */
  public static String yearLabel(String schoolYear) {
    return schoolYear == null ? "" : schoolYear.replace('-', '–');
  }

  public void select(String year, Period shown) {
    schoolYear.set(year);
    period.set(shown);
    load();
  }

  public void load() {
    Me.Child selected = choice.childProperty().get();
    if (selected == null) {
      return;
    }
    int asked = ++generation;
    String year = schoolYear.get();
    if (period.get() == Period.YEAR) {
      fetch(asked, "year-" + selected.studentId() + "-" + year, YearReport.class,
          () -> context.client().yearReport(selected.studentId(), year), this::showYear);
    } else {
      String term = year + "-" + period.get().name();
      fetch(asked, "grades-" + selected.studentId() + "-" + term, GradeReport.class,
          () -> context.client().grades(selected.studentId(), term), this::showTerm);
    }
  }

  private <T> void fetch(int asked, String key, Class<T> type, Callable<T> call, Consumer<T> show) {
    // an answer is dropped once the parent has moved on to another child or period
    loadCached(key, type, call, show, this::load, () -> asked == generation, this::clear);
  }

  private void clear() {
    rows.clear();
    qualities.clear();
    facts.clear();
    notes.clear();
    level.set(null);
    staleNoteProperty().set(null);
  }

  // --- a term ------------------------------------------------------------------------------------

  private void showTerm(GradeReport report) {
    clear();
    if (report.primary() != null) {
      primary.set(true);
      showPrimary(report.primary().points(), report.primary().subjects(), report.primary().qualities(),
          report.primary().qualityComments());
      return;
    }
    primary.set(false);
    List<Row> shown = new ArrayList<>();
    for (GradeReport.SubjectGrade subject : report.subjects()) {
      List<String> scores = new ArrayList<>();
      subject.regular().forEach(score -> scores.add(Formats.score(score)));
      if (subject.regularRatings() != null) {
        subject.regularRatings().forEach(rating -> scores.add(rating(rating)));
      }
      String all = String.join("  ", scores);
      if (subject.midterm() != null || subject.finalExam() != null) {
        all = text.format("grades.scores", all, Formats.score(subject.midterm()), Formats.score(subject.finalExam()))
            .strip();
      }
      String result = subject.average() != null ? Formats.score(subject.average())
          : subject.rating() != null ? rating(subject.rating()) : "";
      shown.add(new Row(subject.subjectName(), all, result));
    }
    rows.setAll(shown);
    level.set(report.levelName() == null ? text.get("grades.levelPending")
        : text.format("grades.level", report.levelName()));
    if (report.levelNote() != null) {
      notes.add(report.levelNote());
    }
  }

  // --- the school year ---------------------------------------------------------------------------

  private void showYear(YearReport report) {
    clear();
    if (report.primary() != null) {
      primary.set(true);
      PrimaryYearReport year = report.primary();
      showPrimary(year.points(), year.subjects(), year.qualities(), year.qualityComments());
      level.set(year.evaluationName() == null ? text.get("records.evaluationPending")
          : text.format("records.evaluation", year.evaluationName()));
      if (year.awards() != null && !year.awards().isEmpty()) {
        List<String> awards = new ArrayList<>();
        for (PrimaryYearReport.Award award : year.awards()) {
          awards.add(award.reason() == null || award.reason().isBlank() ? award.name()
              : award.name() + " (" + award.reason() + ")");
        }
        facts.add(new Fact("fact-award", text.get("records.award"), String.join("; ", awards)));
      }
    } else if (report.secondary() != null) {
      primary.set(false);
      showSecondaryYear(report.secondary());
    }
    if (report.pending() != null && !report.pending().isEmpty()) {
      notes.add(text.get("records.pending"));
      report.pending().forEach(item -> notes.add("• " + item));
    }
  }

  private void showSecondaryYear(SecondaryYearReport year) {
    List<Row> shown = new ArrayList<>();
    for (SecondaryYearReport.SubjectYear subject : year.subjects()) {
      List<String> terms = new ArrayList<>();
      String term1 = mark(subject.term1Average(), subject.term1Rating());
      String term2 = mark(subject.term2Average(), subject.term2Rating());
      if (!term1.isEmpty()) {
        terms.add(text.format("records.term1Mark", term1));
      }
      if (!term2.isEmpty()) {
        terms.add(text.format("records.term2Mark", term2));
      }
      shown.add(new Row(subject.subjectName(), String.join("  ·  ", terms),
          mark(subject.yearAverage(), subject.yearRating())));
    }
    rows.setAll(shown);
    level.set(year.yearLevel() == null ? text.get("records.yearLevelPending")
        : text.format("records.yearLevel", year.yearLevel().levelName()));
    if (year.term1Level() != null) {
      facts.add(new Fact("fact-term1-level", text.get("records.term1Level"), year.term1Level().levelName()));
    }
    if (year.term2Level() != null) {
      facts.add(new Fact("fact-term2-level", text.get("records.term2Level"), year.term2Level().levelName()));
    }
    SecondaryYearReport.ConductResult conduct = year.conduct();
    if (conduct != null) {
      if (conduct.term1Name() != null) {
        facts.add(new Fact("fact-conduct-term1", text.get("records.conductTerm1"), conduct.term1Name()));
      }
      if (conduct.term2Name() != null) {
        facts.add(new Fact("fact-conduct-term2", text.get("records.conductTerm2"), conduct.term2Name()));
      }
      if (conduct.yearName() != null) {
        facts.add(new Fact("fact-conduct-year", text.get("records.conductYear"), conduct.yearName()));
      }
    }
    facts.add(new Fact("fact-absent", text.get("records.absentSessions"), String.valueOf(year.absentSessions())));
    SecondaryYearReport.Promotion promotion = year.promotion();
    if (promotion != null && promotion.outcomeName() != null) {
      String value = promotion.outcomeName();
      if (promotion.reasonNames() != null && !promotion.reasonNames().isEmpty()) {
        value += " — " + String.join("; ", promotion.reasonNames());
      }
      facts.add(new Fact("fact-promotion", text.get("records.promotion"), value));
      if (promotion.retestSubjects() != null && !promotion.retestSubjects().isEmpty()) {
        facts.add(new Fact("fact-retest", text.get("records.retest"), String.join(", ", promotion.retestSubjects())));
      }
    }
    if (year.award() != null && year.award().awardName() != null) {
      facts.add(new Fact("fact-award", text.get("records.award"), year.award().awardName()));
    }
    for (SecondaryYearReport.LevelResult result : new SecondaryYearReport.LevelResult[] {year.term1Level(),
        year.term2Level(), year.yearLevel()}) {
      if (result != null && result.note() != null && !notes.contains(result.note())) {
        notes.add(result.note());
      }
    }
  }

  private String mark(BigDecimal average, Rating rating) {
    return average != null ? Formats.score(average) : rating != null ? rating(rating) : "";
  }

  private String rating(Rating rating) {
    return text.get("rating." + rating.name());
  }

  // --- primary (Circular 27) ---------------------------------------------------------------------

  private void showPrimary(List<PrimaryPoint> points, List<PrimaryTermReport.Subject> subjects,
      List<PrimaryTermReport.QualityMarks> marks, Map<PrimaryPoint, String> comments) {
    // The result shown beside a subject is the rating at the point that closes what is shown (the
    // end of the term, or of the year), once given; the points before are in the details only.
    PrimaryPoint closing = points.isEmpty() ? null : points.get(points.size() - 1);
    List<Row> shown = new ArrayList<>();
    for (PrimaryTermReport.Subject subject : subjects) {
      List<String> lines = new ArrayList<>();
      String latest = "";
      String comment = null;
      for (PrimaryPoint point : points) {
        PrimaryTermReport.Mark mark = subject.points() == null ? null : subject.points().get(point);
        if (mark == null) {
          continue;
        }
        String line = text.format("records.pointMark", text.get("records.point." + point.name()),
            mark.ratingName() == null ? "" : mark.ratingName());
        if (mark.testScore() != null) {
          line += "  ·  " + text.format("records.testScore", mark.testScore());
        }
        lines.add(line);
        if (point == closing && mark.ratingName() != null) {
          latest = mark.ratingName();
        }
        comment = mark.comment() == null || mark.comment().isBlank() ? comment : mark.comment();
      }
      if (comment != null) {
        lines.add("“" + comment + "”");
      }
      shown.add(new Row(subject.subjectName(), String.join("\n", lines), latest));
    }
    rows.setAll(shown);
    List<Row> rated = new ArrayList<>();
    for (PrimaryTermReport.QualityMarks quality : marks == null ? List.<PrimaryTermReport.QualityMarks>of() : marks) {
      List<String> parts = new ArrayList<>();
      String latest = "";
      for (PrimaryPoint point : points) {
        PrimaryTermReport.Rated mark = quality.points() == null ? null : quality.points().get(point);
        if (mark != null && mark.ratingName() != null) {
          // No break inside "Giữa HK II: Đạt": a narrow screen wraps between the points only.
          parts.add(text.format("records.pointMark", text.get("records.point." + point.name()), mark.ratingName())
              .replace(' ', '\u00A0'));
          if (point == closing) {
            latest = mark.ratingName();
          }
        }
      }
      String group = quality.group() == null ? "" : text.get("records.qualityGroup." + quality.group().name());
      rated.add(new Row(quality.name(), (group.isEmpty() ? "" : group + "\n") + String.join("  ·  ", parts), latest));
    }
    qualities.setAll(rated);
    if (comments != null) {
      for (PrimaryPoint point : points) {
        String comment = comments.get(point);
        if (comment != null && !comment.isBlank()) {
          notes.add(text.format("records.qualityComment", text.get("records.point." + point.name()), comment));
        }
      }
    }
  }
}
