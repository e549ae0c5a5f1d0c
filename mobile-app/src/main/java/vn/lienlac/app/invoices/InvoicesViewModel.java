package vn.lienlac.app.invoices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.payments.Invoice;

/**
 * A parent's invoices, grouped per child (children in several schools too): amount, due date and
 * status as the API gives them; pay an open one with VNPay in the browser (VietQR has its own
 * screen). The last list read is cached; with no network the cached one is shown, marked
 * "cập nhật lúc …". A {@code consent-required} refusal names the notice to read.
 */
public final class InvoicesViewModel extends ScreenModel {
  /** One invoice as shown. {@code detail}: the discount, or what was paid of it so far; null when nothing to say. */
  public record Row(Invoice invoice, String title, String amount, String status, boolean payable, String detail,
      boolean hasReceipt) {
    public Row(Invoice invoice, String title, String amount, String status, boolean payable) {
      this(invoice, title, amount, status, payable, null, false);
    }
  }

  /** One child's invoices, under a heading naming the child, the class and (with several schools) the school. */
  public record Group(String studentId, String heading, List<Row> rows) {}

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Group> groups = FXCollections.observableArrayList();
  private final StringProperty consentNotice = new SimpleStringProperty();

  public InvoicesViewModel(AppContext context) {
    super(context);
  }

  /** Every invoice, child after child. */
  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<Group> groups() {
    return groups;
  }

  /** "Không có mạng — cập nhật lúc …" when the list shown came from the cache; null when fresh. */
  /** After a consent-required refusal: the purpose notice's path ("" when the API named none); else null. */
  public StringProperty consentNoticeProperty() {
    return consentNotice;
  }

  private String cacheKey() {
    return "invoices-" + context.me().userId();
  }

  public void load() {
    String key = cacheKey();
    loadCached(key, Invoice[].class, () -> {
      List<Invoice> all = new ArrayList<>();
      for (Me.SchoolMembership school : context.me().schools()) {
        for (Me.Child child : school.children()) {
          all.addAll(context.client().invoices(child.studentId()));
        }
      }
      return all.toArray(new Invoice[0]);
    }, invoices -> show(Arrays.asList(invoices)), this::load);
  }

  private void show(List<Invoice> invoices) {
    List<Group> shown = new ArrayList<>();
    List<Row> flat = new ArrayList<>();
    boolean severalSchools = context.me().schools().stream().filter(s -> !s.children().isEmpty()).count() > 1;
    for (Me.SchoolMembership school : context.me().schools()) {
      for (Me.Child child : school.children()) {
        List<Row> mine = invoices.stream().filter(i -> child.studentId().equals(i.studentId())).map(this::row).toList();
        String heading = child.fullName() + (child.className() == null ? "" : " · " + child.className())
            + (severalSchools ? " — " + school.schoolName() : "");
        shown.add(new Group(child.studentId(), heading, mine));
        flat.addAll(mine);
      }
    }
    groups.setAll(shown);
    rows.setAll(flat);
  }

  Row row(Invoice invoice) {
    boolean payable = invoice.status() == Invoice.Status.OPEN || invoice.status() == Invoice.Status.OVERDUE;
    String amount = payable ? Formats.vnd(invoice.outstandingVnd()) : Formats.vnd(invoice.amountVnd());
    String detail = null;
    if (payable && invoice.paidVnd() > 0) {
      detail = text.format("invoices.partlyPaid", Formats.vnd(invoice.paidVnd()), Formats.vnd(invoice.amountVnd()));
    } else if (invoice.discountVnd() > 0) {
      detail = text.format("invoices.discount", Formats.vnd(invoice.discountVnd()),
          invoice.discountReason() == null ? "" : invoice.discountReason());
    }
    String status = invoice.status() == Invoice.Status.CANCELLED && invoice.cancelReason() != null
        ? text.format("invoice.status.CANCELLED", Formats.date(invoice.dueDate())) + " — " + invoice.cancelReason()
        : text.format("invoice.status." + invoice.status().name(), Formats.date(invoice.dueDate()));
    return new Row(invoice, invoice.feeName(), amount, status, payable, detail, invoice.paidVnd() > 0);
  }

  /** Starts a VNPay payment and opens its page; the list is read again when the parent comes back. */
  public void pay(Row row) {
    consentNotice.set(null);
    load(() -> context.client().payWithVnpay(row.invoice().id(), context.text().locale().getLanguage()),
        payment -> context.browser().open(context.client().resolve(payment.redirectUrl())), () -> pay(row),
        failure -> consentNotice.set(ConsentNotice.of(failure)));
  }

  /** Opens the purpose notice a consent-required refusal named. */
  public void openConsentNotice() {
    String notice = consentNotice.get();
    if (notice != null && !notice.isBlank()) {
      context.browser().open(context.client().resolve(notice));
    }
  }
}
