package vn.lienlac.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/** The gradebook ViewModel without the toolkit: each refused row shows the API's message on that row. */
class GradebookViewModelTest {
  private static final String BOOK = """
      {"classId":"c1","className":"6A1","subject":"toan","subjectName":"Toán","term":"2026-2027-HK1",
       "kind":"SCORED","requiredRegularCount":2,"rows":[
        {"studentId":"st-1","fullName":"Nguyễn An","regular":[8,7.5],"midterm":8,"finalExam":9,"version":3},
        {"studentId":"st-2","fullName":"Lê Bình","regular":[6],"midterm":7,"finalExam":null,"version":1}]}
      """;
  private static final String REFUSED = """
      {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
       "errors":[{"field":"rows/1/midterm","code":"score.range","message":"Điểm phải từ 0 đến 10."}]}
      """;

  @TempDir
  Path cache;
  private HttpServer server;
  private final AtomicReference<String> put = new AtomicReference<>();
  private GradebookViewModel model;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean isPut = exchange.getRequestMethod().equals("PUT");
      if (isPut) {
        put.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      }
      byte[] body = (isPut ? REFUSED : BOOK).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", isPut ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(isPut ? 422 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    LienlacClient client = LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    AppContext context = new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(), Clock.systemUTC(),
        new OfflineCache(cache), page -> {}, client);
    context.signedIn(client.withToken("t"), new Me("gv", "Cô Hà", List.of()), "TEACHER");
    model = new GradebookViewModel(context, "c1", "toan", "2026-2027-HK1");
    model.load();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void a_refused_row_shows_the_apis_message_on_that_row_only() {
    assertThat(model.rows()).extracting(GradebookViewModel.Row::pupil).containsExactly("Nguyễn An", "Lê Bình");
    assertThat(model.rows().get(0).regular.get()).isEqualTo("8 7,5");
    model.rows().get(1).midterm.set("11");

    model.save();

    assertThat(put.get()).contains("\"midterm\":11").contains("\"version\":3");
    assertThat(model.rows().get(1).error.get()).isEqualTo("Điểm phải từ 0 đến 10.");
    assertThat(model.rows().get(0).error.get()).isNull();
    assertThat(model.rows().get(1).midterm.get()).isEqualTo("11");
  }

  @Test
  void a_score_that_is_not_a_number_is_caught_on_its_row_before_anything_is_sent() {
    model.rows().get(0).midterm.set("tám");

    model.save();

    assertThat(put.get()).isNull();
    assertThat(model.rows().get(0).error.get()).isEqualTo("Điểm phải là số, ví dụ 8,5.");
    assertThat(model.rows().get(1).error.get()).isNull();
  }
}
