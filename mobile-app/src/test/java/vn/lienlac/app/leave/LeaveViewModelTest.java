package vn.lienlac.app.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.records.ChildChoice;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;

/** The leave requests and the "Xin nghỉ" form, without the toolkit. */
class LeaveViewModelTest {
  private static final String LIST = """
      {"items":[{"id":"l1","studentId":"st-1","from":"2026-11-02","to":"2026-11-02","reason":"Đi khám răng.",
        "status":"APPROVED","requestedAt":"2026-11-01T20:00:00+07:00","decidedByName":"Ngô Ngọc Nhi",
        "decisionNote":"Đã nhận."}]}
      """;
  private static final String CREATED = """
      {"id":"l2","studentId":"st-1","from":"2026-11-23","to":"2026-11-24","reason":"Cháu bị sốt.",
       "status":"PENDING","requestedAt":"2026-11-21T10:00:00+07:00"}
      """;
  private static final String REVERSED = """
      {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu chưa hợp lệ","status":422,
       "detail":"Có 2 chỗ cần sửa; không có gì được lưu.","errors":[
        {"field":"to","code":"leave.rangeReversed","message":"Ngày bắt đầu nghỉ (2026-11-24) sau ngày kết thúc (2026-11-23)."},
        {"field":"reason","code":"text.required","message":"Trường này là bắt buộc."}]}
      """;

  @TempDir
  Path cacheFolder;
  private FakeApi api;
  private AppContext context;
  private LeaveViewModel model;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi().on("GET /v1/students/st-1/leave-requests", 200, LIST);
    context = TestContexts.against(api, cacheFolder).signedIn(new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-1", "Nguyễn An", "c1", "7A1")), List.of()))), "PARENT");
    model = new LeaveViewModel(context, new ChildChoice(context.me()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void lists_the_requests_with_their_status_and_the_teachers_answer() {
    model.load();

    assertThat(model.rows()).hasSize(1);
    LeaveViewModel.Row row = model.rows().get(0);
    assertThat(row.dates()).isEqualTo("Nghỉ ngày 02/11/2026");
    assertThat(row.status()).isEqualTo("Đã duyệt");
    assertThat(row.sent()).isEqualTo("Gửi lúc 20:00 01/11/2026");
    assertThat(row.answer()).isEqualTo("Ngô Ngọc Nhi: Đã nhận.");
  }

  @Test
  void a_sent_request_goes_to_the_top_of_the_list_and_closes_the_form() {
    api.on("POST /v1/students/st-1/leave-requests", 201, CREATED);
    model.load();
    model.openForm();
    assertThat(model.fromProperty().get()).isEqualTo(LocalDate.of(2026, 11, 21));
    fill(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), "  Cháu bị sốt. ");

    model.submit();

    FakeApi.Request post = api.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(post.body()).isEqualTo("{\"from\":\"2026-11-23\",\"to\":\"2026-11-24\",\"reason\":\"Cháu bị sốt.\"}");
    assertThat(post.idempotencyKey()).isNotBlank();
    assertThat(model.rows()).extracting(r -> r.request().id()).containsExactly("l2", "l1");
    assertThat(model.rows().get(0).status()).isEqualTo("Chờ duyệt");
    assertThat(model.rows().get(0).dates()).isEqualTo("Nghỉ từ 23/11/2026 đến 24/11/2026 (2 ngày)");
    assertThat(model.formOpenProperty().get()).isFalse();
    assertThat(model.confirmationProperty().get()).startsWith("Đã gửi đơn: Nghỉ từ 23/11/2026");
  }

  @Test
  void a_retry_after_a_lost_answer_sends_the_same_idempotency_key() {
    AtomicInteger posts = new AtomicInteger();
    api.on("POST /v1/students/st-1/leave-requests",
        request -> posts.incrementAndGet() == 1 ? FakeApi.Answer.drop() : FakeApi.Answer.json(200, CREATED));
    model.openForm();
    fill(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), "Cháu bị sốt.");

    model.submit();
    assertThat(model.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(model.canRetryProperty().get()).isTrue();
    assertThat(model.formOpenProperty().get()).isTrue();
    model.retry();

    List<String> keys = api.requests().stream().filter(r -> r.method().equals("POST"))
        .map(FakeApi.Request::idempotencyKey).toList();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
    assertThat(model.rows()).extracting(r -> r.request().id()).containsExactly("l2");
    assertThat(model.formOpenProperty().get()).isFalse();
  }

  @Test
  void a_changed_form_and_a_new_form_get_a_new_key() {
    api.on("POST /v1/students/st-1/leave-requests", 422, REVERSED);
    model.openForm();
    fill(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 23), "");
    model.submit();
    model.submit();
    fill(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), "Cháu bị sốt.");
    model.submit();
    model.openForm();
    fill(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), "Cháu bị sốt.");
    model.submit();

    List<String> keys = api.requests().stream().map(FakeApi.Request::idempotencyKey).toList();
    assertThat(keys).hasSize(4);
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
    assertThat(keys.get(2)).isNotEqualTo(keys.get(1));
    assertThat(keys.get(3)).isNotEqualTo(keys.get(2));
  }

  @Test
  void the_apis_field_errors_show_beside_their_fields() {
    api.on("POST /v1/students/st-1/leave-requests", 422, REVERSED);
    model.openForm();
    fill(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 23), " ");

    model.submit();

    assertThat(api.requests()).last().extracting(FakeApi.Request::body)
        .isEqualTo("{\"from\":\"2026-11-24\",\"to\":\"2026-11-23\"}");
    assertThat(model.toErrorProperty().get())
        .isEqualTo("Ngày bắt đầu nghỉ (2026-11-24) sau ngày kết thúc (2026-11-23).");
    assertThat(model.reasonErrorProperty().get()).isEqualTo("Trường này là bắt buộc.");
    assertThat(model.fromErrorProperty().get()).isNull();
    assertThat(model.errorProperty().get()).isEqualTo("Có 2 chỗ cần sửa; không có gì được lưu.");
    assertThat(model.canRetryProperty().get()).isFalse();
    assertThat(model.formOpenProperty().get()).isTrue();
  }

  @Test
  void with_the_network_cut_the_list_read_before_is_shown_marked_with_when() {
    model.load();
    api.down(true);

    LeaveViewModel offline = new LeaveViewModel(context, new ChildChoice(context.me()));
    offline.load();

    assertThat(offline.rows()).extracting(r -> r.request().id()).containsExactly("l1");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
  }

  private void fill(LocalDate from, LocalDate to, String reason) {
    model.fromProperty().set(from);
    model.toProperty().set(to);
    model.reasonProperty().set(reason);
  }
}
