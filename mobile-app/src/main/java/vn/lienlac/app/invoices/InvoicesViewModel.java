package vn.lienlac.app.invoices;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.payments.Invoice;

/** A parent's invoices (every child), and paying an open one with VNPay in the browser. */
public final class InvoicesViewModel extends ScreenModel {
  /** One invoice as shown. */
  public record Row(Invoice invoice, String title, String amount, String status, boolean payable) {}

  private final AppContext context;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();

  public InvoicesViewModel(AppContext context) {
    super(context.tasks(), context.text());
    this.context = context;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public void load() {
    load(() -> {
      List<Invoice> all = new ArrayList<>();
      for (Me.SchoolMembership school : context.me().schools()) {
        for (Me.Child child : school.children()) {
          all.addAll(context.client().invoices(child.studentId()));
        }
      }
      return all;
    }, invoices -> rows.setAll(invoices.stream().map(this::row).toList()), this::load);
  }

  private Row row(Invoice invoice) {
    boolean payable = invoice.status() == Invoice.Status.OPEN || invoice.status() == Invoice.Status.OVERDUE;
    String amount = payable ? Formats.vnd(invoice.outstandingVnd()) : Formats.vnd(invoice.amountVnd());
    return new Row(invoice, invoice.feeName() + " — " + invoice.studentName(), amount,
        text.format("invoice.status." + invoice.status().name(), Formats.date(invoice.dueDate())), payable);
  }

  /** Starts a VNPay payment and opens its page; the list is read again when the parent comes back. */
  public void pay(Row row) {
    load(() -> context.client().payWithVnpay(row.invoice().id(), context.text().locale().getLanguage()),
        payment -> context.browser().open(context.client().resolve(payment.redirectUrl())), () -> pay(row));
  }
}
