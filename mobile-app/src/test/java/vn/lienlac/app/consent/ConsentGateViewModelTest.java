package vn.lienlac.app.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/** The consent gate's ViewModel without the toolkit, against a loopback API. */
class ConsentGateViewModelTest {
  static String notice(String school, int version) {
    return """
        {"schoolId":"%s","schoolName":"THCS %s","version":%d,"titleVi":"Thông báo xử lý dữ liệu","bodyVi":"Nội dung",
         "titleEn":"Personal data notice","bodyEn":"Body","dpoContact":"Văn phòng",
         "publishedAt":"2026-11-20T08:00:00+07:00","link":"/v1/schools/%s/privacy-notice"}
        """.formatted(school, school, version, school);
  }

  private static final Me ME = new Me("p1", "Trần Bình", List.of(
      new Me.SchoolMembership("nt", "THCS Nguyễn Trãi", List.of(), List.of(
          new Me.Child("st-1", "Nguyễn An", "c1", "6A1", false, "/v1/schools/nt/privacy-notice"),
          new Me.Child("st-2", "Nguyễn Bảo", "c2", "8A2", true, "/v1/schools/nt/privacy-notice")), List.of()),
      new Me.SchoolMembership("lq", "Tiểu học Lê Quý Đôn", List.of(), List.of(
          new Me.Child("st-3", "Nguyễn Chi", "c3", "3A", true, "/v1/schools/lq/privacy-notice")), List.of())));

  private static final String ME_CONSENTED = """
      {"userId":"p1","displayName":"Trần Bình","schools":[{"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","roles":[],
       "children":[{"studentId":"st-1","fullName":"Nguyễn An","classId":"c1","className":"6A1","consentGiven":true},
                   {"studentId":"st-2","fullName":"Nguyễn Bảo","classId":"c2","className":"8A2","consentGiven":true}],
       "classes":[]}]}
      """;

  private static final String GIVEN = """
      {"schoolId":"nt","schoolName":"THCS Nguyễn Trãi","studentId":"st-1","studentName":"Nguyễn An","status":"GIVEN",
       "noticeVersion":3,"currentNoticeVersion":3,"at":"2026-11-21T10:00:00+07:00","channel":"APP",
       "notice":"/v1/schools/nt/privacy-notice"}
      """;

  @TempDir
  Path cache;
  private final FakeApi api = new FakeApi();
  private AppContext context;

