package vn.lienlac.app.records;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/**
 * A loopback "API" for the records ViewModel tests: canned answers by path prefix, each request
 * recorded (method, path and query, Idempotency-Key, body); an answer of status 0 drops the
 * connection without answering (a lost answer). Gives an {@link AppContext} signed in as a parent.
 */
public final class FakeApi implements AutoCloseable {
  /** One recorded request. */
  public record Request(String method, String uri, String idempotencyKey, String body) {}

  /** One canned answer. */
  public record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Function<Request, Answer>> routes = new LinkedHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
      requests.add(request);
      Answer answer = new Answer(404, "{\"status\":404,\"title\":\"Không tìm thấy\"}");
      for (var route : routes.entrySet()) {
        if ((request.method() + " " + request.uri()).startsWith(route.getKey())) {
          answer = route.getValue().apply(request);
          break;
        }
      }
      if (answer.status() == 0) {
        exchange.close(); // no answer at all
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.status() < 300 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  /** Answers requests starting with {@code methodAndPath} (e.g. {@code GET /v1/students/st-1/report/}). */
  public FakeApi on(String methodAndPath, Function<Request, Answer> answer) {
    routes.put(methodAndPath, answer);
    return this;
  }

  public FakeApi on(String methodAndPath, int status, String body) {
    return on(methodAndPath, request -> new Answer(status, body));
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** A context signed in as a parent of {@code children}, on the demo world's clock, direct tasks. */
  public AppContext context(Path cacheFolder, Me.SchoolMembership... schools) {
    LienlacClient client = LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    AppContext context = new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(),
        Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC), new OfflineCache(cacheFolder),
        page -> {}, client);
    context.signedIn(client.withToken("t"), new Me("p1", "Trần Bình", List.of(schools)), "PARENT");
    return context;
  }

  public void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
