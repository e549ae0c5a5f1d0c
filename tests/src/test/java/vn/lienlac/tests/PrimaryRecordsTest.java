package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.tests.SeededApi.Child;

/**
 * A primary school (Circular 27/2020) over HTTP: parents read ratings, comments, test scores and
 * qualities as the seed entered them (compared with the stored items themselves); teachers enter a
 * subject's marks and the qualities for their class, all rows or none; the secondary routes answer
 * a primary class with a 409 that names the right one. Each test works on its own class (the
 * authorization matrix uses 4A's last family).
 */
@ExtendWith(LocalStackExtension.class)
class PrimaryRecordsTest {
  private final SeededApi seeded;
  private final LocalStack stack;

  PrimaryRecordsTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  private static String evaluations(String classId, String subject, String term) {
    return "/v1/classes/" + classId + "/evaluations/" + subject + "/" + term;
  }

  /** A parent of the primary school whose child is in {@code classId}, first in /dev/users order. */
  private Child childIn(String classId, int skip) {
    int skipped = 0;
    for (DevUser user : stack.users()) {
      if (!user.role().equals("PARENT") || !user.schoolId().equals(SeededApi.KIM_DONG)) {
        continue;
      }
      for (Child child : seeded.children(user.id())) {
        if (child.classId().equals(classId) && skipped++ == skip) {
          parentOf.put(child.studentId(), user.id());
          return child;
        }
      }
    }
    throw new AssertionError("no parent with a child in " + classId);
  }

  private final Map<String, String> parentOf = new HashMap<>();

  @Test
  void a_primary_parent_should_read_the_term_with_the_ratings_comments_tests_and_qualities_the_seed_entered() {
    Child child = childIn("kd-2026-3a", 0);
    ApiClient parent = seeded.as(parentOf.get(child.studentId()));

    ApiClient.Response response = parent.get("/v1/students/" + child.studentId() + "/grades?term=" + SeededApi.TERM);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode report = response.body();
    assertThat(report.get("rules").asText()).isEqualTo("TT27/2020");
    assertThat(report.get("subjects")).as("no Circular 22 subjects").isEmpty();
    assertThat(report.has("level")).as("no Circular 22 level").isFalse();
    JsonNode primary = report.get("primary");
    assertThat(primary.get("points").toString()).isEqualTo("[\"MID_TERM_1\",\"END_TERM_1\"]");
    // Grade 3: Tiếng Việt, Toán, Ngoại ngữ 1, Đạo đức, TN&XH, Tin học và Công nghệ, GDTC, Nghệ thuật, HĐTN.
    assertThat(primary.get("subjects")).hasSize(9);
    Map<String, Map<String, AttributeValue>> stored = storedGrades(child.studentId(), SeededApi.TERM);
    int tests = 0;
    for (JsonNode subject : primary.get("subjects")) {
      String code = subject.get("subject").asText();
      assertThat(subject.has("average")).isFalse();
      Map<String, AttributeValue> item = stored.get(code);
      assertThat(item).as("the seed's item of " + code).isNotNull();
      for (String point : List.of("MID_TERM_1", "END_TERM_1")) {
        JsonNode mark = subject.get("points").get(point);
        assertThat(mark.get("rating").asText()).as(code + " " + point)
            .isEqualTo(item.get("pointRatings").m().get(point).s());
        assertThat(mark.get("ratingName").asText()).isIn("Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành");
        assertThat(mark.get("comment").asText()).isEqualTo(item.get("pointComments").m().get(point).s());
        boolean tested = subject.get("testPoints").toString().contains(point);
        // Grade 3 has no mid-term tests; end of term 1 in Tiếng Việt, Toán, Ngoại ngữ 1, Tin học và Công nghệ.
        assertThat(tested).as(code + " tested at " + point).isEqualTo(point.equals("END_TERM_1")
            && List.of("tieng-viet", "toan", "ngoai-ngu-1", "tin-hoc-cong-nghe").contains(code));
        if (tested) {
          tests++;
          assertThat(mark.get("testScore").asInt()).isEqualTo(Integer.parseInt(item.get("pointTests").m().get(point).s()))
              .isBetween(1, 10);
        } else {
          assertThat(mark.has("testScore")).isFalse();
        }
      }
    }
    assertThat(tests).isEqualTo(4);
    Map<String, AttributeValue> qualities = storedItem(child.studentId(), "COMPETENCY#" + SeededApi.TERM);
    assertThat(primary.get("qualities")).hasSize(15);
    for (JsonNode quality : primary.get("qualities")) {
      for (String point : List.of("MID_TERM_1", "END_TERM_1")) {
        assertThat(quality.get("points").get(point).get("rating").asText()).as(quality.get("code") + " " + point)
            .isEqualTo(qualities.get("ratings").m().get(point + "#" + quality.get("code").asText()).s());
      }
    }
    assertThat(primary.get("qualityComments").get("END_TERM_1").asText())
        .isEqualTo(qualities.get("comments").m().get("END_TERM_1").s());
  }

