package vn.lienlac.app;

import com.gluonhq.attach.browser.BrowserService;
import com.gluonhq.attach.display.DisplayService;
import com.gluonhq.attach.share.ShareService;
import com.gluonhq.attach.statusbar.StatusBarService;
import com.gluonhq.attach.storage.StorageService;
import com.gluonhq.attach.util.Platform;
import com.gluonhq.attach.util.Services;
import java.net.URI;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.geometry.Dimension2D;
import javafx.scene.paint.Color;
import vn.lienlac.app.core.Browser;
import vn.lienlac.app.core.ShareSheet;

/**
 * Every Gluon Attach call of the client, each with a fallback for when the service is absent (the
 * desktop JVM without the service's desktop jar, or a headless test). Views ask this class; they
 * never call Attach themselves.
 */
final class DeviceServices {
  /** The window size used on a desktop: a typical phone, so development sees the phone layout. */
  static final Dimension2D PHONE_WINDOW = new Dimension2D(375, 800);

  /**
   * The size to give the primary stage: a phone-sized window on the desktop (Attach's own desktop
   * default is smaller, 335x600; its "tablet" form, -Dcharm-desktop-form=tablet, is kept), and the
   * screen's usable size on a phone or tablet, where the stage fills the screen anyway.
   */
  Dimension2D windowSize() {
    return Services.get(DisplayService.class)
        .map(display -> display.isDesktop() && !display.isTablet() ? PHONE_WINDOW : display.getDefaultDimensions())
        .orElse(PHONE_WINDOW);
  }

  /** Colours the system status bar on Android/iOS; does nothing where there is none. */
  void tintStatusBar(Color color) {
    if (Platform.isDesktop()) {
      return; // no status bar, and no desktop implementation to look up (Attach would log a warning)
    }
    Services.get(StatusBarService.class).ifPresent(statusBar -> statusBar.setColor(color));
  }

  /**
   * The app's private folder for the session and the offline cache: Attach storage on a phone (and
   * on the desktop, where its desktop jar gives ~/.gluon), else {@code ~/.lienlac}.
   */
  Path privateFolder() {
    return Services.get(StorageService.class).flatMap(StorageService::getPrivateStorage)
        .map(folder -> folder.toPath().resolve("lienlac"))
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".lienlac"));
  }

  /** Opens a page in the system browser: Attach browser on a phone, JavaFX's host services on the desktop. */
  Browser browser(HostServices host) {
    return page -> {
      var service = Platform.isDesktop() ? java.util.Optional.<BrowserService>empty()
          : Services.get(BrowserService.class);
      if (service.isPresent()) {
        try {
          service.get().launchExternalBrowser(page.toString());
          return;
        } catch (Exception e) {
          // fall back to the host's browser below
        }
      }
      host.showDocument(page.toString());
    };
  }

  /**
   * The system share sheet for a saved file (a receipt's PDF): Attach share on a phone; none on the
   * desktop (Attach share has no desktop implementation), where the screen offers a save dialog.
   */
  ShareSheet shareSheet() {
    return (file, title, mediaType) -> {
      if (Platform.isDesktop()) {
        return false;
      }
      return Services.get(ShareService.class).map(share -> {
        share.share(title, title, mediaType, file.toFile());
        return true;
      }).orElse(false);
    };
  }
}
