package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;

/**
 * Sign-in with the phone number and the SMS code against the local stack's stand-in for Cognito (the
 * code read from its SMS outbox, {@code GET /dev/sms}), the session kept on the device and restored at
 * the next start, and an expired session sending the user back to sign-in. Read only: signing in
 * changes no data. Screens 70–79.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInUiTest extends AppUiTest {
  private static final String PARENT = "nt-ph-005";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String phone;

  @BeforeAll
  static void start() throws Exception {
    phone = UiHarness.stack().fakeCognito().phoneOf(PARENT).orElseThrow();
  }

  /** The national spelling a parent types: {@code +84900000012} → {@code 090 000 0012}. */
  private static String typed(String e164) {
    String national = "0" + e164.substring(3);
    return national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
  }

  /** The last code the fake SMS outbox holds for the number. */
  private static String lastCode(String to) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(UiHarness.stack().baseUri().resolve("/dev/sms")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode messages = LienlacClient.json().readTree(response.body()).path("messages");
    String code = null;
    for (JsonNode message : messages) {
      if (message.path("to").asText().equals(to)) {
        code = message.path("code").asText();
      }
    }
    assertThat(code).as("an SMS to " + to).isNotNull();
    return code;
  }

  @Test
  @Order(1)
  void the_sign_in_screen_offers_the_phone_and_the_demo_users_and_refuses_a_number_that_is_not_a_mobile()
      throws Exception {
    assertThat(((Label) ui.node("#phone-title")).getText()).isEqualTo("Đăng nhập bằng số điện thoại");
    ui.node("#user-" + PARENT);
    ui.shoot("70-dang-nhap");

    ui.type("#phone", "024 3826 1234");
    ui.fire("#send-code");
    assertThat(((Label) ui.node("#failure .failure-text")).getText())
        .isEqualTo("Số điện thoại không hợp lệ. Nhập số di động Việt Nam, ví dụ 0912 345 678.");
    assertThat(ui.lookup("#code").getParent().isVisible()).as("the code step").isFalse();
  }

  @Test
  @Order(2)
  void a_wrong_code_shows_the_message_and_the_right_one_then_signs_the_parent_in_to_their_childrens_grades()
      throws Exception {
    ui.type("#phone", typed(phone));
    ui.fire("#send-code");
    Label sentTo = ui.waitFor("#code-sent", Label.class, label -> label.getText() != null);
    assertThat(sentTo.getText()).isEqualTo("Đã gửi mã 6 số đến +*******" + phone.substring(phone.length() - 4)
        + ". Nhập mã để đăng nhập.");
    ui.shoot("71-nhap-ma");

    String code = lastCode(phone);
    ui.type("#code", code.equals("000000") ? "111111" : "000000");
    ui.fire("#verify");
    Label failure = ui.waitFor("#failure .failure-text", Label.class, label -> label.getText() != null);
    assertThat(failure.getText()).isEqualTo("Mã không đúng. Kiểm tra tin nhắn rồi nhập lại.");
    ui.shoot("72-sai-ma");

    ui.type("#code", code);
    ui.fire("#verify");
    ToggleButton grades = ui.waitFor("#nav-grades", ToggleButton.class, ToggleButton::isSelected);
    assertThat(grades.getText()).isEqualTo("Điểm");
    Me.Child child = ui.as(PARENT).me().schools().get(0).children().get(0);
    ComboBox<?> shown = ui.waitFor("#child", ComboBox.class, box -> box.getValue() != null);
    assertThat(((Me.Child) shown.getValue()).studentId()).isEqualTo(child.studentId());
    ui.node("#average-0");
    assertThat((Object) ui.lookup("#phone-sign-in")).isNull();
    ui.shoot("73-da-dang-nhap");

    Path session = cacheFolder.resolve("session").resolve("session.json");
    assertThat(session).exists();
    assertThat(Files.readString(session)).contains("refreshToken").doesNotContain(code);
  }

  @Test
  @Order(3)
  void the_app_restarted_with_the_kept_session_opens_signed_in_without_the_sign_in_screen() throws Exception {
    ui.restart();
    ui.waitFor("#nav-grades", ToggleButton.class, ToggleButton::isSelected);
    ui.node("#average-0");
    assertThat((Object) ui.lookup("#phone-sign-in")).isNull();
    assertThat((Object) ui.lookup("#users")).isNull();
    ui.shoot("74-mo-lai-da-dang-nhap");
  }

  @Test
  @Order(4)
  void when_the_id_token_has_expired_and_the_refresh_token_no_longer_works_the_app_asks_to_sign_in_again()
      throws Exception {
    // The ID token expired on the clock (written so in the kept session), the refresh token revoked.
    Path session = cacheFolder.resolve("session").resolve("session.json");
    var kept = (com.fasterxml.jackson.databind.node.ObjectNode) LienlacClient.json().readTree(session.toFile());
    kept.put("expiresAt", Instant.parse("2020-01-01T00:00:00Z").toString());
    Files.write(session, LienlacClient.json().writeValueAsBytes(kept));
    UiHarness.stack().fakeCognito().revokeRefreshTokens(phone);

    ui.restart();
    Label notice = ui.waitFor("#notice", Label.class, label -> label.getText() != null);
    assertThat(notice.getText()).isEqualTo("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    ui.node("#phone");
    assertThat(session).doesNotExist();
    ui.shoot("75-het-phien");
  }

  /** Signs the parent in with the phone and the code from the SMS outbox, from the sign-in screen. */
  private static void signInByPhone() throws Exception {
    ui.type("#phone", typed(phone));
    ui.fire("#send-code");
    ui.waitFor("#code-sent", Label.class, label -> label.getParent().isVisible());
    ui.type("#code", lastCode(phone));
    ui.fire("#verify");
    ui.waitFor("#nav-grades", ToggleButton.class, ToggleButton::isSelected);
  }

  @Test
  @Order(5)
  void a_session_that_ends_while_the_app_runs_sends_the_user_back_to_sign_in_with_the_notice() throws Exception {
    signInByPhone();
    // What the session does when the API refuses a token and the refresh fails (SignInViewModelTest).
    ui.onFx(() -> ui.context().sessionExpired());
    Label notice = ui.waitFor("#notice", Label.class, label -> label.getText() != null);
    assertThat(notice.getText()).isEqualTo("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    assertThat((Object) ui.lookup("#nav-grades")).isNull();
    assertThat(cacheFolder.resolve("session").resolve("session.json")).doesNotExist();
  }

  @Test
  @Order(6)
  void signing_out_clears_the_kept_session_and_shows_sign_in() throws Exception {
    signInByPhone();
    Path session = cacheFolder.resolve("session").resolve("session.json");
    assertThat(session).exists();

    ui.onFx(() -> ui.context().signOut());
    ui.node("#phone");
    assertThat(ui.<Label>lookup("#notice").isVisible()).isFalse();
    assertThat(session).doesNotExist();
    ui.restart();
    ui.node("#phone");
    assertThat((Object) ui.lookup("#nav-grades")).isNull();
  }
}
