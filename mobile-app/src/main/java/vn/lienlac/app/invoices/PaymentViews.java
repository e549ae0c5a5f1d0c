package vn.lienlac.app.invoices;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;

/** Pieces the payment screens share: the back button, the consent notice link, a label that wraps. */
final class PaymentViews {
  private PaymentViews() {}

  static Button back(AppText text, Runnable action) {
    Button back = new Button(text.get("payments.back"), new FontIcon("mdal-arrow_back"));
    back.setId("back");
    back.getStyleClass().add("flat");
    back.setOnAction(e -> action.run());
    return back;
  }

  /**
   * The notice link under the failure banner, while a consent-required refusal is shown: it opens the
   * settings tab (where a parent reads the notice and consents per child) when the app has one,
   * else the notice's address in the browser.
   */
  static Node consentLink(StringProperty notice, Runnable open, AppText text) {
    Hyperlink link = new Hyperlink(text.get("payments.consentNotice"));
    link.setId("consent-notice");
    link.setWrapText(true);
    link.setOnAction(e -> {
      Node settings = link.getScene() == null ? null : link.getScene().lookup("#nav-settings");
      if (settings instanceof javafx.scene.control.ButtonBase tab) {
        tab.fire();
      } else {
        open.run();
      }
    });
    link.visibleProperty().bind(notice.isNotNull());
    link.managedProperty().bind(link.visibleProperty());
    link.disableProperty().bind(notice.isEmpty());
    return link;
  }

  static Label wrapped(String value, String... styles) {
    Label label = new Label(value);
    label.setWrapText(true);
    label.getStyleClass().addAll(styles);
    return label;
  }

  static Label bound(StringProperty value, String id, String... styles) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.getStyleClass().addAll(styles);
    label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    label.textProperty().bind(value);
    label.visibleProperty().bind(value.isNotNull());
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }

  static HBox row(Node... nodes) {
    HBox row = new HBox(8, nodes);
    row.setFillHeight(true);
    return row;
  }
}
