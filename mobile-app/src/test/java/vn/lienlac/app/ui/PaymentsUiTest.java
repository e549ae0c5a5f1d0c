package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.Formats;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Receipt;
import vn.lienlac.model.payments.VietQrCode;

/**
 * Payments in the app, headless, against the local stack ({@link UiHarness}): a parent (nt-ph-051)
 * pays a new invoice by VietQR — the QR drawn on screen decodes to the API's payload —, the school's
 * bank webhook (SePay, the dev stack's API key) reports the transfer, the app shows the invoice paid
 * and its receipt, saves the receipt's PDF, and shows the invoices cached with the network cut. Then
 * the office (nt-vp-01) creates a fee for the assigned parents' children in the app, with the API's
 * errors next to their fields first, and the fee report shows its totals as the API computed them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentsUiTest {
  private static final String PARENT = "nt-ph-051";
  private static final String CHILD = "nt-hs-0077";
  /** nt-ph-054's child: the office's fee is for the two assigned families only. */
  private static final String OTHER_CHILD = "nt-hs-0080";
  private static final String OFFICE = "nt-vp-01";
  private static final String SCHOOL = "thcs-nguyen-trai";
  private static final String FEE = "Tiền học thêm tiếng Anh tháng 12/2026";

  @TempDir
  static Path parentCache;
  @TempDir
  static Path officeCache;
  private static UiHarness ui;
  private static String invoiceId;

  @AfterAll
  static void stop() throws Exception {
    if (ui != null) {
      ui.stop();
    }
  }

  @Test
  @Order(1)
  void the_parent_pays_by_vietqr_the_bank_transfer_arrives_and_the_app_shows_it_paid_and_the_receipt() throws Exception {
    ui = UiHarness.start(parentCache);
    LienlacClient office = ui.as(OFFICE);
    office.createFee(new Fee.Draft(SCHOOL, FEE, 1_500_000L, LocalDate.of(2026, 12, 10), Fee.Scope.PUPILS, null, null,
        java.util.List.of(CHILD), null));
    LienlacClient parent = ui.as(PARENT);
    invoiceId = parent.invoices(CHILD).stream().filter(i -> i.feeName().equals(FEE)).findFirst().orElseThrow().id();

    ui.signIn(PARENT);
    ui.fire("#nav-invoices");
    assertThat(ui.<Label>node("#status-" + invoiceId).getText()).isEqualTo("Chưa thanh toán · hạn 10/12/2026");
    assertThat(ui.<Label>node("#amount-" + invoiceId).getText()).isEqualTo("1.500.000\u00A0₫");
    var child = parent.me().schools().get(0).children().get(0);
    assertThat(ui.<Label>node("#child-" + CHILD).getText()).isEqualTo(child.fullName() + " · " + child.className());
    ui.shoot("50-hoc-phi");

    // VietQR: the app starts the payment; the code on screen is the API's payload.
    ui.fire("#vietqr-" + invoiceId);
    Label reference = ui.waitFor("#vietqr-reference", Label.class, label -> !label.getText().isBlank());
    VietQrCode code = parent.vietQr(reference.getText());
    assertThat(ui.<Label>node("#vietqr-amount").getText()).isEqualTo("1.500.000\u00A0₫");
    assertThat(ui.<Label>node("#vietqr-account").getText()).isEqualTo(code.account());
    assertThat(ui.<Label>node("#vietqr-bin").getText()).isEqualTo(code.bin());
    ImageView image = ui.waitFor("#vietqr-code", ImageView.class, view -> view.getImage() != null);
    assertThat(decode((WritableImage) image.getImage())).isEqualTo(code.payload());
    assertThat(ui.<Label>node("#vietqr-status").getText()).isEqualTo("Đang chờ tiền về tài khoản của trường…");
    ui.shoot("51-vietqr");

    // The bank: SePay reports the incoming transfer (the note carries the reference) to the school's webhook.
    String body = ("{\"id\":7300051,\"gateway\":\"VietinBank\",\"transactionDate\":\"2026-11-21 10:15:00\","
        + "\"accountNumber\":\"%s\",\"code\":null,\"content\":\"MBVCB.8812.%s HOC THEM.CT tu 0912345678\","
        + "\"transferType\":\"in\",\"transferAmount\":1500000,\"accumulated\":99000000,\"subAccount\":null,"
        + "\"referenceCode\":\"FT26325730051\",\"description\":\"\"}").formatted(code.account(), code.reference());
    HttpResponse<String> webhook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            UiHarness.stack().baseUri().resolve("/v1/payments/bank-transfers/sepay/" + SCHOOL))
        .header("Authorization", "Apikey dev-sepay-" + SCHOOL).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

    // The screen checks by itself every few seconds.
    ui.waitFor("#vietqr-status", Label.class,
        label -> label.getText().equals("Đã nhận chuyển khoản — khoản thu đã thanh toán."));
    ui.shoot("52-da-nhan-chuyen-khoan");

    ui.fire("#vietqr-receipt");
    Receipt receipt = parent.receipt(invoiceId);
    Label number = ui.waitFor("#receipt-number", Label.class, label -> label.getText() != null);
    assertThat(number.getText()).isEqualTo("Biên lai số " + receipt.number());
    assertThat(ui.<Label>node("#receipt-total").getText()).isEqualTo("1.500.000\u00A0₫");
    assertThat(ui.<Label>node("#receipt-method").getText())
        .isEqualTo("Chuyển khoản ngân hàng · mã giao dịch " + receipt.providerTransactionId());
    ui.shoot("53-bien-lai");

    // Saved in the app's folder (no share sheet on the desktop: "Lưu vào thư mục khác…" is offered).
    ui.fire("#receipt-save");
    Label saved = ui.waitFor("#receipt-saved", Label.class, label -> label.getText() != null);
    Path pdf = parentCache.resolve("receipts").resolve("bien-lai-" + receipt.number() + ".pdf");
    assertThat(saved.getText()).isEqualTo("Đã lưu biên lai PDF vào " + pdf.toAbsolutePath());
    assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    assertThat(ui.<javafx.scene.control.Button>node("#receipt-save-as").isVisible()).isTrue();
    ui.shoot("54-bien-lai-da-luu");

    ui.fire("#back");
    ui.waitFor("#status-" + invoiceId, Label.class, label -> label.getText().equals("Đã thanh toán"));
    assertThat((Object) ui.lookup("#pay-" + invoiceId)).isNull();
    assertThat((Object) ui.lookup("#receipt-" + invoiceId)).isNotNull();
  }

  @Test
  @Order(2)
  void with_the_network_cut_the_invoices_stay_readable_marked_with_when() throws Exception {
    ui.network().cut();
    try {
      ui.fire("#nav-grades");
      ui.fire("#nav-invoices");
      Label stale = ui.waitFor("#stale", Label.class, label -> label.getText() != null);
      assertThat(stale.getText()).startsWith("Không có mạng — cập nhật lúc ").endsWith("/11/2026");
      assertThat(ui.<Label>node("#status-" + invoiceId).getText()).isEqualTo("Đã thanh toán");
      ui.shoot("55-hoc-phi-ngoai-tuyen");
    } finally {
      ui.network().restore();
    }
    ui.fire("#retry");
    ui.waitUntil("fresh invoices", () -> !ui.<Label>lookup("#stale").isVisible());
  }

  @Test
  @Order(3)
  void paying_after_the_consent_was_withdrawn_shows_the_apis_message_and_the_notice_link() throws Exception {
    LienlacClient parent = ui.as(PARENT);
    String open = parent.invoices(CHILD).stream().filter(i -> i.status() == Invoice.Status.OPEN
        || i.status() == Invoice.Status.OVERDUE).findFirst().orElseThrow().id();
    // The parent withdraws the consent for the child (elsewhere: the web, another phone).
    String token = UiHarness.token(PARENT);
    HttpResponse<String> withdrawn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            UiHarness.stack().baseUri().resolve("/v1/me/consents/" + CHILD)).header("Authorization", "Bearer " + token)
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    String refusal;
    try {
      parent.payWithVnpay(open, "vi");
      throw new AssertionError("paying without consent was accepted");
    } catch (vn.lienlac.client.ApiProblem problem) {
      assertThat(problem.code()).isEqualTo("consent-required");
      refusal = problem.getMessage();
    }

    ui.clearOpened();
    ui.fire("#pay-" + open);
    Label message = ui.waitFor("#failure .failure-text", Label.class, label -> refusal.equals(label.getText()));
    assertThat(message.getText()).isEqualTo(refusal);
    assertThat(ui.openedInBrowser()).isNull();
    ui.fire("#consent-notice");
    assertThat(ui.<javafx.scene.control.ToggleButton>node("#nav-settings").isSelected()).isTrue();
  }

  @Test
  @Order(4)
  void the_office_creates_a_fee_in_the_app_and_the_report_shows_its_total() throws Exception {
    ui.stop();
    ui = UiHarness.start(officeCache);
    ui.signIn(OFFICE);
    ui.fire("#nav-fees");
    ui.waitFor("#report-invoiced", Label.class, label -> label.getText() != null);
    ui.shoot("56-bao-cao-khoan-thu");

    // First without a name, then with a pupil the school does not have: the API's errors by their fields.
    ui.fire("#fee-new");
    ui.type("#fee-amount", "1.200.000");
    ui.onFx(() -> {
      ui.<DatePicker>lookup("#fee-due").setValue(LocalDate.of(2026, 12, 20));
      ui.<ComboBox<Fee.Scope>>lookup("#fee-scope").setValue(Fee.Scope.PUPILS);
    });
    ui.type("#fee-pupils", "nt-hs-9999");
    ui.fire("#fee-create");
    assertThat(ui.<Label>node("#fee-name-error").getText()).isEqualTo("Trường này là bắt buộc.");
    assertThat(ui.<Label>lookup("#fee-amountVnd-error").isVisible()).isFalse();
    ui.shoot("57-khoan-thu-loi");
    String name = "Dã ngoại cuối học kỳ I";
    ui.type("#fee-name", name);
    ui.fire("#fee-create");
    assertThat(ui.<Label>node("#fee-studentIds-error").getText()).isEqualTo("Không có học sinh nt-hs-9999 trong trường.");
    assertThat(ui.<Label>lookup("#fee-name-error").isVisible()).isFalse();

    ui.type("#fee-pupils", CHILD + ", " + OTHER_CHILD);
    ui.shoot("58-tao-khoan-thu");
    ui.fire("#fee-create");
    Label created = ui.waitFor("#fee-created", Label.class, label -> label.getText() != null);
    assertThat(created.getText()).isEqualTo("Đã tạo khoản thu “" + name + "”: 2 hoá đơn.");

    FeeReport report = ui.as(OFFICE).feeReport(SCHOOL);
    FeeReport.Fee fee = report.fees().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    assertThat(fee.invoiced()).isEqualTo(2_400_000L);
    Label sums = ui.waitFor("#fee-sums-" + fee.feeId(), Label.class, label -> true);
    assertThat(sums.getText()).isEqualTo("Đã thu " + Formats.vnd(fee.paid()) + " / " + Formats.vnd(fee.invoiced())
        + " · còn " + Formats.vnd(fee.outstanding()));
    assertThat(ui.<Label>node("#report-invoiced").getText()).isEqualTo(Formats.vnd(report.invoiced()));
    assertThat(ui.<Label>node("#report-outstanding").getText()).isEqualTo(Formats.vnd(report.outstanding()));
    ui.onFx(() -> ui.<javafx.scene.control.ScrollPane>lookup("#fees-scroll").setVvalue(1.0));
    ui.shoot("59-bao-cao-sau-khi-tao");
    // The parents see the new invoices.
    assertThat(ui.as("nt-ph-054").invoices(OTHER_CHILD)).extracting(Invoice::feeName).contains(name);
  }

  /** Reads the image's pixels and decodes them with ZXing's QR reader. */
  private static String decode(WritableImage image) throws Exception {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    ui.onFx(() -> image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w));
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))))
        .getText();
  }
}
