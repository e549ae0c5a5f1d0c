package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.tests.SeededApi.Child;

/** A parent reads their own children's records, and nobody else's (404, like a missing pupil). */
@ExtendWith(LocalStackExtension.class)
class ParentRecordsTest {
  private static final String PARENT = "nt-ph-002";
  private static final String OTHER_PARENT = "nt-ph-003";

  private final SeededApi seeded;
  private ApiClient parent;
  private Child child;

  ParentRecordsTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  @BeforeEach
  void signIn() {
    parent = seeded.as(PARENT);
    child = seeded.children(PARENT).get(0);
  }

  @Test
  void parent_should_read_their_childs_term_report_with_circular_22_averages() {
    ApiClient.Response report = parent.get("/v1/students/" + child.studentId() + "/grades?term=" + SeededApi.TERM);

    assertThat(report.status()).as(report.text()).isEqualTo(200);
    JsonNode body = report.body();
    assertThat(body.get("studentId").asText()).isEqualTo(child.studentId());
    assertThat(body.get("rules").asText()).isEqualTo("TT22/2021");
    assertThat(body.get("subjects")).hasSize(12);
    for (JsonNode subject : body.get("subjects")) {
      if (subject.get("kind").asText().equals("SCORED")) {
        // ĐTBmhk = (ΣTX + 2·GK + 3·CK) / (nTX + 5), rounded half-up to one decimal.
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode tx : subject.get("regular")) {
          sum = sum.add(tx.decimalValue());
        }
        assertThat(subject.get("regular")).hasSize(subject.get("requiredRegularCount").asInt());
        sum = sum.add(subject.get("midterm").decimalValue().multiply(BigDecimal.TWO))
            .add(subject.get("finalExam").decimalValue().multiply(BigDecimal.valueOf(3)));
        BigDecimal expected = sum.divide(BigDecimal.valueOf(subject.get("regular").size() + 5L), 1, RoundingMode.HALF_UP);
        assertThat(subject.get("average").decimalValue()).as(subject.get("subject").asText()).isEqualByComparingTo(expected);
      } else {
        assertThat(subject.get("rating").asText()).isIn("DAT", "CHUA_DAT");
      }
    }
    assertThat(body.get("level").asText()).isIn("TOT", "KHA", "DAT", "CHUA_DAT");
    assertThat(body.get("levelName").asText()).isIn("Tốt", "Khá", "Đạt", "Chưa đạt");
  }

  @Test
  void parent_should_read_their_childs_attendance_for_a_date_range() {
    ApiClient.Response attendance = parent.get(
        "/v1/students/" + child.studentId() + "/attendance?from=2026-10-01&to=2026-10-31");

    assertThat(attendance.status()).as(attendance.text()).isEqualTo(200);
    JsonNode days = attendance.body().get("days");
    assertThat(days.size()).isEqualTo(22); // the school days (Mon-Fri) of October 2026
    days.forEach(day -> assertThat(day.get("date").asText()).startsWith("2026-10-"));
    JsonNode summary = attendance.body().get("summary");
    assertThat(summary.get("present").asInt() + summary.get("late").asInt() + summary.get("absentExcused").asInt()
        + summary.get("absentUnexcused").asInt()).isEqualTo(22);
  }

  @Test
  void a_child_of_another_family_in_the_same_school_should_answer_404_like_a_missing_pupil() {
    String otherChild = seeded.children(OTHER_PARENT).stream()
        .filter(c -> c.schoolId().equals(child.schoolId()))
        .map(Child::studentId)
        .filter(id -> seeded.children(PARENT).stream().noneMatch(c -> c.studentId().equals(id)))
        .findFirst().orElseThrow();

    for (String path : List.of("/grades?term=" + SeededApi.TERM, "/attendance", "/leave-requests")) {
      ApiClient.Response forbidden = parent.get("/v1/students/" + otherChild + path);
      ApiClient.Response missing = parent.get("/v1/students/nt-hs-9999" + path);
      assertProblem(forbidden, 404, "not-found");
      assertProblem(missing, 404, "not-found");
      assertThat(forbidden.body().get("detail")).isEqualTo(missing.body().get("detail"));
    }
  }

  @Test
  void a_pupil_of_another_school_should_answer_404() {
    String otherSchoolPupil = seeded.pupils("lqd-gv-01", SeededApi.LQD_6A1, "toan").get(5);

    assertProblem(parent.get("/v1/students/" + otherSchoolPupil + "/grades"), 404, "not-found");
    assertProblem(parent.get("/v1/students/" + otherSchoolPupil + "/attendance"), 404, "not-found");
    assertProblem(parent.post("/v1/students/" + otherSchoolPupil + "/leave-requests",
        "{\"from\":\"2026-12-01\",\"to\":\"2026-12-01\",\"reason\":\"x\"}"), 404, "not-found");
  }

  @Test
  void a_parent_with_children_in_two_schools_should_see_both_in_me() {
    List<Child> children = seeded.children("nt-ph-001");

    assertThat(children).extracting(Child::schoolId).contains(SeededApi.NGUYEN_TRAI, SeededApi.LE_QUY_DON);
    children.forEach(c -> assertThat(seeded.as("nt-ph-001")
        .get("/v1/students/" + c.studentId() + "/grades?term=" + SeededApi.TERM).status()).isEqualTo(200));
  }

  @Test
  void a_malformed_term_should_be_a_400_that_shows_the_expected_form_in_english_when_asked() {
    ApiClient.Response response = parent.withLanguage("en")
        .get("/v1/students/" + child.studentId() + "/grades?term=HK1");

    assertProblem(response, 400, "bad-request");
    assertThat(response.body().get("errors").get(0).get("message").asText()).contains("2026-2027-HK1")
        .isEqualTo(Messages.get(Messages.ENGLISH, "request.badTerm", "HK1"))
        .isNotEqualTo(Messages.get(Messages.VIETNAMESE, "request.badTerm", "HK1"));
  }
}