  @Test
  void a_teachers_bad_class_entry_should_answer_422_with_each_rows_error_and_change_nothing() {
    ApiClient teacher = seeded.as("kd-gv-04"); // 4A: homeroom, teaches Toán (tested at mid-term in grade 4)
    List<String> pupils = new ArrayList<>();
    teacher.get(evaluations("kd-2026-4a", "toan", SeededApi.TERM)).body().get("rows")
        .forEach(row -> pupils.add(row.get("studentId").asText()));
    TableDump before = TableDump.settled(stack);

    ApiClient.Response rejected = teacher.put(evaluations("kd-2026-4a", "toan", SeededApi.TERM), """
        {"rows":[
          {"studentId":"%s","points":{"END_TERM_1":{"rating":"HOAN_THANH_TOT","comment":"Tốt","testScore":9}}},
          {"studentId":"%s","points":{"END_TERM_1":{"rating":"HOAN_THANH","testScore":11}}},
          {"studentId":"%s","points":{"MID_TERM_1":{"rating":"HOAN_THANH","testScore":7.5}}},
          {"studentId":"kd-hs-9999","points":{"MID_TERM_1":{"rating":"HOAN_THANH"}}},
          {"studentId":"%s","points":{"END_OF_YEAR":{"rating":"HOAN_THANH"}}},
          {"studentId":"%s"}
        ]}""".formatted(pupils.get(0), pupils.get(1), pupils.get(2), pupils.get(3), pupils.get(4)));
    // Grade 3 has no test at mid-term 1.
    ApiClient.Response noTest = seeded.as("kd-gv-03").put(evaluations("kd-2026-3a", "toan", SeededApi.TERM),
        Map.of("rows", List.of(Map.of("studentId", seeded.pupilsOf("kd-gv-03", "kd-2026-3a").get(0),
            "points", Map.of("MID_TERM_1", Map.of("rating", "HOAN_THANH_TOT", "testScore", 8))))));
    // A quality code that does not exist, and a Tiêu biểu nomination in term 1.
    ApiClient.Response badQuality = teacher.put("/v1/classes/kd-2026-4a/competencies/" + SeededApi.TERM, """
        {"rows":[
          {"studentId":"%s","points":{"MID_TERM_1":{"ratings":{"cham-chi":"TOT","lanh-dao":"TOT"}}}},
          {"studentId":"%s","exemplary":{"nominated":true,"reason":"Vẽ đẹp"}}
        ]}""".formatted(pupils.get(0), pupils.get(1)));

    assertProblem(rejected, 422, "validation");
    assertThat(errors(rejected)).containsExactlyInAnyOrder(
        "rows/1/points/END_TERM_1/testScore primary.testScoreRange",
        "rows/2/points/MID_TERM_1/testScore primary.testScoreWhole",
        "rows/3/studentId roster.notInClass",
        "rows/4/points/END_OF_YEAR records.pointNotInTerm",
        "rows/5/points records.noPoints");
    rejected.body().get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
    assertProblem(noTest, 422, "validation");
    assertThat(errors(noTest)).containsExactly("rows/0/points/MID_TERM_1/testScore primary.noTest");
    assertProblem(badQuality, 422, "validation");
    assertThat(badQuality.body().at("/errors/0/message").asText()).contains("lanh-dao");
    assertThat(errors(badQuality)).containsExactlyInAnyOrder(
        // A field path is shown cut to 40 characters (Violation.MAX_SHOWN_LENGTH); the message names the code.
        "rows/0/points/MID_TERM_1/ratings/lanh-d… primary.unknownQuality",
        "rows/1/exemplary records.nominationEndOfYear");
    assertThat(TableDump.settled(stack).differencesFrom(before)).as("nothing written, not even the valid row").isEmpty();
  }

