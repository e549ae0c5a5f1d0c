package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.Formats;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.AttendanceReport;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.LeaveRequest;
import vn.lienlac.model.records.PrimaryTermReport;
import vn.lienlac.model.records.SecondaryYearReport;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.PrimaryPoint;

/**
 * The parent's records tab, headless, against the local stack: the year report shows the API's
 * figures (averages, levels, conduct, promotion), the calendar shows each day with the status the
 * API reports (and the cached month with the network cut), a leave request sent from the form
 * appears in the list and in the API, a reversed date range shows the API's message beside the
 * field, and a primary pupil's Circular 27 evaluations show as the API gives them.
 * nt-ph-023's child was in 6A1 in 2025-2026, whose year is complete in the demo world.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParentRecordsUiTest extends AppUiTest {
  private static final String PARENT = "nt-ph-023";
  /** A primary school parent: read only. */
  private static final String PRIMARY_PARENT = "kd-ph-001";
  /** A parent of two pupils: read only. */
  private static final String TWO_CHILDREN_PARENT = "nt-ph-022";
  private static final String CURRENT_YEAR = "2026-2027";
  private static final String LAST_YEAR = "2025-2026";

  @TempDir
  static Path primaryCacheFolder;
  @TempDir
  static Path twoChildrenCacheFolder;
  private static LienlacClient api;
  private static String child;

  @BeforeAll
  static void start() throws Exception {
    api = ui.as(PARENT);
    Me.Child first = api.me().schools().get(0).children().get(0);
    child = first.studentId();
  }

  @Test
  @Order(1)
  void the_year_report_shows_the_figures_the_api_computed() throws Exception {
    ui.signIn(PARENT);
    GradeReport term = api.grades(child, CURRENT_YEAR + "-HK1");
    ui.waitFor("#average-0", Label.class, l -> l.getText().equals(Formats.score(term.subjects().get(0).average())));
    assertThat(ui.<Label>node("#level").getText()).isEqualTo("Học lực: " + term.levelName());
    ui.shoot("20-diem-hoc-ky-1");

    // This year, the whole year: only term 1 is final; the API lists what is still being entered.
    ui.fire("#term-year");
    YearReport thisYear = api.yearReport(child, CURRENT_YEAR);
    assertThat(thisYear.complete()).isFalse();
    ui.waitFor("#level", Label.class, l -> l.getText().equals("Học lực cả năm: chưa đủ kết quả"));
    assertThat(ui.<Label>node("#fact-term1-level").getText())
        .isEqualTo(thisYear.secondary().term1Level().levelName());
    assertThat(texts("#notes")).contains("• " + thisYear.pending().get(0));

    // Last school year: complete, with conduct, promotion and every year average.
    ComboBox<String> year = ui.node("#school-year");
    ui.onFx(() -> year.setValue(LAST_YEAR));
    YearReport report = api.yearReport(child, LAST_YEAR);
    SecondaryYearReport secondary = report.secondary();
    assertThat(report.complete()).isTrue();
    ui.waitFor("#fact-promotion", Label.class, l -> l.getText().startsWith(secondary.promotion().outcomeName()));
    for (int i = 0; i < secondary.subjects().size(); i++) {
      SecondaryYearReport.SubjectYear subject = secondary.subjects().get(i);
      String expected = subject.yearAverage() != null ? Formats.score(subject.yearAverage())
          : subject.yearRating() == vn.lienlac.model.records.grading.Rating.DAT ? "Đạt" : "Chưa đạt";
      assertThat(ui.<Label>node("#average-" + i).getText()).as(subject.subjectName()).isEqualTo(expected);
    }
    assertThat(ui.<Label>node("#level").getText()).isEqualTo("Học lực cả năm: " + secondary.yearLevel().levelName());
    assertThat(ui.<Label>node("#fact-term2-level").getText()).isEqualTo(secondary.term2Level().levelName());
    assertThat(ui.<Label>node("#fact-conduct-year").getText()).isEqualTo(secondary.conduct().yearName());
    assertThat(ui.<Label>node("#fact-absent").getText()).isEqualTo(String.valueOf(secondary.absentSessions()));
    ui.shoot("21-diem-ca-nam-2025-2026");
    ScrollPane scroll = ui.node("#grades-scroll");
    ui.onFx(() -> scroll.setVvalue(1.0));
    ui.shoot("22-ket-qua-ca-nam-len-lop");
  }

  @Test
  @Order(2)
  void the_calendar_shows_each_day_with_the_status_the_api_reports() throws Exception {
    ui.fire("#seg-attendance");
    LocalDate today = LocalDate.of(2026, 11, 21);
    AttendanceReport month = api.attendance(child, today.withDayOfMonth(1), today.withDayOfMonth(30));
    AttendanceReport.Day late = month.days().stream().filter(d -> d.status() == AttendanceStatus.LATE)
        .findFirst().orElseThrow();
    AttendanceReport.Day unexcused = month.days().stream()
        .filter(d -> d.status() == AttendanceStatus.ABSENT_UNEXCUSED).findFirst().orElseThrow();
    assertThat(ui.<Label>node("#month").getText()).isEqualTo("Tháng 11/2026");
    ui.waitUntil("the month's days", () -> ui.<Node>lookup("#day-" + late.date()).getStyleClass().contains("day-LATE"));
    assertThat(ui.<Node>node("#day-" + unexcused.date()).getStyleClass()).contains("day-ABSENT_UNEXCUSED");
    assertThat(ui.<Node>node("#day-" + month.days().get(0).date()).getStyleClass())
        .contains("day-" + month.days().get(0).status().name());
    assertThat(ui.<Label>node("#count-LATE").getText()).isEqualTo("Đi muộn: " + month.summary().late());
    assertThat(ui.<Label>node("#count-PRESENT").getText()).isEqualTo("Có mặt: " + month.summary().present());
    assertThat(ui.<Label>node("#count-ABSENT_UNEXCUSED").getText())
        .isEqualTo("Nghỉ không phép: " + month.summary().absentUnexcused());

    ui.fire("#day-" + late.date());
    assertThat(ui.<Label>node("#day-detail").getText())
        .isEqualTo(Formats.date(late.date()) + " (" + weekday(late.date()) + "): Đi muộn"
            + (late.note() == null ? "" : " — " + late.note()));
    ui.shoot("23-chuyen-can");

    // With the network cut, the month read before is still there, marked with when it was read.
    ui.network().cut();
    try {
      ui.fire("#nav-invoices");
      ui.fire("#nav-grades");
      ui.fire("#seg-attendance");
      ui.waitFor("#stale", Label.class, l -> l.getText() != null && l.getText().startsWith("Không có mạng"));
      assertThat(ui.<Node>node("#day-" + late.date()).getStyleClass()).contains("day-LATE");
      ui.shoot("24-chuyen-can-ngoai-tuyen");
    } finally {
      ui.network().restore();
    }
    ui.fire("#retry");
    ui.waitUntil("fresh attendance", () -> !ui.<Label>lookup("#stale").isVisible());
  }

  @Test
  @Order(3)
  void a_reversed_date_range_shows_the_apis_message_beside_the_field() throws Exception {
    ui.fire("#seg-leave");
    LeaveRequest existing = api.leaveRequests(child).get(0);
    ui.node("#leave-" + existing.id());
    ui.shoot("25-nghi-phep");

    ui.fire("#leave-new");
    LocalDate from = LocalDate.of(2026, 11, 26);
    LocalDate to = LocalDate.of(2026, 11, 24);
    String reason = "Gia đình có việc riêng, xin cho cháu nghỉ.";
    setDate("#leave-from", from);
    setDate("#leave-to", to);
    ui.type("#leave-reason", reason);
    ApiProblem refused = catchThrowableOfType(ApiProblem.class,
        () -> api.requestLeave(child, new LeaveRequest.Draft(from, to, reason), null));
    String expected = refused.errors().stream().filter(e -> "to".equals(e.field())).map(Problem.FieldError::message)
        .findFirst().orElseThrow();
    ui.fire("#leave-send");
    Label error = ui.waitFor("#leave-to-error", Label.class, l -> expected.equals(l.getText()));
    assertThat(error.getText()).isEqualTo(expected);
    assertThat(ui.<Label>lookup("#leave-from-error").isVisible()).isFalse();
    ui.shoot("26-xin-nghi-loi-ngay");
  }

  @Test
  @Order(4)
  void a_leave_request_sent_from_the_form_appears_in_the_list_and_in_the_api() throws Exception {
    LocalDate from = LocalDate.of(2026, 11, 26);
    LocalDate to = LocalDate.of(2026, 11, 27);
    String reason = "Gia đình có việc riêng, xin cho cháu nghỉ.";
    setDate("#leave-to", to);
    ui.fire("#leave-send");
    ui.waitFor("#leave-sent", Label.class, l -> l.getText() != null);

    List<LeaveRequest> sent = api.leaveRequests(child).stream()
        .filter(r -> r.from().equals(from) && r.to().equals(to) && reason.equals(r.reason())).toList();
    assertThat(sent).hasSize(1);
    LeaveRequest created = sent.get(0);
    assertThat(created.status()).isEqualTo(LeaveRequest.Status.PENDING);
    assertThat(ui.<Label>node("#leave-status-" + created.id()).getText()).isEqualTo("Chờ duyệt");
    assertThat(texts("#leave-" + created.id())).contains("Nghỉ từ 26/11/2026 đến 27/11/2026 (2 ngày)", reason);
    ui.shoot("27-nghi-phep-da-gui");
  }

  @Test
  @Order(5)
  void a_primary_pupils_evaluations_show_as_the_api_gives_them() throws Exception {
    ui.stop();
    ui = UiHarness.start(primaryCacheFolder);
    LienlacClient parent = ui.as(PRIMARY_PARENT);
    Me.SchoolMembership school = parent.me().schools().get(0);
    assertThat(school.schoolLevel()).isEqualTo(vn.lienlac.model.records.grading.SchoolLevel.PRIMARY);
    String pupil = school.children().get(0).studentId();
    GradeReport term = parent.grades(pupil, CURRENT_YEAR + "-HK1");
    PrimaryTermReport.Subject first = term.primary().subjects().get(0);
    PrimaryTermReport.Mark end = first.points().get(PrimaryPoint.END_TERM_1);

    ui.signIn(PRIMARY_PARENT);
    ui.waitFor("#average-0", Label.class, l -> l.getText().equals(end.ratingName()));
    assertThat(ui.<Label>lookup("#level").isVisible()).isFalse();
    List<String> shown = texts("#grades");
    assertThat(shown).contains(first.subjectName());
    assertThat(String.join("\n", shown)).contains("Cuối HK I: " + end.ratingName() + "  ·  KT " + end.testScore());
    PrimaryTermReport.QualityMarks quality = term.primary().qualities().get(0);
    assertThat(ui.<Label>node("#quality-0").getText())
        .isEqualTo(quality.points().get(PrimaryPoint.END_TERM_1).ratingName());
    ui.shoot("28-diem-tieu-hoc");

    ui.fire("#term-year");
    YearReport year = parent.yearReport(pupil, CURRENT_YEAR);
    String level = year.primary().evaluationName() == null ? "Đánh giá cuối năm: chưa đủ kết quả"
        : "Đánh giá cuối năm: " + year.primary().evaluationName();
    ui.waitFor("#level", Label.class, l -> l.getText().equals(level));
    assertThat(texts("#notes")).contains("• " + year.pending().get(0));
    PrimaryTermReport.Mark yearEnd = year.primary().subjects().get(0).points().get(PrimaryPoint.END_OF_YEAR);
    assertThat(ui.<Label>lookup("#average-0")).as("no year rating before the end of the year")
        .matches(label -> yearEnd == null ? label == null : label.getText().equals(yearEnd.ratingName()));
    ScrollPane scroll = ui.node("#grades-scroll");
    ui.onFx(() -> scroll.setVvalue(1.0));
    ui.shoot("29-diem-tieu-hoc-ca-nam");
  }

  @Test
  @Order(6)
  void another_child_chosen_shows_that_childs_records_in_every_segment() throws Exception {
    ui.stop();
    ui = UiHarness.start(twoChildrenCacheFolder);
    LienlacClient parent = ui.as(TWO_CHILDREN_PARENT);
    List<Me.Child> children = parent.me().schools().get(0).children();
    assertThat(children).hasSizeGreaterThanOrEqualTo(2);
    Me.Child second = children.get(1);
    GradeReport grades = parent.grades(second.studentId(), CURRENT_YEAR + "-HK1");
    AttendanceReport month = parent.attendance(second.studentId(), LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 30));

    ui.signIn(TWO_CHILDREN_PARENT);
    ui.node("#average-0");
    ui.fire("#seg-attendance");
    ComboBox<Me.Child> child = ui.node("#child");
    ui.onFx(() -> child.setValue(second));
    ui.waitFor("#count-PRESENT", Label.class, l -> l.getText().equals("Có mặt: " + month.summary().present()));
    assertThat(ui.<Label>node("#count-ABSENT_UNEXCUSED").getText())
        .isEqualTo("Nghỉ không phép: " + month.summary().absentUnexcused());

    ui.fire("#seg-grades");
    String firstAverage = Formats.score(grades.subjects().get(0).average());
    ui.waitFor("#average-0", Label.class, l -> l.getText().equals(firstAverage));
    assertThat(ui.<Label>node("#level").getText()).isEqualTo("Học lực: " + grades.levelName());
    for (int i = 0; i < grades.subjects().size(); i++) {
      GradeReport.SubjectGrade subject = grades.subjects().get(i);
      if (subject.average() != null) {
        assertThat(ui.<Label>node("#average-" + i).getText()).as(subject.subjectName())
            .isEqualTo(Formats.score(subject.average()));
      }
    }
    assertThat(ui.<ComboBox<Me.Child>>node("#child").getValue().studentId()).isEqualTo(second.studentId());
  }

  private static void setDate(String selector, LocalDate date) {
    DatePicker picker = ui.node(selector);
    ui.onFx(() -> picker.setValue(date));
  }

  /** The texts of every label under a node. */
  private static List<String> texts(String selector) {
    Node root = ui.node(selector);
    return root.lookupAll(".label").stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
  }

  private static String weekday(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case MONDAY -> "T2";
      case TUESDAY -> "T3";
      case WEDNESDAY -> "T4";
      case THURSDAY -> "T5";
      case FRIDAY -> "T6";
      case SATURDAY -> "T7";
      case SUNDAY -> "CN";
    };
  }
}
