package vn.lienlac.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who signs a function's DynamoDB requests. A SnapStart function gets its role's credentials from
 * the container credentials endpoint (no access-key variables), and an endpoint override alone
 * must not swap them for fixed local ones. A fake DynamoDB and a fake credentials endpoint on
 * loopback show which credentials each request was signed with.
 */
class DynamoTest {
  private static final String TOKEN = "container-token-123";
  private HttpServer server;
  private final AtomicInteger credentialRequests = new AtomicInteger();
  private final List<Map<String, String>> dynamoRequests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "access-key variables would come first in the chain");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/credentials", exchange -> {
      if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        respond(exchange, 401, "{}");
        return;
      }
      credentialRequests.incrementAndGet();
      respond(exchange, 200, """
          {"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"secret","Token":"session-token","Expiration":"%s"}"""
          .formatted(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
    });
    server.createContext("/", exchange -> {
      dynamoRequests.add(Map.of(
          "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
          "token", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))));
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      respond(exchange, 200, "{}");
    });
    server.start();
    System.setProperty("aws.containerCredentialsFullUri", base() + "/credentials");
    System.setProperty("aws.containerAuthorizationToken", TOKEN);
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.containerCredentialsFullUri");
    System.clearProperty("aws.containerAuthorizationToken");
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void a_snapstart_function_with_an_endpoint_override_should_sign_with_the_container_credentials() {
    Dynamo dynamo = Dynamo.fromEnvironment(Environment.of(Map.of(
        "TABLE_NAME", "t", "AWS_REGION", "ap-southeast-1", "AWS_ENDPOINT_URL_DYNAMODB", base())));

    getItem(dynamo);
    getItem(dynamo);

    assertThat(dynamoRequests).hasSize(2).allSatisfy(request -> {
      assertThat(request.get("authorization")).contains("Credential=ASIACONTAINER/");
      assertThat(request.get("token")).isEqualTo("session-token");
    });
    assertThat(credentialRequests).as("fetched once, then cached until near expiry").hasValue(1);
  }

  @Test
  void the_dev_stack_opt_in_should_sign_with_fixed_local_credentials() {
    Dynamo dynamo = Dynamo.fromEnvironment(Environment.of(Map.of(
        "TABLE_NAME", "t", "AWS_REGION", "ap-southeast-1", "AWS_ENDPOINT_URL_DYNAMODB", base(),
        Dynamo.LOCAL_CREDENTIALS, "true")));

    getItem(dynamo);

    assertThat(dynamoRequests).singleElement()
        .satisfies(request -> assertThat(request.get("authorization")).contains("Credential=local/"));
    assertThat(credentialRequests).hasValue(0);
  }

  private static void getItem(Dynamo dynamo) {
    dynamo.client().getItem(r -> r.tableName(dynamo.tableName())
        .key(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"))));
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
