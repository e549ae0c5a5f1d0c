package vn.lienlac.functions.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.lienlac.functions.platform.Environment;

/**
 * firebase-admin's messaging client, built once per container.
 *
 * <p>In AWS the service account JSON comes from Secrets Manager ({@value #SECRET_ARN}, which
 * template.yaml passes; never from the repository). Locally ({@value #ENDPOINT} set) the FCM host
 * is rewritten to the fake FCM server by the {@link NetHttpTransport}'s connection factory, with a
 * fixed access token and {@value #PROJECT_ID}: the rest of firebase-admin (message encoding,
 * sendEach, its retries of 503, the error parsing) is the production code path.
 */
public final class Fcm {
  public static final String SECRET_ARN = "FIREBASE_SECRET_ARN";
  /** Local only: the fake FCM server's base URL, e.g. {@code http://127.0.0.1:4567}. */
  public static final String ENDPOINT = "FCM_ENDPOINT";
  /** Local only: the project id (in AWS it is read from the service account). */
  public static final String PROJECT_ID = "FCM_PROJECT_ID";
  /** Concurrent HTTP requests to FCM per container (the SDK makes one request per message). */
  public static final String CONCURRENCY = "FCM_CONCURRENCY";
  static final String FCM_HOST = "fcm.googleapis.com";

  private Fcm() {}

  public static FirebaseMessaging fromEnvironment(Environment env) {
    int concurrency = env.optional(CONCURRENCY).map(Integer::parseInt).orElse(64);
    // java.net keeps this many idle connections per host for reuse (default 5).
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", String.valueOf(concurrency));
    }
    FirebaseOptions.Builder options = FirebaseOptions.builder().setThreadManager(new BoundedThreads(concurrency))
        .setConnectTimeout(5_000).setReadTimeout(10_000);
    var endpoint = env.optional(ENDPOINT);
    if (endpoint.isPresent()) {
      URI base = URI.create(endpoint.get());
      options.setHttpTransport(new NetHttpTransport.Builder().setConnectionFactory(url -> rewrite(url, base)).build())
          .setCredentials(GoogleCredentials.create(new AccessToken("local-fcm-token", new Date(Long.MAX_VALUE))))
          .setProjectId(env.require(PROJECT_ID));
    } else {
      GoogleCredentials credentials = serviceAccount(env);
      options.setCredentials(credentials).setHttpTransport(new NetHttpTransport.Builder()
          .setConnectionFactory(url -> new OnePacketConnection((HttpURLConnection) url.openConnection())).build());
      if (credentials instanceof ServiceAccountCredentials account) {
        options.setProjectId(account.getProjectId());
      }
    }
    String name = "push-dispatch-" + System.identityHashCode(options);
    return FirebaseMessaging.getInstance(FirebaseApp.initializeApp(options.build(), name));
  }

  /** Requests for the FCM host go to {@code base} instead; anything else is refused locally. */
  static HttpURLConnection rewrite(URL url, URI base) throws IOException {
    if (!FCM_HOST.equals(url.getHost())) {
      throw new IOException("Local FCM: no request to " + url.getHost() + " leaves this machine");
    }
    String file = url.getFile();
    return new OnePacketConnection(
        (HttpURLConnection) base.resolve(file.startsWith("/") ? file : "/" + file).toURL().openConnection());
  }

  private static GoogleCredentials serviceAccount(Environment env) {
    String arn = env.require(SECRET_ARN);
    try (SecretsManagerClient secrets = SecretsManagerClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .build()) {
      String json = secrets.getSecretValue(r -> r.secretId(arn)).secretString();
      return GoogleCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
          .createScoped("https://www.googleapis.com/auth/firebase.messaging");
    } catch (IOException e) {
      throw new UncheckedIOException("The Firebase service account in " + arn + " cannot be read", e);
    }
  }

  /** A fixed pool: sendEachAsync submits one task per message, so this bounds the concurrent requests. */
  static final class BoundedThreads extends ThreadManager {
    private final int threads;
    private final AtomicInteger count = new AtomicInteger();

    BoundedThreads(int threads) {
      this.threads = threads;
    }

    @Override
    protected ExecutorService getExecutor(FirebaseApp app) {
      return Executors.newFixedThreadPool(threads, getThreadFactory());
    }

    @Override
    protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
      executor.shutdownNow();
    }

    @Override
    protected ThreadFactory getThreadFactory() {
      return runnable -> {
        Thread thread = new Thread(runnable, "fcm-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
