package vn.lienlac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.LeaveRequest;

/** The teacher-side records calls (class attendance, leave decisions) against a loopback server. */
class TeacherRecordsClientTest {
  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private volatile String answer = "{}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.put("method", exchange.getRequestMethod());
      seen.put("uri", exchange.getRequestURI().toString());
      seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LienlacClient client() {
    return LienlacClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).withToken("t");
  }

  @Test
  void the_register_is_read_and_marked_with_its_version_and_never_without_marks() {
    answer = """
        {"classId":"c1","className":"6A1","date":"2026-11-21","marked":true,"version":5,"entries":[
          {"studentId":"st-1","fullName":"Nguyễn An","status":"ABSENT_UNEXCUSED"}]}""";
    ClassAttendance day = client().classAttendance("c1", LocalDate.of(2026, 11, 21));
    assertThat(seen.get("uri")).isEqualTo("/v1/classes/c1/attendance/2026-11-21");
    assertThat(day.version()).isEqualTo(5);
    assertThat(day.entries().get(0).status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);

    client().markAttendance("c1", LocalDate.of(2026, 11, 21), new ClassAttendance.Update(
        List.of(new ClassAttendance.Mark("st-1", AttendanceStatus.ABSENT_UNEXCUSED, null)), 4L));
    assertThat(seen.get("method")).isEqualTo("PUT");
    assertThat(seen.get("body"))
        .isEqualTo("{\"marks\":[{\"studentId\":\"st-1\",\"status\":\"ABSENT_UNEXCUSED\"}],\"version\":4}");

    seen.clear();
    assertThatThrownBy(() -> client().markAttendance("c1", LocalDate.of(2026, 11, 21),
        new ClassAttendance.Update(null, 4L))).isInstanceOf(NullPointerException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void leave_requests_are_listed_per_class_and_status_and_decided_with_a_patch() {
    answer = """
        {"items":[{"id":"lv-1","studentId":"st-1","from":"2026-11-23","to":"2026-11-24","reason":"Ốm",
          "status":"PENDING","requestedBy":"ph-1","requestedAt":"2026-11-21T02:00:00Z"}]}""";
    assertThat(client().classLeaveRequests("c1", LeaveRequest.Status.PENDING)).extracting(LeaveRequest::id)
        .containsExactly("lv-1");
    assertThat(seen.get("uri")).isEqualTo("/v1/classes/c1/leave-requests?status=PENDING");
    client().classLeaveRequests("c1", null);
    assertThat(seen.get("uri")).isEqualTo("/v1/classes/c1/leave-requests");

    answer = """
        {"id":"lv-1","studentId":"st-1","from":"2026-11-23","to":"2026-11-24","reason":"Ốm","status":"APPROVED",
         "requestedBy":"ph-1","requestedAt":"2026-11-21T02:00:00Z","decisionNote":"Mau khỏe"}""";
    LeaveRequest decided = client().decideLeave("lv-1", new LeaveRequest.Decision(LeaveRequest.Status.APPROVED,
        "Mau khỏe"));
    assertThat(seen.get("method")).isEqualTo("PATCH");
    assertThat(seen.get("uri")).isEqualTo("/v1/leave-requests/lv-1");
    assertThat(seen.get("body")).isEqualTo("{\"status\":\"APPROVED\",\"note\":\"Mau khỏe\"}");
    assertThat(decided.status()).isEqualTo(LeaveRequest.Status.APPROVED);
  }
}
