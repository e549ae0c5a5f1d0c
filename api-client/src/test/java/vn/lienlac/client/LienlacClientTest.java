package vn.lienlac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.records.GradeReport;

/** The client against a loopback server that answers like the API (no stack needed). */
class LienlacClientTest {
  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String answer = "{}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    seen.put("method", exchange.getRequestMethod());
    seen.put("uri", exchange.getRequestURI().toString());
    seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    seen.put("language", String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")));
    seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private LienlacClient client() {
    return LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .withToken("t0k3n").withLanguage("en");
  }

  @Test
  void grades_are_read_with_the_token_and_language_and_keep_the_averages_the_api_computed() {
    answer = """
        {"studentId":"st-1","studentName":"Nguyễn An","classId":"c1","className":"6A1","term":"2026-2027-HK1",
         "rules":"TT22/2021","level":"KHA","levelName":"Khá","somethingNew":true,
         "subjects":[{"subject":"toan","subjectName":"Toán","kind":"SCORED","requiredRegularCount":4,
           "regular":[8,7.5],"midterm":8.25,"finalExam":9,"average":8.4,"rating":null,
           "updatedAt":"2026-11-20T08:00:00+07:00"}]}
        """;
    GradeReport report = client().grades("st-1", "2026-2027-HK1");

    assertThat(seen).containsEntry("method", "GET").containsEntry("uri", "/v1/students/st-1/grades?term=2026-2027-HK1")
        .containsEntry("authorization", "Bearer t0k3n").containsEntry("language", "en");
    assertThat(report.levelName()).isEqualTo("Khá");
    assertThat(report.subjects().get(0).average()).isEqualByComparingTo("8.4");
    assertThat(report.subjects().get(0).midterm().toPlainString()).isEqualTo("8.25");
  }

  @Test
  void a_problem_becomes_an_api_problem_with_its_message_and_the_violations_of_each_row() {
    status = 422;
    contentType = "application/problem+json";
    answer = """
        {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
         "detail":"Có 2 lỗi.","errors":[
           {"field":"rows/1/midterm","code":"range","message":"Điểm phải từ 0 đến 10."},
           {"field":"rows/3","code":"stale","message":"Đã có người sửa."},
           {"field":"term","code":"format","message":"Sai học kỳ."}]}
        """;
    assertThatThrownBy(() -> client().saveGradebook("c1", "toan", "2026-2027-HK1",
        new vn.lienlac.model.records.Gradebook.Update(java.util.List.of())))
        .isInstanceOfSatisfying(ApiProblem.class, problem -> {
          assertThat(problem.getMessage()).isEqualTo("Có 2 lỗi.");
          assertThat(problem.status()).isEqualTo(422);
          assertThat(problem.code()).isEqualTo("validation");
          assertThat(problem.retryable()).isFalse();
          assertThat(problem.errors()).hasSize(3);
          assertThat(problem.rowErrors()).containsOnlyKeys(1, 3);
          assertThat(problem.rowErrors().get(1).get(0).message()).isEqualTo("Điểm phải từ 0 đến 10.");
        });
    assertThat(seen).containsEntry("method", "PUT").containsEntry("body", "{\"rows\":[]}");
  }

  @Test
  void an_error_that_is_not_a_problem_document_still_carries_its_status() {
    status = 502;
    contentType = "text/html";
    answer = "<html>Bad gateway</html>";
    assertThatThrownBy(() -> client().me()).isInstanceOfSatisfying(ApiProblem.class, problem -> {
      assertThat(problem.status()).isEqualTo(502);
      assertThat(problem.retryable()).isTrue();
    });
  }

  @Test
  void no_server_is_a_retryable_network_failure_not_a_problem() {
    LienlacClient client = client();
    server.stop(0);
    assertThatThrownBy(client::me).isInstanceOfSatisfying(NetworkException.class,
        failure -> assertThat(failure.retryable()).isTrue());
  }

  @Test
  void a_success_that_is_not_json_is_a_network_failure() {
    contentType = "text/html";
    answer = "<html>captive portal</html>";
    assertThatThrownBy(() -> client().me()).isInstanceOf(NetworkException.class);
  }

  @Test
  void a_message_is_sent_with_its_client_message_id_and_no_null_fields() {
    status = 201;
    answer = """
        {"id":"m1","conversationId":"cv 1","senderId":"u1","text":"Chào cô"}
        """;
    var message = client().send("cv 1", "cm-1", "Chào cô");
    assertThat(message.id()).isEqualTo("m1");
    assertThat(seen).containsEntry("method", "POST").containsEntry("uri", "/v1/conversations/cv%201/messages")
        .containsEntry("body", "{\"clientMessageId\":\"cm-1\",\"text\":\"Chào cô\"}");
  }

  @Test
  void dev_sign_in_reads_the_token_and_the_user() {
    answer = """
        {"token":"abc","tokenType":"Bearer","expiresAt":"2026-11-21T04:00:00Z",
         "user":{"id":"nt-ph-002","displayName":"Trần Bình","role":"PARENT","schoolId":"s","schoolName":"S"}}
        """;
    Session session = LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .devSignIn("nt-ph-002");
    assertThat(seen).containsEntry("uri", "/dev/token?user=nt-ph-002").containsEntry("authorization", "null");
    assertThat(session.token()).isEqualTo("abc");
    assertThat(session.role()).isEqualTo("PARENT");
    assertThat(session.expiredAt(java.time.Instant.parse("2026-11-21T04:00:00Z"))).isTrue();
    assertThat(session.expiredAt(java.time.Instant.parse("2026-11-21T03:59:59Z"))).isFalse();
  }
}
