package vn.lienlac.app.rosterimport;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the roster file comes from: a file dialog on the desktop ({@link #desktop}); a test puts its
 * own in the screen node's properties under {@link #KEY}. (A phone would use a document picker
 * service here; Attach serves none, and the office works on the desktop.)
 */
@FunctionalInterface
public interface WorkbookChooser {
  /** The key under which a screen node's properties may hold the chooser to use instead. */
  String KEY = "lienlac.workbookChooser";

  /** The file chosen, or empty when the user cancelled. Called on the FX thread. */
  Optional<Path> choose(Window owner);

  /** The desktop's file dialog, for .xlsx (and .csv) files. */
  static WorkbookChooser desktop(String title, String filterName) {
    return owner -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*.xlsx", "*.csv"));
      return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
    };
  }
}
