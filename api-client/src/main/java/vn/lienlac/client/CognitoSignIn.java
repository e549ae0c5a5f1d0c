package vn.lienlac.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.lienlac.model.common.Phones;

/**
 * Sign-in of parents and teachers with Amazon Cognito: the phone number, then the one-time code
 * Cognito sends by SMS. No AWS SDK: Cognito's user-pool API is plain JSON over HTTPS (the AWS JSON 1.1
 * protocol), and these operations are unsigned (app client without a secret), so {@code java.net.http}
 * and Jackson suffice, as they do for the Lienlac API.
 *
 * <p>The protocol, as relied on here (Amazon Cognito API reference, "InitiateAuth" and
 * "RespondToAuthChallenge", and the SDKs' ChallengeNameType documentation for SMS_OTP, read through
 * the docs search in November 2026):
 * <ul>
 *   <li>{@code POST https://cognito-idp.{region}.amazonaws.com/} with
 *       {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>} and
 *       {@code Content-Type: application/x-amz-json-1.1};
 *   <li>choice-based sign-in: {@code InitiateAuth {AuthFlow: USER_AUTH, ClientId,
 *       AuthParameters: {USERNAME, PREFERRED_CHALLENGE: SMS_OTP}}} answers {@code ChallengeName: SMS_OTP},
 *       a {@code Session} and {@code ChallengeParameters} ({@code CODE_DELIVERY_DESTINATION}, masked;
 *       {@code USERNAME}, the pool's own user name, when it differs from the alias used);
 *   <li>{@code RespondToAuthChallenge {ChallengeName: SMS_OTP, ClientId, Session,
 *       ChallengeResponses: {USERNAME, SMS_OTP_CODE}}} answers {@code AuthenticationResult
 *       {IdToken, AccessToken, RefreshToken, ExpiresIn, TokenType}};
 *   <li>{@code InitiateAuth {AuthFlow: REFRESH_TOKEN_AUTH, AuthParameters: {REFRESH_TOKEN}}} answers new
 *       ID and access tokens (no new refresh token unless the pool rotates them);
 *   <li>errors: HTTP 4xx/5xx with {@code {"__type": "CodeMismatchException", "message": …}} (the type may
 *       carry a {@code namespace#} prefix).
 * </ul>
 *
 * <p>Which token the API takes: the HTTP API's JWT authorizer ({@code template.yaml}, CognitoJwt) checks
 * the issuer and the audience {@code = the app client id}: the token's {@code aud}, or its
 * {@code client_id} when it has no {@code aud} (API Gateway developer guide, "Troubleshooting issues with
 * HTTP API JWT authorizers"). Cognito's ID token carries {@code aud}; its access token only
 * {@code client_id}, so on AWS either would pass, and the functions read only {@code sub}. The local
 * stack's issuer ({@code local/…/auth/DevIdentity}) signs ID-token-shaped tokens and requires {@code aud}.
 * So the app sends the <b>ID token</b>, the one both accept.
 *
 * <p>With {@code PreventUserExistenceErrors} a number without an account still gets a challenge (and
 * no SMS); the code then never matches. Calls block: the app makes them off the UI thread.
 */
public final class CognitoSignIn {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  /** The app client id of the local stack's fake Cognito (the local issuer's audience). */
  public static final String LOCAL_CLIENT_ID = "lienlac-local";

  private final URI endpoint;
  private final String clientId;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  /** A phone sign-in under way: Cognito's session, the user name to answer with, where the code went. */
  public record Challenge(String phone, String username, String session, String destination) {}

