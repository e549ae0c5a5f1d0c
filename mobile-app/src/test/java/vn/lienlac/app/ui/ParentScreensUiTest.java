package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import vn.lienlac.app.AppText;
import vn.lienlac.app.LienlacApp;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.GradeReport;

/**
 * The app, headless (TestFX + Monocle), against the local stack started in this JVM: a parent signs
 * in, sees the averages the API computed, pays an invoice through the VNPay sandbox and sees it paid.
 * Each screen is saved as a 375×800 PNG under target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParentScreensUiTest {
  private static final String PARENT = "nt-ph-002";
  private static final String OFFICE = "nt-vp-01";
  private static final String TERM = "2026-2027-HK1";
  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir
  static Path cacheFolder;
  private static LocalStack stack;
  private static ExecutorService io;
  private static Stage stage;
  private static final AtomicReference<URI> opened = new AtomicReference<>();

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true)
        .withClock(LocalStack.Options.startingAt(NOW)).withRetryDelay(Duration.ZERO).withScheduleTimers(false));
    io = Executors.newFixedThreadPool(2);
    stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupApplication(() -> new LienlacApp() {
      @Override
      protected AppContext context() {
        return new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.on(io, Platform::runLater),
            stack.clock(), new OfflineCache(cacheFolder), opened::set, LienlacClient.create(stack.baseUri()));
      }
    });
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    stack.close();
  }

  private static <T extends Node> T node(String selector) {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup(selector) != null
          && stage.getScene().lookup(selector).isVisible());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no " + selector + " on screen", e);
    }
    @SuppressWarnings("unchecked")
    T found = (T) stage.getScene().lookup(selector);
    return found;
  }

  private static void fire(String selector) {
    ButtonBase button = node(selector);
    WaitForAsyncUtils.asyncFx(button::fire);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void shoot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
  }

  private static LienlacClient as(String user) {
    LienlacClient anonymous = LienlacClient.create(stack.baseUri());
    return anonymous.withToken(anonymous.devSignIn(user).token());
  }

  @Test
  @Order(1)
  void a_parent_signs_in_and_sees_the_averages_the_api_computed() throws Exception {
    node("#user-" + PARENT);
    shoot("01-dang-nhap");
    fire("#user-" + PARENT);

    Label firstAverage = node("#average-0");
    Me.Child child = as(PARENT).me().schools().get(0).children().get(0);
    GradeReport report = as(PARENT).grades(child.studentId(), TERM);
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < report.subjects().size(); i++) {
      var subject = report.subjects().get(i);
      Label shown = node("#average-" + i);
      String expected = subject.average() != null ? Formats.score(subject.average()) : shown.getText();
      assertThat(shown.getText()).as(subject.subjectName()).isEqualTo(expected);
    }
    assertThat(firstAverage.getText()).isNotBlank();
    assertThat(((Label) node("#level")).getText()).isEqualTo("Học lực: " + report.levelName());
    shoot("02-diem");
  }

  @Test
  @Order(2)
  void the_parent_pays_an_invoice_through_the_vnpay_sandbox_and_sees_it_paid() throws Exception {
    Me.SchoolMembership school = as(PARENT).me().schools().get(0);
    String child = school.children().get(0).studentId();
    HttpClient http = HttpClient.newHttpClient();
    String fee = """
        {"schoolId":"%s","name":"Tiền ăn bán trú tháng 12","amountVnd":1500000,"dueDate":"2026-12-10",
         "scope":"PUPILS","studentIds":["%s"]}""".formatted(school.schoolId(), child);
    var created = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/v1/fees"))
        .header("Authorization", "Bearer " + LienlacClient.create(stack.baseUri()).devSignIn(OFFICE).token())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fee)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String invoiceId = as(PARENT).invoices(child).stream()
        .filter(i -> i.feeName().equals("Tiền ăn bán trú tháng 12")).findFirst().orElseThrow().id();

    fire("#nav-invoices");
    Label status = node("#status-" + invoiceId);
    assertThat(status.getText()).isEqualTo("Chưa thanh toán · hạn 10/12/2026");
    shoot("03-hoc-phi");
    fire("#pay-" + invoiceId);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> opened.get() != null);

    // The browser: VNPay's sandbox page, then "Thanh toán".
    URI page = opened.get();
    assertThat(http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    String txnRef = query(page, "vnp_TxnRef");
    var done = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/dev/vnpay/complete?txnRef=" + txnRef
        + "&outcome=pay")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isEqualTo(302);

    // Back in the app: the list is read again and the invoice is paid.
    fire("#nav-invoices");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      Node now = stage.getScene().lookup("#status-" + invoiceId);
      return now instanceof Label label && label.getText().equals("Đã thanh toán");
    });
    assertThat(stage.getScene().lookup("#pay-" + invoiceId)).isNull();
    shoot("04-da-thanh-toan");
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
