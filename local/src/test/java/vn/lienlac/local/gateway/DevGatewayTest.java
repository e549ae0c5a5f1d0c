package vn.lienlac.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.auth.DevIdentity;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.local.template.SamTemplate;
import vn.lienlac.local.template.SamTemplate.HttpRoute;
import vn.lienlac.model.i18n.Messages;

/** The gateway around a recording handler: what a function receives and what the caller gets back. */
class DevGatewayTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final DevUser PARENT =
      new DevUser("ph-001", "Trần Thị Mai", "PARENT", "thcs-1", "Trường THCS 1", "a parent");
  private static final SamTemplate.Function ECHO = new SamTemplate.Function(
      "EchoFunction", "vn.example.Echo::handleRequest", Map.of(), 7, 256, List.of(
          new HttpRoute("Thing", "GET", "/things/{thingId}", false),
          new HttpRoute("Upload", "POST", "/upload", true),
          new HttpRoute("Open", "GET", "/open", true)));

  private static final Recorder RECORDER = new Recorder();
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static DevIdentity identity;
  private static DevGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    var server = DevGateway.bind(0);
    identity = DevIdentity.create(DevGateway.baseUri(server).toString(), DevIdentity.loadKey(null), CLOCK);
    gateway = DevGateway.start(server, identity, List.of(new DevGateway.Deployed(ECHO, RECORDER)), List.of(PARENT),
        CLOCK, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    RECORDER.answer = event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
    RECORDER.event.set(null);
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery));
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String bearer() {
    return "Bearer " + identity.issue(PARENT, Duration.ofMinutes(5)).token();
  }

  @Test
  void a_protected_route_should_pass_the_payload_2_0_event_with_the_verified_claims() throws Exception {
    var response = send(request("/things/S%C6%A1n%20A?term=2026-1&tag=a&tag=b%20c&flag")
        .header("Authorization", bearer())
        .header("X-Multi", "one")
        .header("X-Multi", "two")
        .header("Cookie", "theme=dark; lang=vi")
        .header("User-Agent", "lienlac-test"));

    APIGatewayV2HTTPEvent event = RECORDER.event.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("GET /things/{thingId}");
    assertThat(event.getRawPath()).isEqualTo("/things/S%C6%A1n%20A");
    assertThat(event.getRawQueryString()).isEqualTo("term=2026-1&tag=a&tag=b%20c&flag");
    assertThat(event.getQueryStringParameters())
        .isEqualTo(Map.of("term", "2026-1", "tag", "a,b c", "flag", ""));
    assertThat(event.getPathParameters()).isEqualTo(Map.of("thingId", "Sơn A"));
    assertThat(event.getHeaders()).containsEntry("x-multi", "one,two")
        .containsEntry("user-agent", "lienlac-test")
        .containsKey("authorization")
        .doesNotContainKey("cookie")
        .allSatisfy((name, value) -> assertThat(name).isLowerCase());
    assertThat(event.getCookies()).containsExactly("theme=dark", "lang=vi");
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();

    var context = event.getRequestContext();
    assertThat(context.getRouteKey()).isEqualTo("GET /things/{thingId}");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
    assertThat(context.getTime()).isEqualTo("23/Nov/2026:08:00:00 +0000");
    assertThat(context.getHttp().getMethod()).isEqualTo("GET");
    assertThat(context.getHttp().getPath()).isEqualTo("/things/S%C6%A1n%20A");
    assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getHttp().getUserAgent()).isEqualTo("lienlac-test");

    Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
    assertThat(claims).containsEntry("sub", "ph-001")
        .containsEntry("aud", "lienlac-local")
        .containsEntry("token_use", "id")
        .containsEntry("cognito:groups", "[PARENT]")
        .containsEntry("cognito:username", "ph-001")
        .containsEntry("iss", identity.issuer())
        .containsEntry("iat", Long.toString(NOW.getEpochSecond()))
        .containsEntry("exp", Long.toString(NOW.plusSeconds(300).getEpochSecond()));
    assertThat(context.getAuthorizer().getJwt().getScopes()).isNull();
  }

  @Test
  void each_request_should_get_its_own_request_id_in_the_event_and_the_lambda_context() throws Exception {
    var first = send(request("/open"));
    String firstId = RECORDER.event.get().getRequestContext().getRequestId();
    Context firstContext = RECORDER.context.get();
    var second = send(request("/open"));

    assertThat(firstContext.getAwsRequestId()).isEqualTo(firstId);
    assertThat(first.headers().firstValue("apigw-requestid")).contains(firstId);
    assertThat(second.headers().firstValue("apigw-requestid")).isPresent().get().isNotEqualTo(firstId);
    assertThat(firstContext.getFunctionName()).isEqualTo("EchoFunction");
    assertThat(firstContext.getMemoryLimitInMB()).isEqualTo(256);
    assertThat(firstContext.getRemainingTimeInMillis()).isBetween(0, 7_000);
  }

  @Test
  void a_public_route_should_need_no_token_and_carry_no_authorizer() throws Exception {
    var response = send(request("/open"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RECORDER.event.get().getRequestContext().getAuthorizer()).isNull();
    assertThat(RECORDER.event.get().getQueryStringParameters()).isNull();
    assertThat(RECORDER.event.get().getPathParameters()).isNull();
  }

  @Test
  void a_protected_route_without_a_valid_token_should_answer_401_without_calling_the_function() throws Exception {
    var missing = send(request("/things/1"));
    var garbage = send(request("/things/1").header("Authorization", "Bearer nope").header("Accept-Language", "en"));

    assertThat(RECORDER.event.get()).isNull();
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("www-authenticate")).contains("Bearer");
    assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(garbage.headers().firstValue("www-authenticate")).contains("Bearer error=\"invalid_token\"");
    JsonNode problem = Json.MAPPER.readTree(garbage.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://lienlac.vn/problems/unauthenticated");
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo(Messages.get(Messages.ENGLISH, "problem.unauthenticated.title"))
        .isNotEqualTo(Messages.get(Messages.VIETNAMESE, "problem.unauthenticated.title"));
    // The route template, never the raw path or query (a path can hold a device token, a query a signature).
    assertThat(new String(LOG.toByteArray(), StandardCharsets.UTF_8)).contains("[gateway] GET /things/{thingId} 401")
        .doesNotContain("/things/1");
  }

  @Test
  void a_textual_body_should_arrive_as_text_and_any_other_as_base64() throws Exception {
    send(request("/upload").header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"ten\":\"Sơn\"}")));
    APIGatewayV2HTTPEvent json = RECORDER.event.get();
    byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, (byte) 0xFF, 0x00};
    send(request("/upload").header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx)));
    APIGatewayV2HTTPEvent binary = RECORDER.event.get();

    assertThat(json.getIsBase64Encoded()).isFalse();
    assertThat(json.getBody()).isEqualTo("{\"ten\":\"Sơn\"}");
    assertThat(binary.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(xlsx);
  }

  @Test
  void a_textual_body_that_is_not_utf8_should_arrive_as_its_bytes_so_the_function_can_refuse_it() throws Exception {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    send(request("/upload").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    APIGatewayV2HTTPEvent event = RECORDER.event.get();

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
  }

  @Test
  void a_malformed_path_that_reaches_the_gateway_should_answer_problem_json() throws Exception {
    for (String target : List.of("/things/%C0%AF", "/things/%00", "/nowhere/%FF%FE", "/things/a%2Fb/c")) {
      String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(answer).as(target).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json");
    }
  }

  /**
   * A request target that is not a URI at all ({@code /v1/%zz}, a raw space or brace) would be
   * refused by the JDK's HTTP server itself, with its own text/html 400, before any handler runs:
   * the gateway's {@link FrontDoor} reads each request's head first and answers it with problem+json
   * (ARCHITECTURE.md, "The local stack").
   */
  @Test
  void a_request_target_that_is_not_a_uri_should_answer_400_problem_json_in_the_callers_language() throws Exception {
    for (String target : List.of("/things/%zz", "/things/a b", "/things/{x}", "/things/%")) {
      String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(answer).as(target).startsWith("HTTP/1.1 400 ")
          .containsIgnoringCase("content-type: application/problem+json").doesNotContainIgnoringCase("text/html");
      JsonNode problem = Json.MAPPER.readTree(body(answer));
      assertThat(problem.path("type").asText()).isEqualTo("https://lienlac.vn/problems/bad-request");
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("detail").asText()).isEqualTo(Messages.get(Messages.VIETNAMESE, "request.badRequestLine"));
    }
    String english = raw("GET /things/%zz HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n");

    assertThat(Json.MAPPER.readTree(body(english)).path("detail").asText())
        .isEqualTo(Messages.get(Messages.ENGLISH, "request.badRequestLine"));
    assertThat(RECORDER.event.get()).isNull();
    assertThat(LOG.toString(StandardCharsets.UTF_8)).doesNotContain("%zz");
  }

  @Test
  void headers_the_jdk_would_refuse_should_answer_400_problem_json() throws Exception {
    for (String headers : List.of("Content-Length: 2\r\nTransfer-Encoding: chunked", "Content-Length: 2\r\nContent-Length: 2",
        "Transfer-Encoding: gzip", "Content-Length: +2", "Bad Name: 1", "X: 1\r\n folded", "X-Long: " + "a".repeat(70_000))) {
      String answer = raw("POST /upload HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n\r\nhi");

      assertThat(answer).as(headers).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/problem+json");
      assertThat(Json.MAPPER.readTree(body(answer)).path("detail").asText())
          .isEqualTo(Messages.get(Messages.VIETNAMESE, "request.badHeaders"));
    }
    assertThat(RECORDER.event.get()).isNull();
  }

  @Test
  void requests_on_one_kept_alive_connection_should_pass_with_their_bodies_until_a_malformed_one() throws Exception {
    try (Connection connection = new Connection()) {
      String get = connection.exchange("GET /open?a=1 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(get).startsWith("HTTP/1.1 200 ");
      assertThat(RECORDER.event.get().getRawQueryString()).isEqualTo("a=1");

      String post = connection.exchange("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 5\r\n\r\nhello");
      assertThat(post).startsWith("HTTP/1.1 200 ");
      assertThat(RECORDER.event.get().getBody()).isEqualTo("hello");

      String chunked = connection.exchange("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\nchu\r\n4\r\nnked\r\n0\r\nX-Trailer: t\r\n\r\n");
      assertThat(chunked).startsWith("HTTP/1.1 200 ");
      assertThat(RECORDER.event.get().getBody()).isEqualTo("chunked");

      RECORDER.event.set(null);
      String malformed = connection.exchange("GET /things/%zz HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n");
      assertThat(malformed).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/problem+json");
      assertThat(Json.MAPPER.readTree(body(malformed)).path("detail").asText())
          .isEqualTo(Messages.get(Messages.ENGLISH, "request.badRequestLine"));
      assertThat(connection.rest()).isEmpty();
      assertThat(RECORDER.event.get()).isNull();
    }
  }

  @Test
  void a_malformed_request_pipelined_after_a_valid_one_should_be_answered_after_it_in_order() throws Exception {
    String answers = raw("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi"
        + "GET /things/%zz HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answers).startsWith("HTTP/1.1 200 ");
    assertThat(answers.indexOf("HTTP/1.1 400 ")).isPositive();
    assertThat(answers.substring(answers.indexOf("HTTP/1.1 400 "))).containsIgnoringCase("application/problem+json");
    assertThat(RECORDER.event.get().getBody()).isEqualTo("hi");
  }

  @Test
  void a_client_that_expects_100_continue_should_get_it_before_sending_its_body() throws Exception {
    try (Connection connection = new Connection()) {
      String interim = connection.exchange("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n");
      assertThat(interim).startsWith("HTTP/1.1 100 ");
      assertThat(connection.exchange("data")).startsWith("HTTP/1.1 200 ");
      assertThat(RECORDER.event.get().getBody()).isEqualTo("data");
    }
  }

  private static String body(String answer) {
    return new String(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1),
        StandardCharsets.UTF_8);
  }

  /** One kept-alive connection: a request at a time, each answer read by its Content-Length. */
  private static final class Connection implements AutoCloseable {
    private final java.net.Socket socket;
    private final java.io.InputStream in;

    Connection() throws IOException {
      URI base = gateway.baseUri();
      socket = new java.net.Socket(base.getHost(), base.getPort());
      socket.setSoTimeout(10_000);
      in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    String exchange(String request) throws IOException {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int c = in.read();
        if (c < 0) {
          throw new java.io.EOFException("closed after: " + head);
        }
        head.append((char) c);
      }
      var length = java.util.regex.Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
      int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
      return head + new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    /** What comes until the gateway closes the connection. */
    String rest() throws IOException {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Sends bytes as they are (HttpClient would refuse to) and reads the whole answer. */
  private static String raw(String request) throws IOException {
    URI base = gateway.baseUri();
    try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void a_base64_response_should_be_decoded_and_headers_and_cookies_written_back() throws Exception {
    byte[] pdf = {0x25, 0x50, 0x44, 0x46, (byte) 0x80};
    RECORDER.answer = event -> APIGatewayV2HTTPResponse.builder()
        .withStatusCode(201)
        .withHeaders(Map.of("content-type", "application/pdf", "x-receipt", "R-1"))
        .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
        .withBody(Base64.getEncoder().encodeToString(pdf))
        .withIsBase64Encoded(true)
        .build();

    var response = send(request("/open"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo(pdf);
    assertThat(response.headers().firstValue("content-type")).contains("application/pdf");
    assertThat(response.headers().firstValue("x-receipt")).contains("R-1");
    assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("a=1; Path=/", "b=2; HttpOnly");
  }

  @Test
  void an_unknown_route_or_method_should_answer_404_problem_json_in_the_callers_language() throws Exception {
    var unknown = send(request("/nowhere").header("Accept-Language", "en"));
    var wrongMethod = send(request("/open").DELETE());

    assertThat(RECORDER.event.get()).isNull();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(404);
    JsonNode problem = Json.MAPPER.readTree(unknown.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");
    assertThat(problem.path("detail").asText()).isEqualTo(Messages.get(Messages.ENGLISH, "problem.not-found.detail"))
        .isNotEqualTo(Messages.get(Messages.VIETNAMESE, "problem.not-found.detail"));
  }

  @Test
  void a_body_over_10_mb_should_answer_413_without_calling_the_function() throws Exception {
    var response = send(request("/upload").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[DevGateway.MAX_BODY_BYTES + 1])));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(RECORDER.event.get()).isNull();
    assertThat(Json.MAPPER.readTree(response.body()).path("type").asText())
        .isEqualTo("https://lienlac.vn/problems/payload-too-large");
  }

  @Test
  void a_body_of_exactly_10_mb_should_reach_the_function() throws Exception {
    var response = send(request("/upload").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[DevGateway.MAX_BODY_BYTES])));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Base64.getDecoder().decode(RECORDER.event.get().getBody())).hasSize(DevGateway.MAX_BODY_BYTES);
  }

  @Test
  void a_function_that_fails_should_answer_500_problem_json_with_the_request_id() throws Exception {
    RECORDER.answer = event -> {
      throw new IllegalStateException("boom");
    };

    var response = send(request("/open"));

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode problem = Json.MAPPER.readTree(response.body());
    assertThat(problem.path("instance").asText()).endsWith(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(response.body()).asString(StandardCharsets.UTF_8).doesNotContain("boom");
  }

  @Test
  void dev_routes_should_list_users_sign_tokens_and_publish_the_key() throws Exception {
    var users = send(request("/dev/users"));
    var token = send(request("/dev/token?user=ph-001"));
    var unknown = send(request("/dev/token?user=nobody"));
    var noUser = send(request("/dev/token"));
    var jwks = send(request("/dev/.well-known/jwks.json"));

    assertThat(Json.MAPPER.readTree(users.body())).isEqualTo(Json.MAPPER.valueToTree(List.of(PARENT)));
    JsonNode issued = Json.MAPPER.readTree(token.body());
    assertThat(issued.path("tokenType").asText()).isEqualTo("Bearer");
    assertThat(issued.path("user").path("id").asText()).isEqualTo("ph-001");
    assertThat(Instant.parse(issued.path("expiresAt").asText())).isEqualTo(NOW.plus(DevGateway.DEV_TOKEN_TTL));
    assertThat(identity.verify("Bearer " + issued.path("token").asText()).getSubject()).isEqualTo("ph-001");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(noUser.statusCode()).isEqualTo(404);
    assertThat(Json.MAPPER.readTree(jwks.body()).path("keys")).hasSize(1);
  }

  /** Records the last event and answers what the test says. */
  private static final class Recorder implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    final AtomicReference<APIGatewayV2HTTPEvent> event = new AtomicReference<>();
    final AtomicReference<Context> context = new AtomicReference<>();
    volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> answer;

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context lambdaContext) {
      event.set(input);
      context.set(lambdaContext);
      return answer.apply(input);
    }
  }
}
