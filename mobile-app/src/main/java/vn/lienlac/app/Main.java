package vn.lienlac.app;

import javafx.application.Application;

/**
 * Entry point for {@code javafx:run}, GluonFX ({@code mainClass}) and a plain {@code java -cp} launch.
 * It is not the {@link Application} subclass itself, so the JVM's launcher does not insist on JavaFX
 * being on the module path.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Application.launch(LienlacApp.class, args);
  }
}
