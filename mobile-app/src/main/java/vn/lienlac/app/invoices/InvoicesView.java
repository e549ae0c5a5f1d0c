package vn.lienlac.app.invoices;

import javafx.collections.ListChangeListener;
import vn.lienlac.app.core.TabPages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;

/**
 * A parent's invoices, grouped per child, each with its amount, due date and status; on an open one
 * "Thanh toán VNPay" and "Chuyển khoản VietQR", on a paid one "Biên lai". VietQR and the receipt
 * open inside this tab, with a back button to the list (read again on the way back).
 */
public final class InvoicesView {
  private final InvoicesViewModel model;
  private final AppText text;
  private final AppContext context;
  private final TabPages pages = new TabPages("invoices-tab");
  private Node list;

  public InvoicesView(InvoicesViewModel model, AppText text) {
    this(model, text, null);
  }

  public InvoicesView(InvoicesViewModel model, AppText text, AppContext context) {
    this.model = model;
    this.text = text;
    this.context = context;
  }

  public Node build() {
    VBox groups = new VBox(12);
    groups.setId("invoices");
    model.groups().addListener((ListChangeListener<InvoicesViewModel.Group>) change -> fill(groups));
    ScrollPane scroll = Views.scroll(groups);
    Label stale = Views.staleNote(model);
    list = Views.screen(Views.title(text.get("invoices.title")), stale, Views.failureBanner(model, text),
        PaymentViews.consentLink(model.consentNoticeProperty(), model::openConsentNotice, text),
        Views.spinner(model), scroll);
    pages.show(list);
    model.load();
    return pages.root();
  }

  private void backToList() {
    pages.show(list);
    model.load();
  }

  private void fill(VBox groups) {
    groups.getChildren().clear();
    if (model.groups().isEmpty()) {
      groups.getChildren().add(new Label(text.get("invoices.empty")));
    }
    for (InvoicesViewModel.Group group : model.groups()) {
      Label heading = Views.wrapped(group.heading(), "child-heading");
      heading.setId("child-" + group.studentId());
      VBox section = new VBox(8, heading);
      if (group.rows().isEmpty()) {
        section.getChildren().add(Views.wrapped(text.get("invoices.empty"), "muted"));
      }
      for (InvoicesViewModel.Row row : group.rows()) {
        section.getChildren().add(card(row));
      }
      groups.getChildren().add(section);
    }
  }

  private Node card(InvoicesViewModel.Row row) {
    String id = row.invoice().id();
    Label title = Views.wrapped(row.title(), "subject");
    Label amount = new Label(row.amount());
    amount.setId("amount-" + id);
    amount.getStyleClass().add("amount");
    Label status = Views.wrapped(row.status(), "invoice-status", "status-" + row.invoice().status().name());
    status.setId("status-" + id);
    VBox card = new VBox(4, title, amount, status);
    if (row.detail() != null) {
      card.getChildren().add(Views.wrapped(row.detail(), "muted"));
    }
    card.getStyleClass().add("card");
    FlowPane actions = new FlowPane(8, 6);
    if (row.payable()) {
      Button pay = new Button(text.get("invoices.pay"));
      pay.setId("pay-" + id);
      pay.getStyleClass().add("accent");
      pay.setOnAction(e -> model.pay(row));
      actions.getChildren().add(pay);
      if (context != null) {
        Button qr = new Button(text.get("invoices.payVietQr"), new FontIcon("mdmz-qr_code"));
        qr.setId("vietqr-" + id);
        qr.setOnAction(e -> showVietQr(row));
        actions.getChildren().add(qr);
      }
    }
    if (row.hasReceipt() && context != null) {
      Button receipt = new Button(text.get("invoices.receipt"), new FontIcon("mdoal-description"));
      receipt.setId("receipt-" + id);
      receipt.setOnAction(e -> showReceipt(id));
      actions.getChildren().add(receipt);
    }
    if (!actions.getChildren().isEmpty()) {
      card.getChildren().add(actions);
    }
    return card;
  }

  private void showVietQr(InvoicesViewModel.Row row) {
    VietQrViewModel qr = new VietQrViewModel(context, row.invoice());
    pages.show(new VietQrView(qr, text, this::backToList,
        () -> showReceipt(row.invoice().id())).build());
  }

  private void showReceipt(String invoiceId) {
    pages.show(new ReceiptView(new ReceiptViewModel(context, invoiceId), text, this::backToList).build());
  }
}
