package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienlac.app.settings.NotificationSettingsViewModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.privacy.Consent;
import vn.lienlac.model.privacy.PrivacyNotice;
import vn.lienlac.model.push.NotificationSettings;

/**
 * Consent and settings, headless against the local stack ({@link UiHarness}): the unconsented demo
 * parent meets the school's notice at sign-in and consents for a child (the API then says so); the
 * gate comes back at the next sign-in while a child is left without; consent is withdrawn (after a
 * confirmation) and given back in settings; the lock-screen detail opt-in is saved; English switches
 * the whole app live; sign-out returns to the sign-in screen. Users: nt-ph-078, nt-ph-010, nt-ph-012.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentSettingsUiTest extends AppUiTest {
  private static final String UNCONSENTED = "nt-ph-078";
  private static final String PARENT = "nt-ph-010";
  private static final String EXPORTING = "nt-ph-012";

  @Test
  @Order(1)
  void the_unconsented_parent_reads_the_notice_at_sign_in_and_consents_for_a_child() throws Exception {
    LienlacClient api = ui.as(UNCONSENTED);
    Me.SchoolMembership school = api.me().schools().get(0);
    Me.Child child = school.children().get(0);
    assertThat(child.consentGiven()).as("the demo parent starts unconsented").isFalse();
    PrivacyNotice notice = api.privacyNotice(school.schoolId());

    ui.signIn(UNCONSENTED);
    Label title = ui.node("#notice-title-" + school.schoolId());
    assertThat(title.getText()).isEqualTo(notice.titleVi());
    assertThat(ui.<Label>node("#notice-body-" + school.schoolId()).getText()).isEqualTo(notice.bodyVi());
    assertThat(ui.<Label>node("#notice-version-" + school.schoolId()).getText())
        .startsWith("Bản " + notice.version() + ", công bố ");
    assertThat(ui.<Label>node("#consent-without").getText()).contains("điểm", "chuyên cần");
    assertThat(ui.<Label>node("#consent-needs").getText()).contains("nhắn tin", "thanh toán");
    assertThat(ui.<Button>node("#consent-continue").getText()).isEqualTo("Để sau, vào ứng dụng");
    assertThat((Object) ui.lookup("#nav-settings")).as("no shell behind the gate").isNull();
    ui.shoot("10-dong-y-thong-bao");
    scrollTo("#consent-gate .scroll-pane", "#consent-" + child.studentId());
    assertThat(ui.<Button>node("#consent-" + child.studentId()).getText()).isEqualTo("Đồng ý cho " + child.fullName());

    ui.fire("#consent-" + child.studentId());
    Label done = ui.node("#consented-" + child.studentId());
    assertThat(done.getText()).isEqualTo("Đã đồng ý cho " + child.fullName());
    assertThat(consentGiven(api, child.studentId())).as("the API records the consent").isTrue();
    assertThat(api.consents()).filteredOn(c -> c.studentId().equals(child.studentId())).singleElement()
        .satisfies(c -> {
          assertThat(c.status()).isEqualTo(Consent.Status.GIVEN);
          assertThat(c.noticeVersion()).isEqualTo(notice.version());
          assertThat(c.channel()).isEqualTo(Consent.Channel.APP);
        });
    scrollTo("#consent-gate .scroll-pane", "#consented-" + child.studentId());
    ui.shoot("11-da-dong-y");

    // Every other child of the parent, then on into the app.
    for (Me.SchoolMembership s : api.me().schools()) {
      for (Me.Child other : s.children()) {
        if (!other.consentGiven()) {
          ui.fire("#consent-" + other.studentId());
          ui.node("#consented-" + other.studentId());
        }
      }
    }
    ui.waitFor("#consent-continue", Button.class, b -> b.getText().equals("Tiếp tục"));
    ui.fire("#consent-continue");
    ui.node("#nav-settings");
  }

  @Test
  @Order(2)
  void withdrawn_consent_brings_the_gate_back_at_the_next_sign_in_and_is_given_back_in_settings() throws Exception {
    LienlacClient api = ui.as(UNCONSENTED);
    Me.Child child = api.me().schools().get(0).children().get(0);

    ui.fire("#nav-settings");
    ui.fire("#withdraw-" + child.studentId());
    Label warning = ui.node("#withdraw-warning");
    assertThat(warning.getText()).contains(child.fullName(), "Tin nhắn", "thanh toán", "gỡ khỏi thông báo đẩy");
    assertThat(consentGiven(api, child.studentId())).as("nothing sent before the confirmation").isTrue();
    scrollTo("#settings .scroll-pane", "#consents");
    ui.shoot("18-rut-lai-dong-y");
    ui.fire("#withdraw-confirm");
    ui.waitFor("#consent-status-" + child.studentId(), Label.class, l -> l.getText().startsWith("Đã rút lại"));
    assertThat(consentGiven(api, child.studentId())).isFalse();

    ui.fire("#sign-out");
    ui.node("#user-" + UNCONSENTED);
    assertThat((Object) ui.lookup("#nav-settings")).as("signed out: no shell").isNull();
    ui.signIn(UNCONSENTED);
    ui.node("#consent-" + child.studentId());
    ui.fire("#consent-continue"); // "Để sau": the parent may go on without consenting
    ui.node("#nav-settings");
    assertThat(consentGiven(api, child.studentId())).isFalse();

    ui.fire("#nav-settings");
    ui.fire("#give-" + child.studentId());
    ui.waitFor("#consent-status-" + child.studentId(), Label.class, l -> l.getText().startsWith("Đã đồng ý (bản "));
    assertThat(consentGiven(api, child.studentId())).isTrue();
    ui.fire("#sign-out");
    ui.node("#user-" + PARENT);
  }

  @Test
  @Order(3)
  void the_lock_screen_detail_opt_in_is_saved_and_read_back_from_the_api() throws Exception {
    LienlacClient api = ui.as(PARENT);
    assertThat(api.notificationSettings().detailedPreviews()).as("off by default").isNotEqualTo(Boolean.TRUE);

    ui.signIn(PARENT);
    ui.fire("#nav-settings");
    CheckBox detailed = ui.waitFor("#detailed-previews", CheckBox.class, c -> !c.isDisabled());
    assertThat(detailed.isSelected()).isFalse();
    assertThat(ui.<Label>node("#detailed-previews-note").getText()).contains("tên con", "màn hình khoá");
    ui.shoot("12-cai-dat");

    ui.fire("#detailed-previews");
    ui.fire("#save-notifications");
    ui.waitFor("#notifications-saved", Label.class, l -> "Đã lưu cài đặt thông báo.".equals(l.getText()));
    assertThat(api.notificationSettings().detailedPreviews()).isTrue();
    assertThat(api.notificationSettings().quietHoursStart()).isEqualTo("21:00");
    scrollTo("#settings .scroll-pane", "#consents");
    ui.shoot("13-cai-dat-quyen-rieng-tu");
  }

  @Test
  @Order(4)
  void english_switches_the_whole_app_live_and_the_api_answers_in_it() throws Exception {
    assertThat(ui.<ToggleButton>node("#nav-settings").getText()).isEqualTo("Cài đặt");
    ui.fire("#lang-en");
    ui.waitFor("#nav-settings", ToggleButton.class, b -> b.getText().equals("Settings"));
    assertThat(ui.<ToggleButton>node("#nav-grades").getText()).isEqualTo("Grades");
    assertThat(ui.<ToggleButton>node("#nav-messages").getText()).isEqualTo("Messages");
    assertThat(ui.<ToggleButton>node("#lang-en").isSelected()).isTrue();
    assertThat(ui.<Button>node("#save-notifications").getText()).isEqualTo("Save notification settings");
    ui.shoot("14-cai-dat-tieng-anh");

    // The notice in English; an API refusal now comes in English too (Accept-Language followed).
    LienlacClient api = ui.as(PARENT);
    Me.SchoolMembership school = api.me().schools().get(0);
    Me.Child child = school.children().get(0);
    ui.fire("#read-notice-" + child.studentId());
    Label title = ui.node("#notice-title-" + school.schoolId());
    assertThat(title.getText()).isEqualTo(api.privacyNotice(school.schoolId()).titleEn());
    ui.shoot("15-thong-bao-tieng-anh");
    ui.fire("#notice-back");

    ui.onFx(() -> {
      // an hour start equal to the end: the API refuses it, in the app's language
      ((javafx.scene.control.ComboBox<String>) ui.stage().getScene().lookup("#quiet-end")).setValue("21:00");
    });
    ui.fire("#save-notifications");
    Label failure = ui.waitFor("#settings .failure-text", Label.class, l -> l.getText() != null);
    assertThat(failure.getText()).isEqualTo(refusal(api.withLanguage("en")))
        .isNotEqualTo(refusal(api.withLanguage("vi")));
    ui.shoot("16-loi-tieng-anh");

    ui.fire("#lang-vi");
    ui.waitFor("#nav-settings", ToggleButton.class, b -> b.getText().equals("Cài đặt"));
    assertThat(ui.<ToggleButton>node("#nav-grades").getText()).isEqualTo("Điểm");
    ui.fire("#sign-out");
    ui.node("#user-" + EXPORTING);
  }

  @Test
  @Order(5)
  void my_data_opens_the_archive_link_and_sign_out_leaves_no_personal_data_on_the_device() throws Exception {
    ui.signIn(EXPORTING);
    ui.node("#nav-settings");
    ui.waitUntil("the first tab's grades cached", () -> cachedFiles().stream().anyMatch(f -> f.startsWith("grades-")));
    ui.fire("#nav-settings");
    scrollTo("#settings .scroll-pane", "#export");
    ui.clearOpened();
    ui.fire("#export");
    ui.node("#export-status");
    // The export worker builds the archive off the queue (slow on a busy machine); the app keeps asking meanwhile.
    UiHarness.stack().events().awaitIdle(Duration.ofSeconds(150));
    ui.waitUntil("the download link opened", () -> ui.openedInBrowser() != null);
    Label status = ui.waitFor("#export-status", Label.class, l -> l.getText().startsWith("Đã mở liên kết tải xuống"));
    assertThat(status.getText()).contains("hết hạn lúc");
    // The link (the relay's address: fetch it from the stack) serves the archive.
    URI link = UiHarness.stack().baseUri().resolve(ui.openedInBrowser().getRawPath()
        + (ui.openedInBrowser().getRawQuery() == null ? "" : "?" + ui.openedInBrowser().getRawQuery()));
    HttpResponse<byte[]> archive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(archive.statusCode()).isEqualTo(200);
    assertThat(archive.body()).startsWith('P', 'K'); // a zip
    ui.shoot("17-tai-du-lieu");

    ui.fire("#sign-out");
    ui.node("#user-" + EXPORTING);
    assertThat(cachedFiles()).as("only the device's own settings stay").containsExactly("device-language.json");
  }

  @Test
  @Order(6)
  void a_teacher_has_language_notifications_and_sign_out_but_no_childrens_consent() throws Exception {
    String teacher = LienlacClient.create(UiHarness.stack().baseUri()).devUsers().stream()
        .filter(u -> u.role().equals("TEACHER")).findFirst().orElseThrow().id();
    ui.signIn(teacher);
    ui.fire("#nav-settings");
    ui.waitFor("#detailed-previews", CheckBox.class, c -> !c.isDisabled());
    assertThat(ui.<Label>node("#signed-in-as").getText()).startsWith("Đang đăng nhập: ");
    assertThat((Object) ui.lookup("#consents")).isNull();
    assertThat((Object) ui.lookup("#export")).isNull();
    ui.shoot("19-cai-dat-giao-vien");
    ui.fire("#sign-out");
    ui.node("#user-" + teacher);
  }

  private static List<String> cachedFiles() throws IOException {
    if (!Files.isDirectory(cacheFolder)) {
      return List.of();
    }
    try (var files = Files.list(cacheFolder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  /** The API's message for quiet hours that start when they end (nothing is stored). */
  private static String refusal(LienlacClient api) {
    try {
      api.saveNotificationSettings(new NotificationSettings(true, "21:00", "21:00", false));
    } catch (ApiProblem problem) {
      assertThat(problem.status()).isEqualTo(422);
      return NotificationSettingsViewModel.fieldMessages(problem);
    }
    throw new AssertionError("the API accepted quiet hours that start when they end");
  }

  private static boolean consentGiven(LienlacClient api, String studentId) {
    return api.me().schools().stream().flatMap(s -> s.children().stream())
        .filter(c -> c.studentId().equals(studentId)).findFirst().orElseThrow().consentGiven();
  }

  /** Scrolls {@code pane} so {@code selector} is near the top (for a screenshot of what lies lower). */
  private static void scrollTo(String pane, String selector) {
    Node target = ui.node(selector);
    ui.onFx(() -> {
      ScrollPane scroll = (ScrollPane) ui.stage().getScene().lookup(pane);
      Node content = scroll.getContent();
      Bounds inContent = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
      double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
      scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (inContent.getMinY() - 40) / range)));
    });
  }
}
