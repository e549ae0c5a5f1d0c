package vn.lienlac.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.lienlac.functions.accounts.LocalAccountDirectory;
import vn.lienlac.local.seed.DevUser;

/**
 * Amazon Cognito's user-pool sign-in, for the local stack only (the outside world that cannot run
 * here), mounted by the dev gateway at {@code POST /dev/cognito/}. It speaks the AWS JSON 1.1
 * protocol the app's {@code CognitoSignIn} speaks to AWS ({@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.InitiateAuth | RespondToAuthChallenge}), for the flows the app
 * client {@code lienlac-app} allows:
 * <ul>
 *   <li>{@code USER_AUTH} with {@code PREFERRED_CHALLENGE: SMS_OTP}: a 6-digit code "sent" to the
 *       phone (the fake SMS outbox, {@code GET /dev/sms}); the challenge {@code SMS_OTP} with a
 *       session and the masked destination;
 *   <li>the answer ({@code SMS_OTP_CODE}): the code is good for {@link #SESSION_VALIDITY} on the
 *       stack's clock (Cognito's default sign-in session of 3 minutes); a wrong code is
 *       {@code CodeMismatchException} and the third wrong one ends the session; then
 *       {@code AuthenticationResult} with the local issuer's RS256 tokens ({@link DevIdentity}: the ID
 *       token the gateway accepts, an access token, an opaque refresh token good for 30 days);
 *   <li>{@code REFRESH_TOKEN_AUTH}: new ID and access tokens while the refresh token and the account
 *       last.
 * </ul>
 * Accounts: the demo users, each with a made-up mobile number ({@link #phoneOf}, listed at
 * {@code GET /dev/cognito/accounts}), and the parents a roster import created in
 * {@link LocalAccountDirectory} (their own numbers). As with {@code PreventUserExistenceErrors}, an
 * unknown number gets a challenge too, and no SMS. At most {@link #CODES_PER_HOUR} codes per number
 * per hour ({@code LimitExceededException}). The normal log never shows a code with its phone.
 */
