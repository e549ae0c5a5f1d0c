package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.common.SchoolTime;

/**
 * The demo world as the tests see it, over HTTP: clients signed in as demo users, and lookups that
 * find pupils through the API itself (a parent's /v1/me, a teacher's gradebook) instead of
 * hard-coding seed ids.
 */
final class SeededApi {
  static final String TERM = "2026-2027-HK1";
  static final String SCHOOL_YEAR = "2026-2027";
  static final String NGUYEN_TRAI = "thcs-nguyen-trai";
  static final String LE_QUY_DON = "thcs-le-quy-don";
  /** nt-gv-01: homeroom teacher of 6A1, teaches Toán in 6A1 and 6A2. */
  static final String TEACHER_6A1 = "nt-gv-01";
  /** nt-gv-03: homeroom teacher of 7A1, teaches Toán in 7A1 and Tin học everywhere. */
  static final String TEACHER_7A1 = "nt-gv-03";
  static final String CLASS_6A1 = "nt-2026-6a1";
  static final String CLASS_6A2 = "nt-2026-6a2";
  static final String CLASS_7A1 = "nt-2026-7a1";
  static final String LQD_6A1 = "lqd-2026-6a1";
  // The primary school (issue 16, Circular 27/2020): one class per grade, kd-2026-1a … kd-2026-5a.
  static final String KIM_DONG = "th-kim-dong";
  /** kd-gv-05: homeroom teacher of 5A, whose whole school year the seed entered. */
  static final String TEACHER_5A = "kd-gv-05";
  static final String CLASS_4A = "kd-2026-4a";
  static final String CLASS_5A = "kd-2026-5a";

  private final LocalStack stack;
  private final ApiClient anonymous;

  SeededApi(LocalStack stack, ApiClient anonymous) {
    this.stack = stack;
    this.anonymous = anonymous;
  }

  ApiClient as(String userId) {
    return anonymous.withToken(stack.issueToken(userId, Duration.ofHours(1)));
  }

  /** The children a parent's /v1/me lists, as (schoolId, studentId, classId). */
  List<Child> children(String parentId) {
    ApiClient.Response me = as(parentId).get("/v1/me");
    assertThat(me.status()).isEqualTo(200);
    List<Child> children = new ArrayList<>();
    for (JsonNode school : me.body().get("schools")) {
      for (JsonNode child : school.get("children")) {
        children.add(new Child(school.get("schoolId").asText(), child.get("studentId").asText(),
            child.get("classId").asText()));
      }
    }
    return children;
  }

  /** The pupils of a class, through a teacher who may read its gradebook. */
  List<String> pupils(String teacherId, String classId, String subject) {
    ApiClient.Response book = as(teacherId).get("/v1/classes/" + classId + "/gradebook/" + subject + "/" + TERM);
    assertThat(book.status()).as(book.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    book.body().get("rows").forEach(row -> ids.add(row.get("studentId").asText()));
    return ids;
  }

  /** The pupils of a primary class (issue 16), through a teacher of the class (its qualities and competencies). */
  List<String> pupilsOf(String teacherId, String classId) {
    ApiClient.Response page = as(teacherId).get("/v1/classes/" + classId + "/competencies/" + TERM);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.body().get("rows").forEach(row -> ids.add(row.get("studentId").asText()));
    return ids;
  }

  LocalStack stack() {
    return stack;
  }

  /** Today in Vietnam on the stack's clock, not the machine's: the demo world's today. */
  static LocalDate today() {
    return LocalDate.ofInstant(LocalStackExtension.NOW, SchoolTime.ZONE);
  }

  record Child(String schoolId, String studentId, String classId) {}

  static void assertProblem(ApiClient.Response response, int status, String type) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(response.body().path("type").asText()).isEqualTo("https://lienlac.vn/problems/" + type);
    assertThat(response.body().path("detail").asText()).isNotBlank();
  }
}
