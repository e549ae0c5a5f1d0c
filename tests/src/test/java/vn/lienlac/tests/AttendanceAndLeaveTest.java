package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.SeededApi.Child;

/**
 * Attendance and leave requests together: a teacher marks a day, a parent asks for leave, the
 * homeroom teacher decides, and the absence reads as excused. Dates are relative to today (Vietnam),
 * because the API refuses future attendance and leave too far back or ahead.
 */
@ExtendWith(LocalStackExtension.class)
class AttendanceAndLeaveTest {
  private final SeededApi seeded;

  AttendanceAndLeaveTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  /** The most recent weekday before today. */
  private static LocalDate lastWeekday() {
    LocalDate day = SeededApi.today().minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }

  @Test
  void teacher_marks_a_day_and_the_parent_sees_it() {
    Child child = childInClass("nt-ph-", SeededApi.CLASS_7A1);
    ApiClient teacher = seeded.as(SeededApi.TEACHER_7A1);
    LocalDate day = LocalDate.of(2026, 11, 21); // a Saturday the seed did not mark

    ApiClient.Response marked = teacher.put("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/" + day,
        Map.of("marks", List.of(Map.of("studentId", child.studentId(), "status", "LATE", "note", "Xe buýt đến muộn"))));

    assertThat(marked.status()).as(marked.text()).isEqualTo(200);
    assertThat(marked.body().get("marked").asBoolean()).isTrue();
    marked.body().get("entries").forEach(e -> assertThat(e.get("status").asText())
        .isEqualTo(e.get("studentId").asText().equals(child.studentId()) ? "LATE" : "PRESENT"));
    JsonNode days = seeded.as(parentOf(child)).get("/v1/students/" + child.studentId() + "/attendance?from=" + day
        + "&to=" + day).body().get("days");
    assertThat(days).hasSize(1);
    assertThat(days.get(0).get("status").asText()).isEqualTo("LATE");
    assertThat(days.get(0).get("note").asText()).isEqualTo("Xe buýt đến muộn");
  }

  @Test
  void attendance_for_a_future_day_or_a_pupil_of_another_class_should_be_refused_and_change_nothing() {
    ApiClient teacher = seeded.as(SeededApi.TEACHER_7A1);
    String tomorrow = SeededApi.today().plusDays(1).toString();
    String stranger = seeded.pupils(SeededApi.TEACHER_6A1, SeededApi.CLASS_6A1, "toan").get(0);

    assertProblem(teacher.put("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/" + tomorrow,
        Map.of("marks", List.of())), 422, "validation");
    ApiClient.Response wrongPupil = teacher.put("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/2026-11-20",
        Map.of("marks", List.of(Map.of("studentId", stranger, "status", "ABSENT_UNEXCUSED"))));
    assertProblem(wrongPupil, 422, "validation");
    assertThat(wrongPupil.body().get("errors").get(0).get("field").asText()).isEqualTo("marks/0/studentId");
    assertThat(teacher.get("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/" + tomorrow).body().get("marked")
        .asBoolean()).isFalse();
    // Teachers of other classes, and parents, cannot mark it at all.
    assertProblem(seeded.as(SeededApi.TEACHER_6A1).put("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/2026-11-20",
        Map.of("marks", List.of())), 404, "not-found");
    assertProblem(seeded.as("nt-ph-002").put("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/2026-11-20",
        Map.of("marks", List.of())), 404, "not-found");
  }

