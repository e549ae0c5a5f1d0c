package vn.lienlac.app.leavedecisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;

/** Leave decisions without the toolkit: the homeroom classes' pending requests, approve / decline, the list updates. */
class LeaveDecisionsViewModelTest {
  private static final String PENDING = """
      {"items":[
        {"id":"lv-1","studentId":"st-1","studentName":"Nguyễn An","classId":"c1","from":"2026-11-23","to":"2026-11-24",
         "reason":"Ốm","status":"PENDING","requestedBy":"ph-1","requestedByName":"Mẹ An","requestedAt":"2026-11-21T02:00:00Z"},
        {"id":"lv-2","studentId":"st-2","studentName":"Lê Bình","classId":"c1","from":"2026-11-25","to":"2026-11-25",
         "reason":"Việc gia đình","status":"PENDING","requestedBy":"ph-2","requestedAt":"2026-11-21T03:00:00Z"}]}
      """;
  private static final String DECIDED = """
      {"id":"lv-1","studentId":"st-1","studentName":"Nguyễn An","classId":"c1","from":"2026-11-23","to":"2026-11-24",
       "reason":"Ốm","status":"APPROVED","requestedBy":"ph-1","requestedAt":"2026-11-21T02:00:00Z","decisionNote":"Mau khỏe"}
      """;
  private static final String NOTE_REQUIRED = """
      {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
       "errors":[{"field":"note","code":"text.required","message":"Vui lòng nhập ghi chú."}]}
      """;
  private static final Me TEACHER = new Me("gv", "Cô Hà", List.of(new Me.SchoolMembership("s1", "THCS", List.of(),
      List.of(), List.of(new Me.TaughtClass("c1", "6A1", true, List.of("toan")),
          new Me.TaughtClass("c2", "6A2", false, List.of("toan"))))));

  @TempDir
  Path cache;
  private FakeApi api;
  private LeaveDecisionsViewModel model;

  @BeforeEach
  void start() throws IOException {
    api = new FakeApi();
    model = new LeaveDecisionsViewModel(
        TestContexts.against(api, cache).clock(Clock.systemUTC()).signedIn(TEACHER, "TEACHER"),
        LeaveDecisionsViewModel.homeroomClasses(TEACHER));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void lists_the_pending_requests_of_the_homeroom_classes_newest_first() {
    api.otherwise(r -> FakeApi.Answer.ok(PENDING));
    model.load();

    assertThat(api.requests()).extracting(FakeApi.Request::target)
        .containsExactly("/v1/classes/c1/leave-requests?status=PENDING");
    assertThat(model.items()).extracting(LeaveDecisionsViewModel.Item::id).containsExactly("lv-2", "lv-1");
    assertThat(model.items().get(1).who()).isEqualTo("Nguyễn An · 6A1");
    assertThat(model.days(model.items().get(1))).isEqualTo("23/11/2026 – 24/11/2026");
    assertThat(model.days(model.items().get(0))).isEqualTo("25/11/2026");
    assertThat(model.emptyProperty().get()).isNull();
  }

  @Test
  void a_refused_decision_shows_the_apis_message_on_the_request_and_an_approval_removes_it() throws IOException {
    api.otherwise(r -> switch (r.method()) {
      case "GET" -> FakeApi.Answer.ok(PENDING);
      default -> r.body().contains("DECLINED") ? FakeApi.Answer.json(422, NOTE_REQUIRED) : FakeApi.Answer.ok(DECIDED);
    });
    model.load();
    var an = model.items().get(1);

    model.decline(an);
    assertThat(an.error.get()).isEqualTo("Vui lòng nhập ghi chú.");
    assertThat(model.items()).hasSize(2);
    assertThat(model.errorProperty().get()).isNull();

    an.note.set("  Mau khỏe ");
    model.approve(an);
    FakeApi.Request patch = api.requests("PATCH").get(1);
    assertThat(patch.target()).isEqualTo("/v1/leave-requests/lv-1");
    var body = LienlacClient.json().readTree(patch.body());
    assertThat(body.get("status").asText()).isEqualTo("APPROVED");
    assertThat(body.get("note").asText()).isEqualTo("Mau khỏe");
    assertThat(model.items()).extracting(LeaveDecisionsViewModel.Item::id).containsExactly("lv-2");
    assertThat(model.noticeProperty().get()).isEqualTo("Đã duyệt đơn của Nguyễn An · 6A1.");
  }

  @Test
  void a_request_decided_meanwhile_is_said_and_the_list_reloaded() {
    int[] gets = {0};
    api.otherwise(r -> {
      if (r.method().equals("GET")) {
        gets[0]++;
        return FakeApi.Answer.ok(gets[0] == 1 ? PENDING : "{\"items\":[]}");
      }
      return FakeApi.Answer.json(409, "{\"title\":\"Đơn đã được quyết định\",\"status\":409}");
    });
    model.load();
    model.approve(model.items().get(0));

    assertThat(gets[0]).isEqualTo(2);
    assertThat(model.noticeProperty().get()).isEqualTo(
        "Đơn của Lê Bình · 6A1 đã được quyết định trước đó; danh sách đã được tải lại.");
    assertThat(model.items()).isEmpty();
    assertThat(model.emptyProperty().get()).isEqualTo("Không có đơn nào chờ duyệt.");
  }

  @Test
  void a_teacher_without_a_homeroom_class_is_told_who_decides_and_nothing_is_asked() {
    Me subjectTeacher = new Me("gv2", "Thầy Nam", List.of(new Me.SchoolMembership("s1", "THCS", List.of(), List.of(),
        List.of(new Me.TaughtClass("c2", "6A2", false, List.of("toan"))))));
    LeaveDecisionsViewModel other = new LeaveDecisionsViewModel(
        TestContexts.against(api, cache).clock(Clock.systemUTC()).signedIn(subjectTeacher, "TEACHER"),
        LeaveDecisionsViewModel.homeroomClasses(subjectTeacher));
    other.load();
    assertThat(api.requests()).isEmpty();
    assertThat(other.emptyProperty().get()).startsWith("Đơn xin nghỉ do giáo viên chủ nhiệm duyệt");
  }
}
