package vn.lienlac.app;

import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The Lienlac client, for now a placeholder: one phone-sized window with the product name and a line
 * saying the app is under construction, in Vietnamese unless the system language is English. The
 * named parameter {@code --lang=vi|en} overrides the system language (handy on an English desktop).
 */
public class LienlacApp extends Application {
  private static final Color BRAND_BLUE = Color.web("#1565c0");

  private final DeviceServices device = new DeviceServices();

  @Override
  public void start(Stage stage) {
    AppText text = AppText.forRequestedLanguage(getParameters().getNamed().get("lang"));

    Label title = new Label(text.title());
    title.getStyleClass().add("title");
    title.setWrapText(true);
    Label status = new Label(text.underConstruction());
    status.getStyleClass().add("status");
    status.setWrapText(true);

    VBox root = new VBox(title, status);
    root.getStyleClass().add("placeholder");

    Dimension2D size = device.windowSize();
    Scene scene = new Scene(root, size.getWidth(), size.getHeight());
    scene.getStylesheets().add(LienlacApp.class.getResource("app.css").toExternalForm());

    stage.setTitle(text.title());
    stage.setScene(scene);
    stage.show();
    device.tintStatusBar(BRAND_BLUE);
  }
}