  @BeforeEach
  void start() {
    context = TestContexts.against(api, cache).signedIn(ME, "PARENT");
    api.on("GET /v1/schools/nt/privacy-notice", 200, notice("nt", 3));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void the_gate_shows_only_when_a_child_has_no_consent() {
    assertThat(ConsentGateViewModel.needed(ME)).isTrue();
    Me allGiven = new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("nt", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-2", "Nguyễn Bảo", "c2", "8A2", true, null)), List.of())));
    assertThat(ConsentGateViewModel.needed(allGiven)).isFalse();
    assertThat(ConsentGateViewModel.needed(new Me("t1", "Cô Lan", List.of()))).isFalse();
    assertThat(ConsentGateViewModel.needed(null)).isFalse();
  }

  @Test
  void reads_the_notice_of_each_school_with_a_child_waiting_in_the_apps_language() {
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();

    assertThat(model.sections()).singleElement().satisfies(section -> {
      assertThat(section.schoolId()).isEqualTo("nt");
      assertThat(section.version()).isEqualTo(3);
      assertThat(section.notice()).isEqualTo(new NoticeText("Thông báo xử lý dữ liệu", "Nội dung",
          "Bản 3, công bố 20/11/2026", "Liên hệ bảo vệ dữ liệu: Văn phòng"));
      assertThat(section.children()).containsExactly(new ConsentGateViewModel.ChildRow("st-1", "Nguyễn An", false));
    });
    assertThat(api.requests("GET", "/v1/schools/lq/privacy-notice")).as("every child there has consent").isEmpty();
    assertThat(model.allConsentedProperty().get()).isFalse();

    context.useText(AppText.forLocale(Messages.ENGLISH));
    ConsentGateViewModel english = new ConsentGateViewModel(context);
    english.load();
    assertThat(english.sections().get(0).notice().title()).isEqualTo("Personal data notice");
    assertThat(english.sections().get(0).notice().version()).isEqualTo("Version 3, published 20/11/2026");
  }

  @Test
  void consenting_sends_the_version_read_and_leaving_reads_me_again() {
    api.on("POST /v1/me/consents", 200, GIVEN).on("GET /v1/me", 200, ME_CONSENTED);
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();

    model.consent("st-1");

    assertThat(api.requests("POST", "/v1/me/consents")).singleElement().extracting(FakeApi.Request::body)
        .isEqualTo("{\"studentId\":\"st-1\",\"noticeVersion\":3,\"channel\":\"APP\"}");
    assertThat(model.sections().get(0).children()).containsExactly(
        new ConsentGateViewModel.ChildRow("st-1", "Nguyễn An", true));
    assertThat(model.allConsentedProperty().get()).isTrue();
    boolean[] onward = {false};
    model.finish(() -> onward[0] = true);
    assertThat(onward[0]).isTrue();
    assertThat(context.me().schools().get(0).children().get(0).consentGiven()).isTrue();
  }

  @Test
  void going_on_without_consenting_reads_nothing_more() {
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();
    boolean[] onward = {false};
    model.finish(() -> onward[0] = true);

    assertThat(onward[0]).isTrue();
    assertThat(api.requests("GET", "/v1/me")).isEmpty();
    assertThat(api.requests("POST", "/v1/me/consents")).isEmpty();
  }

  @Test
  void a_notice_changed_meanwhile_is_shown_anew_and_consent_waits_for_the_parent_to_read_it() {
    api.on("POST /v1/me/consents", 409, """
        {"type":"https://lienlac.vn/problems/conflict","title":"Xung đột","status":409,
         "detail":"Thông báo đã có bản 4.","currentVersion":4}""").on("POST /v1/me/consents", 200, GIVEN);
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();
    api.only("GET /v1/schools/nt/privacy-notice", 200, notice("nt", 4));

    model.consent("st-1");

    assertThat(model.errorProperty().get()).isEqualTo(context.text().get("consent.staleNotice"));
    assertThat(model.sections().get(0).version()).isEqualTo(4);
    assertThat(model.sections().get(0).notice().version()).startsWith("Bản 4");
    assertThat(model.sections().get(0).children().get(0).consented()).isFalse();

    model.consent("st-1");
    assertThat(api.requests("POST", "/v1/me/consents")).extracting(FakeApi.Request::body).last().asString()
        .contains("\"noticeVersion\":4");
    assertThat(model.sections().get(0).children().get(0).consented()).isTrue();
    assertThat(model.errorProperty().get()).isNull();
  }

  @Test
  void with_no_network_the_gate_says_so_offers_retry_and_still_lets_the_parent_go_on() {
    api.down(true);
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();

    assertThat(model.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(model.canRetryProperty().get()).isTrue();
    assertThat(model.sections()).isEmpty();
    boolean[] onward = {false};
    model.finish(() -> onward[0] = true);
    assertThat(onward[0]).isTrue();
  }

  @Test
  void a_school_without_a_notice_says_so_and_offers_nothing_to_consent_to() {
    api.reset("GET /v1/schools/nt/privacy-notice");
    ConsentGateViewModel model = new ConsentGateViewModel(context);
    model.load();

    assertThat(model.sections()).singleElement().satisfies(s -> {
      assertThat(s.notice()).isNull();
      assertThat(s.version()).isNull();
    });
    model.consent("st-1");
    assertThat(api.requests("POST", "/v1/me/consents")).isEmpty();
  }
}
