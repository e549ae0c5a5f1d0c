package vn.lienlac.app.core;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;

/**
 * Pieces every screen uses: the failure banner with its retry button, the busy spinner, the stale
 * note, labels that wrap, the back button of a sub-screen, a scrolling body.
 */
public final class Views {
  private Views() {}

  /**
   * A red banner with the failure message and "Thử lại" when the call may be retried; hidden when all
   * is well. It keeps the height its wrapped message needs: in a column that also holds a list, it
   * would otherwise be squeezed to one line and its message cut.
   */
  public static Node failureBanner(ScreenModel model, AppText text) {
    Label message = new Label();
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.setMinWidth(0);
    message.textProperty().bind(model.errorProperty());
    message.getStyleClass().add("failure-text");
    HBox.setHgrow(message, Priority.ALWAYS);
    Button retry = new Button(text.get("app.retry"));
    retry.setId("retry");
    retry.visibleProperty().bind(model.canRetryProperty());
    retry.managedProperty().bind(model.canRetryProperty());
    retry.setOnAction(e -> model.retry());
    retry.setMinWidth(Region.USE_PREF_SIZE);
    HBox banner = new HBox(8, message, retry);
    banner.setMinHeight(Region.USE_PREF_SIZE);
    banner.getStyleClass().add("failure");
    banner.setId("failure");
    banner.visibleProperty().bind(Bindings.isNotNull(model.errorProperty()));
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }

  public static Node spinner(ScreenModel model) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(28, 28);
    spinner.visibleProperty().bind(model.busyProperty());
    spinner.managedProperty().bind(model.busyProperty());
    return spinner;
  }

  public static Label title(String text) {
    Label title = new Label(text);
    title.getStyleClass().addAll("screen-title", "title-3");
    title.setWrapText(true);
    return title;
  }

  public static VBox screen(Node... children) {
    VBox box = new VBox(10, children);
    box.getStyleClass().add("screen");
    return box;
  }

  /**
   * A label that wraps and is never squeezed below the height its lines need (a VBox short of room
   * shrinks a label to its minimum height, which cuts it with "…").
   */
  public static Label wrapped(String value, String... styles) {
    Label label = new Label(value);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.getStyleClass().addAll(styles);
    return label;
  }

  /** A wrapped label ({@code #id}, if given) showing {@code value}, hidden while it is null or empty. */
  public static Label note(ObservableStringValue value, String id, String... styles) {
    Label label = wrapped(null, styles);
    if (id != null) {
      label.setId(id);
    }
    label.textProperty().bind(value);
    label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }

  /** The "Không có mạng — cập nhật lúc …" note ({@code #stale}) of a screen showing a cached copy. */
  public static Label staleNote(ScreenModel model) {
    return note(model.staleNoteProperty(), "stale", "stale");
  }

  /** The back button of a sub-screen: an arrow and {@code label}. */
  public static Button back(String id, String label, Runnable action) {
    Button back = new Button(label, new FontIcon("mdal-arrow_back"));
    back.setId(id);
    back.getStyleClass().add("flat");
    back.setOnAction(e -> action.run());
    return back;
  }

  /** {@code content} scrolling vertically, as wide as the screen, taking the height left in its column. */
  public static ScrollPane scroll(Node content) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    return scroll;
  }

  /**
   * The screen's main button ({@code #id}): accented, as wide as the column, disabled while
   * {@code model} is busy; {@code icon} (an Ikonli name) may be null.
   */
  public static Button submit(String id, String label, String icon, ScreenModel model, Runnable action) {
    Button button = new Button(label, icon == null ? null : new FontIcon(icon));
    button.setId(id);
    button.getStyleClass().add("accent");
    button.setMaxWidth(Double.MAX_VALUE);
    button.disableProperty().bind(model.busyProperty());
    button.setOnAction(e -> action.run());
    return button;
  }

  /** A sub-screen's head: the arrow back (read out as {@code backText}), then {@code rest} (its title...). */
  public static HBox header(String backId, String backText, Runnable back, Node... rest) {
    Button arrow = back(backId, null, back);
    arrow.setAccessibleText(backText);
    HBox head = new HBox(8, arrow);
    head.getChildren().addAll(rest);
    head.setAlignment(Pos.CENTER_LEFT);
    return head;
  }

  /**
   * A form field: its name above, the control (as wide as the column), and the API's message for it
   * below ({@code #errorId}, hidden when there is none).
   */
  public static VBox field(String label, Node input, ObservableStringValue error, String errorId) {
    Label name = wrapped(label, "field-label");
    name.setLabelFor(input);
    if (input instanceof Region region) {
      region.setMaxWidth(Double.MAX_VALUE);
    }
    return new VBox(4, name, input, note(error, errorId, "field-error"));
  }
}
