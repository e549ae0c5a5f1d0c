package vn.lienlac.functions.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;

/**
 * The SQS publisher against a fake SQS (the JSON protocol the SDK speaks) on loopback: what it
 * sends, and what happens when SQS keeps refusing (the request goes on; the event is logged whole).
 */
class SqsEventPublisherTest {
  static final DomainEvent EVENT = new DomainEvent("01JDZ8Q4M6X7RW3T5Y9B2C4D6F", EventTypes.MESSAGE_SENT, "nt",
      Instant.parse("2026-11-21T03:00:00.123456Z"), Map.of("conversationId", "c1", "urgent", "true"));

  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failWith = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
          "body", body));
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      if (failWith.get() != 0) {
        respond(exchange, failWith.get(), "{\"__type\":\"com.amazonaws.sqs#InternalError\",\"message\":\"down\"}");
        return;
      }
      String messageBody = Json.MAPPER.readTree(body).get("MessageBody").asText();
      respond(exchange, 200, "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(messageBody) + "\"}");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void a_domain_event_should_round_trip_through_the_strict_mapper() throws IOException {
    String json = Json.write(EVENT);

    assertThat(Json.MAPPER.readValue(json, DomainEvent.class)).isEqualTo(EVENT);
    assertThat(Json.MAPPER.readTree(json).get("occurredAt").asText()).isEqualTo("2026-11-21T03:00:00.123456Z");
  }

  @Test
  void a_body_that_is_not_a_domain_event_should_be_refused_by_the_strict_mapper() {
    for (String body : List.of("{}", "not json", "{\"id\":\"x\",\"type\":\"t\",\"schoolId\":\"s\",\"occurredAt\":"
        + "\"2026-11-21T03:00:00Z\",\"data\":{},\"extra\":1}", "{\"id\":\"x\",\"type\":\"t\",\"schoolId\":\"s\","
        + "\"occurredAt\":1700000000,\"data\":{}}")) {
      assertThatThrownBy(() -> Json.MAPPER.readValue(body, DomainEvent.class), body)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void publish_should_send_the_event_as_json_to_the_queue() throws IOException {
    SqsEventPublisher publisher = publisher();

    publisher.publish(EVENT);

    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.get("target")).isEqualTo("AmazonSQS.SendMessage");
      JsonNode sent = Json.MAPPER.readTree(request.get("body"));
      assertThat(sent.get("QueueUrl").asText()).isEqualTo(queueUrl());
      assertThat(Json.MAPPER.readValue(sent.get("MessageBody").asText(), DomainEvent.class)).isEqualTo(EVENT);
    });
  }

  @Test
  void a_queue_that_keeps_failing_should_not_fail_the_request_and_the_event_should_be_logged_whole() throws IOException {
    SqsEventPublisher publisher = publisher();
    failWith.set(500);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      publisher.publish(EVENT);
    } finally {
      System.setOut(original);
    }

    assertThat(requests).as("the SDK retried").hasSizeGreaterThan(1);
    String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("event not published"))
        .findFirst().orElseThrow(() -> new AssertionError("no ERROR line in " + captured));
    JsonNode logged = Json.MAPPER.readTree(line.substring(line.indexOf('{')));
    assertThat(Json.MAPPER.treeToValue(logged.get("event"), DomainEvent.class)).isEqualTo(EVENT);
  }

  @Test
  void the_publisher_needs_the_queue_url() {
    assertThatThrownBy(() -> Events.publisher(Environment.of(Map.of())))
        .hasMessageContaining(Events.QUEUE_URL);
  }

  private SqsEventPublisher publisher() {
    return SqsEventPublisher.fromEnvironment(Environment.of(Map.of(
        Events.QUEUE_URL, queueUrl(), SqsEventPublisher.ENDPOINT_VARIABLE, base(), "AWS_REGION", "ap-southeast-1",
        Dynamo.LOCAL_CREDENTIALS, "true")));
  }

  private String queueUrl() {
    return base() + "/000000000000/events";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
