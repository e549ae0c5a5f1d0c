package vn.lienlac.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.SessionStore;
import vn.lienlac.app.core.SignInOptions;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.client.CognitoSignIn;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;

/**
 * Phone sign-in and the kept session without the JavaFX toolkit: direct tasks, one loopback server
 * that answers as Cognito ({@code POST /cognito/}) and as the API ({@code GET /v1/me}), a temp folder.
 */
class SignInViewModelTest {
  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private static final String ME = """
      {"userId":"p1","displayName":"Trần Bình","schools":[{"schoolId":"s1","schoolName":"THCS Nguyễn Trãi",
       "roles":["PARENT"],"children":[{"studentId":"st-1","fullName":"Nguyễn An","classId":"c1","className":"6A1"}],
       "classes":[]}]}""";

  @TempDir
  Path folder;
  private final FakeApi api = new FakeApi().otherwise(this::handle);
  private final Set<String> validIdTokens = ConcurrentHashMap.newKeySet();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile boolean refreshWorks = true;
  private volatile String code = "246810";
  private volatile boolean meFails;
  private SessionStore store;
  private AppContext context;
  private final List<String> signedOutNotices = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    store = SessionStore.in(folder);
    context = context();
  }

  private AppContext context() {
    URI base = api.uri();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    AppContext made = new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(), clock,
        new OfflineCache(folder.resolve("cache")), page -> {}, LienlacClient.create(base),
        SignInOptions.of(CognitoSignIn.create(base.resolve("/cognito/"), "lienlac-local", clock)), store);
    made.onSignedOut(signedOutNotices::add);
    return made;
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private FakeApi.Answer handle(FakeApi.Request sent) {
    String path = sent.path();
    if (path.equals("/cognito/")) {
      JsonNode request;
      try {
        request = LienlacClient.json().readTree(sent.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String target = sent.header("X-Amz-Target").replace("AWSCognitoIdentityProviderService.", "");
      calls.add(target + " " + request.path("AuthFlow").asText(request.path("ChallengeName").asText()));
      if (target.equals("InitiateAuth") && request.path("AuthFlow").asText().equals("USER_AUTH")) {
        return reply(200, "{\"ChallengeName\":\"SMS_OTP\",\"Session\":\"s-1\",\"ChallengeParameters\":"
            + "{\"CODE_DELIVERY_DESTINATION\":\"+*******5678\"}}");
      } else if (target.equals("RespondToAuthChallenge")) {
        if (request.path("ChallengeResponses").path("SMS_OTP_CODE").asText().equals(code)) {
          return reply(200, tokens(true));
        }
        return reply(400, "{\"__type\":\"CodeMismatchException\",\"message\":\"Invalid code or auth state for the user.\"}");
      } else if (refreshWorks) {
        return reply(200, tokens(false));
      }
      return reply(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Refresh Token has been revoked\"}");
    }
    calls.add("GET " + path + " " + sent.header("Authorization"));
    if (meFails) {
      // not the API: a captive portal
      return new FakeApi.Answer(200, "text/html", "<p>".getBytes(StandardCharsets.UTF_8));
    }
    String authorization = String.valueOf(sent.header("Authorization"));
    if (validIdTokens.contains(authorization.replace("Bearer ", ""))) {
      return reply(200, ME);
    }
    return FakeApi.Answer.json(401, "{\"status\":401,\"title\":\"Unauthorized\"}");
  }

  private String tokens(boolean withRefresh) {
    String id = "id-" + issued.incrementAndGet();
    validIdTokens.add(id);
    return "{\"AuthenticationResult\":{\"IdToken\":\"" + id + "\",\"AccessToken\":\"a\",\"ExpiresIn\":3600"
        + (withRefresh ? ",\"RefreshToken\":\"r-1\"" : "") + ",\"TokenType\":\"Bearer\"}}";
  }

  private static FakeApi.Answer reply(int status, String json) {
    return new FakeApi.Answer(status, "application/x-amz-json-1.1", json.getBytes(StandardCharsets.UTF_8));
  }

  private SignInViewModel codeSent() {
    SignInViewModel model = new SignInViewModel(context);
    model.phoneProperty().set("0912 345 678");
    model.sendCode();
    return model;
  }

  @Test
  void on_the_local_stack_both_ways_show_and_against_aws_only_the_phone() {
    SignInViewModel local = new SignInViewModel(context);
    assertThat(local.phoneSignIn()).isTrue();
    assertThat(local.demoUsers()).isTrue();
    SignInOptions aws = SignInOptions.of(CognitoSignIn.create(CognitoSignIn.endpointFor("ap-southeast-1"), "c",
        Clock.systemUTC()));
    assertThat(aws.demoUsers()).isFalse();
  }

  @Test
  void a_number_that_is_not_a_mobile_is_refused_without_asking_cognito() {
    SignInViewModel model = new SignInViewModel(context);
    model.phoneProperty().set("024 3826 1234");
    model.sendCode();

    assertThat(model.errorProperty().get())
        .isEqualTo("Số điện thoại không hợp lệ. Nhập số di động Việt Nam, ví dụ 0912 345 678.");
    assertThat(model.codeSentProperty().get()).isFalse();
    assertThat(calls).isEmpty();
  }

  @Test
  void a_wrong_code_says_so_and_keeps_the_code_step_and_the_right_one_signs_in_and_keeps_the_session() {
    SignInViewModel model = codeSent();
    assertThat(model.codeSentProperty().get()).isTrue();
    assertThat(model.codeSentToProperty().get()).isEqualTo("Đã gửi mã 6 số đến +*******5678. Nhập mã để đăng nhập.");

    model.codeProperty().set("111111");
    boolean[] done = {false};
    model.verify(() -> done[0] = true);
    assertThat(model.errorProperty().get()).isEqualTo("Mã không đúng. Kiểm tra tin nhắn rồi nhập lại.");
    assertThat(model.canRetryProperty().get()).isFalse();
    assertThat(model.codeSentProperty().get()).isTrue();
    assertThat(model.codeProperty().get()).isEmpty();
    assertThat(done[0]).isFalse();

    model.codeProperty().set(code);
    model.verify(() -> done[0] = true);
    assertThat(done[0]).isTrue();
    assertThat(model.errorProperty().get()).isNull();
    assertThat(context.role()).isEqualTo("PARENT");
    assertThat(context.me().displayName()).isEqualTo("Trần Bình");
    assertThat(calls).contains("GET /v1/me Bearer id-1");
    SessionStore.Stored kept = store.load().orElseThrow();
    assertThat(kept.refreshToken()).isEqualTo("r-1");
    assertThat(kept.phone()).isEqualTo("+84912345678");
    assertThat(kept.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(kept.me().userId()).isEqualTo("p1");
  }

  @Test
  void when_me_cannot_be_read_after_the_code_worked_the_retry_reuses_the_tokens_and_does_not_answer_again() {
    SignInViewModel model = codeSent();
    model.codeProperty().set(code);
    meFails = true;
    model.verify(() -> {});
    assertThat(model.errorProperty().get()).isEqualTo("Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.");
    assertThat(model.canRetryProperty().get()).isTrue();

    meFails = false;
    calls.clear();
    model.retry();
    assertThat(calls).containsExactly("GET /v1/me Bearer id-1");
    assertThat(context.me()).isNotNull();
    assertThat(model.errorProperty().get()).isNull();
  }

  @Test
  void a_code_that_is_not_six_digits_is_refused_without_asking_cognito() {
    SignInViewModel model = codeSent();
    calls.clear();
    model.codeProperty().set("12 34");
    model.verify(() -> {});
    assertThat(model.errorProperty().get()).isEqualTo("Mã gồm 6 chữ số. Kiểm tra tin nhắn rồi nhập lại.");
    assertThat(calls).isEmpty();
  }

  @Test
  void a_kept_session_whose_id_token_expired_on_the_clock_is_refreshed_and_opens_signed_in() {
    Me me = new Me("p1", "Trần Bình", List.of());
    store.save(new SessionStore.Stored("id-old", "r-1", NOW.minusSeconds(1), "+84912345678", "PARENT", me));

    boolean[] done = {false};
    assertThat(new SignInViewModel(context).restore(() -> done[0] = true)).isTrue();

    assertThat(done[0]).isTrue();
    assertThat(calls).containsExactly("InitiateAuth REFRESH_TOKEN_AUTH", "GET /v1/me Bearer id-1");
    assertThat(store.load().orElseThrow().idToken()).isEqualTo("id-1");
    assertThat(store.load().orElseThrow().refreshToken()).isEqualTo("r-1");
    assertThat(context.role()).isEqualTo("PARENT");
  }

  @Test
  void a_kept_session_whose_refresh_token_no_longer_works_is_cleared_and_the_screen_says_it_expired() {
    refreshWorks = false;
    store.save(new SessionStore.Stored("id-old", "r-1", NOW.minusSeconds(1), "+84912345678", "PARENT", null));

    SignInViewModel model = new SignInViewModel(context);
    boolean[] done = {false};
    model.restore(() -> done[0] = true);

    assertThat(done[0]).isFalse();
    assertThat(model.noticeProperty().get()).isEqualTo("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    assertThat(store.load()).isEmpty();
    assertThat(model.restoringProperty().get()).isFalse();
  }

  @Test
  void with_no_network_a_kept_session_opens_on_who_was_signed_in() {
    Me me = new Me("p1", "Trần Bình", List.of());
    store.save(new SessionStore.Stored("id-old", "r-1", NOW.plusSeconds(60), "+84912345678", "PARENT", me));
    api.down(true);

    boolean[] done = {false};
    new SignInViewModel(context).restore(() -> done[0] = true);

    assertThat(done[0]).isTrue();
    assertThat(context.me().displayName()).isEqualTo("Trần Bình");
    assertThat(store.load()).isPresent();
  }

  @Test
  void a_401_from_the_api_is_retried_after_a_refresh_and_when_the_refresh_fails_the_user_is_sent_to_sign_in() {
    SignInViewModel model = codeSent();
    model.codeProperty().set(code);
    model.verify(() -> {});
    assertThat(context.me()).isNotNull();

    // The API stops taking the token (e.g. signed out elsewhere): one refresh, then the call again.
    validIdTokens.clear();
    assertThat(context.client().me().userId()).isEqualTo("p1");
    assertThat(calls).containsSubsequence("GET /v1/me Bearer id-1", "InitiateAuth REFRESH_TOKEN_AUTH",
        "GET /v1/me Bearer id-2");

    // Now the refresh token is refused too: the session ends, sign-in shows "Phiên đăng nhập đã hết hạn".
    validIdTokens.clear();
    refreshWorks = false;
    var client = context.client();
    try {
      client.me();
    } catch (vn.lienlac.client.ApiProblem expected) {
      assertThat(expected.status()).isEqualTo(401);
    }
    assertThat(signedOutNotices).containsExactly("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void signing_out_clears_the_kept_session() {
    SignInViewModel model = codeSent();
    model.codeProperty().set(code);
    model.verify(() -> {});
    assertThat(store.load()).isPresent();

    context.signOut();

    assertThat(store.load()).isEmpty();
    assertThat(signedOutNotices).containsExactly((String) null);
    assertThat(context.me()).isNull();
  }

  @Test
  void the_role_shown_is_the_parents_when_the_person_follows_children_else_the_teachers_else_the_offices() {
    Me.SchoolMembership teaching = new Me.SchoolMembership("s1", "A", List.of(Role.TEACHER), List.of(),
        List.of(new Me.TaughtClass("c1", "6A1", true, List.of("toan"))));
    Me.SchoolMembership office = new Me.SchoolMembership("s1", "A", List.of(Role.STAFF), List.of(), List.of());
    Me.SchoolMembership parent = new Me.SchoolMembership("s2", "B", List.of(Role.PARENT),
        List.of(new Me.Child("st", "An", "c", "6A")), List.of());
    assertThat(SignInViewModel.roleOf(new Me("u", "x", List.of(teaching)))).isEqualTo("TEACHER");
    assertThat(SignInViewModel.roleOf(new Me("u", "x", List.of(office)))).isEqualTo("STAFF");
    assertThat(SignInViewModel.roleOf(new Me("u", "x", List.of(teaching, parent)))).isEqualTo("PARENT");
  }
}
