package vn.lienlac.app.officeannouncements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;

/** The office's announcement ViewModels without the toolkit, against a loopback API. */
class OfficeAnnouncementsViewModelTest {
  private static final String CLASS_ONE = """
      {"id":"a2","schoolId":"s1","scope":"CLASS","classId":"s1-6a1","className":"6A1","title":"Đón con sớm",
       "body":"Thứ Hai lớp tan lúc 10 giờ 30.","urgent":true,"acknowledgementRequired":true,"links":[],
       "authorId":"vp1","authorName":"Lê Hoa","publishedAt":"2026-11-21T03:00:00Z"}""";
  private static final String SCHOOL_ONE = """
      {"id":"a1","schoolId":"s1","scope":"SCHOOL","title":"Nghỉ Tết","body":"Nghỉ ngày 01/01.","urgent":false,
       "acknowledgementRequired":false,"links":[],"authorId":"vp1","authorName":"Lê Hoa",
       "publishedAt":"2026-11-16T01:00:00Z"}""";
  private static final String GRADE_ONE = """
      {"id":"a0","schoolId":"s1","scope":"GRADE","grade":6,"title":"Họp khối 6","body":"Họp.","urgent":false,
       "acknowledgementRequired":false,"links":[],"authorId":"vp1","publishedAt":"2026-11-10T01:00:00Z"}""";

  @TempDir
  Path cacheFolder;
  private FakeApi api;
  private AppContext context;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    Me me = new Me("vp1", "Lê Hoa", List.of(
        new Me.SchoolMembership("other", "THCS Khác", List.of(Role.PARENT), List.of(), List.of()),
        new Me.SchoolMembership("s1", "THCS Lê Quý Đôn", List.of(Role.STAFF), List.of(), List.of())));
    context = TestContexts.against(api, cacheFolder).signedIn(me, "STAFF");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void lists_the_schools_announcements_in_the_apis_order_and_pages_on() {
    api.on("GET /v1/schools/s1/announcements", 200,
        "{\"schoolId\":\"s1\",\"items\":[" + CLASS_ONE + "," + SCHOOL_ONE + "],\"next\":\"c2\"}");
    api.on("GET /v1/schools/s1/announcements?cursor=c2", 200, "{\"schoolId\":\"s1\",\"items\":[" + GRADE_ONE + "]}");
    SentAnnouncementsViewModel model = new SentAnnouncementsViewModel(context);

    model.load();

    assertThat(model.rows()).extracting(SentAnnouncementsViewModel.Row::title).containsExactly("Đón con sớm", "Nghỉ Tết");
    assertThat(model.rows().get(0).meta()).isEqualTo("Lớp 6A1 · cần xác nhận · khẩn · Lê Hoa, 10:00 21/11/2026");
    assertThat(model.rows().get(1).meta()).isEqualTo("Toàn trường · Lê Hoa, 08:00 16/11/2026");
    assertThat(model.hasMoreProperty().get()).isTrue();
    assertThat(model.knownClasses()).containsEntry("s1-6a1", "6A1").hasSize(1);

    model.loadMore();

    assertThat(model.rows()).extracting(SentAnnouncementsViewModel.Row::title)
        .containsExactly("Đón con sớm", "Nghỉ Tết", "Họp khối 6");
    assertThat(model.rows().get(2).meta()).startsWith("Khối 6 · ");
    assertThat(model.hasMoreProperty().get()).isFalse();
  }

