package vn.lienlac.app.settings;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/**
 * A loopback stand-in for the API in ViewModel tests: canned answers per {@code METHOD path} (each
 * answered in turn, the last one again and again), every request recorded with its body and
 * Accept-Language. {@link #context} gives an AppContext on direct tasks, signed in.
 */
public final class FakeApi implements AutoCloseable {
  /** A request the app made. */
  public record Request(String method, String path, String body, String language) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  public final List<URI> opened = new CopyOnWriteArrayList<>();

  public FakeApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), path, body,
          exchange.getRequestHeaders().getFirst("Accept-Language")));
      Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + path);
      Answer answer = queue == null ? new Answer(404, "{\"status\":404,\"title\":\"Không tìm thấy\"}")
          : queue.size() > 1 ? queue.poll() : queue.peek();
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.status() < 300 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  /** Answers {@code METHOD path} with {@code status} and {@code body} (queued after earlier answers). */
  public FakeApi on(String route, int status, String body) {
    answers.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new Answer(status, body));
    return this;
  }

  /** Forgets the answers of a route (then queue new ones). */
  public FakeApi reset(String route) {
    answers.remove(route);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A context on direct tasks, signed in as {@code me} (role PARENT), the cache in {@code cache}. */
  public AppContext context(Path cache, Me me) {
    LienlacClient client = LienlacClient.create(uri());
    AppContext context = new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(),
        Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC), new OfflineCache(cache), opened::add,
        client);
    context.signedIn(context.anonymous().withToken("t"), me, "PARENT");
    return context;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
