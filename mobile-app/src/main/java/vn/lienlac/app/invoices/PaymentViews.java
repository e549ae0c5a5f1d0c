package vn.lienlac.app.invoices;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.HBox;
import vn.lienlac.app.AppText;

/** Pieces the payment screens share: the consent notice link, a row. */
final class PaymentViews {
  private PaymentViews() {}

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

  static HBox row(Node... nodes) {
    HBox row = new HBox(8, nodes);
    row.setFillHeight(true);
    return row;
  }
}
