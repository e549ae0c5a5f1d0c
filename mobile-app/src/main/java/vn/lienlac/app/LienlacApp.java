package vn.lienlac.app;

import atlantafx.base.theme.PrimerLight;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import vn.lienlac.app.consent.ConsentGateView;
import vn.lienlac.app.consent.ConsentGateViewModel;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.SessionStore;
import vn.lienlac.app.core.SignInOptions;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.app.settings.SettingsViewModel;
import vn.lienlac.app.shell.Shell;
import vn.lienlac.app.signin.SignInView;
import vn.lienlac.app.signin.SignInViewModel;
import vn.lienlac.client.CognitoSignIn;
import vn.lienlac.client.LienlacClient;

/**
 * The Lienlac client: sign in (local: a demo user), then the screens of the user's role behind a
 * bottom navigation. Named parameters: {@code --api=URL} (default http://localhost:3000, what
 * {@code ./lienlac serve} listens on) and {@code --lang=vi|en}. Cognito (phone and SMS code):
 * {@code --cognito=URL} (its endpoint; on the local stack {@code {api}/dev/cognito/}, the default when the
 * API is on this machine), or {@code --cognito-region=ap-southeast-1} for AWS's endpoint, and
 * {@code --cognito-client-id=ID} (the stack's UserPoolClientId output; locally {@code lienlac-local}).
 * With AWS settings only the phone sign-in shows; locally the demo users too.
 */
public class LienlacApp extends Application {
  public static final String DEFAULT_API = "http://localhost:3000";
  private static final Color BRAND_BLUE = Color.web("#1565c0");

  private final DeviceServices device = new DeviceServices();
  private ExecutorService background;
  private final StackPane root = new StackPane();
  private AppContext context;

  /** Builds the context; tests override this to inject their own. */
  protected AppContext context() {
    AppText text = AppText.forRequestedLanguage(getParameters().getNamed().get("lang"));
    String api = getParameters().getNamed().getOrDefault("api", DEFAULT_API);
    background = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "lienlac-io");
      thread.setDaemon(true);
      return thread;
    });
    Clock clock = Clock.systemUTC();
    AppContext created = new AppContext(text, Tasks.on(background, Platform::runLater), clock,
        new OfflineCache(device.privateFolder().resolve("cache")), device.browser(getHostServices()),
        LienlacClient.create(URI.create(api)), SignInOptions.of(cognito(getParameters().getNamed(), api, clock)),
        // session.json: app-private storage on a phone; on the desktop a file in the user's home
        // (~/.gluon/lienlac or ~/.lienlac). Not encrypted: see SessionStore.
        SessionStore.in(device.privateFolder()));
    created.useShareSheet(device.shareSheet());
    return created;
  }

  /** Cognito from the named parameters (see the class comment), or null for none. */
  static CognitoSignIn cognito(java.util.Map<String, String> named, String api, Clock clock) {
    String url = named.get("cognito");
    String region = named.get("cognito-region");
    URI endpoint;
    if (url != null && !url.isBlank()) {
      endpoint = URI.create(url.strip());
    } else if (region != null && !region.isBlank()) {
      endpoint = CognitoSignIn.endpointFor(region.strip());
    } else {
      String host = URI.create(api).getHost();
      if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
        return null;
      }
      endpoint = URI.create(api.replaceAll("/+$", "") + "/dev/cognito/");
    }
    String clientId = named.get("cognito-client-id");
    if (clientId == null || clientId.isBlank()) {
      if (endpoint.getHost() != null && endpoint.getHost().endsWith(".amazonaws.com")) {
        throw new IllegalArgumentException("--cognito-client-id is needed with AWS's Cognito"
            + " (the stack's UserPoolClientId output)");
      }
      clientId = CognitoSignIn.LOCAL_CLIENT_ID;
    }
    return CognitoSignIn.create(endpoint, clientId.strip(), clock);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    context = context();
    followSettings(stage);
    showSignIn(null);

    Dimension2D size = device.windowSize();
    Scene scene = new Scene(root, size.getWidth(), size.getHeight());
    scene.getStylesheets().add(LienlacApp.class.getResource("app.css").toExternalForm());

    stage.setTitle(context.text().title());
    stage.setScene(scene);
    stage.show();
    device.tintStatusBar(BRAND_BLUE);
  }

  /** The sign-in screen; {@code notice} says why (e.g. the session expired), or null. */
  private void showSignIn(String notice) {
    SignInViewModel signIn = new SignInViewModel(context);
    signIn.noticeProperty().set(notice);
    root.getChildren().setAll(new SignInView(signIn, context, this::showConsentGateThenShell).build());
  }

  // --- consent gate, language switch, sign-out (settings) ------------------------------------------

  /** After sign-in: a parent with a child not yet consented for reads the school's notice first (issue 18). */
  private void showConsentGateThenShell() {
    if (ConsentGateViewModel.needed(context.me())) {
      root.getChildren().setAll(new ConsentGateView(new ConsentGateViewModel(context), context.text(),
          () -> showShell(null)).build());
    } else {
      showShell(null);
    }
  }

  private void showShell(String openTab) {
    root.getChildren().setAll(new Shell(context).build(openTab));
  }

  /**
   * The language chosen earlier on this device (unless {@code --lang} asks for one); a language
   * switched in settings rebuilds every screen in it (back on the settings tab); sign-out returns to
   * the sign-in screen.
   */
  private void followSettings(Stage stage) {
    boolean asked = getParameters() != null && getParameters().getNamed().containsKey("lang");
    if (!asked) {
      SettingsViewModel.rememberedLanguage(context.cache())
          .ifPresent(language -> context.useText(AppText.forRequestedLanguage(language)));
    }
    context.textProperty().addListener((o, was, now) -> {
      stage.setTitle(now.title());
      if (context.me() != null) {
        showShell("settings");
      } else {
        showSignIn(null);
      }
    });
    context.onSignedOut(this::showSignIn);
  }

  @Override
  public void stop() {
    if (background != null) {
      background.shutdownNow();
    }
  }
}
