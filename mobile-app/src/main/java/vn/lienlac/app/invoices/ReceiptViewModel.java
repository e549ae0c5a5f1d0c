package vn.lienlac.app.invoices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.NetworkException;
import vn.lienlac.model.payments.Receipt;

/**
 * The e-receipt of a paid invoice, as the API numbered it ({@code GET /v1/invoices/{id}/receipt},
 * JSON), cached for reading offline; and its PDF, saved in the app's folder and then handed to the
 * phone's share sheet, or (on the desktop, which has none) offered to be saved where the user chooses.
 */
public final class ReceiptViewModel extends ScreenModel {
  /** One line: the pupil (and class), the fee, the amount credited. */
  public record Line(String pupil, String fee, String amount) {}

  private final String invoiceId;
  private final ObjectProperty<Receipt> receipt = new SimpleObjectProperty<>();
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final StringProperty number = new SimpleStringProperty();
  private final StringProperty paidAt = new SimpleStringProperty();
  private final StringProperty method = new SimpleStringProperty();
  private final StringProperty total = new SimpleStringProperty();
  private final ObjectProperty<Path> savedFile = new SimpleObjectProperty<>();
  private final StringProperty savedNote = new SimpleStringProperty();
  private final BooleanProperty canSaveAs = new SimpleBooleanProperty();
  private final StringProperty consentNotice = new SimpleStringProperty();

  public ReceiptViewModel(AppContext context, String invoiceId) {
    super(context);
    this.invoiceId = invoiceId;
  }

  public ObjectProperty<Receipt> receiptProperty() {
    return receipt;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  /** "Biên lai số BL-2026-000039". */
  public StringProperty numberProperty() {
    return number;
  }

  public StringProperty paidAtProperty() {
    return paidAt;
  }

  /** How it was paid, and the provider's transaction id when there is one. */
  public StringProperty methodProperty() {
    return method;
  }

  public StringProperty totalProperty() {
    return total;
  }

  /** The PDF saved in the app's folder; null until saved. */
  public ObjectProperty<Path> savedFileProperty() {
    return savedFile;
  }

  /** Where the PDF was saved (when there was no share sheet to hand it to); null otherwise. */
  public StringProperty savedNoteProperty() {
    return savedNote;
  }

  /** True once the PDF is saved on a device with no share sheet: the screen offers "save as". */
  public BooleanProperty canSaveAsProperty() {
    return canSaveAs;
  }

  public StringProperty consentNoticeProperty() {
    return consentNotice;
  }

  public void load() {
    String key = "receipt-" + invoiceId;
    load(() -> context.client().receipt(invoiceId), read -> {
      cache(key, read);
      show(read);
    }, this::load, failure -> {
      consentNotice.set(ConsentNotice.of(failure));
      if (failure instanceof NetworkException) {
        showCached(key, Receipt.class, this::show);
      }
    });
  }

  private void show(Receipt read) {
    receipt.set(read);
    number.set(text.format("receipt.number", read.number()));
    paidAt.set(text.format("receipt.paidAt", Formats.time(read.paidAt() == null ? null : read.paidAt().toInstant())));
    String how = text.get("receipt.method." + read.method().name());
    method.set(read.providerTransactionId() == null ? how
        : text.format("receipt.methodWithId", how, read.providerTransactionId()));
    total.set(Formats.vnd(read.total()));
    List<Line> shown = new ArrayList<>();
    for (Receipt.Line line : read.lines()) {
      String pupil = line.studentName() == null ? line.studentId() : line.studentName();
      shown.add(new Line(line.className() == null ? pupil : pupil + " · " + line.className(), line.feeName(),
          Formats.vnd(line.amount())));
    }
    lines.setAll(shown);
  }

  /** The PDF's name: {@code bien-lai-BL-2026-000039.pdf}. */
  public String fileName() {
    Receipt shown = receipt.get();
    String id = shown == null ? invoiceId : shown.number();
    return "bien-lai-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  /**
   * Downloads the PDF, keeps it in the app's folder ({@code receipts/}), then shares it; where the
   * device has no share sheet, says where it was saved and offers {@link #saveAs}.
   */
  public void savePdf() {
    Path folder = context.cache().folder().resolve("receipts");
    String name = fileName();
    load(() -> {
      byte[] pdf = context.client().receiptPdf(invoiceId);
      Files.createDirectories(folder);
      Path file = folder.resolve(name);
      Path partial = folder.resolve(name + ".part");
      Files.write(partial, pdf);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    }, file -> {
      savedFile.set(file);
      boolean shared = context.shareSheet().share(file, number.get() == null ? name : number.get(), "application/pdf");
      savedNote.set(shared ? null : text.format("receipt.savedIn", file.toAbsolutePath()));
      canSaveAs.set(!shared);
    }, this::savePdf, failure -> consentNotice.set(ConsentNotice.of(failure)));
  }

  /** Copies the saved PDF to where the user chose (the desktop's save dialog). */
  public void saveAs(Path target) {
    Path file = savedFile.get();
    if (file == null || target == null) {
      return;
    }
    load(() -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING),
        copied -> savedNote.set(text.format("receipt.savedIn", copied.toAbsolutePath())), () -> saveAs(target));
  }

  /** Opens the purpose notice a consent-required refusal named. */
  public void openConsentNotice() {
    String notice = consentNotice.get();
    if (notice != null && !notice.isBlank()) {
      context.browser().open(context.client().resolve(notice));
    }
  }

}
