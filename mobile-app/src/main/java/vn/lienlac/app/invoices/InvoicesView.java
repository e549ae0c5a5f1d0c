package vn.lienlac.app.invoices;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/** A parent's invoices, each with its amount and status, and "Thanh toán VNPay" on the open ones. */
public final class InvoicesView {
  private final InvoicesViewModel model;
  private final AppText text;

  public InvoicesView(InvoicesViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    VBox list = new VBox(8);
    list.setId("invoices");
    model.rows().addListener((ListChangeListener<InvoicesViewModel.Row>) change -> fill(list));
    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox screen = Views.screen(Views.title(text.get("invoices.title")), Views.failureBanner(model, text),
        Views.spinner(model), scroll);
    model.load();
    return screen;
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    if (model.rows().isEmpty()) {
      list.getChildren().add(new Label(text.get("invoices.empty")));
    }
    for (InvoicesViewModel.Row row : model.rows()) {
      Label title = new Label(row.title());
      title.setWrapText(true);
      title.getStyleClass().add("subject");
      Label amount = new Label(row.amount());
      amount.getStyleClass().add("amount");
      Label status = new Label(row.status());
      status.setId("status-" + row.invoice().id());
      VBox card = new VBox(4, title, amount, status);
      card.getStyleClass().add("card");
      if (row.payable()) {
        Button pay = new Button(text.get("invoices.pay"));
        pay.setId("pay-" + row.invoice().id());
        pay.getStyleClass().add("accent");
        pay.setOnAction(e -> model.pay(row));
        card.getChildren().add(pay);
      }
      list.getChildren().add(card);
    }
  }
}
