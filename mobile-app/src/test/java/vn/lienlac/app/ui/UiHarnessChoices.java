package vn.lienlac.app.ui;

import java.util.function.Predicate;
import javafx.scene.control.ComboBox;

/** Picks an item of a combo box once the screen has filled it (e.g. after a call). */
final class UiHarnessChoices {
  private UiHarnessChoices() {}

  static <T> void select(UiHarness ui, String comboId, Predicate<T> which) {
    ComboBox<T> combo = ui.node(comboId);
    ui.waitUntil(comboId + " filled", () -> combo.getItems().stream().anyMatch(which));
    ui.onFx(() -> combo.getSelectionModel().select(combo.getItems().stream().filter(which).findFirst().orElseThrow()));
  }
}
