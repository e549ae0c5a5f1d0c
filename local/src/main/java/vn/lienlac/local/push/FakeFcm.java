package vn.lienlac.local.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.functions.platform.Json;

/**
 * A fake FCM HTTP v1 endpoint on loopback: {@code POST /v1/projects/{project}/messages:send}, as
 * firebase-admin calls it. It answers like FCM (a message name; errors as {@code google.rpc.Status}
 * with a {@code type.googleapis.com/google.firebase.fcm.v1.FcmError} detail naming the
 * {@code errorCode}), keeps what each token received (the local stack's {@code GET /dev/outbox}),
 * counts requests, and fails on demand for tests: a status for the next requests (503, 429 with
 * Retry-After), UNREGISTERED for a token.
 */
public final class FakeFcm implements AutoCloseable {
  private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");

  /** One message a device received. */
  public record Delivery(String token, String title, String body, Map<String, String> data, String androidPriority,
      long receivedNanos) {}

  /** A programmed failure: {@code status} with FCM's {@code errorCode}, and Retry-After seconds when given. */
  public record Failure(int status, String errorCode, Integer retryAfterSeconds) {
    public static Failure unavailable() {
      return new Failure(503, "UNAVAILABLE", null);
    }

    public static Failure quotaExceeded(int retryAfterSeconds) {
      return new Failure(429, "QUOTA_EXCEEDED", retryAfterSeconds);
    }

    public static Failure internal() {
      return new Failure(500, "INTERNAL", null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, List<Delivery>> outbox = new ConcurrentHashMap<>();
  private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong lastRequestNanos = new AtomicLong();
  private final AtomicInteger ids = new AtomicInteger();

  private FakeFcm(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Listens on a free loopback port. */
  public static FakeFcm start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      FakeFcm fcm = new FakeFcm(server, executor);
      server.setExecutor(executor);
      server.createContext("/", fcm::handle);
      server.start();
      return fcm;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot start the fake FCM server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: what the dispatcher's {@code FCM_ENDPOINT} is set to. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** HTTP requests to the send endpoint since the start (or the last {@link #reset}). */
  public int requests() {
    return requests.get();
  }

  /** {@link System#nanoTime} of the last send request, 0 before the first. */
  public long lastRequestNanos() {
    return lastRequestNanos.get();
  }

  /** What {@code token} received, in order. */
  public List<Delivery> received(String token) {
    return List.copyOf(outbox.getOrDefault(token, List.of()));
  }

  /** Every delivery, by token: the local stack's {@code GET /dev/outbox}. */
  public Map<String, List<Delivery>> outbox() {
    Map<String, List<Delivery>> copy = new LinkedHashMap<>();
    outbox.forEach((token, list) -> copy.put(token, List.copyOf(list)));
    return copy;
  }

  /** The outbox as JSON (tokens shortened: a token is a credential of the device). */
  public String outboxJson() {
    List<Map<String, Object>> devices = new ArrayList<>();
    outbox().forEach((token, list) -> {
      Map<String, Object> device = new LinkedHashMap<>();
      device.put("token", token.length() > 16 ? token.substring(0, 12) + "…" : token);
      device.put("received", list.stream().map(d -> Map.of("title", d.title(), "body", d.body(), "data", d.data()))
          .toList());
      devices.add(device);
    });
    return Json.write(Map.of("requests", requests(), "devices", devices));
  }

  /** From now on, sends to {@code token} answer 404 UNREGISTERED (a stale token). */
  public void unregister(String token) {
    unregistered.add(token);
  }

  /** The next {@code failures.length} send requests fail with these, in order (any token). */
  public void failNext(Failure... next) {
    synchronized (this.failures) {
      this.failures.addAll(List.of(next));
    }
  }

  /** Forgets deliveries, counts and programmed failures. */
  public void reset() {
    outbox.clear();
    unregistered.clear();
    synchronized (failures) {
      failures.clear();
    }
    requests.set(0);
    lastRequestNanos.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] raw = in.readNBytes(1 << 20);
      Matcher matcher = SEND.matcher(exchange.getRequestURI().getPath());
      if (!exchange.getRequestMethod().equals("POST") || !matcher.matches()) {
        error(exchange, new Failure(404, null, null), "Not found");
        return;
      }
      requests.incrementAndGet();
      lastRequestNanos.set(System.nanoTime());
      Failure failure;
      synchronized (failures) {
        failure = failures.poll();
      }
      if (failure != null) {
        error(exchange, failure, "Programmed failure");
        return;
      }
      JsonNode message = Json.MAPPER.readTree(raw).path("message");
      String token = message.path("token").asText(null);
      if (token == null || token.isBlank()) {
        error(exchange, new Failure(400, "INVALID_ARGUMENT", null), "Request contains an invalid argument.");
        return;
      }
      if (unregistered.contains(token)) {
        error(exchange, new Failure(404, "UNREGISTERED", null), "Requested entity was not found.");
        return;
      }
      Map<String, String> data = new LinkedHashMap<>();
      message.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
      outbox.computeIfAbsent(token, t -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(new Delivery(token, message.path("notification").path("title").asText(null),
              message.path("notification").path("body").asText(null), data,
              message.path("android").path("priority").asText(null), System.nanoTime()));
      String name = "projects/" + matcher.group(1) + "/messages/fake-" + ids.incrementAndGet();
      send(exchange, 200, Json.write(Map.of("name", name)), null);
    } catch (RuntimeException e) {
      error(exchange, new Failure(500, "INTERNAL", null), "Internal error: " + e);
    }
  }

  private static void error(HttpExchange exchange, Failure failure, String message) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", failure.status());
    error.put("message", message);
    error.put("status", switch (failure.status()) {
      case 400 -> "INVALID_ARGUMENT";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> "INTERNAL";
    });
    if (failure.errorCode() != null) {
      error.put("details", List.of(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError",
          "errorCode", failure.errorCode())));
    }
    send(exchange, failure.status(), Json.write(Map.of("error", error)), failure.retryAfterSeconds());
  }

  private static void send(HttpExchange exchange, int status, String json, Integer retryAfter) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
