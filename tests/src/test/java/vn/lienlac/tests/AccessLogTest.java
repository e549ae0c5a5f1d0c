package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.identity.Role;
import vn.lienlac.tests.SeededApi.Child;

/**
 * The access log (issue 18) over real HTTP: a teacher's or the office's read of a pupil's records
 * is one entry the pupil's guardians see; a whole-class read is one entry each pupil's guardians
 * see; a family's own reads are not logged; the school's data-protection officer sees the school's
 * log with filters; no route changes or deletes an entry.
 */
@ExtendWith(LocalStackExtension.class)
class AccessLogTest {
  private static final String TEACHER = SeededApi.TEACHER_7A1; // homeroom and Toán of 7A1
  private static final String OFFICE = "nt-vp-01";
  private static final String DPO = "nt-dpo-01";
  private static final String SCHOOL = SeededApi.NGUYEN_TRAI;

  private final SeededApi seeded;
  private final LocalStack stack;
  /** Two pupils of 7A1 of two families, and a parent of each. */
  private String pupil;
  private String parent;
  private String otherPupil;
  private String otherParent;

  AccessLogTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @BeforeEach
  void families() {
    for (int n = 1; n < 200 && otherParent == null; n++) {
      String candidate = "nt-ph-" + String.format("%03d", n);
      for (Child child : seeded.children(candidate)) {
        if (!child.classId().equals(SeededApi.CLASS_7A1) || (parent != null && child.studentId().equals(pupil))) {
          continue;
        }
        if (parent == null) {
          parent = candidate;
          pupil = child.studentId();
        } else if (!candidate.equals(parent)) {
          otherParent = candidate;
          otherPupil = child.studentId();
        }
        break;
      }
    }
    assertThat(otherParent).as("two families of 7A1").isNotNull();
  }

  @Test
  void a_teachers_read_of_one_pupils_grades_should_add_exactly_one_entry_that_the_guardian_sees() {
    List<JsonNode> before = log(parent, pupil);

    ApiClient.Response grades = seeded.as(TEACHER).get("/v1/students/" + pupil + "/grades?term=" + SeededApi.TERM);

    assertThat(grades.status()).as(grades.text()).isEqualTo(200);
    List<JsonNode> after = log(parent, pupil);
    assertThat(after).hasSize(before.size() + 1);
    JsonNode entry = after.getFirst();
    assertThat(entry.get("actorId").asText()).isEqualTo(TEACHER);
    assertThat(entry.get("actorName").asText()).isNotBlank();
    assertThat(entry.get("role").asText()).isEqualTo("TEACHER");
    assertThat(entry.get("roleName").asText()).isEqualTo("Giáo viên");
    assertThat(entry.get("action").asText()).isEqualTo("READ");
    assertThat(entry.get("what").asText()).isEqualTo("grades");
    assertThat(entry.get("whatName").asText()).isEqualTo("Điểm số");
    assertThat(entry.get("studentId").asText()).isEqualTo(pupil);
    assertThat(entry.get("resource").asText()).isEqualTo("/v1/students/" + pupil + "/grades");
    assertThat(entry.get("requestId").asText()).isNotBlank();
    assertThat(entry.get("at").asText()).endsWith("+07:00");
  }

  @Test
  void a_class_gradebook_read_should_add_one_class_entry_that_each_pupils_guardian_sees() {
    List<JsonNode> pupilBefore = log(parent, pupil);
    List<JsonNode> otherBefore = log(otherParent, otherPupil);
    List<JsonNode> schoolBefore = schoolLog("actorId=" + TEACHER);

    ApiClient.Response book = seeded.as(TEACHER).get("/v1/classes/" + SeededApi.CLASS_7A1 + "/gradebook/toan/"
        + SeededApi.TERM);

    assertThat(book.status()).as(book.text()).isEqualTo(200);
    for (List<JsonNode> after : List.of(log(parent, pupil), log(otherParent, otherPupil))) {
      JsonNode entry = after.getFirst();
      assertThat(entry.path("classId").asText()).isEqualTo(SeededApi.CLASS_7A1);
      assertThat(entry.has("studentId")).isFalse();
      assertThat(entry.get("what").asText()).isEqualTo("grades");
      assertThat(entry.get("resource").asText()).isEqualTo("/v1/classes/" + SeededApi.CLASS_7A1 + "/gradebook/toan/"
          + SeededApi.TERM);
    }
    assertThat(log(parent, pupil)).hasSize(pupilBefore.size() + 1);
    assertThat(log(otherParent, otherPupil)).hasSize(otherBefore.size() + 1);
    // One entry for the request, not one per pupil of the class.
    assertThat(schoolLog("actorId=" + TEACHER)).hasSize(schoolBefore.size() + 1);
  }