  /** What a successful sign-in or refresh gives; {@code expiresAt}: when the ID token stops working. */
  public record Tokens(String idToken, String accessToken, String refreshToken, Instant expiresAt) {
    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  public CognitoSignIn(URI endpoint, String clientId, HttpClient http, Duration timeout, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A client of Cognito at {@code endpoint} (AWS: {@link #endpointFor}; locally {@code {api}/dev/cognito/}). */
  public static CognitoSignIn create(URI endpoint, String clientId, Clock clock) {
    return new CognitoSignIn(endpoint, clientId,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(20), clock);
  }

  /** Cognito's user-pool endpoint in an AWS region, e.g. {@code https://cognito-idp.ap-southeast-1.amazonaws.com/}. */
  public static URI endpointFor(String region) {
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("Not an AWS region: " + region);
    }
    return URI.create("https://cognito-idp." + region + ".amazonaws.com/");
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Whether this is Amazon's Cognito (not the local stack's stand-in). */
  public boolean onAws() {
    String host = endpoint.getHost();
    return host != null && host.endsWith(".amazonaws.com");
  }

  /**
   * Asks Cognito to send a one-time code by SMS to {@code rawPhone} (as typed: {@code 0912 345 678},
   * {@code +84912345678}…; the project's rule, {@link Phones}, makes it E.164).
   *
   * @throws CognitoException {@link CognitoException.Reason#INVALID_PHONE} before any call when the
   *     number is not a Vietnamese mobile; otherwise what Cognito answered
   * @throws NetworkException no answer
   */
  public Challenge sendCode(String rawPhone) {
    Phones.Parsed parsed = Phones.parse(rawPhone);
    if (!parsed.ok()) {
      throw new CognitoException(CognitoException.Reason.INVALID_PHONE, "InvalidParameterException", parsed.problem());
    }
    ObjectNode request = LienlacClient.JSON.createObjectNode();
    request.put("AuthFlow", "USER_AUTH");
    request.put("ClientId", clientId);
    request.putObject("AuthParameters").put("USERNAME", parsed.e164()).put("PREFERRED_CHALLENGE", "SMS_OTP");
    JsonNode answer = call("InitiateAuth", request, Step.SEND_CODE);
    String challenge = answer.path("ChallengeName").asText("");
    if (!challenge.equals("SMS_OTP")) {
      // e.g. SELECT_CHALLENGE or PASSWORD: the pool did not offer an SMS code for this account
      throw new CognitoException(CognitoException.Reason.UNEXPECTED, "UnexpectedChallenge",
          "Cognito asked for " + (challenge.isEmpty() ? "nothing" : challenge) + ", not SMS_OTP");
    }
    JsonNode parameters = answer.path("ChallengeParameters");
    String username = parameters.path("USERNAME").asText(parsed.e164());
    return new Challenge(parsed.e164(), username, answer.path("Session").asText(),
        parameters.path("CODE_DELIVERY_DESTINATION").asText(null));
  }

  /**
   * Answers the SMS challenge with the code the user typed.
   *
   * @throws CognitoException WRONG_CODE (the same challenge may be answered again), CODE_EXPIRED /
   *     SESSION_ENDED (ask for a new code), TOO_MANY_ATTEMPTS…
   */
  public Tokens answer(Challenge challenge, String code) {
    ObjectNode request = LienlacClient.JSON.createObjectNode();
    request.put("ChallengeName", "SMS_OTP");
    request.put("ClientId", clientId);
    request.put("Session", challenge.session());
    request.putObject("ChallengeResponses").put("USERNAME", challenge.username())
        .put("SMS_OTP_CODE", code == null ? "" : code.strip());
    JsonNode answer = call("RespondToAuthChallenge", request, Step.ANSWER);
    return tokens(answer, null);
  }

  /**
   * New ID and access tokens for a refresh token (the refresh token itself is kept unless Cognito
   * sends a new one).
   *
   * @throws CognitoException SESSION_EXPIRED when the refresh token no longer works (revoked, expired,
   *     the account disabled or deleted): the user signs in again
   */
  public Tokens refresh(String refreshToken) {
    ObjectNode request = LienlacClient.JSON.createObjectNode();
    request.put("AuthFlow", "REFRESH_TOKEN_AUTH");
    request.put("ClientId", clientId);
    request.putObject("AuthParameters").put("REFRESH_TOKEN", refreshToken);
    return tokens(call("InitiateAuth", request, Step.REFRESH), refreshToken);
  }

  private Tokens tokens(JsonNode answer, String previousRefreshToken) {
    JsonNode result = answer.path("AuthenticationResult");
    if (!result.hasNonNull("IdToken")) {
      throw new CognitoException(CognitoException.Reason.UNEXPECTED, "UnexpectedChallenge",
          "Cognito asked for " + answer.path("ChallengeName").asText("nothing") + " instead of signing in");
    }
    String refreshToken = result.path("RefreshToken").asText(previousRefreshToken);
    return new Tokens(result.path("IdToken").asText(), result.path("AccessToken").asText(null), refreshToken,
        clock.instant().plusSeconds(result.path("ExpiresIn").asLong(3600)));
  }

  /** Which call failed: the same Cognito error means different things (NotAuthorized above all). */
  enum Step { SEND_CODE, ANSWER, REFRESH }

  private JsonNode call(String operation, ObjectNode body, Step step) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(endpoint).timeout(timeout)
          .header("Content-Type", CONTENT_TYPE)
          .header("X-Amz-Target", TARGET_PREFIX + operation)
          .POST(HttpRequest.BodyPublishers.ofByteArray(LienlacClient.JSON.writeValueAsBytes(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new NetworkException("Cognito " + operation + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("Cognito " + operation + ": interrupted", e);
    }
    JsonNode answer;
    try {
      answer = response.body().length == 0 ? LienlacClient.JSON.createObjectNode()
          : LienlacClient.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new NetworkException("Cognito " + operation + ": not Cognito's answer (HTTP " + response.statusCode() + ")", e);
    }
    if (response.statusCode() / 100 == 2) {
      return answer;
    }
    String type = errorType(answer, response);
    String message = answer.path("message").asText(answer.path("Message").asText(""));
    throw new CognitoException(reason(type, message, step, response.statusCode()), type, message);
  }

  /** {@code __type} without its namespace ({@code com.amazonaws…#CodeMismatchException}) or suffix ({@code :http…}). */
  static String errorType(JsonNode answer, HttpResponse<?> response) {
    String type = answer.path("__type").asText(response.headers().firstValue("x-amzn-errortype").orElse(""));
    int hash = type.lastIndexOf('#');
    if (hash >= 0) {
      type = type.substring(hash + 1);
    }
    int colon = type.indexOf(':');
    return colon >= 0 ? type.substring(0, colon) : type;
  }

  static CognitoException.Reason reason(String type, String message, Step step, int status) {
    return switch (type) {
      case "CodeMismatchException" -> CognitoException.Reason.WRONG_CODE;
      case "ExpiredCodeException" -> CognitoException.Reason.CODE_EXPIRED;
      case "LimitExceededException", "TooManyRequestsException", "TooManyFailedAttemptsException" ->
          CognitoException.Reason.TOO_MANY_ATTEMPTS;
      case "UserNotFoundException" -> CognitoException.Reason.NO_ACCOUNT;
      case "CodeDeliveryFailureException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException" ->
          CognitoException.Reason.SMS_NOT_SENT;
      case "InvalidParameterException" -> step == Step.SEND_CODE ? CognitoException.Reason.INVALID_PHONE
          : CognitoException.Reason.UNEXPECTED;
      case "NotAuthorizedException" -> switch (step) {
        // InitiateAuth: the account may not sign in (disabled); the answer: the session is over
        // ("Invalid session for the user", expired or too many wrong codes); refresh: the refresh
        // token no longer works.
        case SEND_CODE -> CognitoException.Reason.ACCOUNT_DISABLED;
        case ANSWER -> message.toLowerCase(java.util.Locale.ROOT).contains("expired")
            ? CognitoException.Reason.CODE_EXPIRED : CognitoException.Reason.SESSION_ENDED;
        case REFRESH -> CognitoException.Reason.SESSION_EXPIRED;
      };
      case "UserNotConfirmedException", "PasswordResetRequiredException" -> CognitoException.Reason.ACCOUNT_DISABLED;
      default -> status >= 500 || type.equals("InternalErrorException") ? CognitoException.Reason.SERVICE_DOWN
          : CognitoException.Reason.UNEXPECTED;
    };
  }
}
