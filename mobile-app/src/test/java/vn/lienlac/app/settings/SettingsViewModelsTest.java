package vn.lienlac.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/** The settings ViewModels without the toolkit, against a loopback API. */
class SettingsViewModelsTest {
  private static final Me ME = new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("nt", "THCS Nguyễn Trãi",
      List.of(), List.of(new Me.Child("st-1", "Nguyễn An", "c1", "6A1", true, null),
          new Me.Child("st-2", "Nguyễn Bảo", "c2", "8A2", false, null)), List.of())));
  private static final String ME_JSON = """
      {"userId":"p1","displayName":"Trần Bình","schools":[{"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","roles":[],
       "children":[{"studentId":"st-1","fullName":"Nguyễn An","classId":"c1","className":"6A1","consentGiven":false},
                   {"studentId":"st-2","fullName":"Nguyễn Bảo","classId":"c2","className":"8A2","consentGiven":false}],
       "classes":[]}]}
      """;
  private static final String CONSENTS = """
      {"items":[
       {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-1","studentName":"Nguyễn An","status":"GIVEN",
        "noticeVersion":1,"currentNoticeVersion":1,"at":"2026-11-21T10:00:00+07:00","channel":"APP","notice":"/n"},
       {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-2","studentName":"Nguyễn Bảo",
        "status":"NOT_GIVEN","currentNoticeVersion":1,"notice":"/n"},
       {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-3","studentName":"Nguyễn Chi","status":"GIVEN",
        "noticeVersion":1,"currentNoticeVersion":2,"at":"2026-11-20T09:00:00+07:00","channel":"APP","notice":"/n"},
       {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-4","studentName":"Nguyễn Dũng",
        "status":"WITHDRAWN","currentNoticeVersion":2,"at":"2026-11-21T09:30:00+07:00","notice":"/n"}]}
      """;
  private static final String WITHDRAWN = """
      {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-1","studentName":"Nguyễn An",
       "status":"WITHDRAWN","currentNoticeVersion":1,"at":"2026-11-21T10:05:00+07:00","notice":"/n"}""";

  @TempDir
  Path cache;
  private final FakeApi api = new FakeApi();
  private final List<URI> opened = new ArrayList<>();
  private AppContext context;

  @BeforeEach
  void start() {
    context = TestContexts.against(api, cache).browser(opened::add).signedIn(ME, "PARENT");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // --- notification settings

  @Test
  void notification_settings_show_what_the_api_holds_and_the_lock_screen_detail_is_sent_when_saved() {
    api.on("GET /v1/me/notification-settings", 200,
        "{\"quietHoursEnabled\":true,\"quietHoursStart\":\"21:00\",\"quietHoursEnd\":\"06:30\",\"detailedPreviews\":false}");
    api.on("PUT /v1/me/notification-settings", 200,
        "{\"quietHoursEnabled\":true,\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"06:30\",\"detailedPreviews\":true}");
    NotificationSettingsViewModel model = new NotificationSettingsViewModel(context);
    model.load();
    assertThat(model.loadedProperty().get()).isTrue();
    assertThat(model.detailedPreviewsProperty().get()).isFalse();
    assertThat(model.quietHoursStartProperty().get()).isEqualTo("21:00");

    model.detailedPreviewsProperty().set(true);
    model.quietHoursStartProperty().set("22:00");
    assertThat(api.requests("PUT", "/v1/me/notification-settings")).as("nothing sent before Lưu").isEmpty();
    model.save();

    assertThat(api.requests("PUT", "/v1/me/notification-settings")).singleElement().extracting(FakeApi.Request::body)
        .isEqualTo("{\"quietHoursEnabled\":true,\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"06:30\","
            + "\"detailedPreviews\":true}");
    assertThat(model.savedProperty().get()).isEqualTo("Đã lưu cài đặt thông báo.");
    model.quietHoursEnabledProperty().set(false);
    assertThat(model.savedProperty().get()).as("a change after saving is not saved").isNull();
  }

  @Test
  void a_refused_setting_shows_the_apis_message_for_the_field() {
    api.on("GET /v1/me/notification-settings", 200,
        "{\"quietHoursEnabled\":true,\"quietHoursStart\":\"21:00\",\"quietHoursEnd\":\"06:30\"}");
    api.on("PUT /v1/me/notification-settings", 422, """
        {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
         "detail":"1 lỗi cần sửa; chưa lưu gì.",
         "errors":[{"field":"quietHoursEnd","code":"quietHours.same","message":"Giờ kết thúc phải khác giờ bắt đầu."}]}""");
    NotificationSettingsViewModel model = new NotificationSettingsViewModel(context);
    model.load();
    assertThat(model.detailedPreviewsProperty().get()).as("absent: off").isFalse();
    model.quietHoursEndProperty().set("21:00");
    model.save();

    assertThat(model.errorProperty().get()).isEqualTo("Giờ kết thúc phải khác giờ bắt đầu.");
    assertThat(model.canRetryProperty().get()).isFalse();
    assertThat(model.savedProperty().get()).isNull();
  }

  // --- consent per child

  @Test
  void each_childs_consent_says_its_state_and_what_can_be_done() {
    api.on("GET /v1/me/consents", 200, CONSENTS);
    ConsentsViewModel model = new ConsentsViewModel(context);
    model.load();

    assertThat(model.rows()).extracting(ConsentsViewModel.Row::status).containsExactly(
        "Đã đồng ý (bản 1, 10:00 21/11/2026)",
        "Chưa đồng ý",
        "Đã đồng ý bản 1; nhà trường đã cập nhật bản 2: vui lòng đọc và đồng ý lại.",
        "Đã rút lại (09:30 21/11/2026)");
    assertThat(model.rows()).extracting(ConsentsViewModel.Row::canGive).containsExactly(false, true, true, true);
    assertThat(model.rows()).extracting(ConsentsViewModel.Row::canWithdraw).containsExactly(true, false, true, false);
    assertThat(model.rows()).extracting(ConsentsViewModel.Row::version).containsExactly(1, 1, 2, 2);
  }

  @Test
  void withdrawing_waits_for_the_confirmation_then_reads_consents_and_me_again() {
    api.on("GET /v1/me/consents", 200, CONSENTS).on("DELETE /v1/me/consents/st-1", 200, WITHDRAWN)
        .on("GET /v1/me", 200, ME_JSON);
    ConsentsViewModel model = new ConsentsViewModel(context);
    model.load();
    ConsentsViewModel.Row first = model.rows().get(0);

    model.askWithdraw(first);
    assertThat(model.confirmingProperty().get()).isEqualTo("st-1");
    model.cancelWithdraw();
    assertThat(model.confirmingProperty().get()).isNull();
    assertThat(api.requests("DELETE", "/v1/me/consents/st-1")).as("cancelled: nothing sent").isEmpty();

    model.askWithdraw(first);
    model.confirmWithdraw();
    assertThat(api.requests("DELETE", "/v1/me/consents/st-1")).hasSize(1);
    assertThat(model.confirmingProperty().get()).isNull();
    assertThat(api.requests("GET", "/v1/me/consents")).hasSize(2);
    assertThat(context.me().schools().get(0).children().get(0).consentGiven()).as("/v1/me read again").isFalse();
  }

  @Test
  void giving_consent_sends_the_schools_current_version() {
    api.on("GET /v1/me/consents", 200, CONSENTS).on("POST /v1/me/consents", 200, "{}")
        .on("GET /v1/me", 200, ME_JSON);
    ConsentsViewModel model = new ConsentsViewModel(context);
    model.load();

    model.give(model.rows().get(2)); // consented to version 1, the school is at version 2
    model.give(model.rows().get(0)); // already given to the current one: nothing to do

    assertThat(api.requests("POST", "/v1/me/consents")).singleElement().extracting(FakeApi.Request::body)
        .isEqualTo("{\"studentId\":\"st-3\",\"noticeVersion\":2,\"channel\":\"APP\"}");
  }

  @Test
  void a_stale_version_when_giving_says_the_notice_changed() {
    api.on("GET /v1/me/consents", 200, CONSENTS).on("GET /v1/me", 200, ME_JSON).on("POST /v1/me/consents", 409,
        "{\"type\":\"https://lienlac.vn/problems/conflict\",\"status\":409,\"detail\":\"x\",\"currentVersion\":3}");
    ConsentsViewModel model = new ConsentsViewModel(context);
    model.load();
    model.give(model.rows().get(1));

    assertThat(model.errorProperty().get()).isEqualTo(context.text().get("consent.staleNotice"));
    assertThat(api.requests("GET", "/v1/me/consents")).as("read again").hasSize(2);
  }

  // --- my data

  @Test
  void my_data_follows_the_job_and_opens_its_one_link() {
    api.on("POST /v1/me/export", 202, "{\"id\":\"ex-1\",\"status\":\"QUEUED\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    api.on("GET /v1/me/exports/ex-1", 200, "{\"id\":\"ex-1\",\"status\":\"RUNNING\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    api.on("GET /v1/me/exports/ex-1", 200, "{\"id\":\"ex-1\",\"status\":\"READY\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"downloadUrl\":\"/exports/ex-1?sig=abc\",\"linkExpiresAt\":\"2026-11-21T10:05:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    MyDataViewModel model = new MyDataViewModel(context, Duration.ZERO, 5);
    model.export();

    assertThat(api.requests("POST", "/v1/me/export")).singleElement().extracting(FakeApi.Request::body)
        .isEqualTo("{\"language\":\"vi\"}");
    assertThat(api.requests("GET", "/v1/me/exports/ex-1")).hasSize(2);
    assertThat(opened).containsExactly(api.uri().resolve("/exports/ex-1?sig=abc"));
    assertThat(model.statusProperty().get())
        .isEqualTo("Đã mở liên kết tải xuống trong trình duyệt. Liên kết hết hạn lúc 10:05 21/11/2026.");
  }

  @Test
  void my_data_says_when_to_ask_again_once_the_link_was_handed_out() {
    api.on("POST /v1/me/export", 202, "{\"id\":\"ex-1\",\"status\":\"DOWNLOADED\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    MyDataViewModel model = new MyDataViewModel(context, Duration.ZERO, 5);
    model.export();

    assertThat(opened).isEmpty();
    assertThat(model.statusProperty().get()).isEqualTo(
        "Liên kết của bản sao gần nhất đã được mở. Bạn có thể yêu cầu bản mới sau 11:00 21/11/2026.");
  }

  @Test
  void my_data_stops_following_a_job_that_takes_too_long() {
    api.on("POST /v1/me/export", 202, "{\"id\":\"ex-1\",\"status\":\"QUEUED\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    api.on("GET /v1/me/exports/ex-1", 200, "{\"id\":\"ex-1\",\"status\":\"RUNNING\",\"requestedAt\":\"2026-11-21T10:00:00+07:00\","
        + "\"nextExportAt\":\"2026-11-21T11:00:00+07:00\"}");
    MyDataViewModel model = new MyDataViewModel(context, Duration.ZERO, 3);
    model.export();

    assertThat(api.requests("GET", "/v1/me/exports/ex-1")).hasSize(3);
    assertThat(model.statusProperty().get()).isEqualTo("Bản sao chưa xong. Vui lòng thử lại sau ít phút.");
  }

  // --- language and sign-out

  @Test
  void english_switches_the_text_and_the_apis_language_and_is_remembered_on_the_device() {
    List<AppText> seen = new ArrayList<>();
    context.textProperty().addListener((o, was, now) -> seen.add(now));
    SettingsViewModel model = new SettingsViewModel(context);
    model.useLanguage("vi");
    assertThat(seen).as("already Vietnamese: nothing rebuilt").isEmpty();

    model.useLanguage("en");

    assertThat(seen).extracting(AppText::locale).containsExactly(Messages.ENGLISH);
    assertThat(context.text().get("nav.settings")).isEqualTo("Settings");
    assertThat(SettingsViewModel.rememberedLanguage(new OfflineCache(cache))).contains("en");
    api.on("GET /v1/me/consents", 200, "{\"items\":[]}");
    context.client().consents();
    context.anonymous().consents();
    assertThat(api.requests()).extracting(FakeApi.Request::language).containsExactly("en", "en");
    assertThat(new SettingsViewModel(context).signedInAs()).isEqualTo("Signed in as Trần Bình");
  }

  @Test
  void sign_out_forgets_the_person_and_the_cached_data_but_keeps_the_devices_language() {
    new SettingsViewModel(context).useLanguage("en");
    context.cache().put("grades-st-1-2026-2027-HK1", "a report", context.clock().instant());
    boolean[] told = {false};
    context.onSignedOut(notice -> told[0] = true);
    SettingsViewModel model = new SettingsViewModel(context);
    assertThat(model.isGuardian()).isTrue();

    model.signOut();

    assertThat(told[0]).isTrue();
    assertThat(context.me()).isNull();
    assertThat(context.role()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(context::client).isInstanceOf(NullPointerException.class);
    assertThat(context.cache().get("grades-st-1-2026-2027-HK1", String.class)).isEmpty();
    assertThat(SettingsViewModel.rememberedLanguage(context.cache())).contains("en");
  }
}
