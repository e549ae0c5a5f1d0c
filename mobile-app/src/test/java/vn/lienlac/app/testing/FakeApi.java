package vn.lienlac.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import vn.lienlac.client.LienlacClient;

/**
 * The one loopback stand-in for the API in ViewModel tests. Answers go by route, {@code "METHOD target"}:
 * <ul>
 *   <li>{@code "GET /v1/x?from=1"}: that path with that query;</li>
 *   <li>{@code "GET /v1/x"}: that path, whatever its query (a route with the query wins);</li>
 *   <li>{@code "GET /v1/x/*"}: every target starting with {@code /v1/x/} (the first such route set).</li>
 * </ul>
 * Each route answers in turn what was queued for it ({@link #on}), the last answer again and again;
 * an answer is canned JSON or a handler of the {@link Request}. A request no route takes goes to
 * {@link #otherwise} (404 problem+json unless set). Every request is recorded. {@link Answer#drop()}
 * closes the connection without answering (a lost answer: note java.net.http retries a GET once on a
 * dropped connection); {@link #down} drops every request (no network).
 */
public final class FakeApi implements AutoCloseable {
  /** A request as the app sent it: {@code path} without the query, the body as it came. */
  public record Request(String method, String path, String query, Map<String, String> headers, byte[] bytes) {
    /** The body as text. */
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The path with its query, as the client sent it. */
    public String target() {
      return query == null ? path : path + "?" + query;
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String idempotencyKey() {
      return header("Idempotency-Key");
    }

    public String language() {
      return header("Accept-Language");
    }
  }

  /** An answer: status, content type and body; status 0 drops the connection. */
  public record Answer(int status, String contentType, byte[] body) {
    /** JSON ({@code application/problem+json} from 400 on); {@code null} body: none. */
    public static Answer json(int status, String body) {
      return new Answer(status, status >= 400 ? "application/problem+json" : "application/json",
          body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer ok(String json) {
      return json(200, json);
    }

    public static Answer bytes(String contentType, byte[] body) {
      return new Answer(200, contentType, body);
    }

    /** No answer at all: the connection is closed. */
    public static Answer drop() {
      return new Answer(0, null, new byte[0]);
    }
  }

  private static final Answer NOT_FOUND = Answer.json(404, "{\"status\":404,\"title\":\"Không tìm thấy\"}");

  private final HttpServer server;
  private final Map<String, Deque<Function<Request, Answer>>> routes = new LinkedHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Answer> otherwise = request -> NOT_FOUND;
  private volatile boolean down;

  public FakeApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** Queues {@code status} and JSON {@code body} for {@code route}. */
  public FakeApi on(String route, int status, String body) {
    return on(route, request -> Answer.json(status, body));
  }

  /** Queues a handler for {@code route}. */
  public synchronized FakeApi on(String route, Function<Request, Answer> handler) {
    routes.computeIfAbsent(route, r -> new ArrayDeque<>()).add(handler);
    return this;
  }

  /** Replaces whatever was queued for {@code route} with this one answer. */
  public FakeApi only(String route, int status, String body) {
    return only(route, request -> Answer.json(status, body));
  }

  /** Replaces whatever was queued for {@code route} with this one handler. */
  public synchronized FakeApi only(String route, Function<Request, Answer> handler) {
    return reset(route).on(route, handler);
  }

  /** Forgets what was queued for {@code route}. */
  public synchronized FakeApi reset(String route) {
    routes.remove(route);
    return this;
  }

  /** Answers the requests no route takes. */
  public FakeApi otherwise(Function<Request, Answer> handler) {
    this.otherwise = handler;
    return this;
  }

  /** Down: every request is dropped without an answer (no network). */
  public void down(boolean down) {
    this.down = down;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests made with {@code method} to {@code path} (whatever the query). */
  public List<Request> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  public List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  /** The bodies of the requests made to {@code "METHOD target"}. */
  public List<String> bodies(String methodAndTarget) {
    return requests.stream().filter(r -> (r.method() + " " + r.target()).equals(methodAndTarget))
        .map(Request::body).toList();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** An anonymous client of this API. */
  public LienlacClient client() {
    return LienlacClient.create(uri());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (down) {
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), headers, body);
      requests.add(request);
      Answer answer = handlerFor(request).apply(request);
      if (answer.status() == 0) {
        return; // no answer at all: the client sees a network failure
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        exchange.getResponseBody().write(answer.body());
      }
    }
  }

  private synchronized Function<Request, Answer> handlerFor(Request request) {
    Deque<Function<Request, Answer>> queue = routes.get(request.method() + " " + request.target());
    if (queue == null) {
      queue = routes.get(request.method() + " " + request.path());
    }
    if (queue == null) {
      String target = request.method() + " " + request.target();
      queue = routes.entrySet().stream()
          .filter(route -> route.getKey().endsWith("*")
              && target.startsWith(route.getKey().substring(0, route.getKey().length() - 1)))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (queue == null) {
      return otherwise;
    }
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