  @Test
  void the_apis_field_errors_show_beside_their_fields_and_a_retry_keeps_the_idempotency_key() {
    api.on("POST /v1/announcements", 422, """
        {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
         "errors":[{"field":"title","code":"text.required","message":"Cần nhập tiêu đề."},
                   {"field":"classId","code":"announcements.badId","message":"Mã lớp không hợp lệ."}]}""");
    ComposeAnnouncementViewModel model = new ComposeAnnouncementViewModel(context, "s1");
    model.scopeProperty().set(Announcement.Scope.CLASS);
    model.classIdProperty().set("6 A 1");
    model.bodyProperty().set("Nội dung");
    model.acknowledgementRequiredProperty().set(true);
    AtomicReference<Announcement> published = new AtomicReference<>();

    model.publish(published::set);
    model.publish(published::set);

    assertThat(published.get()).isNull();
    assertThat(model.titleErrorProperty().get()).isEqualTo("Cần nhập tiêu đề.");
    assertThat(model.classErrorProperty().get()).isEqualTo("Mã lớp không hợp lệ.");
    assertThat(model.bodyErrorProperty().get()).isNull();
    assertThat(model.errorProperty().get()).isEqualTo("Vui lòng sửa các ô được đánh dấu.");
    List<FakeApi.Request> sent = api.requests();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).body()).contains("\"scope\":\"CLASS\"", "\"classId\":\"6 A 1\"",
        "\"acknowledgementRequired\":true", "\"schoolId\":\"s1\"").doesNotContain("\"grade\"");
    assertThat(sent.get(1).header("Idempotency-Key")).isEqualTo(sent.get(0).header("Idempotency-Key")).isNotBlank();

    model.titleProperty().set("Đón con sớm");
    model.publish(published::set);
    assertThat(api.requests().get(2).header("Idempotency-Key")).isNotEqualTo(sent.get(0).header("Idempotency-Key"));
  }

  @Test
  void a_class_the_school_does_not_have_is_said_beside_the_class_and_a_published_one_goes_on_top() {
    api.on("POST /v1/announcements", 404, "{\"status\":404,\"title\":\"Không tìm thấy\"}");
    api.on("GET /v1/schools/s1/announcements", 200, "{\"schoolId\":\"s1\",\"items\":[" + SCHOOL_ONE + "]}");
    SentAnnouncementsViewModel list = new SentAnnouncementsViewModel(context);
    list.load();
    ComposeAnnouncementViewModel model = new ComposeAnnouncementViewModel(context, "s1");
    model.scopeProperty().set(Announcement.Scope.CLASS);
    model.classIdProperty().set("s1-9z9");
    model.titleProperty().set("Đón con sớm");
    model.bodyProperty().set("Nội dung");

    model.publish(list::published);
    assertThat(model.classErrorProperty().get()).isEqualTo("Trường không có lớp này.");

    api.only("POST /v1/announcements", 201, CLASS_ONE);
    model.publish(list::published);
    assertThat(model.classErrorProperty().get()).isNull();
    assertThat(model.errorProperty().get()).isNull();
    assertThat(list.rows()).extracting(SentAnnouncementsViewModel.Row::title).containsExactly("Đón con sớm", "Nghỉ Tết");
  }

  @Test
  void a_grade_that_is_not_a_number_is_said_without_asking_the_api() {
    ComposeAnnouncementViewModel model = new ComposeAnnouncementViewModel(context, "s1");
    model.scopeProperty().set(Announcement.Scope.GRADE);
    model.gradeProperty().set("sáu");

    model.publish(a -> {});

    assertThat(model.gradeErrorProperty().get()).isEqualTo("Khối phải là một số, ví dụ 6.");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void statistics_are_the_apis_counts_and_the_families_not_reached_page_by_page() {
    api.on("GET /v1/announcements/a2/stats", 200, """
        {"announcementId":"a2","scope":"CLASS","acknowledgementRequired":true,"families":30,"read":21,
         "acknowledged":17,"notReached":13,"items":[
          {"guardianId":"g1","guardianName":"Trần Văn Bình","read":true,"hasDevice":true,
           "pupils":[{"studentId":"p1","fullName":"Trần An","classId":"s1-6a1","className":"6A1"}]},
          {"guardianId":"g2","read":false,"hasDevice":false,
           "pupils":[{"studentId":"p2","fullName":"Lê Chi","classId":"s1-6a1","className":"6A1"},
                     {"studentId":"p3","fullName":"Lê Dũng","classId":"s1-7a1","className":"7A1"}]}],
         "next":"n2"}""");
    api.on("GET /v1/announcements/a2/stats?cursor=n2", 200, """
        {"announcementId":"a2","scope":"CLASS","acknowledgementRequired":true,"families":30,"read":21,
         "acknowledged":17,"notReached":13,"items":[
          {"guardianId":"g3","guardianName":"Phạm Thu","read":false,"hasDevice":true,
           "pupils":[{"studentId":"p4","fullName":"Phạm Em","classId":"s1-6a1","className":"6A1"}]}]}""");
    Announcement announcement = announcement();
    AnnouncementStatsViewModel model = new AnnouncementStatsViewModel(context, announcement);

    model.load();

    assertThat(model.familiesProperty().get()).isEqualTo("30");
    assertThat(model.readProperty().get()).isEqualTo("21");
    assertThat(model.acknowledgedProperty().get()).isEqualTo("17");
    assertThat(model.notReachedProperty().get()).isEqualTo("13");
    assertThat(model.notReachedTitleProperty().get()).isEqualTo("Gia đình chưa xác nhận (13)");
    assertThat(model.notReachedFamilies()).containsExactly(
        new AnnouncementStatsViewModel.Family("g1", "Trần Văn Bình", "Trần An (6A1)", "Đã đọc, chưa xác nhận", true),
        new AnnouncementStatsViewModel.Family("g2", "Phụ huynh (chưa có tên)", "Lê Chi (6A1), Lê Dũng (7A1)",
            "Chưa đọc · Chưa cài ứng dụng nhận thông báo: cần gọi điện", false));
    assertThat(model.hasMoreProperty().get()).isTrue();

    model.loadMore();

    assertThat(model.notReachedFamilies()).extracting(AnnouncementStatsViewModel.Family::guardianId)
        .containsExactly("g1", "g2", "g3");
    assertThat(model.hasMoreProperty().get()).isFalse();
  }

  @Test
  void without_acknowledgement_the_acknowledged_count_is_a_dash_and_the_list_is_of_who_has_not_read() {
    api.on("GET /v1/announcements/a2/stats", 200, """
        {"announcementId":"a2","scope":"SCHOOL","acknowledgementRequired":false,"families":3,"read":3,
         "acknowledged":0,"notReached":0,"items":[]}""");
    AnnouncementStatsViewModel model = new AnnouncementStatsViewModel(context,
        announcement());

    model.load();

    assertThat(model.acknowledgedProperty().get()).isEqualTo("—");
    assertThat(model.notReachedTitleProperty().get()).isEqualTo("Gia đình chưa đọc (0)");
    assertThat(model.notReachedFamilies()).isEmpty();
  }

  @Test
  void a_network_failure_offers_retry() {
    api.on("GET /v1/announcements/a2/stats", 0, "");
    AnnouncementStatsViewModel model = new AnnouncementStatsViewModel(context,
        announcement());

    model.load();

    assertThat(model.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(model.canRetryProperty().get()).isTrue();
  }

  /** An announcement to read the statistics of. */
  private static Announcement announcement() {
    try {
      return LienlacClient.json().readValue(CLASS_ONE, Announcement.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
