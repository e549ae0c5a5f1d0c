package vn.lienlac.app.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.records.ChildChoice;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.AttendanceStatus;

/** The attendance calendar's ViewModel without the toolkit. */
class AttendanceViewModelTest {
  private static final String NOVEMBER = """
      {"studentId":"st-1","from":"2026-11-01","to":"2026-11-30","days":[
        {"date":"2026-11-02","status":"ABSENT_EXCUSED","leaveRequestId":"l1","marked":true},
        {"date":"2026-11-03","status":"PRESENT","marked":true},
        {"date":"2026-11-17","status":"LATE","note":"Đến muộn 10 phút","marked":true},
        {"date":"2026-11-19","status":"ABSENT_UNEXCUSED","marked":true},
        {"date":"2026-11-27","status":"ABSENT_EXCUSED","leaveRequestId":"l2","marked":false}],
       "summary":{"present":12,"late":1,"absentExcused":1,"absentUnexcused":1}}
      """;

  @TempDir
  Path cacheFolder;
  private FakeApi api;
  private AppContext context;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi().on("GET /v1/students/st-1/attendance?from=2026-11-01&to=2026-11-30", 200, NOVEMBER)
        .on("GET /v1/students/st-1/attendance?from=2026-10-01&to=2026-10-31", 200,
            "{\"studentId\":\"st-1\",\"days\":[],\"summary\":{\"present\":0,\"late\":0,\"absentExcused\":0,"
                + "\"absentUnexcused\":0}}");
    context = TestContexts.against(api, cacheFolder).signedIn(new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-1", "Nguyễn An", "c1", "7A1")), List.of()))), "PARENT");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private AttendanceViewModel model() {
    return new AttendanceViewModel(context, new ChildChoice(context.me()));
  }

  @Test
  void the_month_of_today_in_whole_weeks_monday_first_each_day_with_the_apis_status() {
    AttendanceViewModel model = model();
    model.load();

    assertThat(model.monthTitleProperty().get()).isEqualTo("Tháng 11/2026");
    assertThat(model.cells()).hasSize(42); // 26 October (Monday) to 6 December (Sunday)
    assertThat(model.cells().get(0).date()).isEqualTo(LocalDate.of(2026, 10, 26));
    assertThat(model.cells().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(model.cells().get(41).date()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(cell(model, 17).status()).isEqualTo(AttendanceStatus.LATE);
    assertThat(cell(model, 19).status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
    assertThat(cell(model, 27).status()).isEqualTo(AttendanceStatus.ABSENT_EXCUSED);
    assertThat(cell(model, 27).marked()).isFalse();
    assertThat(cell(model, 18).status()).isNull();
    assertThat(model.weekday(DayOfWeek.MONDAY)).isEqualTo("T2");
    assertThat(model.weekday(DayOfWeek.SUNDAY)).isEqualTo("CN");
  }

  @Test
  void the_counts_are_the_apis_summary() {
    AttendanceViewModel model = model();
    model.load();

    assertThat(model.counts()).containsExactly(
        new AttendanceViewModel.Count(AttendanceStatus.PRESENT, "Có mặt", 12),
        new AttendanceViewModel.Count(AttendanceStatus.LATE, "Đi muộn", 1),
        new AttendanceViewModel.Count(AttendanceStatus.ABSENT_EXCUSED, "Nghỉ có phép", 1),
        new AttendanceViewModel.Count(AttendanceStatus.ABSENT_UNEXCUSED, "Nghỉ không phép", 1));
  }

  @Test
  void a_chosen_day_says_its_status_and_the_teachers_note() {
    AttendanceViewModel model = model();
    model.load();

    model.select(LocalDate.of(2026, 11, 17));
    assertThat(model.dayDetailProperty().get()).isEqualTo("17/11/2026 (T3): Đi muộn — Đến muộn 10 phút");
    model.select(LocalDate.of(2026, 11, 27));
    assertThat(model.dayDetailProperty().get())
        .isEqualTo("27/11/2026 (T6): Nghỉ có phép (đơn đã duyệt, chưa điểm danh)");
    model.select(LocalDate.of(2026, 11, 18));
    assertThat(model.dayDetailProperty().get()).isEqualTo("18/11/2026 (T4): chưa có điểm danh");
  }

  @Test
  void the_month_switch_asks_for_the_month_before() {
    AttendanceViewModel model = model();
    model.load();
    model.previousMonth();

    assertThat(model.monthProperty().get()).isEqualTo(YearMonth.of(2026, 10));
    assertThat(model.monthTitleProperty().get()).isEqualTo("Tháng 10/2026");
    assertThat(api.requests()).extracting(FakeApi.Request::target).last()
        .isEqualTo("/v1/students/st-1/attendance?from=2026-10-01&to=2026-10-31");
    assertThat(model.cells()).allMatch(c -> c.status() == null);
  }

  @Test
  void with_the_network_cut_the_month_read_before_is_shown_marked_with_when() {
    model().load();
    api.down(true);

    AttendanceViewModel offline = model();
    offline.load();

    assertThat(cell(offline, 17).status()).isEqualTo(AttendanceStatus.LATE);
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
    assertThat(offline.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(offline.canRetryProperty().get()).isTrue();
  }

  private static AttendanceViewModel.Cell cell(AttendanceViewModel model, int dayOfNovember) {
    LocalDate date = LocalDate.of(2026, 11, dayOfNovember);
    return model.cells().stream().filter(c -> c.date().equals(date)).findFirst().orElseThrow();
  }
}
