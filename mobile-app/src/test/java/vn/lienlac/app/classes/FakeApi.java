package vn.lienlac.app.classes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 * A loopback stand-in for the API in the teacher ViewModel tests: each request is recorded and
 * answered by the test's function ({@code null} body: 204). Runs the ViewModels with
 * {@link Tasks#direct()}, no toolkit.
 */
public final class FakeApi implements AutoCloseable {
  /** A request as the app sent it. */
  public record Request(String method, String path, String body) {}

  /** An answer: status and JSON body (a problem when the status is 4xx/5xx). */
  public record Answer(int status, String body) {
    public static Answer ok(String body) {
      return new Answer(200, body);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Answer> answers = r -> new Answer(404, "{\"title\":\"none\",\"status\":404}");

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      Request request = new Request(exchange.getRequestMethod(),
          exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Answer answer = answers.apply(request);
      byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.status() >= 400 ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  public void answer(Function<Request, Answer> answers) {
    this.answers = answers;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  /** A signed-in teacher's context against this server, in Vietnamese, on {@code clock}. */
  public AppContext context(Path cache, Clock clock, Me me) {
    LienlacClient client = LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    AppContext context = new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(), clock,
        new OfflineCache(cache), page -> {}, client);
    context.signedIn(client.withToken("t"), me, "TEACHER");
    return context;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
