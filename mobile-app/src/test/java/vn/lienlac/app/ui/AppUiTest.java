package vn.lienlac.app.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way a UI test class gets its app: {@link #ui} is started before the class's tests (a
 * subclass's own {@code @BeforeAll} runs after), signed out, Vietnamese, on a fresh offline cache in
 * {@link #cacheFolder}; it is stopped after them (also when a test restarted it on another folder).
 */
abstract class AppUiTest {
  @TempDir
  static Path cacheFolder;
  static UiHarness ui;

  @BeforeAll
  static void startApp() throws Exception {
    ui = UiHarness.start(cacheFolder);
  }

  @AfterAll
  static void stopApp() throws Exception {
    if (ui != null) {
      ui.stop();
      ui = null;
    }
  }
}
