package vn.lienlac.app.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ShareSheet;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.payments.VietQr;

/**
 * The parent's payment ViewModels without the JavaFX toolkit (direct tasks, a loopback API, a temp
 * cache): invoices grouped per child across schools and cached, VNPay refused for lack of consent,
 * VietQR drawn from the API's payload (decoded back with ZXing) and seen paid, the receipt and its PDF.
 */
class PaymentsViewModelTest {
  static final String PAYLOAD = VietQr.dynamic("970415", "1133666688", 884_520, "LL8T2X0DMC0");

  static final String AN_INVOICES = """
      {"items":[
        {"id":"I-AN-1","schoolId":"nt","feeId":"F1","feeName":"Tiền ăn bán trú tháng 12/2026","studentId":"st-an",
         "studentName":"Nguyễn An","classId":"c1","amountVnd":1500000,"discountVnd":0,"paidVnd":0,
         "outstandingVnd":1500000,"dueDate":"2026-12-10","status":"OPEN","version":1},
        {"id":"I-AN-2","schoolId":"nt","feeId":"F2","feeName":"Bảo hiểm y tế","studentId":"st-an",
         "studentName":"Nguyễn An","classId":"c1","amountVnd":884520,"discountVnd":0,"paidVnd":884520,
         "outstandingVnd":0,"dueDate":"2026-12-31","status":"PAID","version":2}]}
      """;
  static final String BINH_INVOICES = """
      {"items":[
        {"id":"I-BINH-1","schoolId":"lqd","feeId":"F9","feeName":"Câu lạc bộ Robotics","studentId":"st-binh",
         "studentName":"Nguyễn Bình","classId":"c9","amountVnd":350000,"discountVnd":0,"paidVnd":175000,
         "outstandingVnd":175000,"dueDate":"2026-11-15","status":"OVERDUE","version":3}]}
      """;
  static final String VIETQR_PAYMENT = """
      {"id":"LL8T2X0DMC0","schoolId":"nt","method":"VIETQR","state":"PENDING","amountVnd":1500000,"creditedVnd":0,
       "invoiceIds":["I-AN-1"],"studentIds":["st-an"],"reference":"LL8T2X0DMC0"}
      """;
  static final String RECEIPT = """
      {"number":"BL-2026-000039","paymentId":"LL8T2X0DMC0","schoolId":"nt","schoolName":"Trường THCS Nguyễn Trãi",
       "lines":[{"invoiceId":"I-AN-2","studentId":"st-an","studentName":"Nguyễn An","className":"6A1",
                 "feeName":"Bảo hiểm y tế","amount":884520}],
       "total":884520,"method":"BANK_TRANSFER","providerTransactionId":"sepay-7000001",
       "paidAt":"2026-11-21T10:05:00+07:00"}
      """;

  @TempDir
  Path cacheFolder;
  FakeApi api;
  final List<URI> opened = new ArrayList<>();
  final List<Path> shared = new ArrayList<>();
  boolean hasShareSheet;
  AppContext context;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    api.only("GET /v1/students/st-an/invoices", 200, AN_INVOICES);
    api.only("GET /v1/students/st-binh/invoices", 200, BINH_INVOICES);
    ShareSheet sheet = (file, title, type) -> {
      if (hasShareSheet) {
        shared.add(file);
      }
      return hasShareSheet;
    };
    Me me = new Me("p1", "Trần Bình", List.of(
        new Me.SchoolMembership("nt", "Trường THCS Nguyễn Trãi", List.of(),
            List.of(new Me.Child("st-an", "Nguyễn An", "c1", "6A1")), List.of()),
        new Me.SchoolMembership("lqd", "Trường THCS Lê Quý Đôn", List.of(),
            List.of(new Me.Child("st-binh", "Nguyễn Bình", "c9", "8A3")), List.of())));
    context = TestContexts.against(api, cacheFolder).browser(opened::add).signedIn(me, "PARENT");
    context.useShareSheet(sheet);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void groups_the_invoices_per_child_across_schools_with_amount_due_date_and_status() {
    InvoicesViewModel model = new InvoicesViewModel(context);
    model.load();

    assertThat(model.groups()).extracting(InvoicesViewModel.Group::heading).containsExactly(
        "Nguyễn An · 6A1 — Trường THCS Nguyễn Trãi", "Nguyễn Bình · 8A3 — Trường THCS Lê Quý Đôn");
    List<InvoicesViewModel.Row> an = model.groups().get(0).rows();
    assertThat(an).extracting(InvoicesViewModel.Row::amount).containsExactly("1.500.000\u00A0₫", "884.520\u00A0₫");
    assertThat(an).extracting(InvoicesViewModel.Row::status)
        .containsExactly("Chưa thanh toán · hạn 10/12/2026", "Đã thanh toán");
    assertThat(an).extracting(InvoicesViewModel.Row::payable).containsExactly(true, false);
    assertThat(an).extracting(InvoicesViewModel.Row::hasReceipt).containsExactly(false, true);
    InvoicesViewModel.Row binh = model.groups().get(1).rows().get(0);
    assertThat(binh.amount()).isEqualTo("175.000\u00A0₫");
    assertThat(binh.status()).isEqualTo("Quá hạn · hạn 15/11/2026");
    assertThat(binh.detail()).isEqualTo("Đã trả 175.000\u00A0₫ trên 350.000\u00A0₫");
    assertThat(model.staleNoteProperty().get()).isNull();
  }

