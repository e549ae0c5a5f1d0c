package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.util.WaitForAsyncUtils;
import vn.lienlac.app.core.Formats;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.GradeReport;

/**
 * The app, headless (TestFX + Monocle), against the local stack ({@link UiHarness}): a parent signs
 * in, sees the averages the API computed, still sees them (marked "cập nhật lúc …") with the network
 * cut, pays an invoice through the VNPay sandbox and sees it paid. Screens saved as 375×800 PNGs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParentScreensUiTest extends AppUiTest {
  private static final String PARENT = "nt-ph-002";
  private static final String OFFICE = "nt-vp-01";
  private static final String TERM = "2026-2027-HK1";

  @Test
  @Order(1)
  void a_parent_signs_in_and_sees_the_averages_the_api_computed() throws Exception {
    ui.node("#user-" + PARENT);
    ui.shoot("01-dang-nhap");
    ui.signIn(PARENT);

    Label firstAverage = ui.node("#average-0");
    Me.Child child = ui.as(PARENT).me().schools().get(0).children().get(0);
    GradeReport report = ui.as(PARENT).grades(child.studentId(), TERM);
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < report.subjects().size(); i++) {
      var subject = report.subjects().get(i);
      Label shown = ui.node("#average-" + i);
      String expected = subject.average() != null ? Formats.score(subject.average()) : shown.getText();
      assertThat(shown.getText()).as(subject.subjectName()).isEqualTo(expected);
    }
    assertThat(firstAverage.getText()).isNotBlank();
    assertThat(((Label) ui.node("#level")).getText()).isEqualTo("Học lực: " + report.levelName());
    assertThat(ui.<Label>lookup("#stale").isVisible()).isFalse();
    ui.shoot("02-diem");
  }

  @Test
  @Order(2)
  void with_the_network_cut_the_parent_still_sees_the_cached_grades_marked_with_when() throws Exception {
    Me.Child child = ui.as(PARENT).me().schools().get(0).children().get(0);
    GradeReport report = ui.as(PARENT).grades(child.studentId(), TERM);
    ui.network().cut();
    try {
      ui.fire("#nav-invoices");
      ui.fire("#nav-grades");
      Label stale = ui.waitFor("#stale", Label.class, label -> label.getText() != null);
      assertThat(stale.getText()).startsWith("Không có mạng — cập nhật lúc ").endsWith("/11/2026");
      Label first = ui.node("#average-0");
      assertThat(first.getText()).isEqualTo(Formats.score(report.subjects().get(0).average()));
      assertThat(((Label) ui.node("#failure .failure-text")).getText())
          .isEqualTo("Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.");
      ui.shoot("02b-diem-ngoai-tuyen");
    } finally {
      ui.network().restore();
    }
    ui.fire("#retry");
    ui.waitUntil("fresh grades", () -> !ui.<Label>lookup("#stale").isVisible());
  }

  @Test
  @Order(3)
  void the_parent_pays_an_invoice_through_the_vnpay_sandbox_and_sees_it_paid() throws Exception {
    LocalStack stack = UiHarness.stack();
    Me.SchoolMembership school = ui.as(PARENT).me().schools().get(0);
    String child = school.children().get(0).studentId();
    HttpClient http = HttpClient.newHttpClient();
    String fee = """
        {"schoolId":"%s","name":"Tiền ăn bán trú tháng 12","amountVnd":1500000,"dueDate":"2026-12-10",
         "scope":"PUPILS","studentIds":["%s"]}""".formatted(school.schoolId(), child);
    var created = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/v1/fees"))
        .header("Authorization", "Bearer " + UiHarness.token(OFFICE))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fee)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String invoiceId = ui.as(PARENT).invoices(child).stream()
        .filter(i -> i.feeName().equals("Tiền ăn bán trú tháng 12")).findFirst().orElseThrow().id();

    ui.fire("#nav-invoices");
    Label status = ui.node("#status-" + invoiceId);
    assertThat(status.getText()).isEqualTo("Chưa thanh toán · hạn 10/12/2026");
    ui.shoot("03-hoc-phi");
    ui.clearOpened();
    ui.fire("#pay-" + invoiceId);
    ui.waitUntil("the payment page opened", () -> ui.openedInBrowser() != null);

    // The browser: VNPay's sandbox page (the relay's address: open it on the stack), then "Thanh toán".
    URI page = stack.baseUri().resolve(ui.openedInBrowser().getRawPath() + "?" + ui.openedInBrowser().getRawQuery());
    assertThat(http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    String txnRef = query(page, "vnp_TxnRef");
    var done = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/dev/vnpay/complete?txnRef=" + txnRef
        + "&outcome=pay")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isEqualTo(302);

    // Back in the app: the list is read again and the invoice is paid.
    ui.fire("#nav-invoices");
    ui.waitFor("#status-" + invoiceId, Label.class, label -> label.getText().equals("Đã thanh toán"));
    assertThat((Object) ui.lookup("#pay-" + invoiceId)).isNull();
    ui.shoot("04-da-thanh-toan");
  }

  private static String query(URI uri, String name) {
    for (String pair : List.of(uri.getRawQuery().split("&"))) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + uri);
  }
}
