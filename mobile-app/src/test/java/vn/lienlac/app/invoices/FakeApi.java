package vn.lienlac.app.invoices;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback "API" for ViewModel tests: answers set per {@code METHOD path} (path with its query),
 * records every request's method, path and body. Unknown routes answer 404 problem+json.
 */
public final class FakeApi implements AutoCloseable {
  public record Answer(int status, String contentType, byte[] body) {}

  public record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), path, body));
      Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
          "application/problem+json", "{\"status\":404,\"title\":\"Không tìm thấy\"}".getBytes(StandardCharsets.UTF_8)));
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      exchange.getResponseBody().write(answer.body());
      exchange.close();
    });
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void json(String methodAndPath, int status, String json) {
    answers.put(methodAndPath, new Answer(status, status < 300 ? "application/json" : "application/problem+json",
        json.getBytes(StandardCharsets.UTF_8)));
  }

  public void bytes(String methodAndPath, String contentType, byte[] body) {
    answers.put(methodAndPath, new Answer(200, contentType, body));
  }

  public List<Request> requests() {
    return requests;
  }

  /** The bodies of the requests made to {@code METHOD path}. */
  public List<String> bodies(String methodAndPath) {
    return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).map(Request::body)
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
