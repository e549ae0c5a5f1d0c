package vn.lienlac.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.functions.accounts.LocalAccountDirectory;
import vn.lienlac.functions.roster.file.Phones;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Problems;
import vn.lienlac.local.auth.DevIdentity;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.local.template.SamTemplate;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.i18n.Messages;

/**
 * API Gateway on a laptop: the template's routes over the JDK HTTP server on the loopback
 * interface, behind a {@link FrontDoor} that answers requests the JDK cannot parse with problem+json. It checks the JWT as the HTTP API's authorizer does (unless the route is public),
 * builds the payload-2.0 event, calls the function's handler and writes its answer back. It also
 * serves the development-only routes under {@code /dev} (demo users, tokens, the public key).
 */
public final class DevGateway implements AutoCloseable {
  /** API Gateway's payload limit. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  /** What a refused body may still send and be read and dropped, so that its 413 arrives (above: the reset). */
  private static final long DISCARD_LIMIT = 8L * MAX_BODY_BYTES;
  /** How long {@code GET /dev/token} tokens stay valid. */
  public static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);
  private static final int THREADS = 16;

  private final FrontDoor door;
  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final DevIdentity identity;
  private final List<DevUser> users;
  private final Clock clock;
  private final PrintStream out;
  private final RouteTable<Target> routes = new RouteTable<>();
  /** More development-only JSON pages (e.g. {@code /dev/outbox}, the fake FCM server's deliveries). */
  private final Map<String, java.util.function.Supplier<String>> devPages = new java.util.concurrent.ConcurrentHashMap<>();
  /** Development-only pages mounted under {@code /dev/…} (the VNPay sandbox), by path prefix. */
  private final Map<String, HttpHandler> devMounts = new java.util.concurrent.ConcurrentHashMap<>();

  /** A function from the template with its one handler instance. */
  public record Deployed(
      SamTemplate.Function function,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

  private record Target(Deployed deployed, SamTemplate.HttpRoute route) {}

  private DevGateway(FrontDoor door, DevIdentity identity, List<Deployed> functions, List<DevUser> users,
      Clock clock, PrintStream out) {
    this.door = door;
    this.server = door.backend();
    this.identity = identity;
    this.users = List.copyOf(users);
    this.clock = clock;
    this.out = out;
    for (Deployed deployed : functions) {
      for (SamTemplate.HttpRoute route : deployed.function().routes()) {
        routes.add(route.method(), route.path(), new Target(deployed, route));
      }
    }
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
        task -> {
          Thread thread = new Thread(task, "gateway-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Fails now, not after a minute of seeding, when another program holds the port. (The port is
   * released again: the gateway listens only once everything behind it is ready.)
   */
  public static void ensureFree(int port) throws IOException {
    if (port != 0) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        probe.setReuseAddress(true);
      }
    }
  }

  /** Binds the loopback port (0: any free one); nothing is served until {@link #start}. */
  public static FrontDoor bind(int port) throws IOException {
    return FrontDoor.bind(port);
  }

  /** {@code http://127.0.0.1:<port>} of a bound gateway. */
  public static URI baseUri(FrontDoor door) {
    return door.baseUri();
  }

  /** Serves the functions' routes on the bound server from now on. */
  public static DevGateway start(FrontDoor door, DevIdentity identity, List<Deployed> functions,
      List<DevUser> users, Clock clock, PrintStream out) {
    DevGateway gateway = new DevGateway(door, identity, functions, users, clock, out);
    HttpServer server = door.backend();
    server.setExecutor(gateway.pool);
    server.createContext("/", gateway::handle);
    server.start();
    door.open();
    return gateway;
  }

  public URI baseUri() {
    return door.baseUri();
  }

  /** Serves {@code GET path} (under {@code /dev/}) with the JSON {@code page} gives at each request. */
  public void devPage(String path, java.util.function.Supplier<String> page) {
    if (!path.startsWith("/dev/")) {
      throw new IllegalArgumentException("Development pages live under /dev/: " + path);
    }
    devPages.put(path, page);
  }

  /** Serves every request whose path starts with {@code prefix} (which must start with {@code /dev/}) with {@code handler}. */
  public void mount(String prefix, HttpHandler handler) {
    if (!prefix.startsWith("/dev/")) {
      throw new IllegalArgumentException("Development pages live under /dev/: " + prefix);
    }
    devMounts.put(prefix, handler);
  }

  @Override
  public void close() {
    door.close();
    server.stop(0);
    pool.shutdownNow();
  }

  // ----------------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try {
      exchange.getResponseHeaders().add("apigw-requestid", requestId);
      serve(exchange, requestId);
    } catch (RuntimeException e) {
      // The route, not the URI: a path can hold a device token, a query string VNPay's signature.
      log("failed to serve %s: %s", routeOf(exchange), e);
      e.printStackTrace(out);
      if (exchange.getResponseCode() == -1) {
        internalError(exchange, requestId);
      }
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange, String requestId) throws IOException {
    Instant received = clock.instant();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    if (method.equals("GET") && path.startsWith("/dev/") && serveDev(exchange, path, requestId)) {
      return;
    }
    for (Map.Entry<String, HttpHandler> mounted : devMounts.entrySet()) {
      if (path.startsWith(mounted.getKey())) {
        mounted.getValue().handle(exchange);
        return;
      }
    }
    var match = routes.match(method, path);
    if (match.isEmpty()) {
      problem(exchange, requestId, new ApiException.NotFound(), Map.of());
      return;
    }
    Target target = match.get().target();
    JWTClaimsSet claims = null;
    if (!target.route().isPublic()) {
      try {
        claims = identity.verify(exchange.getRequestHeaders().getFirst("authorization"));
      } catch (DevIdentity.Rejected rejected) {
        log("%s 401 (%s)", match.get().routeKey(), rejected.getMessage());
        problem(exchange, requestId, new ApiException.Unauthenticated(),
            Map.of("www-authenticate", rejected.presented() ? "Bearer error=\"invalid_token\"" : "Bearer"));
        return;
      }
    }
    Optional<byte[]> body = readBody(exchange);
    if (body.isEmpty()) {
      problem(exchange, requestId, new PayloadTooLarge(), Map.of());
      return;
    }
    var invocation = new PayloadFormat2.Invocation(
        match.get().routeKey(), match.get().pathParameters(), claims, requestId, received);
    invoke(exchange, target.deployed(), PayloadFormat2.event(exchange, body.get(), invocation), requestId);
  }

  private void invoke(HttpExchange exchange, Deployed deployed, APIGatewayV2HTTPEvent event, String requestId)
      throws IOException {
    LocalContext context = new LocalContext(deployed.function(), requestId, out);
    APIGatewayV2HTTPResponse response;
    try {
      response = deployed.handler().handleRequest(event, context);
    } catch (RuntimeException | Error e) {
      // In AWS the invocation fails and API Gateway answers 500.
      log("%s threw %s", deployed.function().logicalId(), e);
      e.printStackTrace(out);
      response = null;
    }
    if (context.getRemainingTimeInMillis() == 0) {
      log("%s took longer than its Timeout of %ds: Lambda would have stopped it",
          deployed.function().logicalId(), deployed.function().timeoutSeconds());
    }
    if (response == null) {
      internalError(exchange, requestId);
      return;
    }
    PayloadFormat2.copyHeaders(response, exchange.getResponseHeaders());
    int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
    send(exchange, status, PayloadFormat2.body(response), Map.of());
  }

  /** The body, or empty when it is larger than API Gateway accepts. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("content-length");
    boolean declaredTooLarge = declared != null && declared.matches("\\d{1,18}")
        && Long.parseLong(declared) > MAX_BODY_BYTES;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = declaredTooLarge ? null : in.readNBytes(MAX_BODY_BYTES + 1);
      if (body != null && body.length <= MAX_BODY_BYTES) {
        return Optional.of(body);
      }
      discard(in);
      return Optional.empty();
    }
  }

  /**
   * Reads and drops the rest of a refused body (at most {@link #DISCARD_LIMIT} bytes) before the
   * 413 is sent: the JDK server closes a connection with unread input, the close resets it, and
   * the client may lose the answer it had not read yet.
   */
  private static void discard(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = DISCARD_LIMIT;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  // --- /dev routes -------------------------------------------------------------------------------

  /** Answers a development-only route; false when the path is not one. */
  private boolean serveDev(HttpExchange exchange, String path, String requestId) throws IOException {
    switch (path) {
      case "/dev/users" -> sendJson(exchange, Json.write(users));
      case "/dev/accounts" -> sendJson(exchange, Json.write(LocalAccountDirectory.shared().list()));
      case "/dev/.well-known/jwks.json" -> sendJson(exchange, identity.publicJwks());
      case "/dev/token" -> {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String userId = rawQuery == null ? null : PayloadFormat2.query(rawQuery).get("user");
        Optional<DevUser> user = users.stream().filter(u -> u.id().equals(userId)).findFirst()
            .or(() -> importedAccount(userId));
        if (user.isEmpty()) {
          problem(exchange, requestId, new ApiException.NotFound(), Map.of());
        } else {
          DevIdentity.Token token = identity.issue(user.get(), DEV_TOKEN_TTL);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("token", token.token());
          body.put("tokenType", "Bearer");
          body.put("expiresAt", token.expiresAt());
          body.put("user", user.get());
          sendJson(exchange, Json.write(body));
        }
      }
      default -> {
        var page = devPages.get(path);
        if (page == null) {
          return false;
        }
        sendJson(exchange, page.get());
      }
    }
    return true;
  }

  /**
   * An account the roster import created in the local directory (the dev issuer's stand-in for
   * Cognito), by its sub or its phone in any spelling ({@code ?user=0912345678}); a disabled account
   * (a parent removed from every roster) gets no token.
   */
  private static Optional<DevUser> importedAccount(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    LocalAccountDirectory accounts = LocalAccountDirectory.shared();
    return accounts.bySub(userId)
        .or(() -> Phones.toE164(userId.startsWith(" ") ? "+" + userId.strip() : userId).flatMap(accounts::find))
        .filter(AccountDirectory.Account::enabled)
        .map(a -> new DevUser(a.sub(), a.name() == null ? a.phone() : a.name(), "PARENT", null, null,
            "Imported from a roster (" + a.phone() + ")"));
  }

  private static void sendJson(HttpExchange exchange, String json) throws IOException {
    send(exchange, 200, json.getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store"));
  }

  // --- answers -----------------------------------------------------------------------------------

  /** A problem+json answer rendered as the functions render theirs, in the caller's language. */
  private static void problem(HttpExchange exchange, String requestId, ApiException e, Map<String, String> headers)
      throws IOException {
    send(exchange, Problems.of(e, locale(exchange), requestId), headers);
  }

  /** 500, as API Gateway answers when the invocation itself fails. */
  private static void internalError(HttpExchange exchange, String requestId) throws IOException {
    send(exchange, Problems.internal(locale(exchange), requestId), Map.of());
  }

  private static void send(HttpExchange exchange, Problem problem, Map<String, String> headers) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("content-type", Problem.MEDIA_TYPE + "; charset=utf-8");
    all.put("cache-control", "no-store");
    send(exchange, problem.status(), Json.write(problem).getBytes(StandardCharsets.UTF_8), all);
  }

  private static Locale locale(HttpExchange exchange) {
    return Messages.negotiate(exchange.getRequestHeaders().getFirst("accept-language"));
  }

  private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      exchange.getResponseBody().write(body);
    }
  }

  /** The route key a request matched (ids and tokens stay out of the log), or its method alone. */
  private String routeOf(HttpExchange exchange) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    return routes.match(method, exchange.getRequestURI().getRawPath()).map(m -> m.routeKey())
        .orElse(method + " (no route)");
  }

  private void log(String format, Object... args) {
    out.println("[gateway] " + String.format(Locale.ROOT, format, args));
  }

  /** 413: the body is larger than API Gateway's 10 MB payload limit. */
  static final class PayloadTooLarge extends ApiException {
    PayloadTooLarge() {
      super(413, "payload-too-large", "problem.payload-too-large.detail");
    }
  }
}
