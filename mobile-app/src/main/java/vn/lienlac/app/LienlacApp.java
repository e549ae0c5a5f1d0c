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
import vn.lienlac.app.core.Tasks;
import vn.lienlac.app.settings.SettingsViewModel;
import vn.lienlac.app.shell.Shell;
import vn.lienlac.app.signin.SignInView;
import vn.lienlac.app.signin.SignInViewModel;
import vn.lienlac.client.LienlacClient;

/**
 * The Lienlac client: sign in (local: a demo user), then the screens of the user's role behind a
 * bottom navigation. Named parameters: {@code --api=URL} (default http://localhost:3000, what
 * {@code ./lienlac serve} listens on) and {@code --lang=vi|en}.
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
    AppContext created = new AppContext(text, Tasks.on(background, Platform::runLater), Clock.systemUTC(),
        new OfflineCache(device.privateFolder().resolve("cache")), device.browser(getHostServices()),
        LienlacClient.create(URI.create(api)));
    created.useShareSheet(device.shareSheet());
    return created;
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    context = context();
    followSettings(stage);
    showSignIn();

    Dimension2D size = device.windowSize();
    Scene scene = new Scene(root, size.getWidth(), size.getHeight());
    scene.getStylesheets().add(LienlacApp.class.getResource("app.css").toExternalForm());

    stage.setTitle(context.text().title());
    stage.setScene(scene);
    stage.show();
    device.tintStatusBar(BRAND_BLUE);
  }

  private void showSignIn() {
    root.getChildren().setAll(new SignInView(new SignInViewModel(context), context,
        this::showConsentGateThenShell).build());
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
        showSignIn();
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