  @Test
  void a_teacher_should_enter_a_point_keep_the_other_and_leave_an_audit_entry_the_parent_sees() {
    Child child = childIn("kd-2026-2a", 0);
    ApiClient teacher = seeded.as("kd-gv-02");
    String path = evaluations("kd-2026-2a", "tieng-viet", SeededApi.TERM);
    JsonNode row = row(teacher.get(path).body(), child.studentId());
    JsonNode midTerm = row.get("points").get("MID_TERM_1");
    assertThat(midTerm).as("the seed's mid-term 1 mark").isNotNull();
    assertThat(row.get("points").get("END_TERM_1").get("testScore").asInt()).as("the seed's test").isBetween(1, 10);

    ApiClient.Response saved = teacher.put(path, Map.of("rows", List.of(Map.of("studentId", child.studentId(),
        "version", row.get("version").asLong(), "points", Map.of("END_TERM_1",
            Map.of("rating", "HOAN_THANH_TOT", "comment", "Em đọc to, rõ ràng; viết đúng chính tả.", "testScore", 10))))));

    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    JsonNode after = row(saved.body(), child.studentId());
    assertThat(after.get("points").get("MID_TERM_1")).as("the point not given is kept").isEqualTo(midTerm);
    assertThat(after.get("points").get("END_TERM_1").get("testScore").asInt()).isEqualTo(10);
    assertThat(after.get("version").asLong()).isEqualTo(row.get("version").asLong() + 1);
    JsonNode report = seeded.as(parentOf.get(child.studentId()))
        .get("/v1/students/" + child.studentId() + "/grades?term=" + SeededApi.TERM).body().get("primary");
    JsonNode subject = null;
    for (JsonNode s : report.get("subjects")) {
      if (s.get("subject").asText().equals("tieng-viet")) {
        subject = s;
      }
    }
    assertThat(subject.get("points").get("END_TERM_1").get("comment").asText())
        .isEqualTo("Em đọc to, rõ ràng; viết đúng chính tả.");
    JsonNode history = seeded.as(parentOf.get(child.studentId())).get("/v1/students/" + child.studentId()
        + "/grades/history?term=" + SeededApi.TERM + "&subject=tieng-viet").body().get("items");
    assertThat(history.get(0).get("actor").asText()).isEqualTo("kd-gv-02");
    assertThat(history.get(0).get("after").get("points").get("END_TERM_1").get("testScore").asInt()).isEqualTo(10);
    assertThat(history.get(0).get("before").get("points").get("MID_TERM_1")).isEqualTo(midTerm);

    // The same row from the old version: 409, nothing changed.
    ApiClient.Response stale = teacher.put(path, Map.of("rows", List.of(Map.of("studentId", child.studentId(),
        "version", row.get("version").asLong(), "points", Map.of("END_TERM_1", Map.of("rating", "HOAN_THANH"))))));
    assertProblem(stale, 409, "conflict");
    assertThat(row(teacher.get(path).body(), child.studentId())).isEqualTo(after);
  }

  @Test
  void the_secondary_routes_should_answer_a_primary_class_with_a_409_and_the_primary_routes_a_secondary_one() {
    ApiClient primaryTeacher = seeded.as("kd-gv-01");
    ApiClient.Response gradebook = primaryTeacher.get("/v1/classes/kd-2026-1a/gradebook/toan/" + SeededApi.TERM);
    assertProblem(gradebook, 409, "conflict");
    assertThat(gradebook.body().get("detail").asText()).contains("1A").contains("Thông tư 27");
    assertProblem(primaryTeacher.put("/v1/classes/kd-2026-1a/gradebook/toan/" + SeededApi.TERM,
        Map.of("rows", List.of(Map.of("studentId", "kd-hs-0001", "midterm", 8)))), 409, "conflict");

    ApiClient secondaryTeacher = seeded.as(SeededApi.TEACHER_7A1);
    assertProblem(secondaryTeacher.get(evaluations(SeededApi.CLASS_7A1, "toan", SeededApi.TERM)), 409, "conflict");
    assertProblem(secondaryTeacher.get("/v1/classes/" + SeededApi.CLASS_7A1 + "/competencies/" + SeededApi.TERM),
        409, "conflict");
    // A subject the primary programme does not have names no evaluations: 404.
    assertProblem(primaryTeacher.get(evaluations("kd-2026-1a", "ngu-van", SeededApi.TERM)), 404, "not-found");
  }

