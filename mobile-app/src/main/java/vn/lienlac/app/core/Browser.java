package vn.lienlac.app.core;

import java.net.URI;

/** Opens a web page outside the app (the VNPay payment page): Attach browser, or the desktop's. */
@FunctionalInterface
public interface Browser {
  void open(URI page);
}
