package vn.lienlac.app.invoices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.VietQrCode;

/**
 * Paying one invoice by bank transfer: starts a VIETQR payment, reads its code (the EMVCo payload,
 * the school's bank and account, the amount, the reference for the transfer's note) and turns the
 * payload into a {@link QrMatrix} to draw. Then it watches the invoice: when the bank's webhook has
 * credited the transfer, the invoice reads PAID and {@link #paidProperty()} turns true.
 */
public final class VietQrViewModel extends ScreenModel {
  private final Invoice invoice;
  private final ObjectProperty<VietQrCode> code = new SimpleObjectProperty<>();
  private final ObjectProperty<QrMatrix> matrix = new SimpleObjectProperty<>();
  private final StringProperty amount = new SimpleStringProperty();
  private final StringProperty state = new SimpleStringProperty();
  private final BooleanProperty paid = new SimpleBooleanProperty();
  private final StringProperty consentNotice = new SimpleStringProperty();

  public VietQrViewModel(AppContext context, Invoice invoice) {
    super(context);
    this.invoice = invoice;
  }

  public Invoice invoice() {
    return invoice;
  }

  /** The code as the API gave it (payload, bin, account, account name, amount, reference); null until read. */
  public ObjectProperty<VietQrCode> codeProperty() {
    return code;
  }

  /** The payload as QR modules, quiet zone included; null until the code is read. */
  public ObjectProperty<QrMatrix> matrixProperty() {
    return matrix;
  }

  /** "884.520 ₫": the amount the code asks for. */
  public StringProperty amountProperty() {
    return amount;
  }

  /** Waiting for the transfer, part of it arrived, or paid. */
  public StringProperty stateProperty() {
    return state;
  }

  public BooleanProperty paidProperty() {
    return paid;
  }

  /** After a consent-required refusal: the purpose notice's path ("" when none); else null. */
  public StringProperty consentNoticeProperty() {
    return consentNotice;
  }

  /** Starts the VIETQR payment and reads its code. */
  public void start() {
    consentNotice.set(null);
    load(() -> context.client().vietQr(context.client().payWithVietQr(invoice.id()).id()), this::show, this::start,
        failure -> consentNotice.set(ConsentNotice.of(failure)));
  }

  private void show(VietQrCode shown) {
    code.set(shown);
    matrix.set(QrMatrix.encode(shown.payload()));
    amount.set(Formats.vnd(shown.amountVnd()));
    state.set(text.get("vietqr.waiting"));
  }

  /** Reads the invoice again (the parent's "Kiểm tra", and the screen's timer); a failure shows its banner. */
  public void check() {
    load(() -> find(), this::update, this::check);
  }

  /** The timer's quiet check: no spinner, no banner when the network is away (the next tick tries again). */
  public void poll() {
    if (paid.get() || code.get() == null) {
      return;
    }
    tasks.run(this::find, this::update, failure -> {});
  }

  private Invoice find() {
    return context.client().invoices(invoice.studentId()).stream().filter(i -> i.id().equals(invoice.id()))
        .findFirst().orElse(invoice);
  }

  private void update(Invoice now) {
    if (now.status() == Invoice.Status.PAID) {
      paid.set(true);
      state.set(text.get("vietqr.paid"));
    } else if (now.paidVnd() > invoice.paidVnd()) {
      state.set(text.format("vietqr.partly", Formats.vnd(now.paidVnd()), Formats.vnd(now.outstandingVnd())));
    }
  }

  /** Opens the purpose notice a consent-required refusal named. */
  public void openConsentNotice() {
    String notice = consentNotice.get();
    if (notice != null && !notice.isBlank()) {
      context.browser().open(context.client().resolve(notice));
    }
  }
}