  @Test
  void a_parents_own_read_should_add_no_entry() {
    List<JsonNode> before = log(parent, pupil);

    ApiClient family = seeded.as(parent);
    assertThat(family.get("/v1/students/" + pupil + "/grades?term=" + SeededApi.TERM).status()).isEqualTo(200);
    assertThat(family.get("/v1/students/" + pupil + "/attendance?from=2026-10-01&to=2026-10-31").status()).isEqualTo(200);
    assertThat(family.get("/v1/students/" + pupil + "/invoices").status()).isEqualTo(200);

    assertThat(log(parent, pupil)).hasSize(before.size());
  }

  @Test
  void an_office_read_of_invoices_should_add_one_entry_that_another_guardian_cannot_see() {
    List<JsonNode> before = log(parent, pupil);

    ApiClient.Response invoices = seeded.as(OFFICE).get("/v1/students/" + pupil + "/invoices");

    assertThat(invoices.status()).as(invoices.text()).isEqualTo(200);
    List<JsonNode> after = log(parent, pupil);
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.getFirst().get("actorId").asText()).isEqualTo(OFFICE);
    assertThat(after.getFirst().get("role").asText()).isEqualTo("STAFF");
    assertThat(after.getFirst().get("what").asText()).isEqualTo("invoices");
    assertProblem(seeded.as(otherParent).get("/v1/students/" + pupil + "/access-log"), 404, "not-found");
    // The pupil's teacher and the office see the pupil, not who looked.
    assertProblem(seeded.as(TEACHER).get("/v1/students/" + pupil + "/access-log"), 403, "forbidden");
    assertProblem(seeded.as(OFFICE).get("/v1/students/" + pupil + "/access-log"), 403, "forbidden");
  }

  @Test
  void the_dpo_should_see_the_schools_log_with_filters_and_be_seen_reading_a_pupils() {
    // Someone else looks too, so that a filter that filtered nothing would show.
    assertThat(seeded.as(TEACHER).get("/v1/students/" + pupil + "/leave-requests").status()).isEqualTo(200);
    ApiClient office = seeded.as(OFFICE);
    assertThat(office.get("/v1/students/" + pupil + "/grades?term=" + SeededApi.TERM).status()).isEqualTo(200);
    assertThat(office.get("/v1/students/" + pupil + "/attendance?from=2026-11-01&to=2026-11-20").status())
        .isEqualTo(200);
    String today = SeededApi.today().toString();

    List<JsonNode> byOffice = schoolLog("actorId=" + OFFICE);
    assertThat(byOffice).isNotEmpty().allSatisfy(e -> assertThat(e.get("actorId").asText()).isEqualTo(OFFICE));
    assertThat(byOffice.getFirst().get("what").asText()).isEqualTo("attendance");
    List<JsonNode> ofPupil = schoolLog("studentId=" + pupil);
    assertThat(ofPupil).isNotEmpty().allSatisfy(e -> assertThat(e.path("studentId").asText(e.path("classId").asText()))
        .isIn(pupil, SeededApi.CLASS_7A1));
    assertThat(schoolLog("from=2026-01-01&to=2026-01-31")).isEmpty();
    List<JsonNode> all = schoolLog("");
    assertThat(all).extracting(e -> e.get("actorId").asText()).contains(OFFICE, TEACHER);
    assertThat(all).extracting(e -> e.get("at").asText()).isSortedAccordingTo((a, b) -> b.compareTo(a));

    // Pages: limit 1 walks the same entries as one page; a changed cursor is a 400.
    ApiClient dpo = seeded.as(DPO);
    JsonNode first = dpo.get(schoolPath("actorId=" + OFFICE + "&from=" + today + "&limit=1")).body();
    assertThat(first.get("items")).hasSize(1);
    String next = first.get("next").asText();
    JsonNode second = dpo.get(schoolPath("actorId=" + OFFICE + "&from=" + today + "&limit=1&cursor=" + next)).body();
    assertThat(second.get("items").get(0).get("requestId").asText())
        .isNotEqualTo(first.get("items").get(0).get("requestId").asText());
    assertProblem(dpo.get(schoolPath("actorId=" + OFFICE + "&from=" + today + "&limit=1&cursor=" + next + "x")),
        400, "bad-request");
    assertProblem(dpo.get(schoolPath("from=2026-11-21&to=2026-11-20")), 400, "bad-request");
    assertProblem(dpo.get(schoolPath("actorId=" + "a%23b")), 400, "bad-request");
    // Only the DPO: the office sees the school (403), another school's DPO does not (404).
    assertProblem(seeded.as(OFFICE).get(schoolPath("")), 403, "forbidden");
    assertProblem(seeded.as("lqd-dpo-01").get(schoolPath("")), 404, "not-found");

    // The DPO reading a pupil's log is itself an entry the family sees.
    List<JsonNode> before = log(parent, pupil);
    assertThat(dpo.get("/v1/students/" + pupil + "/access-log").status()).isEqualTo(200);
    List<JsonNode> after = log(parent, pupil);
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.getFirst().get("role").asText()).isEqualTo("DPO");
    assertThat(after.getFirst().get("what").asText()).isEqualTo("access-log");
  }

  @Test
  void no_route_should_change_or_delete_an_entry() throws IOException {
    assertThat(seeded.as(TEACHER).get("/v1/students/" + pupil + "/leave-requests").status()).isEqualTo(200);
    List<JsonNode> before = log(parent, pupil);
    Set<String> spec = new TreeSet<>(OpenApi.read().byRouteKey().keySet());

    for (String path : List.of("/v1/students/{studentId}/access-log", "/v1/schools/{schoolId}/access-log")) {
      String concrete = path.replace("{studentId}", pupil).replace("{schoolId}", SCHOOL);
      for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
        assertThat(spec).as("openapi.yaml has no " + method + " " + path).doesNotContain(method + " " + path);
        for (String who : List.of(parent, DPO, OFFICE)) {
          ApiClient.Response response = seeded.as(who).send(method, concrete, Map.of("actorId", "nobody"));
          assertThat(response.status()).as(method + " " + concrete + " as " + who + ": " + response.text()).isIn(404, 405);
        }
      }
    }

    assertThat(log(parent, pupil)).isEqualTo(before);
  }

  @Test
  void writing_an_entry_should_cost_one_put_and_the_figure_is_printed() {
    // Not an assertion on time (tests never assert wall-clock times): a rough figure for the report.
    AccessLog writer = new AccessLog(stack.dynamo(), stack.clock());
    Caller office = new Caller(OFFICE, List.of(new Caller.RoleGrant(SCHOOL, Role.STAFF, "Văn phòng")));
    long[] nanos = new long[30];
    long[] reads = new long[nanos.length];
    for (int i = 0; i < nanos.length; i++) {
      APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
          .withRouteKey("GET /v1/students/{studentId}/grades").withPathParameters(Map.of("studentId", pupil))
          .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("bench-" + i).build())
          .build();
      long started = System.nanoTime();
      writer.pupil(ApiRequest.from(event), office, SCHOOL, pupil, SeededApi.CLASS_7A1, AccessLog.What.GRADES);
      nanos[i] = System.nanoTime() - started;
      // Beside it, for scale: one GetItem of the pupil's profile on the same table, at the same moment.
      started = System.nanoTime();
      stack.dynamo().client().getItem(b -> b.tableName(stack.dynamo().tableName()).key(Map.of(
          "pk", AttributeValue.fromS("S#" + SCHOOL + "#ST#" + pupil), "sk", AttributeValue.fromS("PROFILE"))));
      reads[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    Arrays.sort(reads);
    System.out.printf("Access log: one PutItem per logged request, median %.1f ms, p90 %.1f ms; a GetItem beside it:"
        + " median %.1f ms (%d each, DynamoDB Local on a loaded machine)%n", nanos[nanos.length / 2] / 1e6,
        nanos[nanos.length * 9 / 10] / 1e6, reads[reads.length / 2] / 1e6, nanos.length);
    assertThat(log(parent, pupil)).filteredOn(e -> e.get("requestId").asText().startsWith("bench-")).hasSize(30);
  }

  /** The pupil's whole log of today as one of their parents sees it (every page), newest first. */
  private List<JsonNode> log(String parentId, String studentId) {
    return pages(seeded.as(parentId), "/v1/students/" + studentId + "/access-log?from=" + SeededApi.today() + "&limit=100");
  }

  /** The school's log of today as its DPO sees it (every page), with more filters. */
  private List<JsonNode> schoolLog(String filters) {
    List<String> query = new ArrayList<>(List.of("limit=100"));
    if (!filters.contains("from=")) {
      query.add("from=" + SeededApi.today());
    }
    if (!filters.isEmpty()) {
      query.add(filters);
    }
    return pages(seeded.as(DPO), schoolPath(String.join("&", query)));
  }

  private static String schoolPath(String query) {
    return "/v1/schools/" + SCHOOL + "/access-log?" + query;
  }

  private static List<JsonNode> pages(ApiClient client, String path) {
    List<JsonNode> entries = new ArrayList<>();
    String next = null;
    do {
      ApiClient.Response page = client.get(next == null ? path : path + "&cursor=" + next);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.body().get("items").forEach(entries::add);
      next = page.body().hasNonNull("next") ? page.body().get("next").asText() : null;
    } while (next != null);
    return entries;
  }
}
