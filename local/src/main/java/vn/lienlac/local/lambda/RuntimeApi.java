package vn.lienlac.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Lambda sandbox's runtime talks to, on loopback: the Lambda Runtime API (version
 * 2018-06-01: {@code invocation/next}, {@code invocation/{id}/response}, {@code invocation/{id}/error},
 * {@code init/error}, and SnapStart's {@code restore/next} and {@code restore/error}) and the
 * container credentials endpoint that a SnapStart function's SDK calls
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, which must present {@link #token()}).
 *
 * <p>One instance serves one sandbox. {@link #submit} queues an event; the runtime picks it up
 * with its next long poll and the returned future completes with what it posted back. Times are
 * taken here, on the runtime's requests, as Lambda reports them (init ends at the first
 * {@code next}; an invocation lasts from handing the event over to receiving the answer).
 */
public final class RuntimeApi implements AutoCloseable {
  static final String PREFIX = "/2018-06-01/runtime/";
  static final String CREDENTIALS_PATH = "/2021-04-23/credentials";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String token = UUID.randomUUID().toString();
  private final String functionArn;
  private final Duration timeout;
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
  private final CompletableFuture<Long> restoreNext = new CompletableFuture<>();
  private final AtomicInteger credentialsServed = new AtomicInteger();
  private final AtomicInteger credentialsRefused = new AtomicInteger();
  private volatile boolean closed;

  /** What the runtime posted back for one event; times from {@link System#nanoTime()}. */
  public record Answer(String requestId, boolean error, String errorType, String payload, long deliveredNanos,
      long answeredNanos) {

    public double millis() {
      return (answeredNanos - deliveredNanos) / 1e6;
    }
  }

  private static final class Invocation {
    final String id = UUID.randomUUID().toString();
    final byte[] event;
    final CompletableFuture<Answer> answer = new CompletableFuture<>();
    volatile long delivered;

    Invocation(byte[] event) {
      this.event = event;
    }
  }

  public RuntimeApi(String functionArn, Duration timeout) {
    this.functionArn = functionArn;
    this.timeout = timeout;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on loopback", e);
    }
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "lambda-runtime-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext(PREFIX, this::runtime);
    server.createContext(CREDENTIALS_PATH, this::credentials);
    server.start();
  }

  /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} gives it. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
  public URI credentialsUri() {
    return URI.create("http://" + address() + CREDENTIALS_PATH);
  }

  /** {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}: the credentials endpoint refuses any other. */
  public String token() {
    return token;
  }

  /** Credentials handed out to a request that presented the token. */
  public int credentialsServed() {
    return credentialsServed.get();
  }

  /** Credential requests without the right token (answered 403). */
  public int credentialsRefused() {
    return credentialsRefused.get();
  }

  /** Completes with the body of {@code init/error} or {@code restore/error}, if the runtime posts one. */
  public CompletableFuture<String> initError() {
    return initError;
  }

  /** Completes with the time of the runtime's first {@code invocation/next}: its init is over. */
  public CompletableFuture<Long> firstNext() {
    return firstNext;
  }

  /** Completes with the time of {@code restore/next}: the SnapStart runtime ran its checkpoint hooks. */
  public CompletableFuture<Long> restoreNext() {
    return restoreNext;
  }

  /** Queues one event (the JSON an event source sends); the future completes when the runtime answers. */
  public CompletableFuture<Answer> submit(String eventJson) {
    Invocation invocation = new Invocation(eventJson.getBytes(StandardCharsets.UTF_8));
    inFlight.put(invocation.id, invocation);
    pending.add(invocation);
    return invocation.answer;
  }

  private void runtime(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      byte[] body = readBody(exchange.getRequestBody());
      long now = System.nanoTime();
      if (method.equals("GET") && path.equals("invocation/next")) {
        firstNext.complete(now);
        next(exchange);
      } else if (method.equals("POST") && path.startsWith("invocation/")
          && (path.endsWith("/response") || path.endsWith("/error"))) {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = inFlight.remove(id);
        if (invocation == null) {
          send(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
          return;
        }
        boolean error = path.endsWith("/error");
        invocation.answer.complete(new Answer(id, error,
            error ? exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null,
            new String(body, StandardCharsets.UTF_8), invocation.delivered, now));
        send(exchange, 202, "{\"status\":\"OK\"}");
      } else if (method.equals("POST") && (path.equals("init/error") || path.equals("restore/error"))) {
        initError.complete(path + " " + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")
            + ": " + new String(body, StandardCharsets.UTF_8));
        send(exchange, 202, "{\"status\":\"OK\"}");
      } else if (method.equals("GET") && path.equals("restore/next")) {
        // Lambda answers when the snapshot is restored; here, at once.
        restoreNext.complete(now);
        send(exchange, 200, "");
      } else {
        send(exchange, 404, "{\"errorMessage\":\"" + method + " " + path + "\",\"errorType\":\"NotFound\"}");
      }
    }
  }

  /** The long poll: waits for an event, then hands it over with Lambda's invocation headers. */
  private void next(HttpExchange exchange) throws IOException {
    Invocation invocation = null;
    try {
      while (invocation == null && !closed) {
        invocation = pending.poll(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (invocation == null) {
      send(exchange, 500, "{\"errorMessage\":\"shutting down\"}");
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id);
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(Instant.now().plus(timeout).toEpochMilli()));
    headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    headers.add("Lambda-Runtime-Trace-Id", traceId());
    invocation.delivered = System.nanoTime();
    exchange.sendResponseHeaders(200, invocation.event.length);
    exchange.getResponseBody().write(invocation.event);
  }

  /** The container credentials endpoint: temporary credentials for the right token only. */
  private void credentials(HttpExchange exchange) throws IOException {
    try (exchange) {
      readBody(exchange.getRequestBody());
      if (!exchange.getRequestMethod().equals("GET")
          || !token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        credentialsRefused.incrementAndGet();
        send(exchange, 403, "{\"Code\":\"AccessDenied\",\"Message\":\"bad authorization token\"}");
        return;
      }
      credentialsServed.incrementAndGet();
      // The access key id is the function's name (its template logical id): the local stack's IAM
      // gate in front of DynamoDB Local maps it to the function's template policy, as AWS maps the
      // role's temporary credentials to the role's.
      String id = functionArn.split(":")[6];
      send(exchange, 200, """
          {"AccessKeyId":"%s","SecretAccessKey":"%s","Token":"%s","Expiration":"%s"}"""
          .formatted(id, UUID.randomUUID(), UUID.randomUUID(),
              Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
    }
  }

  /** An X-Ray trace header as Lambda passes it: {@code Root=1-{epoch hex}-{96 bits};Parent=…;Sampled=0}. */
  private static String traceId() {
    HexFormat hex = HexFormat.of();
    return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + hex.formatHex(randomBytes(12))
        + ";Parent=" + hex.formatHex(randomBytes(8)) + ";Sampled=0";
  }

  /** Random bytes for ids and trace headers (not secrets). */
  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    inFlight.values().forEach(i -> i.answer.completeExceptionally(new IllegalStateException("runtime API closed")));
  }
}
