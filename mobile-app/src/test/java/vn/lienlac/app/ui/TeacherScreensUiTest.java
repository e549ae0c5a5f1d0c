package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.gradebook.GradebookView;
import vn.lienlac.model.records.AttendanceReport;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.LeaveRequest;

/**
 * The teacher's record screens, headless, against the local stack ({@link UiHarness}). The teacher
 * nt-gv-01 (homeroom teacher of 6A1, maths in 6A1 and 6A2) enters maths marks for Bùi Thành Hải
 * (6A1, child of nt-ph-043): a bad value (11) is refused on its row and nothing is saved (not even
 * a valid row sent with it: the API writes all rows or none); fixed, the parent's grades (API)
 * show the new marks and the average the API computed, which the app shows too. The teacher marks
 * the pupil absent today and the parent's attendance (API) shows it; approves a leave request the
 * parent made through the API. Someone else saving meanwhile is a 409 the app reports and reloads.
 * Only nt-ph-041 and nt-ph-043's children are changed (the brief's users for this class).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeacherScreensUiTest extends AppUiTest {
  private static final String TEACHER = "nt-gv-01";
  private static final String PARENT = "nt-ph-043";
  private static final String PUPIL = "nt-hs-0068"; // Bùi Thành Hải, 6A1
  private static final String OTHER_PUPIL = "nt-hs-0065"; // Hồ Ngọc Linh, 6A1, child of nt-ph-041
  private static final String CLASS = "nt-2026-6a1";
  private static final String SUBJECT = "toan";

  private static String term;

  @BeforeAll
  static void start() throws Exception {
    term = ui.as(PARENT).me().schools().get(0).currentTerm();
  }

  @Test
  @Order(1)
  void the_teacher_sees_their_classes_with_what_they_may_open_in_each() throws Exception {
    ui.signIn(TEACHER);
    ui.node("#class-" + CLASS);
    assertThat((Node) ui.node("#open-gradebook-" + CLASS + "-" + SUBJECT)).isNotNull();
    assertThat((Node) ui.node("#open-attendance-" + CLASS)).isNotNull();
    assertThat((Node) ui.node("#open-leave-" + CLASS)).isNotNull();
    // 6A2: maths only, not homeroom: no leave requests to decide there, no literature gradebook.
    assertThat((Node) ui.node("#open-gradebook-nt-2026-6a2-toan")).isNotNull();
    assertThat((Object) ui.lookup("#open-leave-nt-2026-6a2")).isNull();
    assertThat((Object) ui.lookup("#open-gradebook-" + CLASS + "-ngu-van")).isNull();
    ui.shoot("40-lop-cua-toi");
  }

  @Test
  @Order(2)
  void a_bad_value_is_refused_on_its_row_and_nothing_is_saved_then_the_parent_sees_the_new_marks() throws Exception {
    Gradebook before = ui.as(TEACHER).gradebook(CLASS, SUBJECT, term);
    Gradebook.Entry pupilBefore = entry(before, PUPIL);
    Gradebook.Entry otherBefore = entry(before, OTHER_PUPIL);
    GradeReport parentBefore = ui.as(PARENT).grades(PUPIL, term);

    ui.fire("#open-gradebook-" + CLASS + "-" + SUBJECT);
    TextField midterm = ui.node("#gb-midterm-" + PUPIL);
    assertThat(midterm.getText()).isEqualTo(Formats.score(pupilBefore.midterm()));
    reveal("#gb-row-" + PUPIL);
    ui.shoot("41-so-diem");

    // A valid change on another row and 11 on the pupil's: the API refuses the pupil's row only,
    // and writes neither.
    String otherMidterm = otherBefore.midterm() != null && otherBefore.midterm().compareTo(new BigDecimal("7")) == 0
        ? "6,5" : "7";
    ui.type("#gb-midterm-" + OTHER_PUPIL, otherMidterm);
    ui.type("#gb-midterm-" + PUPIL, "11");
    ui.fire("#gb-save");
    Label error = ui.waitFor("#gb-error-" + PUPIL, Label.class, label -> label.getText() != null);
    assertThat(error.getText()).contains("10");
    assertThat(ui.<Label>lookup("#gb-error-" + OTHER_PUPIL).isVisible()).isFalse();
    assertThat(((Label) ui.node("#failure .failure-text")).getText()).contains("chưa dòng nào được lưu");
    assertThat(ui.<TextField>lookup("#gb-midterm-" + PUPIL).getText()).isEqualTo("11");
    assertThat(entry(ui.as(TEACHER).gradebook(CLASS, SUBJECT, term), PUPIL)).isEqualTo(pupilBefore);
    assertThat(entry(ui.as(TEACHER).gradebook(CLASS, SUBJECT, term), OTHER_PUPIL)).isEqualTo(otherBefore);
    assertThat(subject(ui.as(PARENT).grades(PUPIL, term))).isEqualTo(subject(parentBefore));
    ui.shoot("42-so-diem-loi");

    // Fixed (decimal comma and dot both), the other row put back: one row sent, saved.
    int regularCount = Math.max(1, before.requiredRegularCount());
    String regular = String.join(" ", Collections.nCopies(regularCount, "9"));
    ui.type("#gb-midterm-" + OTHER_PUPIL, Formats.score(otherBefore.midterm()));
    ui.type("#gb-regular-" + PUPIL, regular);
    ui.type("#gb-midterm-" + PUPIL, "8,5");
    ui.type("#gb-final-" + PUPIL, "9.5");
    ui.fire("#gb-save");
    ui.waitFor("#gb-notice", Label.class, label -> "Đã lưu điểm của 1 học sinh.".equals(label.getText()));

    GradeReport.SubjectGrade maths = subject(ui.as(PARENT).grades(PUPIL, term));
    assertThat(maths.midterm()).isEqualByComparingTo("8.5");
    assertThat(maths.finalExam()).isEqualByComparingTo("9.5");
    assertThat(maths.regular()).hasSize(regularCount).allSatisfy(s -> assertThat(s).isEqualByComparingTo("9"));
    assertThat(maths.average()).isNotNull();
    Label average = ui.node("#gb-average-" + PUPIL);
    assertThat(average.getText()).isEqualTo(Formats.score(maths.average()));
    assertThat(entry(ui.as(TEACHER).gradebook(CLASS, SUBJECT, term), OTHER_PUPIL)).isEqualTo(otherBefore);
    reveal("#gb-row-" + PUPIL);
    ui.shoot("43-so-diem-da-luu");
  }

  @Test
  @Order(3)
  void someone_else_saving_meanwhile_is_said_and_the_gradebook_reloaded() throws Exception {
    // The gradebook is open (test 2); the teacher's other device saves the pupil's final exam.
    Gradebook.Entry now = entry(ui.as(TEACHER).gradebook(CLASS, SUBJECT, term), PUPIL);
    ui.as(TEACHER).saveGradebook(CLASS, SUBJECT, term, new Gradebook.Update(List.of(new Gradebook.Row(PUPIL,
        now.regular(), now.midterm(), new BigDecimal("10"), null, now.version()))));

    ui.type("#gb-final-" + PUPIL, "7");
    ui.fire("#gb-save");
    ui.waitFor("#gb-notice", Label.class, label -> label.getText() != null
        && label.getText().startsWith("Có người khác vừa lưu sổ điểm này."));
    ui.waitFor("#gb-final-" + PUPIL, TextField.class, field -> "10".equals(field.getText()));
    assertThat(subject(ui.as(PARENT).grades(PUPIL, term)).finalExam()).isEqualByComparingTo("10");
    reveal("#gb-row-" + PUPIL);
    ui.shoot("44-so-diem-xung-dot");
  }

  @Test
  @Order(4)
  void the_teacher_marks_the_pupil_absent_and_the_parent_sees_it() throws Exception {
    LocalDate today = LocalDate.of(2026, 11, 21); // UiHarness.NOW in Vietnam
    ui.fire("#back");
    ui.fire("#open-attendance-" + CLASS);
    Labeled status = ui.node("#att-row-" + PUPIL);
    assertThat(((Label) ui.node("#att-heading")).getText()).contains("21/11/2026");
    assertThat(status.getText()).isEqualTo("Có mặt");
    ui.fire("#att-row-" + PUPIL);
    assertThat(status.getText()).isEqualTo("Vắng không phép");
    assertThat(((Label) ui.node("#att-summary")).getText()).endsWith("1 thay đổi chưa lưu");
    reveal("#att-row-" + PUPIL);
    ui.shoot("45-diem-danh");

    ui.fire("#att-save");
    ui.waitFor("#att-notice", Label.class, label -> "Đã lưu điểm danh ngày 21/11/2026.".equals(label.getText()));
    AttendanceReport seen = ui.as(PARENT).attendance(PUPIL, today, today);
    assertThat(seen.days()).singleElement().satisfies(day -> {
      assertThat(day.status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
      assertThat(day.marked()).isTrue();
    });
    assertThat(((Label) ui.node("#att-heading")).getText()).endsWith("đã điểm danh");
    reveal("#att-row-" + PUPIL);
    ui.shoot("46-diem-danh-da-luu");

    // Saving again with nothing changed sends nothing.
    long version = ui.as(TEACHER).classAttendance(CLASS, today).version();
    ui.fire("#att-save");
    ui.waitFor("#att-notice", Label.class, label -> "Không có thay đổi nào để lưu.".equals(label.getText()));
    assertThat(ui.as(TEACHER).classAttendance(CLASS, today).version()).isEqualTo(version);
  }

  @Test
  @Order(5)
  void the_homeroom_teacher_approves_a_leave_request_the_parent_made() throws Exception {
    LeaveRequest asked = ui.as(PARENT).requestLeave(PUPIL, new LeaveRequest.Draft(LocalDate.of(2026, 11, 23),
        LocalDate.of(2026, 11, 24), "Cháu bị sốt, gia đình xin phép cho cháu nghỉ hai ngày."), UUID.randomUUID().toString());
    String id = asked.id();

    ui.fire("#back");
    ui.fire("#nav-leave");
    ui.node("#leave-" + id);
    ui.shoot("47-don-xin-nghi");

    // Declining without a note: the API's message on that request, and it stays pending.
    ui.fire("#leave-decline-" + id);
    Label error = ui.waitFor("#leave-error-" + id, Label.class, label -> label.getText() != null);
    assertThat(error.getText()).isNotBlank();
    assertThat(status(id)).isEqualTo(LeaveRequest.Status.PENDING);
    ui.shoot("48-don-thieu-ghi-chu");

    ui.type("#leave-note-" + id, "Chúc cháu mau khỏe.");
    ui.fire("#leave-approve-" + id);
    ui.waitFor("#leave-notice", Label.class, label -> "Đã duyệt đơn của Bùi Thành Hải · 6A1.".equals(label.getText()));
    ui.waitUntil("the request left the list", () -> ui.lookup("#leave-" + id) == null);
    LeaveRequest decided = ui.as(PARENT).leaveRequests(PUPIL).stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow();
    assertThat(decided.status()).isEqualTo(LeaveRequest.Status.APPROVED);
    assertThat(decided.decisionNote()).isEqualTo("Chúc cháu mau khỏe.");
    assertThat(decided.decidedBy()).isEqualTo(TEACHER);
    ui.shoot("49-don-da-duyet");
  }

  private static LeaveRequest.Status status(String id) {
    return ui.as(PARENT).leaveRequests(PUPIL).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()
        .status();
  }

  private static void reveal(String selector) {
    Node node = ui.node(selector);
    ui.onFx(() -> GradebookView.reveal(node));
  }

  private static Gradebook.Entry entry(Gradebook book, String studentId) {
    return book.rows().stream().filter(r -> r.studentId().equals(studentId)).findFirst().orElseThrow();
  }

  private static GradeReport.SubjectGrade subject(GradeReport report) {
    return report.subjects().stream().filter(s -> s.subject().equals(SUBJECT)).findFirst().orElseThrow();
  }
}
