package vn.lienlac.app.invoices;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.payments.VietQrCode;

/**
 * The VietQR screen: the code to scan with a banking app (drawn from the API's payload, black on
 * white with its quiet zone), the amount and the reference to type in the transfer's note, and the
 * school's bank and account as the API gives them. It checks the invoice every few seconds while
 * shown; once the transfer arrived it says so and offers the receipt.
 */
public final class VietQrView {
  /** How often the screen asks whether the transfer arrived. */
  static final Duration POLL = Duration.seconds(4);
  /** The code's largest side on a 375-pixel-wide phone, in pixels. */
  static final int MAX_SIDE = 260;

  private final VietQrViewModel model;
  private final AppText text;
  private final Runnable back;
  private final Runnable receipt;

  public VietQrView(VietQrViewModel model, AppText text, Runnable back, Runnable receipt) {
    this.model = model;
    this.text = text;
    this.back = back;
    this.receipt = receipt;
  }

  public Node build() {
    Timeline poll = new Timeline(new KeyFrame(POLL, e -> model.poll()));
    poll.setCycleCount(Timeline.INDEFINITE);

    ImageView image = new ImageView();
    image.setId("vietqr-code");
    image.setSmooth(false);
    StackPane codeBox = new StackPane(image);
    codeBox.getStyleClass().add("qr-box");
    codeBox.visibleProperty().bind(model.matrixProperty().isNotNull());
    codeBox.managedProperty().bind(codeBox.visibleProperty());
    model.matrixProperty().addListener((o, was, now) -> image.setImage(now == null ? null : draw(now)));

    Label amount = Views.note(model.amountProperty(), "vietqr-amount", "qr-amount");
    Label what = Views.wrapped(model.invoice().feeName() + " — " + model.invoice().studentName(), "subject");
    GridPane facts = new GridPane();
    facts.setId("vietqr-facts");
    facts.setHgap(8);
    facts.setVgap(4);
    facts.visibleProperty().bind(model.codeProperty().isNotNull());
    facts.managedProperty().bind(facts.visibleProperty());
    model.codeProperty().addListener((o, was, now) -> fillFacts(facts, now));

    Label state = Views.note(model.stateProperty(), "vietqr-status", "qr-state");
    model.paidProperty().addListener((o, was, now) -> {
      if (now) {
        poll.stop();
        state.getStyleClass().add("qr-paid");
      }
    });
    Button check = new Button(text.get("vietqr.check"), new FontIcon("mdmz-refresh"));
    check.setId("vietqr-check");
    check.setOnAction(e -> model.check());
    check.visibleProperty().bind(model.codeProperty().isNotNull().and(model.paidProperty().not()));
    check.managedProperty().bind(check.visibleProperty());
    Button toReceipt = new Button(text.get("invoices.receipt"), new FontIcon("mdoal-description"));
    toReceipt.setId("vietqr-receipt");
    toReceipt.getStyleClass().add("accent");
    toReceipt.setOnAction(e -> {
      poll.stop();
      receipt.run();
    });
    toReceipt.visibleProperty().bind(model.paidProperty());
    toReceipt.managedProperty().bind(toReceipt.visibleProperty());
    Label hint = Views.wrapped(text.get("vietqr.hint"), "muted");

    VBox content = new VBox(10, what, codeBox, amount, facts, state, check, toReceipt, hint);
    content.setAlignment(Pos.TOP_CENTER);
    content.setFillWidth(true);
    ScrollPane scroll = Views.scroll(content);
    VBox screen = Views.screen(Views.back("back", text.get("payments.back"), () -> {
      poll.stop();
      back.run();
    }), Views.title(text.get("vietqr.title")), Views.failureBanner(model, text),
        PaymentViews.consentLink(model.consentNoticeProperty(), model::openConsentNotice, text), Views.spinner(model),
        scroll);
    screen.setId("vietqr-screen");
    // The timer runs while the screen is in a window, and stops when the parent leaves it.
    screen.sceneProperty().addListener((o, was, now) -> {
      if (now == null) {
        poll.stop();
      }
    });
    model.codeProperty().addListener((o, was, now) -> {
      if (now != null && !model.paidProperty().get()) {
        poll.play();
      }
    });
    model.start();
    return screen;
  }

  private void fillFacts(GridPane facts, VietQrCode code) {
    facts.getChildren().clear();
    if (code == null) {
      return;
    }
    int r = 0;
    r = fact(facts, r, text.get("vietqr.reference"), code.reference(), "vietqr-reference", "qr-reference");
    r = fact(facts, r, text.get("vietqr.bin"), code.bin(), "vietqr-bin");
    r = fact(facts, r, text.get("vietqr.account"), code.account(), "vietqr-account");
    if (code.accountName() != null) {
      fact(facts, r, text.get("vietqr.accountName"), code.accountName(), "vietqr-account-name");
    }
  }

  private static int fact(GridPane facts, int row, String name, String value, String id, String... styles) {
    Label key = Views.wrapped(name, "muted");
    Label shown = Views.wrapped(value, styles);
    shown.setId(id);
    facts.add(key, 0, row);
    facts.add(shown, 1, row);
    GridPane.setHgrow(shown, Priority.ALWAYS);
    return row + 1;
  }

  /** The matrix as an image: a whole number of pixels per module, so every module stays sharp. */
  static WritableImage draw(QrMatrix matrix) {
    int scale = Math.max(2, MAX_SIDE / matrix.size());
    int side = matrix.size() * scale;
    WritableImage image = new WritableImage(side, side);
    image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), matrix.pixels(scale), 0, side);
    return image;
  }
}
