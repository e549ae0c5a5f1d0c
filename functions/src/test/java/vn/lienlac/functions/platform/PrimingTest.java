package vn.lienlac.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.identity.IdentityFunction;
import vn.lienlac.functions.records.RecordsFunction;

/**
 * SnapStart priming runs each function's request path against its table, and never breaks the
 * checkpoint: a fake DynamoDB on loopback answers every call with no data, or with an error.
 */
class PrimingTest {
  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean failing;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      calls.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = (failing ? "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"no\"}" : "{}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(failing ? 400 : 200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Environment env(Map<String, String> extra) {
    Map<String, String> variables = new HashMap<>(Map.of("TABLE_NAME", "t", "AWS_REGION", "ap-southeast-1",
        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + server.getAddress().getPort(),
        Dynamo.LOCAL_CREDENTIALS, "true",
        // records-fn publishes events (grade.published, leave.decided): its container needs the queue.
        "EVENTS_QUEUE_URL", "http://127.0.0.1:9/000000000000/events"));
    variables.putAll(extra);
    return Environment.of(variables);
  }

  private List<ApiFunction> functions(Environment env) {
    return List.of(new IdentityFunction(env), new RecordsFunction(env));
  }

  @Test
  void every_function_should_prime_its_get_routes_through_the_sdk_without_a_failure() {
    for (ApiFunction function : functions(env(Map.of()))) {
      int before = calls.get();
      assertThat(function.priming()).as(function.getClass().getSimpleName()).isNotNull();

      assertThat(function.priming().run()).as(function.getClass().getSimpleName()).isZero();

      long authenticatedGets = function.routeKeys().stream().filter(r -> r.startsWith("GET /v1/")).count();
      assertThat(calls.get() - before).as("one GetItem, then at least one read per authenticated GET route")
          .isGreaterThanOrEqualTo(1 + (int) authenticatedGets);
    }
  }

  @Test
  void a_failing_table_should_be_counted_and_logged_but_never_break_the_checkpoint() {
    failing = true;
    for (ApiFunction function : functions(env(Map.of()))) {
      assertThatCode(() -> function.priming().beforeCheckpoint(null)).doesNotThrowAnyException();
      assertThat(function.priming().run()).isPositive();
    }
  }

  @Test
  void priming_off_should_register_nothing() {
    for (ApiFunction function : functions(env(Map.of(Priming.VARIABLE, "off")))) {
      assertThat(function.priming()).isNull();
    }
  }
}
