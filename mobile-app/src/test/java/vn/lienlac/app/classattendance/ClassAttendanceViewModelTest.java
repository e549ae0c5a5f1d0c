package vn.lienlac.app.classattendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.AttendanceStatus;

/**
 * Attendance in a few taps, without the toolkit: today in Vietnam, everyone present by default,
 * a tap cycles, the save sends only the changed pupils with the register's version (never a body
 * without marks), a 409 reloads.
 */
class ClassAttendanceViewModelTest {
  // 20:00 UTC on the 20th is 03:00 on the 21st in Vietnam: the register of the 21st.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T20:00:00Z"), ZoneOffset.UTC);
  private static final String NEW_DAY = """
      {"classId":"c1","className":"6A1","date":"2026-11-21","marked":false,"version":0,"entries":[
        {"studentId":"st-1","fullName":"Nguyễn An"},
        {"studentId":"st-2","fullName":"Lê Bình","status":"ABSENT_EXCUSED","leaveRequestId":"lv-1"},
        {"studentId":"st-3","fullName":"Trần Chi"}]}
      """;
  private static final String TAKEN_DAY = """
      {"classId":"c1","className":"6A1","date":"2026-11-21","marked":true,"version":4,"entries":[
        {"studentId":"st-1","fullName":"Nguyễn An","status":"PRESENT"},
        {"studentId":"st-2","fullName":"Lê Bình","status":"ABSENT_EXCUSED","leaveRequestId":"lv-1"},
        {"studentId":"st-3","fullName":"Trần Chi","status":"LATE","note":"Đến muộn 10 phút"}]}
      """;

  @TempDir
  Path cache;
  private FakeApi api;
  private ClassAttendanceViewModel model;

  @BeforeEach
  void start() throws IOException {
    api = new FakeApi();
    model = new ClassAttendanceViewModel(
        TestContexts.against(api, cache).clock(CLOCK).signedIn(new Me("gv", "Cô Hà", List.of()), "TEACHER"), "c1");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static JsonNode body(FakeApi.Request put) throws IOException {
    return LienlacClient.json().readTree(put.body());
  }

  @Test
  void a_day_not_taken_yet_shows_everyone_present_and_its_save_sends_the_marks_that_are_not() throws IOException {
    api.otherwise(r -> FakeApi.Answer.ok(r.method().equals("GET") ? NEW_DAY : TAKEN_DAY));
    model.load();

    assertThat(api.requests().get(0).target()).isEqualTo("/v1/classes/c1/attendance/2026-11-21");
    assertThat(model.rows()).extracting(r -> r.status.get())
        .containsExactly(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.PRESENT);
    assertThat(model.headingProperty().get()).isEqualTo("6A1 · Thứ Bảy 21/11/2026 · chưa điểm danh");
    assertThat(model.canGoForwardProperty().get()).isFalse();

    model.save(); // nothing tapped: the register is taken, the pupil on approved leave stays excused

    JsonNode sent = body(api.requests("PUT").get(0));
    assertThat(sent.get("version").asLong()).isZero();
    assertThat(sent.get("marks")).hasSize(1);
    assertThat(sent.get("marks").get(0).get("studentId").asText()).isEqualTo("st-2");
    assertThat(sent.get("marks").get(0).get("status").asText()).isEqualTo("ABSENT_EXCUSED");
    assertThat(model.noticeProperty().get()).isEqualTo("Đã lưu điểm danh ngày 21/11/2026.");
  }

  @Test
  void a_tap_cycles_the_status_and_only_the_changed_pupil_is_sent_with_the_registers_version() throws IOException {
    api.otherwise(r -> FakeApi.Answer.ok(TAKEN_DAY));
    model.load();
    var an = model.rows().get(0);

    model.cycle(an);
    assertThat(an.status.get()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
    assertThat(model.summaryProperty().get()).isEqualTo("Có mặt 0 · Vắng 2 · Muộn 1 · 1 thay đổi chưa lưu");
    model.cycle(an);
    model.cycle(an);
    model.cycle(an);
    assertThat(an.status.get()).isEqualTo(AttendanceStatus.PRESENT);
    model.set(an, AttendanceStatus.ABSENT_UNEXCUSED);
    model.save();

    JsonNode sent = body(api.requests("PUT").get(0));
    assertThat(sent.get("version").asLong()).isEqualTo(4);
    assertThat(sent.get("marks")).hasSize(1);
    assertThat(sent.get("marks").get(0).get("studentId").asText()).isEqualTo("st-1");
    assertThat(sent.get("marks").get(0).get("status").asText()).isEqualTo("ABSENT_UNEXCUSED");
  }

  @Test
  void a_taken_day_with_nothing_changed_sends_nothing() {
    api.otherwise(r -> FakeApi.Answer.ok(TAKEN_DAY));
    model.load();
    assertThat(model.rows().get(2).note()).isEqualTo("Đến muộn 10 phút");

    model.save();

    assertThat(api.requests("PUT")).isEmpty();
    assertThat(model.noticeProperty().get()).isEqualTo("Không có thay đổi nào để lưu.");
  }

  @Test
  void someone_else_marking_meanwhile_is_said_and_the_register_reloaded() {
    int[] gets = {0};
    api.otherwise(r -> {
      if (r.method().equals("GET")) {
        gets[0]++;
        return FakeApi.Answer.ok(gets[0] == 1 ? NEW_DAY : TAKEN_DAY);
      }
      return FakeApi.Answer.json(409, "{\"title\":\"Xung đột\",\"status\":409,\"currentVersion\":4}");
    });
    model.load();
    model.cycle(model.rows().get(0));

    model.save();

    assertThat(gets[0]).isEqualTo(2);
    assertThat(model.noticeProperty().get()).startsWith("Có người khác vừa điểm danh lớp này.");
    assertThat(model.headingProperty().get()).endsWith("đã điểm danh");
    assertThat(model.rows().get(2).status.get()).isEqualTo(AttendanceStatus.LATE);
  }

  @Test
  void the_previous_day_can_be_opened_and_the_next_one_up_to_today() {
    api.otherwise(r -> FakeApi.Answer.ok(TAKEN_DAY));
    model.load();
    model.previousDay();
    assertThat(api.requests().get(1).target()).endsWith("/attendance/2026-11-20");
    assertThat(model.canGoForwardProperty().get()).isTrue();
    model.nextDay();
    assertThat(api.requests().get(2).target()).endsWith("/attendance/2026-11-21");
    model.nextDay(); // tomorrow: not opened
    assertThat(api.requests()).hasSize(3);
  }
}
