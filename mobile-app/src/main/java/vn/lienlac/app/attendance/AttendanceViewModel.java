package vn.lienlac.app.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.app.records.ChildChoice;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.AttendanceReport;
import vn.lienlac.model.records.AttendanceStatus;

/**
 * A child's attendance, one month at a time: a grid of weeks (Monday first, as Vietnamese
 * calendars are), each school day with the status the API reports (present, late, excused or
 * unexcused absence; approved leave shows before the teacher marks the day), and the month's
 * counts as the API summed them. The last answer of each month is cached for offline reading.
 */
public final class AttendanceViewModel extends ScreenModel {
  /** One square of the grid; {@code status} null when the API has nothing for the day. */
  public record Cell(LocalDate date, boolean inMonth, AttendanceStatus status, boolean marked, String note) {}

  /** One line of the legend: a status, its name, and the month's count from the API's summary. */
  public record Count(AttendanceStatus status, String label, int count) {}

  private final ChildChoice choice;
  private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
  private final StringProperty monthTitle = new SimpleStringProperty();
  private final ObservableList<Cell> cells = FXCollections.observableArrayList();
  private final ObservableList<Count> counts = FXCollections.observableArrayList();
  private final StringProperty dayDetail = new SimpleStringProperty();
  private final Map<LocalDate, AttendanceReport.Day> days = new HashMap<>();
  private int generation;

  public AttendanceViewModel(AppContext context, ChildChoice choice) {
    super(context);
    this.choice = choice;
    month.set(YearMonth.from(SchoolTime.today(context.clock())));
    monthTitle.set(title(month.get()));
    cells.setAll(grid(month.get(), Map.of()));
  }

  public ObjectProperty<YearMonth> monthProperty() {
    return month;
  }

  /** "Tháng 11/2026". */
  public StringProperty monthTitleProperty() {
    return monthTitle;
  }

  /** Whole weeks, Monday to Sunday, covering the month. */
  public ObservableList<Cell> cells() {
    return cells;
  }

  public ObservableList<Count> counts() {
    return counts;
  }

  /** What the chosen day says: "17/11/2026 (T3): Đi muộn — Đến muộn 10 phút". */
  public StringProperty dayDetailProperty() {
    return dayDetail;
  }

  /** Today in Vietnam (the grid marks it). */
  public LocalDate today() {
    return SchoolTime.today(context.clock());
  }

  public void previousMonth() {
    month.set(month.get().minusMonths(1));
    load();
  }

  public void nextMonth() {
    month.set(month.get().plusMonths(1));
    load();
  }

  public void load() {
    Me.Child selected = choice.childProperty().get();
    YearMonth shown = month.get();
    monthTitle.set(title(shown));
    dayDetail.set(null);
    if (selected == null) {
      return;
    }
    int asked = ++generation;
    String key = "attendance-" + selected.studentId() + "-" + shown;
    loadCached(key, AttendanceReport.class,
        () -> context.client().attendance(selected.studentId(), shown.atDay(1), shown.atEndOfMonth()),
        report -> show(shown, report), this::load, () -> asked == generation, () -> show(shown, null));
  }

  /** Shows what the API says of one day of the grid. */
  public void select(LocalDate date) {
    AttendanceReport.Day day = days.get(date);
    String when = text.format("attendance.dayOf", Formats.date(date), weekday(date.getDayOfWeek()));
    if (day == null) {
      dayDetail.set(text.format("attendance.detail", when, text.get("attendance.noRecord")));
      return;
    }
    String status = statusName(day.status(), day.marked());
    if (day.note() != null && !day.note().isBlank()) {
      status += " — " + day.note();
    }
    dayDetail.set(text.format("attendance.detail", when, status));
  }

  /** The name of a status ("Nghỉ có phép"); an unmarked day is approved leave the teacher has not marked yet. */
  public String statusName(AttendanceStatus status, boolean marked) {
    return marked ? text.get("attendance.status." + status.name()) : text.get("attendance.status.planned");
  }

  /** The column heading of a weekday: T2 … T7, CN. */
  public String weekday(DayOfWeek day) {
    return text.get("attendance.weekday." + day.name());
  }

  private void show(YearMonth shown, AttendanceReport report) {
    days.clear();
    if (report != null) {
      report.days().forEach(day -> days.put(day.date(), day));
    }
    cells.setAll(grid(shown, days));
    List<Count> legend = new ArrayList<>();
    AttendanceReport.Summary summary = report == null ? null : report.summary();
    for (AttendanceStatus status : AttendanceStatus.values()) {
      int count = summary == null ? 0 : switch (status) {
        case PRESENT -> summary.present();
        case LATE -> summary.late();
        case ABSENT_EXCUSED -> summary.absentExcused();
        case ABSENT_UNEXCUSED -> summary.absentUnexcused();
      };
      legend.add(new Count(status, text.get("attendance.status." + status.name()), count));
    }
    counts.setAll(report == null ? List.of() : legend);
  }

  private static List<Cell> grid(YearMonth shown, Map<LocalDate, AttendanceReport.Day> days) {
    List<Cell> grid = new ArrayList<>();
    LocalDate start = shown.atDay(1);
    start = start.minusDays(start.getDayOfWeek().getValue() - 1L); // back to Monday
    LocalDate end = shown.atEndOfMonth();
    end = end.plusDays(7L - end.getDayOfWeek().getValue()); // on to Sunday
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      AttendanceReport.Day day = days.get(d);
      boolean inMonth = YearMonth.from(d).equals(shown);
      grid.add(new Cell(d, inMonth, inMonth && day != null ? day.status() : null, day != null && day.marked(),
          day == null ? null : day.note()));
    }
    return grid;
  }

  private String title(YearMonth shown) {
    return text.format("attendance.month", String.valueOf(shown.getMonthValue()), String.valueOf(shown.getYear()));
  }
}