  @Test
  void with_the_network_cut_shows_the_cached_invoices_marked_with_when_they_were_read() {
    new InvoicesViewModel(context).load();
    api.down(true);

    InvoicesViewModel offline = new InvoicesViewModel(context);
    offline.load();

    assertThat(offline.rows()).extracting(r -> r.invoice().id()).containsExactly("I-AN-1", "I-AN-2", "I-BINH-1");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
    assertThat(offline.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(offline.canRetryProperty().get()).isTrue();
  }

  @Test
  void a_consent_required_refusal_shows_its_message_and_the_notice_link() {
    api.only("POST /v1/invoices/I-AN-1/payments", 403, """
        {"type":"https://lienlac.vn/problems/consent-required","title":"Cần sự đồng ý","status":403,
         "detail":"Cha mẹ chưa đồng ý cho trường xử lý dữ liệu của Nguyễn An qua ứng dụng.",
         "notice":"/v1/schools/nt/privacy-notice","studentId":"st-an"}""");
    InvoicesViewModel model = new InvoicesViewModel(context);
    model.load();

    model.pay(model.rows().get(0));

    assertThat(model.errorProperty().get()).isEqualTo("Cha mẹ chưa đồng ý cho trường xử lý dữ liệu của Nguyễn An qua ứng dụng.");
    assertThat(model.canRetryProperty().get()).isFalse();
    assertThat(model.consentNoticeProperty().get()).isEqualTo("/v1/schools/nt/privacy-notice");
    assertThat(opened).isEmpty();
    model.openConsentNotice();
    assertThat(opened).containsExactly(api.uri().resolve("/v1/schools/nt/privacy-notice"));
  }

  @Test
  void vietqr_starts_a_payment_and_draws_the_apis_payload_which_decodes_back_to_it() throws Exception {
    api.only("POST /v1/invoices/I-AN-1/payments", 201, VIETQR_PAYMENT);
    api.only("GET /v1/payments/LL8T2X0DMC0/vietqr", 200, """
        {"paymentId":"LL8T2X0DMC0","reference":"LL8T2X0DMC0","bin":"970415","account":"1133666688",
         "accountName":"TRUONG THCS NGUYEN TRAI","amountVnd":884520,"payload":"%s"}""".formatted(PAYLOAD));
    InvoicesViewModel list = new InvoicesViewModel(context);
    list.load();
    VietQrViewModel model = new VietQrViewModel(context, list.rows().get(0).invoice());

    model.start();

    assertThat(api.bodies("POST /v1/invoices/I-AN-1/payments")).singleElement()
        .satisfies(body -> assertThat(body).contains("\"method\":\"VIETQR\""));
    assertThat(model.codeProperty().get().reference()).isEqualTo("LL8T2X0DMC0");
    assertThat(model.amountProperty().get()).isEqualTo("884.520\u00A0₫");
    assertThat(model.stateProperty().get()).isEqualTo("Đang chờ tiền về tài khoản của trường…");
    assertThat(decode(model.matrixProperty().get(), 4)).isEqualTo(PAYLOAD);
    assertThat(model.paidProperty().get()).isFalse();

    // The bank's webhook credited the transfer: the invoice now reads PAID.
    api.only("GET /v1/students/st-an/invoices", 200, AN_INVOICES.replace("\"paidVnd\":0,\n         \"outstandingVnd\":1500000",
        "\"paidVnd\":1500000,\n         \"outstandingVnd\":0").replace("\"status\":\"OPEN\"", "\"status\":\"PAID\""));
    model.poll();
    assertThat(model.paidProperty().get()).isTrue();
    assertThat(model.stateProperty().get()).isEqualTo("Đã nhận chuyển khoản — khoản thu đã thanh toán.");
  }

  @Test
  void the_qr_matrix_has_its_quiet_zone_and_decodes_to_the_payload_at_any_scale() throws Exception {
    QrMatrix matrix = QrMatrix.encode(PAYLOAD);
    int n = matrix.size();
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < QrMatrix.QUIET_ZONE; q++) {
        assertThat(matrix.dark(i, q) || matrix.dark(q, i) || matrix.dark(i, n - 1 - q) || matrix.dark(n - 1 - q, i))
            .as("quiet zone at %d/%d", i, q).isFalse();
      }
    }
    // The finder pattern's corner module sits just inside the quiet zone.
    assertThat(matrix.dark(QrMatrix.QUIET_ZONE, QrMatrix.QUIET_ZONE)).isTrue();
    assertThat(decode(matrix, 1)).isEqualTo(PAYLOAD);
    assertThat(decode(matrix, 6)).isEqualTo(PAYLOAD);
    assertThat(decode(QrMatrix.encode("another payload"), 3)).isNotEqualTo(PAYLOAD);
  }

  @Test
  void the_receipt_shows_what_the_api_numbered_and_its_pdf_is_saved_then_offered_to_save_elsewhere() throws Exception {
    api.only("GET /v1/invoices/I-AN-2/receipt", 200, RECEIPT);
    byte[] pdf = "%PDF-1.7 biên lai".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    api.only("GET /v1/invoices/I-AN-2/receipt?format=pdf", request -> FakeApi.Answer.bytes("application/pdf", pdf));
    ReceiptViewModel model = new ReceiptViewModel(context, "I-AN-2");

    model.load();

    assertThat(model.numberProperty().get()).isEqualTo("Biên lai số BL-2026-000039");
    assertThat(model.paidAtProperty().get()).isEqualTo("Thanh toán lúc 10:05 21/11/2026");
    assertThat(model.methodProperty().get()).isEqualTo("Chuyển khoản ngân hàng · mã giao dịch sepay-7000001");
    assertThat(model.totalProperty().get()).isEqualTo("884.520\u00A0₫");
    assertThat(model.lines()).containsExactly(
        new ReceiptViewModel.Line("Nguyễn An · 6A1", "Bảo hiểm y tế", "884.520\u00A0₫"));

    model.savePdf();

    Path saved = model.savedFileProperty().get();
    assertThat(saved).isEqualTo(cacheFolder.resolve("receipts").resolve("bien-lai-BL-2026-000039.pdf"));
    assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);
    assertThat(model.canSaveAsProperty().get()).isTrue();
    assertThat(model.savedNoteProperty().get()).isEqualTo("Đã lưu biên lai PDF vào " + saved.toAbsolutePath());
    Path elsewhere = cacheFolder.resolve("chosen.pdf");
    model.saveAs(elsewhere);
    assertThat(Files.readAllBytes(elsewhere)).isEqualTo(pdf);
  }

  @Test
  void on_a_phone_the_saved_pdf_goes_to_the_share_sheet() {
    hasShareSheet = true;
    api.only("GET /v1/invoices/I-AN-2/receipt", 200, RECEIPT);
    api.only("GET /v1/invoices/I-AN-2/receipt?format=pdf",
        request -> FakeApi.Answer.bytes("application/pdf", new byte[] {'%', 'P', 'D', 'F'}));
    ReceiptViewModel model = new ReceiptViewModel(context, "I-AN-2");
    model.load();

    model.savePdf();

    assertThat(shared).containsExactly(model.savedFileProperty().get());
    assertThat(model.canSaveAsProperty().get()).isFalse();
    assertThat(model.savedNoteProperty().get()).isNull();
  }

  @Test
  void the_receipt_stays_readable_offline() {
    api.only("GET /v1/invoices/I-AN-2/receipt", 200, RECEIPT);
    new ReceiptViewModel(context, "I-AN-2").load();
    api.down(true);

    ReceiptViewModel offline = new ReceiptViewModel(context, "I-AN-2");
    offline.load();

    assertThat(offline.numberProperty().get()).isEqualTo("Biên lai số BL-2026-000039");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
  }

  /** Renders the matrix {@code scale} pixels a module and reads it back with ZXing's QR reader. */
  static String decode(QrMatrix matrix, int scale) throws Exception {
    int side = matrix.size() * scale;
    RGBLuminanceSource source = new RGBLuminanceSource(side, side, matrix.pixels(scale));
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
        Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
  }
}
