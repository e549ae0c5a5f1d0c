package vn.lienlac.app.records;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** Pieces the records screens share: labels that wrap instead of cutting text with "…". */
public final class RecordsViews {
  private RecordsViews() {}

  /**
   * A label that wraps and is never squeezed below the height its lines need (a VBox short of room
   * shrinks a label to its minimum height, which cuts it with "…").
   */
  public static Label wrapped(Label label) {
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  public static Label sectionTitle(String text) {
    Label title = wrapped(new Label(text));
    title.getStyleClass().add("section-title");
    return title;
  }

  /** "Rèn luyện cả năm ........ Tốt": the label wraps on the left, the value (id {@code id}) on the right. */
  public static HBox fact(String id, String label, String value) {
    Label name = wrapped(new Label(label));
    name.setMinWidth(0);
    HBox.setHgrow(name, Priority.ALWAYS);
    Label shown = wrapped(new Label(value));
    shown.setId(id);
    shown.getStyleClass().add("fact-value");
    shown.setTextAlignment(TextAlignment.RIGHT);
    shown.setAlignment(Pos.CENTER_RIGHT);
    shown.setMinWidth(Region.USE_PREF_SIZE);
    if (value != null && value.length() > 14) {
      shown.setMinWidth(0);
      shown.setPrefWidth(170);
    }
    HBox line = new HBox(8, name, shown);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("fact");
    return line;
  }

  /** A column of wrapped labels. */
  public static VBox lines(String styleClass, String... texts) {
    VBox box = new VBox(2);
    for (String text : texts) {
      if (text != null && !text.isEmpty()) {
        Label label = wrapped(new Label(text));
        label.getStyleClass().add(styleClass);
        box.getChildren().add(label);
      }
    }
    return box;
  }
}
