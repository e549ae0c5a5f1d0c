package vn.lienlac.local.exports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.lienlac.functions.privacy.export.LocalExportStore;

/**
 * The local stack's export store (issue 18): a directory ({@code exports/} in the data dir, or a temporary
 * one in memory), a random link key per start, and the dev gateway's {@value #PREFIX} pages that serve a
 * link once ({@link LocalExportStore#claim}): 200 with the zip, then 410 for that link forever. In AWS the
 * same role is S3's (presigned GET); nothing here is deployed.
 */
public final class LocalExports implements HttpHandler {
  public static final String PREFIX = "/dev/exports/";
  private final Path dir;
  private final URI linkBase;
  private final String key;
  private final LocalExportStore store;
  private final Clock clock;

  public LocalExports(Path dataDir, URI gateway, Clock clock) {
    try {
      this.dir = dataDir == null ? Files.createTempDirectory("lienlac-exports") : dataDir.resolve("exports");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = Base64.getEncoder().encodeToString(secret);
    this.linkBase = gateway.resolve(PREFIX);
    this.store = new LocalExportStore(dir, linkBase, secret);
    this.clock = clock;
  }

  /** The variables that make a privacy function use this store (never in template.yaml; ContractTest). */
  public Map<String, String> environment() {
    return Map.of(LocalExportStore.DIR, dir.toString(), LocalExportStore.LINK_BASE, linkBase.toString(),
        LocalExportStore.KEY, key);
  }

  /** The store itself (tests: is an archive still there). */
  public LocalExportStore store() {
    return store;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String name = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
      Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
      Optional<byte[]> archive = store.claim(name, query.get("expires"), query.get("sig"), clock.instant());
      if (archive.isEmpty()) {
        // Used, expired, purged or not signed by this stack: gone, as S3 answers 403/404 for a stale link.
        send(exchange, 410, "text/plain; charset=utf-8",
            "Liên kết đã hết hạn hoặc đã được dùng. / This link has expired or was already used."
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      exchange.getResponseHeaders().set("content-disposition", "attachment; filename=\"lienlac-export.zip\"");
      exchange.getResponseHeaders().set("cache-control", "no-store");
      send(exchange, 200, "application/zip", archive.get());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("content-type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }
}
