package vn.lienlac.app.invoices;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/**
 * A receipt as the API numbered it: school, number, when and how it was paid, one line per invoice
 * and the total; "Lưu / chia sẻ PDF" saves the API's PDF in the app's folder and shares it (phone),
 * or says where it is and offers "Lưu vào…" with the desktop's save dialog.
 */
public final class ReceiptView {
  private final ReceiptViewModel model;
  private final AppText text;
  private final Runnable back;

  public ReceiptView(ReceiptViewModel model, AppText text, Runnable back) {
    this.model = model;
    this.text = text;
    this.back = back;
  }

  public Node build() {
    Label school = new Label();
    school.setId("receipt-school");
    school.setWrapText(true);
    school.getStyleClass().add("subject");
    model.receiptProperty().addListener((o, was, now) -> school.setText(now == null ? "" : now.schoolName()));
    Label number = Views.note(model.numberProperty(), "receipt-number", "receipt-number");
    Label paidAt = Views.note(model.paidAtProperty(), "receipt-paid-at");
    Label method = Views.note(model.methodProperty(), "receipt-method", "muted");
    VBox lines = new VBox(6);
    lines.setId("receipt-lines");
    model.lines().addListener((ListChangeListener<ReceiptViewModel.Line>) change -> fill(lines));
    Label totalName = new Label(text.get("receipt.total"));
    Label total = Views.note(model.totalProperty(), "receipt-total", "amount");
    VBox totalBox = new VBox(2, totalName, total);
    totalBox.visibleProperty().bind(model.totalProperty().isNotNull());
    totalBox.managedProperty().bind(totalBox.visibleProperty());
    VBox card = new VBox(6, school, number, paidAt, method, lines, totalBox);
    card.getStyleClass().addAll("card", "receipt");
    card.visibleProperty().bind(model.receiptProperty().isNotNull());
    card.managedProperty().bind(card.visibleProperty());

    Button save = new Button(text.get("receipt.save"), new FontIcon("mdmz-share"));
    save.setId("receipt-save");
    save.getStyleClass().add("accent");
    save.setOnAction(e -> model.savePdf());
    save.visibleProperty().bind(model.receiptProperty().isNotNull());
    save.managedProperty().bind(save.visibleProperty());
    Button saveAs = new Button(text.get("receipt.saveAs"), new FontIcon("mdmz-save_alt"));
    saveAs.setId("receipt-save-as");
    saveAs.setOnAction(e -> chooseAndSave(saveAs));
    saveAs.visibleProperty().bind(model.canSaveAsProperty());
    saveAs.managedProperty().bind(saveAs.visibleProperty());
    Label saved = Views.note(model.savedNoteProperty(), "receipt-saved", "muted");
    FlowPane actions = new FlowPane(8, 6, save, saveAs);

    VBox content = new VBox(10, card, actions, saved);
    ScrollPane scroll = Views.scroll(content);
    VBox screen = Views.screen(Views.back("back", text.get("payments.back"), back), Views.title(text.get("receipt.title")),
        Views.staleNote(model), Views.failureBanner(model, text),
        PaymentViews.consentLink(model.consentNoticeProperty(), model::openConsentNotice, text),
        Views.spinner(model), scroll);
    screen.setId("receipt-screen");
    model.load();
    return screen;
  }

  private void fill(VBox lines) {
    lines.getChildren().clear();
    int i = 0;
    for (ReceiptViewModel.Line line : model.lines()) {
      Label fee = Views.wrapped(line.fee());
      Label pupil = Views.wrapped(line.pupil(), "muted");
      Label amount = new Label(line.amount());
      amount.getStyleClass().add("line-amount");
      VBox box = new VBox(2, fee, pupil, amount);
      box.setId("receipt-line-" + i++);
      box.getStyleClass().add("receipt-line");
      lines.getChildren().add(box);
    }
  }

  /** The desktop's save dialog (Attach share has no desktop implementation). */
  private void chooseAndSave(Node owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(text.get("receipt.saveAs"));
    chooser.setInitialFileName(model.fileName());
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
    File chosen = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    if (chosen != null) {
      model.saveAs(chosen.toPath());
    }
  }
}
