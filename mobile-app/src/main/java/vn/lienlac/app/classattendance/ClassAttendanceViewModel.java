package vn.lienlac.app.classattendance;

import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.ClassAttendance;

/**
 * Taking a class's register for one day in a few taps: today (Vietnam's date) first, every pupil
 * present unless the API says otherwise (a day not taken yet shows approved leave as excused), a
 * tap cycles a pupil's status, "Lưu" sends the pupils whose mark changed with the register's
 * version. The PUT is a merge, so only changes are sent; a day not taken yet is taken by the save
 * even with no change ({@code "marks": []}); a taken day with no change sends nothing. A body
 * without marks is never sent. A 409 (the register changed since it was read) says so and reloads.
 */
public final class ClassAttendanceViewModel extends ScreenModel {
  /** The order a tap goes through. */
  static final List<AttendanceStatus> CYCLE = List.of(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_UNEXCUSED,
      AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.LATE);

  /** One pupil: the mark shown (and to send), the one the API holds, and an error on the row, if any. */
  public static final class Row {
    private final ClassAttendance.Entry entry;
    private final AttendanceStatus baseline;
    public final ObjectProperty<AttendanceStatus> status = new SimpleObjectProperty<>();
    public final StringProperty error = new SimpleStringProperty();

    Row(ClassAttendance.Entry entry, AttendanceStatus baseline) {
      this.entry = entry;
      this.baseline = baseline;
      status.set(entry.status() == null ? AttendanceStatus.PRESENT : entry.status());
    }

    public String studentId() {
      return entry.studentId();
    }

    public String pupil() {
      return entry.fullName();
    }

    /** The note the API holds (e.g. "Đến muộn 10 phút"), shown while the mark is unchanged. */
    public String note() {
      return changed() ? null : entry.note();
    }

    /** Whether an approved leave request covers the day. */
    public boolean onLeave() {
      return entry.leaveRequestId() != null;
    }

    public boolean changed() {
      return status.get() != baseline;
    }
  }

  private final String classId;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
  private final StringProperty heading = new SimpleStringProperty();
  private final StringProperty summary = new SimpleStringProperty();
  private final StringProperty notice = new SimpleStringProperty();
  private final BooleanProperty canGoForward = new SimpleBooleanProperty();
  private ClassAttendance day;

  public ClassAttendanceViewModel(AppContext context, String classId) {
    super(context);
    this.classId = classId;
    date.set(SchoolTime.today(context.clock()));
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  /** "6A1 · Thứ Bảy 21/11/2026 · chưa điểm danh". */
  public StringProperty headingProperty() {
    return heading;
  }

  /** "Có mặt 35 · Vắng 2 · Muộn 0 · 1 thay đổi chưa lưu". */
  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  /** False on today: a future day cannot be marked. */
  public BooleanProperty canGoForwardProperty() {
    return canGoForward;
  }

  public void load() {
    LocalDate shown = date.get();
    canGoForward.set(shown.isBefore(SchoolTime.today(context.clock())));
    load(() -> context.client().classAttendance(classId, shown), this::show, this::load);
  }

  public void previousDay() {
    notice.set(null);
    date.set(date.get().minusDays(1));
    load();
  }

  public void nextDay() {
    if (!date.get().isBefore(SchoolTime.today(context.clock()))) {
      return;
    }
    notice.set(null);
    date.set(date.get().plusDays(1));
    load();
  }

  /** One tap: the pupil's next status (có mặt → vắng không phép → vắng có phép → đi muộn → có mặt). */
  public void cycle(Row row) {
    int at = CYCLE.indexOf(row.status.get());
    row.status.set(CYCLE.get((at + 1) % CYCLE.size()));
    row.error.set(null);
    notice.set(null);
    summarize();
  }

  /** Sets a pupil's status directly (the chooser). */
  public void set(Row row, AttendanceStatus status) {
    row.status.set(status);
    row.error.set(null);
    notice.set(null);
    summarize();
  }

  public void save() {
    if (day == null) {
      return;
    }
    notice.set(null);
    List<ClassAttendance.Mark> marks = new ArrayList<>();
    List<Row> sentRows = new ArrayList<>();
    for (Row row : rows) {
      row.error.set(null);
      if (row.changed()) {
        marks.add(new ClassAttendance.Mark(row.studentId(), row.status.get(), null));
        sentRows.add(row);
      }
    }
    if (marks.isEmpty() && day.marked()) {
      notice.set(text.get("teacher.attendance.nothingChanged"));
      return;
    }
    LocalDate shown = day.date();
    ClassAttendance.Update update = new ClassAttendance.Update(List.copyOf(marks), day.version());
    load(() -> context.client().markAttendance(classId, shown, update), saved -> {
      show(saved);
      notice.set(text.format("teacher.attendance.saved", Formats.date(shown)));
    }, this::save, failure -> {
      if (!(failure instanceof ApiProblem problem)) {
        return;
      }
      if (problem.status() == 409) {
        errorProperty().set(null);
        notice.set(text.get("teacher.attendance.conflict"));
        String said = notice.get();
        load(() -> context.client().classAttendance(classId, shown), again -> {
          show(again);
          notice.set(said);
        }, this::load);
        return;
      }
      for (Problem.FieldError error : problem.errors()) {
        String[] parts = error.field() == null ? new String[0] : error.field().split("/");
        if (parts.length >= 2 && parts[0].equals("marks") && parts[1].matches("\\d+")) {
          int index = Integer.parseInt(parts[1]);
          if (index < sentRows.size()) {
            sentRows.get(index).error.set(error.message());
          }
        }
      }
    });
  }

  private void show(ClassAttendance loaded) {
    day = loaded;
    // A day not taken yet: the save takes the register with everyone not listed present, so any
    // other mark shown (approved leave) must be sent. A taken day: send what differs from it.
    rows.setAll(loaded.entries().stream()
        .map(entry -> new Row(entry, loaded.marked() ? entry.status() : AttendanceStatus.PRESENT))
        .toList());
    String weekday = text.get("teacher.weekday." + loaded.date().getDayOfWeek().getValue());
    heading.set(text.format(loaded.marked() ? "teacher.attendance.heading.marked" : "teacher.attendance.heading.new",
        loaded.className(), weekday, Formats.date(loaded.date())));
    summarize();
  }

  private void summarize() {
    int present = 0;
    int absent = 0;
    int late = 0;
    int changed = 0;
    for (Row row : rows) {
      switch (row.status.get()) {
        case PRESENT -> present++;
        case LATE -> late++;
        default -> absent++;
      }
      if (row.changed()) {
        changed++;
      }
    }
    String counts = text.format("teacher.attendance.summary", String.valueOf(present), String.valueOf(absent),
        String.valueOf(late));
    summary.set(changed == 0 ? counts : counts + " · " + text.format("teacher.attendance.unsaved", String.valueOf(changed)));
  }
}