  @Test
  void an_approved_leave_request_should_excuse_the_marked_absence_and_be_decided_only_once() {
    Child child = childInClass("nt-ph-", SeededApi.CLASS_6A2);
    ApiClient parent = seeded.as(parentOf(child));
    ApiClient homeroom = seeded.as("nt-gv-02"); // homeroom teacher of 6A2
    LocalDate day = lastWeekday();
    String key = UUID.randomUUID().toString();
    Map<String, Object> draft = Map.of("from", day.toString(), "to", day.toString(),
        "reason", "Cha\u0301u bi\u0323 sô\u0301t"); // decomposed (NFD) Vietnamese, as some keyboards send it

    ApiClient.Response created = parent.send("POST", "/v1/students/" + child.studentId() + "/leave-requests",
        draft, Map.of("Idempotency-Key", key));
    ApiClient.Response retried = parent.send("POST", "/v1/students/" + child.studentId() + "/leave-requests",
        draft, Map.of("Idempotency-Key", key));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("location")).endsWith(created.body().get("id").asText());
    assertThat(created.body().get("reason").asText()).isEqualTo("Cháu bị sốt"); // stored NFC
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.body().get("id")).isEqualTo(created.body().get("id"));
    String id = created.body().get("id").asText();
    assertThat(parent.get("/v1/students/" + child.studentId() + "/leave-requests").body().get("items"))
        .filteredOn(r -> r.get("id").asText().equals(id)).hasSize(1);

    // The homeroom teacher marks the day absent, sees the pending request, and approves it.
    assertThat(homeroom.put("/v1/classes/" + SeededApi.CLASS_6A2 + "/attendance/" + day, Map.of("marks",
        List.of(Map.of("studentId", child.studentId(), "status", "ABSENT_UNEXCUSED")))).status()).isEqualTo(200);
    assertThat(homeroom.get("/v1/classes/" + SeededApi.CLASS_6A2 + "/leave-requests?status=PENDING").body().get("items"))
        .anySatisfy(r -> assertThat(r.get("id").asText()).isEqualTo(id));
    // Who can read the request but is not the homeroom teacher is told so: a Toán teacher of 6A2, the office.
    assertProblem(seeded.as(SeededApi.TEACHER_6A1).patch("/v1/leave-requests/" + id,
        Map.of("status", "APPROVED")), 403, "forbidden");
    assertProblem(seeded.as("nt-vp-01").patch("/v1/leave-requests/" + id, Map.of("status", "APPROVED")), 403, "forbidden");
    assertProblem(seeded.as("nt-vp-01").patch("/v1/leave-requests/01JZZZZZZZZZZZZZZZZZZZZZZZ",
        Map.of("status", "APPROVED")), 404, "not-found");
    assertProblem(seeded.as("lqd-vp-01").patch("/v1/leave-requests/" + id, Map.of("status", "APPROVED")), 404, "not-found");
    assertProblem(homeroom.patch("/v1/leave-requests/" + id, Map.of("status", "DECLINED")), 422, "validation");
    ApiClient.Response approved = homeroom.patch("/v1/leave-requests/" + id, Map.of("status", "APPROVED", "note", "Đã nhận"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
    assertProblem(homeroom.patch("/v1/leave-requests/" + id, Map.of("status", "DECLINED", "note", "x")), 409, "conflict");

    JsonNode days = parent.get("/v1/students/" + child.studentId() + "/attendance?from=" + day + "&to=" + day)
        .body().get("days");
    assertThat(days).hasSize(1);
    assertThat(days.get(0).get("status").asText()).isEqualTo("ABSENT_EXCUSED");
    assertThat(days.get(0).get("leaveRequestId").asText()).isEqualTo(id);
  }

  @Test
  void taking_the_day_without_listing_a_pupil_on_approved_leave_should_record_them_absent_with_leave() {
    // Today (a Saturday the seed did not mark) in 6A2: nobody has taken the day yet.
    Child child = childInClass("nt-ph-", SeededApi.CLASS_6A2);
    ApiClient parent = seeded.as(parentOf(child));
    ApiClient homeroom = seeded.as("nt-gv-02"); // homeroom teacher of 6A2
    LocalDate today = SeededApi.today();
    String day = "/v1/classes/" + SeededApi.CLASS_6A2 + "/attendance/" + today;
    ApiClient.Response created = parent.post("/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", today.toString(), "to", today.toString(), "reason", "Đi khám răng"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.body().get("id").asText();
    assertThat(homeroom.patch("/v1/leave-requests/" + id, Map.of("status", "APPROVED")).status()).isEqualTo(200);
    assertThat(homeroom.get(day).body().get("marked").asBoolean()).isFalse();

    // "Everyone present" (an empty list) takes the day; the pupil on leave was not listed.
    ApiClient.Response taken = homeroom.put(day, Map.of("marks", List.of()));

    assertThat(taken.status()).as(taken.text()).isEqualTo(200);
    assertThat(taken.body().get("marked").asBoolean()).isTrue();
    taken.body().get("entries").forEach(e -> assertThat(e.get("status").asText()).as(e.toString())
        .isEqualTo(e.get("studentId").asText().equals(child.studentId()) ? "ABSENT_EXCUSED" : "PRESENT"));
    JsonNode days = parent.get("/v1/students/" + child.studentId() + "/attendance?from=" + today + "&to=" + today)
        .body().get("days");
    assertThat(days).hasSize(1);
    assertThat(days.get(0).get("status").asText()).isEqualTo("ABSENT_EXCUSED");
    assertThat(days.get(0).get("leaveRequestId").asText()).isEqualTo(id);
    // Listing the pupil as present (they came after all) is what the teacher says, and stays.
    ApiClient.Response came = homeroom.put(day, Map.of("marks",
        List.of(Map.of("studentId", child.studentId(), "status", "PRESENT"))));
    assertThat(came.body().get("entries")).filteredOn(e -> e.get("studentId").asText().equals(child.studentId()))
        .singleElement().satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("PRESENT"));
  }

  @Test
  void a_leave_request_with_bad_dates_or_no_reason_should_be_a_422_naming_each_field() {
    Child child = childInClass("nt-ph-", SeededApi.CLASS_6A1);
    ApiClient parent = seeded.as(parentOf(child)).withLanguage("en");
    LocalDate today = SeededApi.today();

    ApiClient.Response response = parent.post("/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", today.plusDays(3).toString(), "to", today.toString(), "reason", "  "));

    assertProblem(response, 422, "validation");
    assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("to", "reason");
    assertThat(parent.get("/v1/students/" + child.studentId() + "/leave-requests").body().get("items"))
        .noneSatisfy(r -> assertThat(r.get("from").asText()).isEqualTo(today.plusDays(3).toString()));
  }

  @Test
  void only_a_parent_can_ask_for_leave_and_teachers_cannot_read_other_classes_requests() {
    String pupil = seeded.pupils(SeededApi.TEACHER_7A1, SeededApi.CLASS_7A1, "toan").get(0);
    String day = SeededApi.today().plusDays(7).toString();

    assertProblem(seeded.as(SeededApi.TEACHER_7A1).post("/v1/students/" + pupil + "/leave-requests",
        Map.of("from", day, "to", day, "reason", "x")), 403, "forbidden");
    assertProblem(seeded.as(SeededApi.TEACHER_6A1).get("/v1/classes/" + SeededApi.CLASS_7A1 + "/leave-requests"),
        404, "not-found");
    assertProblem(seeded.as("nt-gv-05").get("/v1/classes/" + SeededApi.CLASS_7A1 + "/leave-requests"),
        403, "forbidden"); // teaches 7A1 but is not its homeroom teacher
  }

  /** A Nguyễn Trãi pupil of the class, with a parent account, found through the parents' /v1/me. */
  private Child childInClass(String parentPrefix, String classId) {
    for (int n = 1; n < 200; n++) {
      String parent = parentPrefix + String.format("%03d", n);
      for (Child child : seeded.children(parent)) {
        if (child.classId().equals(classId) && !usedChildren.contains(child.studentId())) {
          usedChildren.add(child.studentId());
          parents.put(child.studentId(), parent);
          return child;
        }
      }
    }
    throw new AssertionError("no parent with a child in " + classId);
  }

  private String parentOf(Child child) {
    return parents.get(child.studentId());
  }

  private final java.util.Set<String> usedChildren = new java.util.HashSet<>();
  private final java.util.Map<String, String> parents = new java.util.HashMap<>();
}
