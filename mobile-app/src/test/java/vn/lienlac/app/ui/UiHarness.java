package vn.lienlac.app.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import vn.lienlac.app.AppText;
import vn.lienlac.app.LienlacApp;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.SessionStore;
import vn.lienlac.app.core.SignInOptions;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.CognitoSignIn;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.local.auth.FakeCognito;
import vn.lienlac.local.LocalStack;

/**
 * What every headless UI test shares: one local stack per test JVM (started on first use, on the
 * demo world's clock), the app started fresh per test class (its own offline cache folder, signed
 * out), a {@link NetworkSwitch} between the two to cut the network, and helpers to find nodes by id,
 * press buttons, type, and save a 375×800 screenshot under {@code target/screenshots/}.
 *
 * <p>Usage: {@code static UiHarness ui;} {@code @BeforeAll ui = UiHarness.start(tempDir);}
 * {@code @AfterAll ui.stop();} then {@code ui.signIn("nt-ph-002")}, {@code ui.fire("#nav-grades")}...
 */
public final class UiHarness {
  /** The demo world's now (the same as tests/LocalStackExtension.NOW). */
  public static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  public static final Path SHOTS = Path.of("target", "screenshots");

  private static LocalStack stack;
  private static Stage stage;

  private final ExecutorService io = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "ui-test-io");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<URI> opened = new AtomicReference<>();
  private final NetworkSwitch network;
  private final Path cacheFolder;
  private Application app;
  private Locale language = new Locale("vi");
  private volatile AppContext context;

  private UiHarness(Path cacheFolder) throws Exception {
    this.cacheFolder = cacheFolder;
    this.network = new NetworkSwitch(stack().baseUri());
  }

  /** The local stack shared by every UI test class of this JVM (in memory, seeded, fixed clock). */
  public static synchronized LocalStack stack() {
    if (stack == null) {
      stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true)
          .withClock(LocalStack.Options.startingAt(NOW)).withRetryDelay(Duration.ZERO).withScheduleTimers(false));
      LocalStack started = stack;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-stop"));
    }
    return stack;
  }

  /** Starts the app in Vietnamese, signed out, with a fresh cache under {@code cacheFolder}. */
  public static UiHarness start(Path cacheFolder) throws Exception {
    return start(cacheFolder, new Locale("vi"));
  }

  public static UiHarness start(Path cacheFolder, Locale language) throws Exception {
    UiHarness harness = new UiHarness(cacheFolder);
    harness.language = language;
    synchronized (UiHarness.class) {
      if (stage == null) {
        stage = FxToolkit.registerPrimaryStage();
      }
    }
    Files.createDirectories(SHOTS);
    harness.language = language;
    harness.launch();
    return harness;
  }

  private void launch() throws Exception {
    app = FxToolkit.setupApplication(() -> new LienlacApp() {
      @Override
      protected AppContext context() {
        return UiHarness.this.context(AppText.forLocale(language));
      }
    });
  }

  /**
   * Stops the app and starts it again on the same folders (a phone's app closed and opened again):
   * a kept session (phone sign-in) is restored; after a demo user's sign-in it starts signed out, to
   * sign in as someone else in the same test class.
   */
  public void restart() throws Exception {
    FxToolkit.cleanupApplication(app);
    launch();
  }

  /**
   * The context the app runs with: the relay's address, the stack's clock, the test's cache and browser;
   * sign-in both ways (the stack's fake Cognito, through the relay) with the session kept in the test's
   * folder.
   */
  AppContext context(AppText text) {
    CognitoSignIn cognito = CognitoSignIn.create(network.uri().resolve(FakeCognito.PREFIX), CognitoSignIn.LOCAL_CLIENT_ID,
        stack().clock());
    context = new AppContext(text, Tasks.on(io, Platform::runLater), stack().clock(), new OfflineCache(cacheFolder),
        opened::set, LienlacClient.create(network.uri()), SignInOptions.of(cognito),
        SessionStore.in(cacheFolder.resolve("session")));
    return context;
  }

  /** The context the running app was started with. */
  public AppContext context() {
    return context;
  }

  public void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    network.close();
  }

  public Stage stage() {
    return stage;
  }

  public NetworkSwitch network() {
    return network;
  }

  /** The last page the app asked the browser to open (VNPay), or null. */
  public URI openedInBrowser() {
    return opened.get();
  }

  public void clearOpened() {
    opened.set(null);
  }

  /**
   * A client of the stack signed in as a demo user (directly, not through the relay); patient: DynamoDB
   * Local on a busy machine may take 20 s to answer.
   */
  public LienlacClient as(String user) {
    return new LienlacClient(stack().baseUri(), java.net.http.HttpClient.newHttpClient(), Duration.ofMinutes(2),
        token(user), "vi");
  }

  /** A bearer token of the stack for {@code user} (a demo sign-in). */
  public static String token(String user) {
    return LienlacClient.create(stack().baseUri()).devSignIn(user).token();
  }

  /** Signs a demo user in on the sign-in screen. */
  public void signIn(String user) {
    fire("#user-" + user);
  }

  /** The visible node for a CSS selector (usually {@code #id}), waiting up to 30 s for it. */
  public <T extends Node> T node(String selector) {
    WaitForAsyncUtils.waitForFxEvents();
    waitUntil(selector + " on screen", () -> onFxThread(() -> {
      Node found = stage.getScene().lookup(selector);
      return found != null && found.isVisible();
    }));
    return lookup(selector);
  }

  /** The node for a selector now, or null (no waiting). */
  public <T extends Node> T lookup(String selector) {
    if (!Platform.isFxApplicationThread()) {
      WaitForAsyncUtils.waitForFxEvents();
    }
    @SuppressWarnings("unchecked")
    T found = (T) onFxThread(() -> stage.getScene().lookup(selector));
    return found;
  }

  /** Every node matching a selector now, in scene order (walked on the FX thread). */
  public java.util.List<Node> lookupAll(String selector) {
    if (!Platform.isFxApplicationThread()) {
      WaitForAsyncUtils.waitForFxEvents();
    }
    return onFxThread(() -> java.util.List.copyOf(stage.getScene().getRoot().lookupAll(selector)));
  }

  /** Waits (up to 30 s) until a node matching {@code selector} satisfies {@code condition} (tested on the FX thread). */
  public <T extends Node> T waitFor(String selector, Class<T> type, Predicate<T> condition) {
    waitUntil(selector, () -> onFxThread(() -> {
      Node found = stage.getScene().lookup(selector);
      return type.isInstance(found) && found.isVisible() && condition.test(type.cast(found));
    }));
    return type.cast(lookup(selector));
  }

  /**
   * Runs {@code work} on the FX thread and answers its result: the scene graph may only be walked
   * there (a lookup from the test thread while the app swaps a screen fails at random).
   */
  private static <T> T onFxThread(java.util.concurrent.Callable<T> work) {
    try {
      if (Platform.isFxApplicationThread()) {
        return work.call();
      }
      return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Presses a button (any ButtonBase: buttons, toggles, hyperlinks) on the FX thread. */
  public void fire(String selector) {
    ButtonBase button = node(selector);
    WaitForAsyncUtils.asyncFx(button::fire);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Replaces the text of a text field or area. */
  public void type(String selector, String text) {
    TextInputControl field = node(selector);
    WaitForAsyncUtils.asyncFx(() -> field.setText(text));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Runs something on the FX thread and waits for it. */
  public void onFx(Runnable action) {
    try {
      WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Saves the window as {@code target/screenshots/{name}.png} (375×800). */
  public void shoot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
  }
}
