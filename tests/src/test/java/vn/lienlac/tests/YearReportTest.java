package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;

/**
 * The secondary school year over real HTTP (Circular 22/2021), at Lê Quý Đôn's 6A2 (no other test
 * writes there): the subject teachers enter both terms' marks and the homeroom teacher the conduct
 * of three pupils through the teacher routes, then a parent reads the year report and the homeroom
 * teacher the class summary. Every expected number is worked out by hand below.
 *
 * <p>Pupil P (the parent's child): HK1 every scored subject 9.0 except Toán 8.4, every comment
 * assessment Đạt; HK2 Toán TX 7,7,7,7 GK 7.1 CK 7.7 (65.3 / 9 = 7.2556 → 7.3), KHTN 2.0, the rest
 * 9.0. Conduct HK1 Khá, HK2 Tốt. Pupils Q and R: 9.0 everywhere; conduct Tốt/Tốt (Q) and Tốt/Chưa
 * đạt (R).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearReportTest {
  static final String SCHOOL = SeededApi.LE_QUY_DON;
  static final String CLASS = "lqd-2026-6a2";
  static final String HK1 = SeededApi.SCHOOL_YEAR + "-HK1";
  static final String HK2 = SeededApi.SCHOOL_YEAR + "-HK2";
  static final List<String> SCORED = List.of("toan", "ngu-van", "tieng-anh", "khtn", "lich-su-dia-li", "gdcd",
      "cong-nghe", "tin-hoc");
  static final List<String> COMMENTED = List.of("gdtc", "nghe-thuat", "hdtn-hn", "gddp");

  private final SeededApi seeded;
  private final LocalStack stack;
  /** Subject → its teacher in the class; and the homeroom teacher. */
  private final Map<String, String> teachers = new HashMap<>();
  private String homeroom;
  private String parent;
  private String p;
  private String q;
  private String r;

  YearReportTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @BeforeAll
  void findThePeople() {
    List<String> schoolTeachers = stack.users().stream()
        .filter(u -> u.role().equals("TEACHER") && u.schoolId().equals(SCHOOL)).map(u -> u.id()).toList();
    for (String teacher : schoolTeachers) {
      ApiClient.Response me = seeded.as(teacher).get("/v1/me");
      for (JsonNode school : me.body().get("schools")) {
        for (JsonNode schoolClass : school.get("classes")) {
          if (schoolClass.get("classId").asText().equals(CLASS)) {
            schoolClass.get("subjects").forEach(s -> teachers.put(s.asText(), teacher));
            if (schoolClass.path("homeroom").asBoolean()) {
              homeroom = teacher;
            }
          }
        }
      }
    }
    assertThat(teachers.keySet()).containsAll(SCORED).containsAll(COMMENTED);
    assertThat(homeroom).isNotNull();
    List<String> parents = stack.users().stream()
        .filter(u -> u.role().equals("PARENT") && u.schoolId().equals(SCHOOL)).map(u -> u.id()).toList();
    for (int n = 0; n < parents.size() && parent == null; n++) {
      String candidate = parents.get(n);
      for (SeededApi.Child child : seeded.children(candidate)) {
        if (child.classId().equals(CLASS)) {
          parent = candidate;
          p = child.studentId();
        }
      }
    }
    assertThat(p).as("a parent with a child in " + CLASS).isNotNull();
    List<String> others = new ArrayList<>(seeded.pupils(homeroom, CLASS, "toan"));
    others.remove(p);
    q = others.get(0);
    r = others.get(1);
  }

  @Test
  void a_secondary_parent_should_read_the_year_result_conduct_and_promotion_computed_from_both_terms() {
    ApiClient family = seeded.as(parent);
    String reportPath = "/v1/students/" + p + "/report/" + SeededApi.SCHOOL_YEAR;
    // Before the second term: not final, and the report says what is missing.
    enterFirstTerm();
    JsonNode early = ok(family.get(reportPath));
    assertThat(early.get("complete").asBoolean()).isFalse();
    assertThat(early.get("pending")).extracting(JsonNode::asText).contains("Toán HK2: chưa có điểm cuối kì",
        "Rèn luyện HK2: giáo viên chủ nhiệm chưa đánh giá");
    assertThat(early.at("/secondary/term1Level/level").asText()).isEqualTo("TOT");
    assertThat(early.at("/secondary/yearLevel").isMissingNode()).isTrue();
    assertThat(early.at("/secondary/promotion").isMissingNode()).isTrue();

    enterSecondTerm();
    JsonNode report = ok(family.get(reportPath));

    assertThat(report.get("complete").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("pending")).isEmpty();
    assertThat(report.get("schoolLevel").asText()).isEqualTo("LOWER_SECONDARY");
    JsonNode secondary = report.get("secondary");
    JsonNode toan = subject(secondary, "toan");
    // Rounded term averages first: (8.4 + 2 × 7.3) / 3 = 7.667 → 7.7; from the unrounded 7.2556 it would be 7.6.
    assertThat(toan.get("term1Average").decimalValue()).isEqualByComparingTo("8.4");
    assertThat(toan.get("term2Average").decimalValue()).isEqualByComparingTo("7.3");
    assertThat(toan.get("yearAverage").decimalValue()).isEqualByComparingTo("7.7");
    // (9.0 + 2 × 2.0) / 3 = 4.33 → 4.3
    assertThat(subject(secondary, "khtn").get("yearAverage").decimalValue()).isEqualByComparingTo("4.3");
    assertThat(subject(secondary, "gdtc").get("yearRating").asText()).isEqualTo("DAT");
    // HK2: KHTN 2.0 < 3.5 makes it Chưa đạt, but without KHTN it would be Tốt: Article 9.3 raises it one level.
    assertThat(secondary.at("/term2Level/computed").asText()).isEqualTo("CHUA_DAT");
    assertThat(secondary.at("/term2Level/level").asText()).isEqualTo("DAT");
    assertThat(secondary.at("/term2Level/raisedBecauseOf").asText()).isEqualTo("khtn");
    // The year: KHTN 4.3 < 5.0 keeps it at Đạt; without KHTN it would be Tốt (6 subjects at 9.0): raised to Khá.
    assertThat(secondary.at("/yearLevel/computed").asText()).isEqualTo("DAT");
    assertThat(secondary.at("/yearLevel/level").asText()).isEqualTo("KHA");
    assertThat(secondary.at("/yearLevel/raisedBecauseOf").asText()).isEqualTo("khtn");
    assertThat(secondary.at("/yearLevel/note").asText()).contains("Khoa học tự nhiên").contains("khoản 3 Điều 9");
    // Conduct: HK1 Khá, HK2 Tốt → the year Tốt (Article 8.2.b).
    assertThat(secondary.at("/conduct/term1").asText()).isEqualTo("KHA");
    assertThat(secondary.at("/conduct/term2").asText()).isEqualTo("TOT");
    assertThat(secondary.at("/conduct/year").asText()).isEqualTo("TOT");
    // Absences: every day the registers of the year mark the pupil absent (seeded at random, a few).
    int absent = absentDays(p);
    assertThat(secondary.get("absentSessions").asInt()).isEqualTo(absent);
    // Conduct Tốt, learning Khá, at most 45 sessions absent: promoted; no award (learning is not Tốt).
    assertThat(absent).isLessThanOrEqualTo(45);
    assertThat(secondary.at("/promotion/outcome").asText()).isEqualTo("PROMOTED");
    assertThat(secondary.at("/promotion/reasons")).isEmpty();
    assertThat(secondary.at("/award/award").isMissingNode()).isTrue();
    assertThat(secondary.get("sections")).allSatisfy(s -> assertThat(s.get("complete").asBoolean()).isTrue());

    // The term report shows the derived comment ratings and the adjusted level too.
    JsonNode term2 = ok(family.get("/v1/students/" + p + "/grades?term=" + HK2));
    assertThat(term2.get("level").asText()).isEqualTo("DAT");
    assertThat(term2.get("levelRaisedBecauseOf").asText()).isEqualTo("khtn");
    assertThat(subject(term2, "gdtc").get("rating").asText()).isEqualTo("DAT");
    assertThat(subject(term2, "gdtc").get("regularRatings")).hasSize(2);

    // English.
    JsonNode english = ok(family.withLanguage("en").get(reportPath));
    assertThat(english.at("/secondary/promotion/outcomeName").asText()).isNotBlank()
        .isNotEqualTo(secondary.at("/promotion/outcomeName").asText());

    // The homeroom teacher's summary: P Khá (raised), Q Tốt with Xuất sắc, R Tốt but conduct Chưa đạt.
    JsonNode summary = ok(seeded.as(homeroom).get("/v1/classes/" + CLASS + "/year-summary/" + SeededApi.SCHOOL_YEAR))
        .get("secondary");
    int pupils = summary.get("rows").size();
    assertThat(summary.get("levels").toString())
        .isEqualTo("{\"tot\":2,\"kha\":1,\"dat\":0,\"chuaDat\":0,\"pending\":" + (pupils - 3) + "}");
    assertThat(summary.get("conduct").toString())
        .isEqualTo("{\"tot\":2,\"kha\":0,\"dat\":0,\"chuaDat\":1,\"pending\":" + (pupils - 3) + "}");
    assertThat(summary.get("promotion").toString()).isEqualTo("{\"promoted\":2,\"summerRetest\":0,"
        + "\"summerConductTraining\":1,\"summerBoth\":0,\"keptBack\":0,\"pending\":" + (pupils - 3) + "}");
    assertThat(summary.get("awards").toString()).isEqualTo("{\"xuatSac\":1,\"gioi\":0}");
    JsonNode rowR = row(summary, r);
    assertThat(rowR.get("promotion").asText()).isEqualTo("SUMMER_CONDUCT_TRAINING");
    assertThat(row(summary, q).get("award").asText()).isEqualTo("XUAT_SAC");
    assertThat(row(summary, p).get("raisedBecauseOf").asText()).isEqualTo("khtn");
    // R's own report says why.
    JsonNode reportR = ok(seeded.as(homeroom).get("/v1/students/" + r + "/report/" + SeededApi.SCHOOL_YEAR));
    assertThat(reportR.at("/secondary/promotion/reasons").toString()).isEqualTo("[\"CONDUCT_NOT_PASSED\"]");
    // A subject teacher who is not the homeroom teacher sees the class but not its summary.
    assertProblem(seeded.as(teachers.get("tieng-anh"))
        .get("/v1/classes/" + CLASS + "/year-summary/" + SeededApi.SCHOOL_YEAR), 403, "forbidden");
    assertProblem(family.get("/v1/students/" + p + "/report/2026-2028"), 400, "bad-request");
  }

  @Test
  void a_bad_class_entry_of_conduct_or_comment_assessments_should_be_refused_whole_and_change_nothing() {
    List<String> roster = seeded.pupils(homeroom, CLASS, "toan");
    String pupil = roster.get(roster.size() - 1);
    String other = roster.get(roster.size() - 2);
    TableDump before = TableDump.settled(stack);

    ApiClient.Response conduct = seeded.as(homeroom).put(conductPath(HK1), Map.of("rows", List.of(
        Map.of("studentId", pupil, "conduct", "TOT"),
        Map.of("studentId", "lqd-hs-9999", "conduct", "KHA"),
        Map.of("studentId", other, "conduct", "DAT", "version", -1),
        Map.of("studentId", pupil, "conduct", "DAT"))));
    assertProblem(conduct, 422, "validation");
    assertThat(fields(conduct)).containsExactlyInAnyOrder("rows/1/studentId roster.notInClass",
        "rows/2/version request.badVersion", "rows/3/studentId roster.duplicateRow");

    ApiClient.Response assessments = seeded.as(teachers.get("gdtc")).put(gradebookPath("gdtc", HK1), """
        {"rows":[
          {"studentId":"%s","regularRatings":["DAT","DAT"],"midtermRating":"DAT","finalRating":"DAT"},
          {"studentId":"%s","regularRatings":["DAT","DAT","CHUA_DAT"],"midtermRating":"DAT"},
          {"studentId":"%s","regular":[7],"finalRating":"DAT"},
          {"studentId":"%s","rating":"DAT"}
        ]}""".formatted(pupil, other, roster.get(0), roster.get(1)));
    assertProblem(assessments, 422, "validation");
    assertThat(fields(assessments)).containsExactlyInAnyOrder("rows/1/regularRatings grade.tooManyRegularRatings",
        "rows/2/regular grade.scoresNotAllowed", "rows/3/rating grade.ratingDerived");

    // A subject teacher of the class cannot rate conduct (403), nor can the office (403).
    assertProblem(seeded.as(teachers.get("tieng-anh")).put(conductPath(HK1),
        Map.of("rows", List.of(Map.of("studentId", pupil, "conduct", "TOT")))), 403, "forbidden");
    assertProblem(seeded.as("lqd-vp-01").put(conductPath(HK1),
        Map.of("rows", List.of(Map.of("studentId", pupil, "conduct", "TOT")))), 403, "forbidden");

    assertThat(TableDump.settled(stack).differencesFrom(before)).isEmpty();
  }

  @Test
  void conduct_should_keep_versions_and_an_audit_entry_per_change() {
    List<String> roster = new ArrayList<>(seeded.pupils(homeroom, CLASS, "toan"));
    roster.removeAll(List.of(p, q, r)); // the year test's pupils
    String pupil = roster.get(roster.size() - 1);
    ApiClient teacher = seeded.as(homeroom);
    // The seed enters this term's conduct as the homeroom teacher: count its audit entries first.
    int seededEntries = conductAudit(pupil).size();
    String seededConduct = row(ok(teacher.get(conductPath(HK1))), pupil).path("conduct").asText(null);

    JsonNode first = ok(teacher.put(conductPath(HK1), Map.of("rows", List.of(Map.of("studentId", pupil, "conduct", "KHA")))));
    JsonNode entry = row(first, pupil);
    assertThat(entry.get("conductName").asText()).isEqualTo("Khá");
    long version = entry.get("version").asLong();
    JsonNode again = ok(teacher.put(conductPath(HK1), Map.of("rows", List.of(
        Map.of("studentId", pupil, "conduct", "KHA", "version", version)))));
    assertThat(row(again, pupil).get("version").asLong()).as("the same rating again changes nothing").isEqualTo(version);
    ok(teacher.put(conductPath(HK1), Map.of("rows", List.of(Map.of("studentId", pupil, "conduct", "TOT", "version", version)))));
    assertProblem(teacher.put(conductPath(HK1), Map.of("rows", List.of(
        Map.of("studentId", pupil, "conduct", "DAT", "version", version)))), 409, "conflict");
    // Read by a subject teacher of the class too.
    assertThat(row(ok(seeded.as(teachers.get("tieng-anh")).get(conductPath(HK1))), pupil).get("conduct").asText())
        .isEqualTo("TOT");
    // Two changes, two more audit items: the seed's rating (if any) → KHA, then KHA → TOT; the repeat adds none.
    var audit = conductAudit(pupil);
    assertThat(audit).hasSize(seededEntries + 2);
    var changed = audit.get(seededEntries);
    assertThat(changed.containsKey("before") ? changed.get("before").s() : null).isEqualTo(seededConduct);
    assertThat(changed.get("after").s()).isEqualTo("KHA");
    var last = audit.get(seededEntries + 1);
    assertThat(last.get("before").s() + " → " + last.get("after").s()).isEqualTo("KHA → TOT");
    assertThat(last.get("actor").s()).isEqualTo(homeroom);
    // A term of another school year names no register of this class.
    assertProblem(teacher.get("/v1/classes/" + CLASS + "/conduct/2025-2026-HK2"), 404, "not-found");
  }

  /** A pupil's conduct audit items of HK1, oldest first. */
  private List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> conductAudit(
      String pupil) {
    return stack.dynamo().client().query(b -> b.tableName(stack.dynamo().tableName())
        .keyConditionExpression("pk = :pk and begins_with(sk, :prefix)").consistentRead(true)
        .expressionAttributeValues(Map.of(
            ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("S#" + SCHOOL + "#ST#" + pupil),
            ":prefix", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("AUDIT#CONDUCT#" + HK1 + "#"))))
        .items();
  }

  // --- entering the year through the teacher routes

  private void enterFirstTerm() {
    for (String subject : SCORED) {
      double p1 = subject.equals("toan") ? 8.4 : 9.0;
      put(gradebookPath(subject, HK1), List.of(scored(p, subject, p1, p1, p1), scored(q, subject, 9, 9, 9),
          scored(r, subject, 9, 9, 9)));
    }
    for (String subject : COMMENTED) {
      put(gradebookPath(subject, HK1), List.of(passed(p), passed(q), passed(r)));
    }
    conduct(HK1, Map.of(p, "KHA", q, "TOT", r, "TOT"));
  }

  private void enterSecondTerm() {
    for (String subject : SCORED) {
      Map<String, Object> rowP = switch (subject) {
        case "toan" -> row(p, List.of(7, 7, 7, 7), 7.1, 7.7);
        case "khtn" -> scored(p, subject, 2, 2, 2);
        default -> scored(p, subject, 9, 9, 9);
      };
      put(gradebookPath(subject, HK2), List.of(rowP, scored(q, subject, 9, 9, 9), scored(r, subject, 9, 9, 9)));
    }
    for (String subject : COMMENTED) {
      put(gradebookPath(subject, HK2), List.of(passed(p), passed(q), passed(r)));
    }
    conduct(HK2, Map.of(p, "TOT", q, "TOT", r, "CHUA_DAT"));
  }

  /** Every regular score {@code regular}, the mid-term and end-of-term ones as given. */
  private Map<String, Object> scored(String pupil, String subject, double regular, double midterm, double finalExam) {
    int count = switch (subject) {
      case "toan", "ngu-van", "tieng-anh", "khtn", "lich-su-dia-li" -> 4; // more than 70 periods a year
      default -> 2; // 35 periods a year in grade 6
    };
    List<Object> scores = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      scores.add(regular);
    }
    return row(pupil, scores, midterm, finalExam);
  }

  private static Map<String, Object> row(String pupil, List<?> regular, double midterm, double finalExam) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("studentId", pupil);
    row.put("regular", regular);
    row.put("midterm", midterm);
    row.put("finalExam", finalExam);
    return row;
  }

  /** Two regular assessments (the default settings), the mid-term and the end-of-term one, all Đạt. */
  private static Map<String, Object> passed(String pupil) {
    return Map.of("studentId", pupil, "regularRatings", List.of("DAT", "DAT"), "midtermRating", "DAT",
        "finalRating", "DAT");
  }

  private void put(String path, List<Map<String, Object>> rows) {
    String subject = path.split("/")[5];
    ok(seeded.as(teachers.get(subject)).put(path, Map.of("rows", rows)));
  }

  private void conduct(String term, Map<String, String> ratings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    ratings.forEach((pupil, rating) -> rows.add(Map.of("studentId", pupil, "conduct", rating)));
    ok(seeded.as(homeroom).put(conductPath(term), Map.of("rows", rows)));
  }

  private static String gradebookPath(String subject, String term) {
    return "/v1/classes/" + CLASS + "/gradebook/" + subject + "/" + term;
  }

  private static String conductPath(String term) {
    return "/v1/classes/" + CLASS + "/conduct/" + term;
  }

  /** Days the pupil's attendance (as the family reads it) shows marked absent in the school year. */
  private int absentDays(String pupil) {
    JsonNode days = ok(seeded.as(parent).get("/v1/students/" + pupil + "/attendance?from=2026-08-01&to=2027-07-31"))
        .get("days");
    int absent = 0;
    for (JsonNode day : days) {
      if (day.get("marked").asBoolean() && day.get("status").asText().startsWith("ABSENT")) {
        absent++;
      }
    }
    return absent;
  }

  private static JsonNode ok(ApiClient.Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode subject(JsonNode report, String subject) {
    for (JsonNode s : report.get("subjects")) {
      if (s.get("subject").asText().equals(subject)) {
        return s;
      }
    }
    throw new AssertionError("no subject " + subject);
  }

  private static JsonNode row(JsonNode table, String studentId) {
    for (JsonNode row : table.get("rows")) {
      if (row.get("studentId").asText().equals(studentId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + studentId);
  }

  private static List<String> fields(ApiClient.Response response) {
    List<String> fields = new ArrayList<>();
    response.body().get("errors").forEach(e -> fields.add(e.get("field").asText() + " " + e.get("code").asText()));
    return fields;
  }
}
