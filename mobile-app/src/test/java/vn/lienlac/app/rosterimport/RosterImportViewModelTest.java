package vn.lienlac.app.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;

/** The roster import ViewModel without the toolkit: dry run, report pages, confirm, polling that survives a lost network. */
class RosterImportViewModelTest {
  private static final String COUNTS = """
      {"create":4,"update":0,"move":0,"leave":0,"unchanged":0,"rejected":1,"classesCreated":1,"classesUpdated":0,
       "guardiansCreated":4,"guardiansLinked":0,"guardiansUnlinked":0,"accountsCreated":4,"accountsDisabled":0,
       "teacherGrants":0}""";

  @TempDir
  Path folder;
  private FakeApi api;
  private AppContext context;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    Me me = new Me("vp1", "Lê Hoa", List.of(
        new Me.SchoolMembership("s1", "THCS Lê Quý Đôn", List.of(Role.STAFF), List.of(), List.of())));
    context = TestContexts.against(api, folder.resolve("cache")).signedIn(me, "STAFF");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String state(String status, int done, int total) {
    return """
        {"importId":"i1","schoolId":"s1","schoolYear":"2026-2027","status":"%s","fileName":"danh sách.xlsx",
         "mapping":[],"counts":%s,"progress":{"rowsDone":%d,"rowsTotal":%d},"createdBy":"vp1",
         "createdAt":"2026-11-21T03:00:00Z","rejections":[
          {"row":7,"sheet":"Danh sách","kind":"PUPIL","action":"REJECTED","fullName":null,"className":"9A9",
           "reasons":[{"field":"fullName","code":"roster.nameMissing","message":"Thiếu họ và tên học sinh."}]}]}
        """.formatted(status, COUNTS, done, total);
  }

