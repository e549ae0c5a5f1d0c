package vn.lienlac.app.officeannouncements;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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

/**
 * A loopback "API" for ViewModel tests: answers queued per "METHOD /path?query" (the last one
 * repeats), records every request. An answer with status 0 drops the connection (a network failure;
 * java.net.http retries a GET once on a dropped connection, so queue two for a GET).
 */
public final class FakeApi implements AutoCloseable {
  /** A request as it came. */
  public record Request(String method, String target, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues an answer for {@code "GET /v1/..."} (path with its query, as the client sends it). */
  public synchronized FakeApi on(String request, int status, String body) {
    answers.computeIfAbsent(request, r -> new ArrayDeque<>()).add(new Answer(status, body));
    return this;
  }

  /** Replaces whatever was queued for {@code request} with this one answer. */
  public synchronized FakeApi only(String request, int status, String body) {
    answers.remove(request);
    return on(request, status, body);
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    String key = exchange.getRequestMethod() + " " + target;
    Answer answer;
    synchronized (this) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) ->
          headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      requests.add(new Request(exchange.getRequestMethod(), target, headers, body));
      Deque<Answer> queue = answers.get(key);
      answer = queue == null ? new Answer(404, "{\"status\":404,\"title\":\"Không tìm thấy\",\"detail\":\"" + key + "\"}")
          : queue.size() > 1 ? queue.poll() : queue.peek();
    }
    if (answer.status() == 0) {
      exchange.close(); // no answer at all: the client sees a network failure
      return;
    }
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        answer.status() < 300 ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