  @Test
  void the_homeroom_teacher_should_rate_qualities_by_point_and_nominate_at_the_end_of_the_year_only() {
    ApiClient teacher = seeded.as("kd-gv-01");
    String path = "/v1/classes/kd-2026-1a/competencies/2026-2027-HK2";
    JsonNode before = teacher.get(path).body();
    assertThat(before.get("nominations").asBoolean()).isTrue();
    String pupil = before.get("rows").get(1).get("studentId").asText();

    ApiClient.Response saved = teacher.put(path, Map.of("rows", List.of(Map.of("studentId", pupil,
        "points", Map.of("MID_TERM_2", Map.of("ratings", Map.of("cham-chi", "CAN_CO_GANG"), "comment", "Cần cố gắng hơn")),
        "exemplary", Map.of("nominated", true, "reason", "Tiến bộ rõ rệt về đọc")))));

    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    JsonNode row = row(saved.body(), pupil);
    assertThat(row.get("points").get("MID_TERM_2").get("ratings").toString()).isEqualTo("{\"cham-chi\":\"CAN_CO_GANG\"}");
    assertThat(row.get("exemplary").get("reason").asText()).isEqualTo("Tiến bộ rõ rệt về đọc");
    // Only the homeroom teacher rates: the specialist of another class's subjects cannot.
    assertProblem(seeded.as("kd-gv-06").put("/v1/classes/kd-2026-3a/competencies/2026-2027-HK2",
        Map.of("rows", List.of(Map.of("studentId", pupil, "exemplary", Map.of("nominated", false))))), 403, "forbidden");
    List<Map<String, AttributeValue>> audit = stack.dynamo().client().query(QueryRequest.builder()
        .tableName(stack.dynamo().tableName()).keyConditionExpression("pk = :pk and begins_with(sk, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + SeededApi.KIM_DONG + "#ST#" + pupil),
            ":sk", AttributeValue.fromS("AUDIT#COMPETENCY#2026-2027-HK2#")))
        .consistentRead(true).build()).items();
    assertThat(audit.getLast().get("actor").s()).isEqualTo("kd-gv-01");
    assertThat(audit.getLast().get("after").s()).contains("Tiến bộ rõ rệt về đọc");
  }

  @Test
  void the_parent_of_a_pupil_at_each_end_of_year_level_should_read_it_in_the_year_report_with_the_awards() {
    // The homeroom teacher's summary of 5A, the class whose whole year the seed entered.
    ApiClient.Response summary = seeded.as(SeededApi.TEACHER_5A).get("/v1/classes/" + SeededApi.CLASS_5A
        + "/year-summary/2026-2027");
    assertThat(summary.status()).as(summary.text()).isEqualTo(200);
    JsonNode primary = summary.body().get("primary");
    assertThat(summary.body().get("rules").asText()).isEqualTo("TT27/2020");
    assertThat(summary.body().get("complete").asBoolean()).isTrue();
    assertThat(primary.get("evaluations").get("pending").asInt()).isZero();
    for (String count : List.of("hoanThanhXuatSac", "hoanThanhTot", "hoanThanh", "chuaHoanThanh")) {
      assertThat(primary.get("evaluations").get(count).asInt()).as(count).isPositive();
    }
    assertThat(primary.get("awards").get("tieuBieu").asInt()).isEqualTo(1);
    Map<String, String> pupilAt = new HashMap<>();
    String nominee = null;
    for (JsonNode row : primary.get("rows")) {
      pupilAt.putIfAbsent(row.get("evaluation").asText(), row.get("studentId").asText());
      if (row.path("award").asText().equals("TIEU_BIEU")) {
        nominee = row.get("studentId").asText();
      }
    }

    for (var level : pupilAt.entrySet()) {
      String pupil = level.getValue();
      ApiClient.Response response = seeded.as(parentOfPupil(pupil)).get("/v1/students/" + pupil + "/report/2026-2027");
      assertThat(response.status()).as(response.text()).isEqualTo(200);
      JsonNode report = response.body();
      assertThat(report.get("schoolLevel").asText()).isEqualTo("PRIMARY");
      assertThat(report.get("complete").asBoolean()).isTrue();
      assertThat(report.get("pending")).isEmpty();
      JsonNode year = report.get("primary");
      assertThat(year.get("evaluation").asText()).isEqualTo(level.getKey());
      assertThat(year.get("evaluationName").asText()).isNotBlank();
      // What Article 9.2 reads: the end-of-year ratings and tests, every quality and competency.
      int lowestTest = 10;
      boolean allCompletedWell = true;
      boolean anyNotCompleted = false;
      for (JsonNode subject : year.get("subjects")) {
        assertThat(subject.get("points").size()).as(subject.get("subject").asText()).isEqualTo(4);
        JsonNode end = subject.get("points").get("END_OF_YEAR");
        allCompletedWell &= end.get("rating").asText().equals("HOAN_THANH_TOT");
        anyNotCompleted |= end.get("rating").asText().equals("CHUA_HOAN_THANH");
        if (subject.get("testPoints").toString().contains("END_OF_YEAR")) {
          lowestTest = Math.min(lowestTest, end.get("testScore").asInt());
        }
      }
      boolean allQualitiesGood = true;
      for (JsonNode quality : year.get("qualities")) {
        assertThat(quality.get("points").size()).isEqualTo(4);
        allQualitiesGood &= quality.at("/points/END_OF_YEAR/rating").asText().equals("TOT");
      }
      switch (level.getKey()) {
        case "HOAN_THANH_XUAT_SAC" -> {
          assertThat(allCompletedWell && allQualitiesGood).isTrue();
          assertThat(lowestTest).isGreaterThanOrEqualTo(9);
          assertThat(year.get("awards").get(0).get("award").asText()).isEqualTo("XUAT_SAC");
          assertThat(year.get("awards").get(0).get("name").asText()).isEqualTo("Học sinh Xuất sắc");
        }
        case "HOAN_THANH_TOT" -> {
          assertThat(allCompletedWell && allQualitiesGood).isTrue();
          assertThat(lowestTest).isBetween(7, 8); // 9 and up with every quality Tốt would be Hoàn thành xuất sắc
        }
        case "HOAN_THANH" -> assertThat(!allCompletedWell && !anyNotCompleted && lowestTest >= 5).isTrue();
        default -> assertThat(anyNotCompleted || lowestTest < 5).isTrue();
      }
    }
    assertThat(pupilAt).containsOnlyKeys("HOAN_THANH_XUAT_SAC", "HOAN_THANH_TOT", "HOAN_THANH", "CHUA_HOAN_THANH");

    JsonNode nominated = seeded.as(parentOfPupil(nominee)).get("/v1/students/" + nominee + "/report/2026-2027").body();
    assertThat(nominated.at("/primary/evaluation").asText()).isEqualTo("HOAN_THANH_TOT");
    assertThat(nominated.at("/primary/awards/0/award").asText()).isEqualTo("TIEU_BIEU");
    assertThat(nominated.at("/primary/awards/0/reason").asText()).contains("Viết chữ đẹp");
  }

  @Test
  void a_year_still_being_entered_should_say_what_is_missing_and_have_no_evaluation_yet() {
    Child child = childIn("kd-2026-1a", 2);

    ApiClient.Response response = seeded.as(parentOf.get(child.studentId())).withLanguage("en")
        .get("/v1/students/" + child.studentId() + "/report/2026-2027");

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode report = response.body();
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.at("/primary").has("evaluation")).isFalse();
    assertThat(report.at("/primary/awards")).isEmpty();
    List<String> pending = new ArrayList<>();
    report.get("pending").forEach(p -> pending.add(p.asText()));
    // Grade 1 has no foreign language and tests only at the end of a term: the end of the year is all that is missing.
    assertThat(pending).containsExactly(
        "End of the school year: not yet rated in Vietnamese, Mathematics, Ethics, Nature and Society,"
            + " Physical Education, Arts, Experiential Activities.",
        "End of the school year: no periodic test score yet in Vietnamese, Mathematics.",
        "End of the school year: 0 of 15 qualities and competencies rated.");
    // The points entered are there: mid-term 2's ratings.
    assertThat(report.at("/primary/subjects/0/points/MID_TERM_2/rating").asText()).isNotBlank();
  }

  @Test
  void a_test_score_the_schools_settings_no_longer_allow_should_hold_the_evaluation_back_and_be_named() {
    ApiClient office = seeded.as("kd-vp-01");
    ApiClient teacher = seeded.as(SeededApi.TEACHER_5A);
    String settings = "/v1/schools/" + SeededApi.KIM_DONG + "/grading-settings";
    String path = evaluations(SeededApi.CLASS_5A, "tieng-viet", "2026-2027-HK2");
    JsonNode original = teacher.get(path).body().get("rows").get(6);
    String pupil = original.get("studentId").asText();
    try {
      // The school allows a 0, a 0 is entered, and the school goes back to 1-10.
      assertThat(office.put(settings, Map.of("commentRegularCount", 2, "primaryTestScoreMin", 0,
          "primaryCompletedMinTest", 5)).status()).isEqualTo(200);
      ApiClient.Response zero = teacher.put(path, Map.of("rows", List.of(Map.of("studentId", pupil,
          "points", Map.of("END_OF_YEAR", Map.of("rating", "CHUA_HOAN_THANH", "testScore", 0))))));
      assertThat(zero.status()).as(zero.text()).isEqualTo(200);
      assertThat(office.put(settings, Map.of("commentRegularCount", 2, "primaryTestScoreMin", 1,
          "primaryCompletedMinTest", 5)).status()).isEqualTo(200);

      ApiClient.Response report = teacher.get("/v1/students/" + pupil + "/report/2026-2027");

      assertThat(report.status()).as(report.text()).isEqualTo(200);
      assertThat(report.body().at("/primary").has("evaluation")).isFalse();
      assertThat(report.body().get("complete").asBoolean()).isFalse();
      assertThat(report.body().get("pending").get(0).asText())
          .isEqualTo("Cuối năm học: điểm hoặc nhận xét môn Tiếng Việt không còn hợp lệ theo cài đặt đánh giá của nhà"
              + " trường; cần nhập lại.");
    } finally {
      office.put(settings, Map.of("commentRegularCount", 2, "primaryTestScoreMin", 1, "primaryCompletedMinTest", 5));
      assertThat(teacher.put(path, Map.of("rows", List.of(Map.of("studentId", pupil,
          "points", Map.of("END_OF_YEAR", original.get("points").get("END_OF_YEAR")))))).status()).isEqualTo(200);
    }
  }

  /** The parent account of a primary pupil (found through /v1/me, not from the seed's ids). */
  private String parentOfPupil(String studentId) {
    if (!parentOf.containsKey(studentId)) {
      for (DevUser user : stack.users()) {
        if (user.role().equals("PARENT") && user.schoolId().equals(SeededApi.KIM_DONG)) {
          seeded.children(user.id()).forEach(c -> parentOf.putIfAbsent(c.studentId(), user.id()));
          if (parentOf.containsKey(studentId)) {
            break;
          }
        }
      }
    }
    return parentOf.get(studentId);
  }

  private static List<String> errors(ApiClient.Response response) {
    List<String> found = new ArrayList<>();
    response.body().get("errors").forEach(e -> found.add(e.get("field").asText() + " " + e.get("code").asText()));
    return found;
  }

  private static JsonNode row(JsonNode page, String studentId) {
    for (JsonNode row : page.get("rows")) {
      if (row.get("studentId").asText().equals(studentId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + studentId);
  }

  /** The pupil's GRADE items of a term straight from the table, by subject. */
  private Map<String, Map<String, AttributeValue>> storedGrades(String studentId, String term) {
    Map<String, Map<String, AttributeValue>> bySubject = new HashMap<>();
    stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName())
            .keyConditionExpression("pk = :pk and begins_with(sk, :sk)")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + SeededApi.KIM_DONG + "#ST#" + studentId),
                ":sk", AttributeValue.fromS("GRADE#" + term + "#")))
            .consistentRead(true).build())
        .items().forEach(item -> bySubject.put(item.get("subject").s(), item));
    return bySubject;
  }

  private Map<String, AttributeValue> storedItem(String studentId, String sk) {
    return stack.dynamo().client().getItem(r -> r.tableName(stack.dynamo().tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("S#" + SeededApi.KIM_DONG + "#ST#" + studentId),
            "sk", AttributeValue.fromS(sk)))).item();
  }
}
