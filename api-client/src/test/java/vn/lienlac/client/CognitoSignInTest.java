package vn.lienlac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cognito client against a loopback server answering as Cognito's JSON 1.1 API does. */
class CognitoSignInTest {
  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "{}";
  private CognitoSignIn cognito;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    cognito = CognitoSignIn.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "app-client",
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(LienlacClient.JSON.readTree(exchange.getRequestBody().readAllBytes()));
    targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void sending_a_code_starts_the_choice_based_flow_with_the_number_in_e164_and_sms_preferred() {
    answer = """
        {"ChallengeName":"SMS_OTP","Session":"s-1",
         "ChallengeParameters":{"CODE_DELIVERY_DELIVERY_MEDIUM":"SMS","CODE_DELIVERY_DESTINATION":"+*******5678",
                                "USERNAME":"6f1c-uuid"}}""";

    CognitoSignIn.Challenge challenge = cognito.sendCode("0912 345 678");

    assertThat(targets).containsExactly("AWSCognitoIdentityProviderService.InitiateAuth");
    assertThat(contentTypes).containsExactly("application/x-amz-json-1.1");
    JsonNode sent = requests.get(0);
    assertThat(sent.path("AuthFlow").asText()).isEqualTo("USER_AUTH");
    assertThat(sent.path("ClientId").asText()).isEqualTo("app-client");
    assertThat(sent.path("AuthParameters").path("USERNAME").asText()).isEqualTo("+84912345678");
    assertThat(sent.path("AuthParameters").path("PREFERRED_CHALLENGE").asText()).isEqualTo("SMS_OTP");
    assertThat(challenge).isEqualTo(new CognitoSignIn.Challenge("+84912345678", "6f1c-uuid", "s-1", "+*******5678"));
  }

  @Test
  void the_code_answers_the_sms_otp_challenge_and_gives_the_tokens_expiring_on_the_clock() {
    answer = """
        {"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"a-1","ExpiresIn":3600,"IdToken":"id-1",
         "RefreshToken":"r-1","TokenType":"Bearer"}}""";

    CognitoSignIn.Tokens tokens = cognito.answer(
        new CognitoSignIn.Challenge("+84912345678", "6f1c-uuid", "s-1", null), " 123456 ");

    assertThat(targets).containsExactly("AWSCognitoIdentityProviderService.RespondToAuthChallenge");
    JsonNode sent = requests.get(0);
    assertThat(sent.path("ChallengeName").asText()).isEqualTo("SMS_OTP");
    assertThat(sent.path("Session").asText()).isEqualTo("s-1");
    assertThat(sent.path("ChallengeResponses").path("USERNAME").asText()).isEqualTo("6f1c-uuid");
    assertThat(sent.path("ChallengeResponses").path("SMS_OTP_CODE").asText()).isEqualTo("123456");
    assertThat(tokens).isEqualTo(new CognitoSignIn.Tokens("id-1", "a-1", "r-1", NOW.plusSeconds(3600)));
  }

  @Test
  void a_refresh_keeps_the_refresh_token_cognito_does_not_send_again() {
    answer = """
        {"AuthenticationResult":{"AccessToken":"a-2","ExpiresIn":3600,"IdToken":"id-2","TokenType":"Bearer"}}""";

    CognitoSignIn.Tokens tokens = cognito.refresh("r-1");

    JsonNode sent = requests.get(0);
    assertThat(sent.path("AuthFlow").asText()).isEqualTo("REFRESH_TOKEN_AUTH");
    assertThat(sent.path("AuthParameters").path("REFRESH_TOKEN").asText()).isEqualTo("r-1");
    assertThat(tokens.idToken()).isEqualTo("id-2");
    assertThat(tokens.refreshToken()).isEqualTo("r-1");
  }

  @Test
  void cognitos_errors_become_reasons_the_app_can_say_whatever_the_namespace_of_their_type() {
    status = 400;
    answer = """
        {"__type":"com.amazonaws.cognito.identity.idp.model#CodeMismatchException",
         "message":"Invalid code or auth state for the user."}""";
    var challenge = new CognitoSignIn.Challenge("+84912345678", "u", "s-1", null);
    assertThatThrownBy(() -> cognito.answer(challenge, "000000"))
        .isInstanceOfSatisfying(CognitoException.class, e -> {
          assertThat(e.reason()).isEqualTo(CognitoException.Reason.WRONG_CODE);
          assertThat(e.type()).isEqualTo("CodeMismatchException");
        });

    answer = "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid session for the user, session is expired.\"}";
    assertThat(reasonOf(() -> cognito.answer(challenge, "000000"))).isEqualTo(CognitoException.Reason.CODE_EXPIRED);
    answer = "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid session for the user.\"}";
    assertThat(reasonOf(() -> cognito.answer(challenge, "000000"))).isEqualTo(CognitoException.Reason.SESSION_ENDED);
    answer = "{\"__type\":\"NotAuthorizedException\",\"message\":\"Refresh Token has been revoked\"}";
    assertThat(reasonOf(() -> cognito.refresh("r"))).isEqualTo(CognitoException.Reason.SESSION_EXPIRED);
    answer = "{\"__type\":\"LimitExceededException\",\"message\":\"Attempt limit exceeded, please try after some time.\"}";
    assertThat(reasonOf(() -> cognito.sendCode("0912345678"))).isEqualTo(CognitoException.Reason.TOO_MANY_ATTEMPTS);
    answer = "{\"__type\":\"ExpiredCodeException\",\"message\":\"Invalid code provided, please request a code again.\"}";
    assertThat(reasonOf(() -> cognito.answer(challenge, "000000"))).isEqualTo(CognitoException.Reason.CODE_EXPIRED);
    status = 500;
    answer = "{\"__type\":\"InternalErrorException\",\"message\":\"boom\"}";
    assertThat(reasonOf(() -> cognito.refresh("r"))).isEqualTo(CognitoException.Reason.SERVICE_DOWN);
    assertThat(CognitoException.Reason.SERVICE_DOWN.retryable()).isTrue();
    assertThat(CognitoException.Reason.WRONG_CODE.retryable()).isFalse();
  }

  @Test
  void a_number_that_is_not_a_vietnamese_mobile_is_refused_before_any_call() {
    assertThat(reasonOf(() -> cognito.sendCode("024 3826 1234"))).isEqualTo(CognitoException.Reason.INVALID_PHONE);
    assertThat(reasonOf(() -> cognito.sendCode("hello"))).isEqualTo(CognitoException.Reason.INVALID_PHONE);
    assertThat(requests).isEmpty();
  }

  @Test
  void no_answer_is_a_network_failure_and_the_aws_endpoint_is_the_regions() {
    server.stop(0);
    assertThatThrownBy(() -> cognito.refresh("r")).isInstanceOf(NetworkException.class);
    assertThat(CognitoSignIn.endpointFor("ap-southeast-1"))
        .isEqualTo(URI.create("https://cognito-idp.ap-southeast-1.amazonaws.com/"));
    assertThat(CognitoSignIn.create(CognitoSignIn.endpointFor("ap-southeast-1"), "c", Clock.systemUTC()).onAws())
        .isTrue();
    assertThat(cognito.onAws()).isFalse();
    assertThatThrownBy(() -> CognitoSignIn.endpointFor("evil.example.com/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CognitoException.Reason reasonOf(Runnable call) {
    try {
      call.run();
    } catch (CognitoException e) {
      return e.reason();
    }
    throw new AssertionError("no CognitoException");
  }
}
