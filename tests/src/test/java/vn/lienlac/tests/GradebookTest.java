package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.local.LocalStack;

/**
 * A teacher writes the gradebook of their own class and subject only; a bad row rejects the whole
 * request with an explanation per row and changes nothing; every change leaves an audit entry.
 * Each test works on a different class and subject, so they can share the seeded stack.
 */
@ExtendWith(LocalStackExtension.class)
class GradebookTest {
  private final SeededApi seeded;
  private final LocalStack stack;

  GradebookTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  private static String gradebook(String classId, String subject) {
    return "/v1/classes/" + classId + "/gradebook/" + subject + "/" + SeededApi.TERM;
  }

  @Test
  void subject_teacher_should_write_their_classs_gradebook_and_leave_an_audit_entry() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);
    String path = gradebook(SeededApi.CLASS_6A2, "toan");
    JsonNode before = teacher.get(path).body();
    String pupil = before.get("rows").get(0).get("studentId").asText();

    ApiClient.Response saved = teacher.put(path, Map.of("rows", List.of(Map.of(
        "studentId", pupil, "regular", List.of(8, 7, 9, 10), "midterm", 7.5, "finalExam", 8))));

    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    JsonNode row = row(saved.body(), pupil);
    assertThat(row.get("regular").toString()).isEqualTo("[8.0,7.0,9.0,10.0]");
    // (8+7+9+10 + 2*7.5 + 3*8) / 9 = 73/9 = 8.11 -> 8.1
    assertThat(row.get("average").decimalValue()).isEqualByComparingTo("8.1");
    assertThat(row.get("version").asLong()).isEqualTo(row(before, pupil).get("version").asLong() + 1);
    assertThat(teacher.get(path).body()).isEqualTo(saved.body());

    List<Map<String, AttributeValue>> audit = auditEntries(pupil, "toan");
    Map<String, AttributeValue> last = audit.get(audit.size() - 1);
    assertThat(last.get("actor").s()).isEqualTo(SeededApi.TEACHER_6A1);
    assertThat(last.get("after").s()).contains("\"regular\":[\"8.0\",\"7.0\",\"9.0\",\"10.0\"]").contains("\"midterm\":\"7.5\"");
    assertThat(last.get("before").s()).contains(row(before, pupil).get("midterm").decimalValue().toPlainString());

    // The same change, as the pupil's parents and teachers read it.
    JsonNode history = teacher.get("/v1/students/" + pupil + "/grades/history?term=" + SeededApi.TERM + "&subject=toan")
        .body().get("items");
    assertThat(history).hasSize(audit.size());
    JsonNode newest = history.get(0);
    assertThat(newest.get("actor").asText()).isEqualTo(SeededApi.TEACHER_6A1);
    assertThat(newest.get("actorName").asText()).isNotBlank();
    assertThat(newest.get("after").get("midterm").decimalValue()).isEqualByComparingTo("7.5");
    assertThat(newest.get("before").get("midterm")).isEqualTo(row(before, pupil).get("midterm"));
    assertThat(history.get(history.size() - 1).has("before")).isFalse(); // the seed's first entry
    assertProblem(teacher.get("/v1/students/" + pupil + "/grades/history?subject=maths"), 400, "bad-request");
  }

  @Test
  void saving_the_same_marks_again_should_change_nothing_and_audit_nothing() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_7A1);
    String path = gradebook(SeededApi.CLASS_6A1, "tin-hoc");
    JsonNode before = teacher.get(path).body();
    JsonNode first = before.get("rows").get(0);
    String pupil = first.get("studentId").asText();
    int auditBefore = auditEntries(pupil, "tin-hoc").size();

    ApiClient.Response saved = teacher.put(path, "{\"rows\":[{\"studentId\":\"" + pupil + "\",\"regular\":"
        + first.get("regular") + ",\"midterm\":" + first.get("midterm") + ",\"finalExam\":" + first.get("finalExam") + "}]}");

    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    assertThat(saved.body()).isEqualTo(before);
    assertThat(auditEntries(pupil, "tin-hoc")).hasSize(auditBefore);
  }

  @Test
  void a_teacher_should_not_write_a_class_they_do_not_teach_nor_a_subject_they_do_not_teach() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_6A1);
    String body = "{\"rows\":[]}";

    // Toán in 7A1 is another teacher's class: no relation, so 404, and reading it too.
    assertProblem(teacher.put(gradebook(SeededApi.CLASS_7A1, "toan"), body), 404, "not-found");
    assertProblem(teacher.get(gradebook(SeededApi.CLASS_7A1, "toan")), 404, "not-found");
    // Ngữ văn in 6A1: they are its homeroom teacher (they may read it) but not its Ngữ văn teacher.
    assertThat(teacher.get(gradebook(SeededApi.CLASS_6A1, "ngu-van")).status()).isEqualTo(200);
    assertProblem(teacher.put(gradebook(SeededApi.CLASS_6A1, "ngu-van"), body), 403, "forbidden");
    // Another school's class, a parent, and staff.
    assertProblem(teacher.put(gradebook(SeededApi.LQD_6A1, "toan"), body), 404, "not-found");
    assertProblem(seeded.as("nt-ph-002").put(gradebook(SeededApi.CLASS_6A1, "toan"), body), 404, "not-found");
    assertProblem(seeded.as("nt-vp-01").put(gradebook(SeededApi.CLASS_6A1, "toan"), body), 403, "forbidden");
  }

  @Test
  void invalid_rows_should_reject_the_whole_request_with_a_reason_per_row_and_change_nothing() {
    ApiClient teacher = seeded.as("nt-gv-05"); // Tiếng Anh in every class
    String path = gradebook(SeededApi.CLASS_6A1, "tieng-anh");
    JsonNode before = teacher.get(path).body();
    List<String> pupils = new ArrayList<>();
    before.get("rows").forEach(r -> pupils.add(r.get("studentId").asText()));
    int auditBefore = auditEntries(pupils.get(0), "tieng-anh").size();

    String body = """
        {"rows":[
          {"studentId":"%s","regular":[9,9,9,9],"midterm":9,"finalExam":9},
          {"studentId":"%s","regular":[8.25],"midterm":7,"finalExam":8},
          {"studentId":"%s","regular":[7],"midterm":11,"finalExam":8},
          {"studentId":"%s","regular":[5,6,7,8,9],"midterm":7,"finalExam":8},
          {"studentId":"nt-hs-9999","midterm":7},
          {"studentId":"%s","rating":"DAT"},
          {"studentId":"%s","midterm":6}
        ]}""".formatted(pupils.get(0), pupils.get(1), pupils.get(2), pupils.get(3), pupils.get(4), pupils.get(0));

    ApiClient.Response rejected = teacher.put(path, body);

    assertProblem(rejected, 422, "validation");
    List<String> fields = new ArrayList<>();
    rejected.body().get("errors").forEach(e -> fields.add(e.get("field").asText() + " " + e.get("code").asText()));
    assertThat(fields).containsExactlyInAnyOrder(
        "rows/1/regular/0 score.decimals",
        "rows/2/midterm score.range",
        "rows/3/regular grade.tooManyRegular",
        "rows/4/studentId roster.notInClass",
        "rows/5/rating grade.ratingNotAllowed",
        "rows/6/studentId roster.duplicateRow");
    rejected.body().get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
    // Nothing was written, not even the valid first row.
    assertThat(teacher.get(path).body()).isEqualTo(before);
    assertThat(auditEntries(pupils.get(0), "tieng-anh")).hasSize(auditBefore);
  }

  @Test
  void a_row_saved_from_an_old_version_should_be_a_409_and_change_nothing() {
    ApiClient teacher = seeded.as("nt-gv-06"); // KHTN in every class
    String path = gradebook(SeededApi.CLASS_7A1, "khtn");
    JsonNode row = teacher.get(path).body().get("rows").get(0);
    String pupil = row.get("studentId").asText();
    long version = row.get("version").asLong();

    assertThat(teacher.put(path, Map.of("rows", List.of(Map.of("studentId", pupil, "midterm", 6, "version", version))))
        .status()).isEqualTo(200);
    ApiClient.Response stale = teacher.put(path, Map.of("rows", List.of(
        Map.of("studentId", pupil, "midterm", 9, "version", version))));

    assertProblem(stale, 409, "conflict");
    assertThat(row(teacher.get(path).body(), pupil).get("midterm").decimalValue()).isEqualByComparingTo("6");
  }

  @Test
  void a_body_with_a_misspelt_field_or_not_json_should_be_a_400() {
    ApiClient teacher = seeded.as("nt-gv-06");
    String path = gradebook(SeededApi.CLASS_6A2, "khtn");

    ApiClient.Response misspelt = teacher.put(path, "{\"rows\":[{\"studentID\":\"x\"}]}");
    assertProblem(misspelt, 400, "bad-request");
    assertThat(misspelt.body().get("errors").get(0).get("field").asText()).isEqualTo("rows/0/studentID");
    assertProblem(teacher.put(path, "{\"rows\": [ "), 400, "bad-request");
    assertProblem(teacher.put(gradebook(SeededApi.CLASS_6A2, "khtn").replace(SeededApi.TERM, "2026-HK1"), "{}"),
        400, "bad-request");
  }

  private static JsonNode row(JsonNode gradebook, String studentId) {
    for (JsonNode row : gradebook.get("rows")) {
      if (row.get("studentId").asText().equals(studentId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + studentId);
  }

  /** The pupil's audit items for a subject, oldest first, straight from the table. */
  private List<Map<String, AttributeValue>> auditEntries(String studentId, String subject) {
    return stack.dynamo().client().query(QueryRequest.builder()
        .tableName(stack.dynamo().tableName())
        .keyConditionExpression("pk = :pk and begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#ST#" + studentId),
            ":prefix", AttributeValue.fromS("AUDIT#GRADE#" + SeededApi.TERM + "#" + subject + "#")))
        .consistentRead(true)
        .build()).items();
  }
}
