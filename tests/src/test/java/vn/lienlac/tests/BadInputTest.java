package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.SeededApi.Child;

/**
 * The bad input the review found, over real HTTP: each answered with a 4xx problem that names what
 * is wrong, and none of it changes what is stored. {@link FuzzTest} generalises these.
 */
@ExtendWith(LocalStackExtension.class)
class BadInputTest {
  private final SeededApi seeded;

  BadInputTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  private static String gradebook(String term) {
    return "/v1/classes/" + SeededApi.CLASS_6A1 + "/gradebook/toan/" + term;
  }

  @Test
  void a_huge_score_should_be_a_short_400_and_change_nothing() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);
    JsonNode before = teacher.get(gradebook(SeededApi.TERM)).body();
    String pupil = before.get("rows").get(0).get("studentId").asText();

    for (String score : List.of("1e2147483647", "-1e2147483647", "1e-2147483647", "1e10000000")) {
      ApiClient.Response response = teacher.put(gradebook(SeededApi.TERM),
          "{\"rows\":[{\"studentId\":\"" + pupil + "\",\"midterm\":" + score + "}]}");

      assertProblem(response, 400, "bad-request");
      assertThat(response.text().length()).as(score).isLessThan(2_000);
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("rows/0/midterm");
    }
    assertThat(teacher.get(gradebook(SeededApi.TERM)).body()).isEqualTo(before);
  }

  @Test
  void loose_values_for_scores_and_versions_should_be_refused_and_an_empty_string_should_not_clear_a_mark() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);
    JsonNode before = teacher.get(gradebook(SeededApi.TERM)).body();
    JsonNode row = before.get("rows").get(1);
    String pupil = row.get("studentId").asText();
    assertThat(row.has("midterm")).isTrue();

    for (String field : List.of("\"midterm\":\" 7 \"", "\"midterm\":\"1e1\"", "\"midterm\":\"\"", "\"midterm\":\"7\"",
        "\"regular\":[\"8\"]", "\"version\":1.5", "\"version\":\"1\"", "\"midterm\":7,\"midterm\":8")) {
      ApiClient.Response response = teacher.put(gradebook(SeededApi.TERM),
          "{\"rows\":[{\"studentId\":\"" + pupil + "\"," + field + "}]}");

      assertThat(response.status()).as(field + " -> " + response.text()).isEqualTo(400);
      assertProblem(response, 400, "bad-request");
    }
    assertThat(teacher.get(gradebook(SeededApi.TERM)).body()).isEqualTo(before);
  }

  /** Found by FuzzTest: a retried attendance PUT with version -1 answered 200. */
  @Test
  void a_negative_version_should_be_a_422_for_the_gradebook_and_the_register() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);
    JsonNode book = teacher.get(gradebook(SeededApi.TERM)).body();
    JsonNode row = book.get("rows").get(2);
    ApiClient.Response grades = teacher.put(gradebook(SeededApi.TERM),
        "{\"rows\":[{\"studentId\":\"" + row.get("studentId").asText() + "\",\"version\":-1}]}");
    assertProblem(grades, 422, "validation");
    assertThat(grades.body().get("errors").get(0).get("field").asText()).isEqualTo("rows/0/version");
    assertThat(teacher.get(gradebook(SeededApi.TERM)).body()).isEqualTo(book);

    String day = "/v1/classes/" + SeededApi.CLASS_6A1 + "/attendance/2026-11-20";
    JsonNode register = teacher.get(day).body();
    String pupil = java.util.stream.StreamSupport.stream(register.get("entries").spliterator(), false)
        .filter(entry -> entry.get("status").asText().equals("PRESENT")).findFirst().orElseThrow()
        .get("studentId").asText();
    // The pupil is already PRESENT: without the check this retry-like PUT answered 200.
    ApiClient.Response marks = teacher.put(day,
        "{\"marks\":[{\"studentId\":\"" + pupil + "\",\"status\":\"PRESENT\"}],\"version\":-1}");
    assertProblem(marks, 422, "validation");
    assertThat(marks.body().get("errors").get(0).get("field").asText()).isEqualTo("version");
    assertThat(teacher.get(day).body()).isEqualTo(register);
  }

  @Test
  void a_term_that_is_not_a_school_year_should_be_a_400_not_an_echo_of_another_term() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);

    for (String term : List.of("0000-0001-HK1", "9998-9999-HK2", "1999-2000-HK1")) {
      ApiClient.Response response = teacher.get(gradebook(term));

      assertProblem(response, 400, "bad-request");
      assertThat(response.body().get("errors").get(0).get("code").asText()).isEqualTo("request.badTerm");
    }
    assertProblem(teacher.get("/v1/students/" + seeded.pupils(SeededApi.TEACHER_6A1, SeededApi.CLASS_6A1, "toan").get(0)
        + "/grades?term=0000-0001-HK1"), 400, "bad-request");
  }

  @Test
  void a_date_far_outside_the_school_years_should_be_a_400_that_says_which_dates_are_accepted() {
    Child child = seeded.children("nt-ph-001").get(0);
    ApiClient parent = seeded.as("nt-ph-001").withLanguage("en");
    String attendance = "/v1/students/" + child.studentId() + "/attendance";

    for (String query : List.of("?to=-999999999-01-01", "?from=-999999999-01-01", "?to=%2B999999999-12-31",
        "?from=0000-01-01&to=0000-01-31", "?to=2101-01-01")) {
      ApiClient.Response response = parent.get(attendance + query);

      assertProblem(response, 400, "bad-request");
      assertThat(response.body().get("errors").get(0).get("message").asText())
          .as(query).contains("2000-01-01").contains("2100-12-31");
    }
    assertProblem(seeded.as(SeededApi.TEACHER_6A1).get("/v1/classes/" + SeededApi.CLASS_6A1 + "/attendance/0000-01-01"),
        400, "bad-request");
  }

  @Test
  void a_number_for_a_leave_status_should_not_approve_the_request() {
    Child child = childIn(SeededApi.CLASS_6A1);
    ApiClient parent = seeded.as(parentOf);
    String today = SeededApi.today().toString();
    ApiClient.Response created = parent.post("/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", today, "to", today, "reason", "Khám răng"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.body().get("id").asText();
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);

    for (String body : List.of("{\"status\":1}", "{\"status\":2}", "{\"status\":\"approved\"}", "{\"status\":\"\"}",
        "{\"status\":\"APPROVED\",\"note\":5}", "{\"status\":\"DECLINED\",\"status\":\"APPROVED\"}")) {
      assertProblem(teacher.patch("/v1/leave-requests/" + id, body), 400, "bad-request");
    }
    JsonNode mine = parent.get("/v1/students/" + child.studentId() + "/leave-requests").body().get("items");
    assertThat(mine.findValues("id").stream().map(JsonNode::asText)).contains(id);
    mine.forEach(item -> {
      if (item.get("id").asText().equals(id)) {
        assertThat(item.get("status").asText()).isEqualTo("PENDING");
      }
    });
  }

  @Test
  void a_reason_that_is_a_number_or_not_utf8_should_be_refused_and_nothing_stored() {
    Child child = childIn(SeededApi.CLASS_6A1);
    ApiClient parent = seeded.as(parentOf);
    String path = "/v1/students/" + child.studentId() + "/leave-requests";
    int before = parent.get(path).body().get("items").size();
    String today = SeededApi.today().toString();

    assertProblem(parent.post(path, "{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"reason\":5}"), 400,
        "bad-request");
    byte[] notUtf8 = ("{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"reason\":\"ốm XX\"}")
        .getBytes(StandardCharsets.UTF_8);
    notUtf8[notUtf8.length - 4] = (byte) 0xC0;
    notUtf8[notUtf8.length - 3] = (byte) 0xAF;
    ApiClient.Response response = parent.send("POST", path, notUtf8, Map.of());

    assertProblem(response, 400, "bad-request");
    assertThat(response.body().get("detail").asText()).contains("UTF-8");
    assertThat(parent.get(path).body().get("items").size()).isEqualTo(before);
  }

  private String parentOf;

  /** A child of a Nguyễn Trãi parent in the class, and remembers the parent. */
  private Child childIn(String classId) {
    for (int n = 1; n < 200; n++) {
      String parent = "nt-ph-" + String.format("%03d", n);
      for (Child child : seeded.children(parent)) {
        if (child.classId().equals(classId)) {
          parentOf = parent;
          return child;
        }
      }
    }
    throw new AssertionError("no parent with a child in " + classId);
  }
}