public final class FakeCognito implements HttpHandler {
  public static final String PREFIX = "/dev/cognito/";
  public static final String SMS_PAGE = "/dev/sms";
  public static final String ACCOUNTS_PAGE = "/dev/cognito/accounts";
  /** The local app client id: the local issuer's audience. */
  public static final String CLIENT_ID = DevIdentity.AUDIENCE;
  public static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);
  public static final Duration TOKEN_VALIDITY = Duration.ofMinutes(60);
  public static final Duration REFRESH_VALIDITY = Duration.ofDays(30);
  public static final int MAX_WRONG_CODES = 3;
  public static final int CODES_PER_HOUR = 5;
  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevIdentity identity;
  private final Clock clock;
  private final PrintStream out;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, DevUser> demoByPhone = new LinkedHashMap<>();
  private final Map<String, String> phoneByUser = new LinkedHashMap<>();
  private final Map<String, Pending> sessions = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, List<Instant>> codesSent = new ConcurrentHashMap<>();
  private final List<Sms> outbox = new CopyOnWriteArrayList<>();

  /** A text message the fake sent: to whom, what it said, the code in it, when. */
  public record Sms(String to, String text, String code, Instant sentAt) {}

  /** A sign-in waiting for its code; {@code user} is null for a number without an account. */
  private static final class Pending {
    final String phone;
    final DevUser user;
    final String code;
    final Instant expiresAt;
    int wrong;

    Pending(String phone, DevUser user, String code, Instant expiresAt) {
      this.phone = phone;
      this.user = user;
      this.code = code;
      this.expiresAt = expiresAt;
    }
  }

  private record Refresh(String phone, Instant expiresAt) {}

  /** A Cognito error: its {@code __type}, message and HTTP status. */
  static final class Failure extends Exception {
    final String type;
    final int status;

    Failure(String type, String message) {
      this(type, message, 400);
    }

    Failure(String type, String message, int status) {
      super(message, null, false, false);
      this.type = type;
      this.status = status;
    }
  }

  public FakeCognito(DevIdentity identity, List<DevUser> demoUsers, Clock clock, PrintStream out) {
    this.identity = identity;
    this.clock = clock;
    this.out = out;
    int n = 0;
    for (DevUser user : demoUsers) {
      n++;
      String phone = String.format(Locale.ROOT, "+8490%07d", n);
      demoByPhone.put(phone, user);
      phoneByUser.put(user.id(), phone);
    }
  }

  /**
   * The made-up mobile number of a demo user: {@code +8490} and the user's place in {@code /dev/users}
   * on 7 digits (the first user is {@code +84900000001}, typed {@code 090 000 0001}).
   */
  public Optional<String> phoneOf(String userId) {
    return Optional.ofNullable(phoneByUser.get(userId));
  }

  /** Every text message sent so far, oldest first. */
  public List<Sms> outbox() {
    return List.copyOf(outbox);
  }

  /** The last code sent to {@code phone} (E.164), if any. */
  public Optional<String> lastCode(String phone) {
    for (int i = outbox.size() - 1; i >= 0; i--) {
      if (outbox.get(i).to().equals(phone)) {
        return Optional.of(outbox.get(i).code());
      }
    }
    return Optional.empty();
  }

  /** Revokes every refresh token of {@code phone} (Cognito's RevokeToken / a global sign-out). */
  public void revokeRefreshTokens(String phone) {
    refreshTokens.values().removeIf(r -> r.phone().equals(phone));
  }

  /** {@code GET /dev/sms}: the outbox as JSON, newest last. */
  public String outboxJson() {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (Sms sms : outbox) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("to", sms.to());
      m.put("text", sms.text());
      m.put("code", sms.code());
      m.put("sentAt", sms.sentAt().toString());
      messages.add(m);
    }
    return write(Map.of("messages", messages));
  }

  /** {@code GET /dev/cognito/accounts}: the demo users' numbers (imported parents: {@code /dev/accounts}). */
  public String accountsJson() {
    List<Map<String, Object>> accounts = new ArrayList<>();
    demoByPhone.forEach((phone, user) -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("phone", phone);
      a.put("userId", user.id());
      a.put("displayName", user.displayName());
      a.put("role", user.role());
      accounts.add(a);
    });
    return write(Map.of("clientId", CLIENT_ID, "accounts", accounts));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(64 * 1024);
      if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
        throw new Failure("UnknownOperationException", "Cognito's API takes POST requests", 404);
      }
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-target"));
      JsonNode request;
      try {
        request = JSON.readTree(body);
      } catch (IOException e) {
        throw new Failure("SerializationException", "Request body is not JSON");
      }
      if (request == null || !request.isObject()) {
        throw new Failure("SerializationException", "Request body is not a JSON object");
      }
      String clientId = request.path("ClientId").asText("");
      if (!clientId.equals(CLIENT_ID)) {
        throw new Failure("ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
      }
      ObjectNode answer = switch (target) {
        case TARGET_PREFIX + "InitiateAuth" -> initiateAuth(request);
        case TARGET_PREFIX + "RespondToAuthChallenge" -> respond(request);
        default -> throw new Failure("UnknownOperationException", "Unknown operation " + target);
      };
      send(exchange, 200, answer);
    } catch (Failure failure) {
      ObjectNode error = JSON.createObjectNode();
      error.put("__type", failure.type);
      error.put("message", failure.getMessage());
      exchange.getResponseHeaders().set("x-amzn-ErrorType", failure.type);
      send(exchange, failure.status, error);
    }
  }

  private ObjectNode initiateAuth(JsonNode request) throws Failure {
    String flow = request.path("AuthFlow").asText("");
    JsonNode parameters = request.path("AuthParameters");
    return switch (flow) {
      case "USER_AUTH" -> startSms(parameters);
      case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(parameters.path("REFRESH_TOKEN").asText(""));
      default -> throw new Failure("InvalidParameterException", "Auth flow " + flow + " is not enabled for this client.");
    };
  }

  private ObjectNode startSms(JsonNode parameters) throws Failure {
    String phone = parameters.path("USERNAME").asText("");
    if (phone.isEmpty()) {
      throw new Failure("InvalidParameterException", "Missing required parameter USERNAME");
    }
    String preferred = parameters.path("PREFERRED_CHALLENGE").asText("");
    if (!preferred.equals("SMS_OTP")) {
      // Cognito would offer SELECT_CHALLENGE; this stand-in knows only the SMS code.
      throw new Failure("InvalidParameterException", "This local user pool offers only PREFERRED_CHALLENGE SMS_OTP");
    }
    Instant now = clock.instant();
    List<Instant> sent = codesSent.computeIfAbsent(phone, p -> new CopyOnWriteArrayList<>());
    sent.removeIf(at -> at.isBefore(now.minus(Duration.ofHours(1))));
    if (sent.size() >= CODES_PER_HOUR) {
      throw new Failure("LimitExceededException", "Attempt limit exceeded, please try after some time.");
    }
    Optional<Account> account = account(phone);
    if (account.isPresent() && !account.get().enabled()) {
      throw new Failure("NotAuthorizedException", "User is disabled.");
    }
    Optional<DevUser> user = account.map(Account::user);
    String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    String session = token(96);
    sessions.put(session, new Pending(phone, user.orElse(null), code, now.plus(SESSION_VALIDITY)));
    if (user.isPresent()) {
      sent.add(now);
      outbox.add(new Sms(phone, "Ma dang nhap Lienlac cua ban la " + code + ". Khong chia se ma nay voi ai.",
          code, now));
      log("SMS code sent to %s", mask(phone));
    } else {
      log("sign-in for %s: no such account; challenge without SMS", mask(phone));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("ChallengeName", "SMS_OTP");
    answer.put("Session", session);
    ObjectNode challenge = answer.putObject("ChallengeParameters");
    challenge.put("CODE_DELIVERY_DELIVERY_MEDIUM", "SMS");
    challenge.put("CODE_DELIVERY_DESTINATION", mask(phone));
    user.ifPresent(u -> challenge.put("USERNAME", u.id()));
    return answer;
  }

  private ObjectNode respond(JsonNode request) throws Failure {
    String challengeName = request.path("ChallengeName").asText("");
    if (!challengeName.equals("SMS_OTP")) {
      throw new Failure("InvalidParameterException", "Unexpected challenge " + challengeName);
    }
    String sessionId = request.path("Session").asText("");
    Pending pending = sessions.get(sessionId);
    if (pending == null) {
      throw new Failure("NotAuthorizedException", "Invalid session for the user.");
    }
    Instant now = clock.instant();
    if (!now.isBefore(pending.expiresAt)) {
      sessions.remove(sessionId);
      throw new Failure("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
    JsonNode responses = request.path("ChallengeResponses");
    String username = responses.path("USERNAME").asText("");
    boolean sameUser = username.equals(pending.phone) || (pending.user != null && username.equals(pending.user.id()));
    String code = responses.path("SMS_OTP_CODE").asText("");
    synchronized (pending) {
      if (pending.user == null || !sameUser || !code.equals(pending.code)) {
        pending.wrong++;
        if (pending.wrong >= MAX_WRONG_CODES) {
          sessions.remove(sessionId);
        }
        throw new Failure("CodeMismatchException", "Invalid code or auth state for the user.");
      }
    }
    sessions.remove(sessionId);
    Optional<Account> still = account(pending.phone);
    if (still.isEmpty() || !still.get().enabled()) {
      throw new Failure("NotAuthorizedException", "User is disabled.");
    }
    String refreshToken = token(128);
    refreshTokens.put(refreshToken, new Refresh(pending.phone, now.plus(REFRESH_VALIDITY)));
    log("signed in %s with an SMS code", still.get().user().id());
    return result(still.get().user(), refreshToken);
  }

  private ObjectNode refresh(String refreshToken) throws Failure {
    Refresh refresh = refreshTokens.get(refreshToken);
    if (refresh == null) {
      throw new Failure("NotAuthorizedException", "Invalid Refresh Token");
    }
    if (!clock.instant().isBefore(refresh.expiresAt())) {
      refreshTokens.remove(refreshToken);
      throw new Failure("NotAuthorizedException", "Refresh Token has expired");
    }
    Optional<Account> account = account(refresh.phone());
    if (account.isEmpty() || !account.get().enabled()) {
      refreshTokens.remove(refreshToken);
      throw new Failure("NotAuthorizedException", "Refresh Token has been revoked");
    }
    return result(account.get().user(), null);
  }

  private ObjectNode result(DevUser user, String refreshToken) {
    DevIdentity.Token id = identity.issue(user, TOKEN_VALIDITY);
    Instant now = clock.instant();
    // Cognito's access token: token_use "access", client_id, no aud (the local gateway requires aud and
    // refuses it; API Gateway would match client_id: the app sends the ID token, which both accept).
    String access = identity.sign(new JWTClaimsSet.Builder()
        .subject(user.id())
        .issuer(identity.issuer())
        .claim("token_use", "access")
        .claim("client_id", CLIENT_ID)
        .claim("scope", "aws.cognito.signin.user.admin")
        .claim("username", user.id())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(TOKEN_VALIDITY)))
        .jwtID(UUID.randomUUID().toString())
        .build());
    ObjectNode answer = JSON.createObjectNode();
    answer.putObject("ChallengeParameters");
    ObjectNode result = answer.putObject("AuthenticationResult");
    result.put("AccessToken", access);
    result.put("ExpiresIn", TOKEN_VALIDITY.toSeconds());
    result.put("IdToken", id.token());
    if (refreshToken != null) {
      result.put("RefreshToken", refreshToken);
    }
    result.put("TokenType", "Bearer");
    return answer;
  }

  /** An account of the pool: who signs in with the number, and whether they may. */
  private record Account(DevUser user, boolean enabled) {}

  /** The account of a number: a demo user, or a parent a roster import created; empty when none. */
  private Optional<Account> account(String phone) {
    DevUser demo = demoByPhone.get(phone);
    if (demo != null) {
      return Optional.of(new Account(demo, true));
    }
    return LocalAccountDirectory.shared().find(phone).map(a -> new Account(
        new DevUser(a.sub(), a.name() == null ? a.phone() : a.name(), "PARENT", null, null, "Imported from a roster"),
        a.enabled()));
  }

  /** {@code +84900000001} → {@code +********0001}, as Cognito shows the destination. */
  static String mask(String phone) {
    if (phone.length() <= 5) {
      return "+****";
    }
    return "+" + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 4);
  }

  private String token(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("content-type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void log(String format, Object... args) {
    out.println("[cognito] " + String.format(Locale.ROOT, format, args));
  }
}
