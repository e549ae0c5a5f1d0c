package vn.lienlac.app.messages;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A list row that opens something: the row's own layout (wrapped labels keep their height for the
 * width they get) under a transparent button of the same size, which takes the tap, the keyboard
 * and the screen reader's focus (its accessible text says what it opens).
 */
public final class Tappable {
  private Tappable() {}

  public static Node row(String id, String accessibleText, Region content, Runnable action) {
    Button tap = new Button();
    tap.setId(id);
    tap.getStyleClass().add("row-tap");
    tap.setAccessibleText(accessibleText);
    tap.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    tap.setMinSize(0, 0);
    tap.setPrefSize(0, 0);
    tap.setOnAction(e -> action.run());
    content.getStyleClass().add("row-card");
    content.setMouseTransparent(true);
    StackPane row = new StackPane(content, tap);
    return row;
  }
}
