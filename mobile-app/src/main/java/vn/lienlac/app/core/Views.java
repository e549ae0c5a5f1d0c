package vn.lienlac.app.core;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;

/** Pieces every screen uses: the failure banner with its retry button, the busy spinner. */
public final class Views {
  private Views() {}

  /** A red banner with the failure message and "Thử lại" when the call may be retried; hidden when all is well. */
  public static Node failureBanner(ScreenModel model, AppText text) {
    Label message = new Label();
    message.setWrapText(true);
    message.textProperty().bind(model.errorProperty());
    message.getStyleClass().add("failure-text");
    HBox.setHgrow(message, Priority.ALWAYS);
    Button retry = new Button(text.get("app.retry"));
    retry.setId("retry");
    retry.visibleProperty().bind(model.canRetryProperty());
    retry.managedProperty().bind(model.canRetryProperty());
    retry.setOnAction(e -> model.retry());
    retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox banner = new HBox(8, message, retry);
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
}
