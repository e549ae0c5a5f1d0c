package vn.lienlac.app.core;

import java.nio.file.Path;

/**
 * Hands a file the app saved (a receipt's PDF) to the system's share sheet: Gluon Attach share on a
 * phone. {@link #share} answers false where there is none (the desktop, a headless test): the screen
 * then offers to save the file where the user chooses instead.
 */
@FunctionalInterface
public interface ShareSheet {
  /** Shares {@code file}; false when this device has no share sheet. */
  boolean share(Path file, String title, String mediaType);

  static ShareSheet none() {
    return (file, title, mediaType) -> false;
  }
}
