package vn.lienlac.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.accounts.LocalAccountDirectory;
import vn.lienlac.local.gateway.DevGateway;
import vn.lienlac.local.seed.DevUser;

/**
 * The local stand-in for Cognito through the dev gateway, on the wire (AWS JSON 1.1, as the app's
 * CognitoSignIn and the AWS SDKs send it), on a clock the test moves.
 */
class FakeCognitoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final DevUser PARENT =
      new DevUser("ph-001", "Trần Thị Mai", "PARENT", "thcs-1", "Trường THCS 1", "a parent");
  private static final DevUser TEACHER =
      new DevUser("gv-001", "Lê Văn Nam", "TEACHER", "thcs-1", "Trường THCS 1", "a teacher");
  private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static DevIdentity identity;
  private static DevGateway gateway;
  private static FakeCognito cognito;
  private static String parentPhone;

  @BeforeAll
  static void start() throws IOException {
    var server = DevGateway.bind(0);
    identity = DevIdentity.create(DevGateway.baseUri(server).toString(), DevIdentity.loadKey(null), CLOCK);
    PrintStream out = new PrintStream(LOG, true, StandardCharsets.UTF_8);
    gateway = DevGateway.start(server, identity, List.of(), List.of(PARENT, TEACHER), CLOCK, out);
    cognito = new FakeCognito(identity, List.of(PARENT, TEACHER), CLOCK, out);
    gateway.mount(FakeCognito.PREFIX, cognito);
    gateway.devPage(FakeCognito.SMS_PAGE, cognito::outboxJson);
    gateway.devPage(FakeCognito.ACCOUNTS_PAGE, cognito::accountsJson);
    parentPhone = cognito.phoneOf(PARENT.id()).orElseThrow();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void resetClock() {
    CLOCK.advance(Duration.ofHours(2)); // a fresh hour: the per-number code limit starts over
  }

  @Test
  void a_demo_user_signs_in_with_the_sms_code_and_gets_an_id_token_the_gateway_accepts() throws Exception {
    assertThat(parentPhone).isEqualTo("+84900000001");
    assertThat(cognito.phoneOf(TEACHER.id())).contains("+84900000002");

    Answer challenge = initiate(parentPhone);
    assertThat(challenge.status).isEqualTo(200);
    assertThat(challenge.body.path("ChallengeName").asText()).isEqualTo("SMS_OTP");
    assertThat(challenge.body.path("ChallengeParameters").path("CODE_DELIVERY_DESTINATION").asText())
        .isEqualTo("+*******0001");
    assertThat(challenge.body.path("ChallengeParameters").path("USERNAME").asText()).isEqualTo(PARENT.id());

    JsonNode sms = get(FakeCognito.SMS_PAGE).path("messages");
    JsonNode last = sms.get(sms.size() - 1);
    assertThat(last.path("to").asText()).isEqualTo(parentPhone);
    String code = last.path("code").asText();
    assertThat(code).matches("\\d{6}");
    assertThat(last.path("text").asText()).contains(code);
    assertThat(LOG.toString(StandardCharsets.UTF_8)).doesNotContain(code).doesNotContain(parentPhone);

    Answer signedIn = respond(challenge.session(), parentPhone, code);
    assertThat(signedIn.status).as(signedIn.body.toString()).isEqualTo(200);
    JsonNode result = signedIn.body.path("AuthenticationResult");
    assertThat(result.path("ExpiresIn").asLong()).isEqualTo(3600);
    assertThat(result.path("TokenType").asText()).isEqualTo("Bearer");
    assertThat(result.path("RefreshToken").asText()).isNotBlank();
    var claims = identity.verify("Bearer " + result.path("IdToken").asText());
    assertThat(claims.getSubject()).isEqualTo(PARENT.id());
    assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
    // The access token has no aud (Cognito's has client_id): the local gateway does not take it.
    assertThatThrownBy(() -> identity.verify("Bearer " + result.path("AccessToken").asText()))
        .isInstanceOf(DevIdentity.Rejected.class);

    // The session was used: the same code does not sign in twice.
    Answer again = respond(challenge.session(), parentPhone, code);
    assertThat(again.type()).isEqualTo("NotAuthorizedException");
  }

  @Test
  void a_wrong_code_is_a_code_mismatch_and_the_third_ends_the_session() throws Exception {
    Answer challenge = initiate(parentPhone);
    String code = cognito.lastCode(parentPhone).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";

    Answer first = respond(challenge.session(), PARENT.id(), wrong);
    assertThat(first.status).isEqualTo(400);
    assertThat(first.type()).isEqualTo("CodeMismatchException");
    assertThat(first.body.path("message").asText()).isEqualTo("Invalid code or auth state for the user.");
    assertThat(respond(challenge.session(), PARENT.id(), wrong).type()).isEqualTo("CodeMismatchException");
    assertThat(respond(challenge.session(), PARENT.id(), wrong).type()).isEqualTo("CodeMismatchException");

    Answer right = respond(challenge.session(), PARENT.id(), code);
    assertThat(right.type()).isEqualTo("NotAuthorizedException");
    assertThat(right.body.path("message").asText()).isEqualTo("Invalid session for the user.");
  }

  @Test
  void after_two_wrong_codes_the_right_one_still_signs_in() throws Exception {
    Answer challenge = initiate(parentPhone);
    String code = cognito.lastCode(parentPhone).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    respond(challenge.session(), PARENT.id(), wrong);
    respond(challenge.session(), PARENT.id(), wrong);

    assertThat(respond(challenge.session(), PARENT.id(), code).status).isEqualTo(200);
  }

  @Test
  void the_code_expires_with_the_session_after_three_minutes_on_the_stacks_clock() throws Exception {
    Answer challenge = initiate(parentPhone);
    String code = cognito.lastCode(parentPhone).orElseThrow();
    CLOCK.advance(FakeCognito.SESSION_VALIDITY);

    Answer late = respond(challenge.session(), parentPhone, code);
    assertThat(late.type()).isEqualTo("NotAuthorizedException");
    assertThat(late.body.path("message").asText()).isEqualTo("Invalid session for the user, session is expired.");
  }

  @Test
  void an_unknown_number_gets_a_challenge_but_no_sms_and_no_code_matches() throws Exception {
    int before = cognito.outbox().size();
    Answer challenge = initiate("+84987000111");
    assertThat(challenge.status).isEqualTo(200);
    assertThat(challenge.body.path("ChallengeName").asText()).isEqualTo("SMS_OTP");
    assertThat(cognito.outbox()).hasSize(before);

    assertThat(respond(challenge.session(), "+84987000111", "123456").type()).isEqualTo("CodeMismatchException");
  }

  @Test
  void a_roster_imported_parent_signs_in_with_their_own_number_until_disabled() throws Exception {
    String phone = "+84912000777";
    String sub = LocalAccountDirectory.shared().ensure(phone, "Phạm Thị Hoa");
    try {
      Answer challenge = initiate(phone);
      Answer signedIn = respond(challenge.session(), phone, cognito.lastCode(phone).orElseThrow());
      assertThat(identity.verify("Bearer " + signedIn.body.path("AuthenticationResult").path("IdToken").asText())
          .getSubject()).isEqualTo(sub);
      String refreshToken = signedIn.body.path("AuthenticationResult").path("RefreshToken").asText();
      assertThat(refresh(refreshToken).status).isEqualTo(200);

      LocalAccountDirectory.shared().disable(phone);
      Answer refused = refresh(refreshToken);
      assertThat(refused.type()).isEqualTo("NotAuthorizedException");
      assertThat(initiate(phone).type()).isEqualTo("NotAuthorizedException");
    } finally {
      LocalAccountDirectory.shared().delete(phone);
    }
  }

  @Test
  void the_refresh_token_gives_new_id_tokens_for_thirty_days_then_not() throws Exception {
    Answer challenge = initiate(parentPhone);
    Answer signedIn = respond(challenge.session(), parentPhone, cognito.lastCode(parentPhone).orElseThrow());
    String refreshToken = signedIn.body.path("AuthenticationResult").path("RefreshToken").asText();
    CLOCK.advance(Duration.ofDays(29));

    Answer refreshed = refresh(refreshToken);
    assertThat(refreshed.status).isEqualTo(200);
    JsonNode result = refreshed.body.path("AuthenticationResult");
    assertThat(result.has("RefreshToken")).isFalse();
    assertThat(identity.verify("Bearer " + result.path("IdToken").asText()).getExpirationTime().toInstant())
        .isEqualTo(CLOCK.instant().plus(FakeCognito.TOKEN_VALIDITY));

    CLOCK.advance(Duration.ofDays(1));
    assertThat(refresh(refreshToken).type()).isEqualTo("NotAuthorizedException");
  }

  @Test
  void more_than_five_codes_an_hour_for_one_number_is_limit_exceeded() throws Exception {
    for (int i = 0; i < FakeCognito.CODES_PER_HOUR; i++) {
      assertThat(initiate(parentPhone).status).isEqualTo(200);
    }
    Answer refused = initiate(parentPhone);
    assertThat(refused.type()).isEqualTo("LimitExceededException");
    assertThat(refused.status).isEqualTo(400);
  }

  @Test
  void another_app_client_or_operation_is_refused_as_cognito_refuses_it() throws Exception {
    Answer wrongClient = post("InitiateAuth", """
        {"AuthFlow":"USER_AUTH","ClientId":"someone-else","AuthParameters":{"USERNAME":"%s","PREFERRED_CHALLENGE":"SMS_OTP"}}
        """.formatted(parentPhone));
    assertThat(wrongClient.type()).isEqualTo("ResourceNotFoundException");
    Answer signUp = post("SignUp", "{\"ClientId\":\"lienlac-local\"}");
    assertThat(signUp.type()).isEqualTo("UnknownOperationException");
    assertThat(get(FakeCognito.ACCOUNTS_PAGE).path("accounts").get(0).path("phone").asText()).isEqualTo(parentPhone);
  }

  // --- the wire ---------------------------------------------------------------------------------

  private record Answer(int status, JsonNode body) {
    String session() {
      return body.path("Session").asText();
    }

    String type() {
      return body.path("__type").asText(null);
    }
  }

  private static Answer initiate(String phone) throws Exception {
    return post("InitiateAuth", """
        {"AuthFlow":"USER_AUTH","ClientId":"lienlac-local","AuthParameters":{"USERNAME":"%s","PREFERRED_CHALLENGE":"SMS_OTP"}}
        """.formatted(phone));
  }

  private static Answer respond(String session, String username, String code) throws Exception {
    return post("RespondToAuthChallenge", """
        {"ChallengeName":"SMS_OTP","ClientId":"lienlac-local","Session":"%s",
         "ChallengeResponses":{"USERNAME":"%s","SMS_OTP_CODE":"%s"}}
        """.formatted(session, username, code));
  }

  private static Answer refresh(String refreshToken) throws Exception {
    return post("InitiateAuth", """
        {"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"lienlac-local","AuthParameters":{"REFRESH_TOKEN":"%s"}}
        """.formatted(refreshToken));
  }

  private static Answer post(String operation, String body) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + FakeCognito.PREFIX))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("content-type")).contains("application/x-amz-json-1.1");
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  private static JsonNode get(String path) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(i -> i.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
