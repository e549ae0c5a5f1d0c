package vn.lienlac.app.core;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A tab that opens its sub-screens in place: its main page, then a thread, a detail or a form
 * (each with its back button), and back. One page shows at a time.
 */
public final class TabPages {
  private final StackPane root = new StackPane();

  /** The tab's node gets {@code id} ({@code #messages-tab}, {@code #settings}...). */
  public TabPages(String id) {
    root.setId(id);
  }

  /** The node to put in the tab. */
  public Node root() {
    return root;
  }

  /** Shows {@code page} in place of the one shown. */
  public void show(Node page) {
    root.getChildren().setAll(page);
  }

  /** The page shown; null before the first. */
  public Node shown() {
    return root.getChildren().isEmpty() ? null : root.getChildren().get(0);
  }
}