  @Test
  void the_workbook_goes_up_as_it_is_and_the_dry_run_shows_counts_rejected_rows_and_the_report_page_by_page()
      throws Exception {
    Path file = folder.resolve("danh sách.xlsx");
    byte[] bytes = {0x50, 0x4b, 3, 4, 1, 2, 3};
    Files.write(file, bytes);
    api.on("POST /v1/schools/s1/roster?fileName=danh+s%C3%A1ch.xlsx&partial=true", 201, state("PLANNED", 0, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1/rows", 200, """
        {"items":[{"row":6,"kind":"PUPIL","action":"CREATE","fullName":"Nguyễn An","className":"9A9","reasons":[]},
                  {"row":7,"kind":"PUPIL","action":"REJECTED","className":"9A9",
                   "reasons":[{"field":"fullName","code":"roster.nameMissing","message":"Thiếu họ và tên học sinh."}]}],
         "next":"r2"}""");
    api.on("GET /v1/schools/s1/roster/imports/i1/rows?cursor=r2", 200, """
        {"items":[{"row":null,"kind":"PUPIL","action":"MOVE","fullName":"Lê Chi","className":"9A9",
                   "fromClassName":"8A1","reasons":[]}]}""");
    RosterImportViewModel model = new RosterImportViewModel(context, Duration.ZERO);

    model.upload(file);

    FakeApi.Request upload = api.requests().get(0);
    assertThat(upload.header("Content-Type")).isEqualTo(LienlacClient.XLSX);
    assertThat(upload.bytes()).isEqualTo(bytes);
    assertThat(model.phaseProperty().get()).isEqualTo(RosterImportViewModel.Phase.PLANNED);
    assertThat(model.counts()).extracting(RosterImportViewModel.Count::id, RosterImportViewModel.Count::value)
        .startsWith(org.assertj.core.groups.Tuple.tuple("create", 4))
        .contains(org.assertj.core.groups.Tuple.tuple("rejected", 1), org.assertj.core.groups.Tuple.tuple("accountsCreated", 4))
        .doesNotContain(org.assertj.core.groups.Tuple.tuple("teacherGrants", 0));
    assertThat(model.rejections()).containsExactly(
        new RosterImportViewModel.Line("Dòng 7", "9A9", "Thiếu họ và tên học sinh.", true));
    // A short page (one chunk of the plan) is read on at once, to a screenful.
    assertThat(model.report()).extracting(RosterImportViewModel.Line::where).containsExactly("Dòng 6", "Dòng 7", "—");
    assertThat(model.report().get(2)).isEqualTo(
        new RosterImportViewModel.Line("—", "Lê Chi · 9A9", "Chuyển từ lớp 8A1", false));
    assertThat(model.moreReportProperty().get()).isFalse();
  }

  @Test
  void confirming_sends_the_dry_runs_counts_and_the_progress_is_polled_to_done_through_a_lost_network() throws Exception {
    Path file = folder.resolve("lop9.xlsx");
    Files.write(file, new byte[] {1});
    api.on("POST /v1/schools/s1/roster?fileName=lop9.xlsx&partial=true", 201, state("PLANNED", 0, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1/rows", 200, "{\"items\":[]}");
    api.on("POST /v1/schools/s1/roster/imports/i1/confirm", 202, state("RUNNING", 0, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1", 200, state("RUNNING", 2, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1", 0, "");
    api.on("GET /v1/schools/s1/roster/imports/i1", 0, ""); // the client retries a GET once
    api.on("GET /v1/schools/s1/roster/imports/i1", 200, state("RUNNING", 4, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1", 200, state("DONE", 5, 5));
    RosterImportViewModel model = new RosterImportViewModel(context, Duration.ZERO);
    List<String> progress = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    model.progressTextProperty().addListener((o, was, now) -> progress.add(now));
    model.pollNoteProperty().addListener((o, was, now) -> notes.add(now));
    model.upload(file);

    model.confirm();

    FakeApi.Request confirm = api.requests().stream().filter(r -> r.target().endsWith("/confirm")).findFirst().orElseThrow();
    assertThat(LienlacClient.json().readTree(confirm.body()).get("counts"))
        .isEqualTo(LienlacClient.json().readTree(COUNTS));
    assertThat(progress).containsSubsequence("0 / 5 dòng", "2 / 5 dòng", "4 / 5 dòng", "5 / 5 dòng");
    assertThat(notes).contains("Mất kết nối — đang thử lại; việc nhập trên máy chủ vẫn tiếp tục.");
    assertThat(model.pollNoteProperty().get()).isNull();
    assertThat(model.phaseProperty().get()).isEqualTo(RosterImportViewModel.Phase.DONE);
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    assertThat(model.outcomeProperty().get()).isEqualTo("Đã nhập xong: 4 thêm mới, 0 cập nhật, 0 chuyển lớp, 0 rời trường;"
        + " 4 tài khoản phụ huynh mới; 1 dòng lỗi bị bỏ qua.");
    assertThat(model.errorProperty().get()).isNull();
  }

  @Test
  void an_import_under_way_is_followed_again_when_the_screen_is_opened_again() throws Exception {
    Path file = folder.resolve("lop9.xlsx");
    Files.write(file, new byte[] {1});
    api.on("POST /v1/schools/s1/roster?fileName=lop9.xlsx&partial=true", 201, state("PLANNED", 0, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1/rows", 200, "{\"items\":[]}");
    new RosterImportViewModel(context, Duration.ZERO).upload(file);
    api.on("GET /v1/schools/s1/roster/imports/i1", 200, state("RUNNING", 3, 5));
    api.on("GET /v1/schools/s1/roster/imports/i1", 200, state("DONE", 5, 5));

    RosterImportViewModel reopened = new RosterImportViewModel(context, Duration.ZERO);
    reopened.resume();

    assertThat(reopened.phaseProperty().get()).isEqualTo(RosterImportViewModel.Phase.DONE);
    assertThat(reopened.progressTextProperty().get()).isEqualTo("5 / 5 dòng");
  }

  @Test
  void a_file_that_is_not_a_workbook_or_csv_is_refused_without_a_request() throws Exception {
    Path file = folder.resolve("danh-sach.pdf");
    Files.write(file, new byte[] {1});
    RosterImportViewModel model = new RosterImportViewModel(context, Duration.ZERO);

    model.upload(file);

    assertThat(model.errorProperty().get()).startsWith("Hãy chọn tệp .xlsx hoặc .csv");
    assertThat(api.requests()).isEmpty();
    assertThat(model.phaseProperty().get()).isEqualTo(RosterImportViewModel.Phase.CHOOSE);
  }

  @Test
  void the_apis_refusal_of_the_file_is_shown_and_nothing_is_remembered() throws Exception {
    Path file = folder.resolve("lop9.csv");
    Files.write(file, new byte[] {1});
    api.on("POST /v1/schools/s1/roster?fileName=lop9.csv&partial=true", 400,
        "{\"status\":400,\"title\":\"Yêu cầu không hợp lệ\",\"detail\":\"Không đọc được tệp.\"}");
    RosterImportViewModel model = new RosterImportViewModel(context, Duration.ZERO);

    model.upload(file);

    assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("text/csv");
    assertThat(model.errorProperty().get()).isEqualTo("Không đọc được tệp.");
    assertThat(model.phaseProperty().get()).isEqualTo(RosterImportViewModel.Phase.CHOOSE);
    new RosterImportViewModel(context, Duration.ZERO).resume();
    assertThat(api.requests()).hasSize(1);
  }
}
