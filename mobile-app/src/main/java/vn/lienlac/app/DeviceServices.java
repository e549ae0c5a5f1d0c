package vn.lienlac.app;

import com.gluonhq.attach.display.DisplayService;
import com.gluonhq.attach.statusbar.StatusBarService;
import com.gluonhq.attach.util.Platform;
import com.gluonhq.attach.util.Services;
import javafx.geometry.Dimension2D;
import javafx.scene.paint.Color;

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
}
