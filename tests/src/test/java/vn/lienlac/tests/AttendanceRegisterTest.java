package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;

/**
 * Writes to a class's register for a day: a PUT is a merge (only the pupils it lists change), so
 * two teachers marking at the same time both keep their marks; a {@code version} makes the write
 * conditional (409 when stale, nothing written); a body without {@code marks} is refused; every
 * change leaves an audit entry. Days are Saturdays before the seeded end of term, which the seed
 * does not mark and which are in the past whatever today is.
 */
@ExtendWith(LocalStackExtension.class)
class AttendanceRegisterTest {
  private static final String CLASS = SeededApi.CLASS_6A1;
  /** nt-gv-03 teaches Tin học in 6A1 (a subject teacher, not the homeroom teacher). */
  private static final String SUBJECT_TEACHER_6A1 = SeededApi.TEACHER_7A1;

  private final SeededApi seeded;
  private final ApiClient homeroom;
  private final ApiClient subjectTeacher;
  private final List<String> pupils;

  AttendanceRegisterTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
    this.homeroom = seeded.as(SeededApi.TEACHER_6A1);
    this.subjectTeacher = seeded.as(SUBJECT_TEACHER_6A1);
    this.pupils = seeded.pupils(SeededApi.TEACHER_6A1, CLASS, "toan");
  }

  private static String day(LocalDate date) {
    return "/v1/classes/" + CLASS + "/attendance/" + date;
  }

  private static Map<String, Object> mark(String studentId, String status, String note) {
    Map<String, Object> mark = new LinkedHashMap<>();
    mark.put("studentId", studentId);
    mark.put("status", status);
    if (note != null) {
      mark.put("note", note);
    }
    return mark;
  }

  /** Pupil id → status on the day, as the class's GET answers it. */
  private Map<String, String> statuses(LocalDate date) {
    ApiClient.Response read = homeroom.get(day(date));
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    Map<String, String> statuses = new HashMap<>();
    read.body().get("entries").forEach(e -> statuses.put(e.get("studentId").asText(), e.path("status").asText(null)));
    return statuses;
  }

  @Test
  void twenty_concurrent_marks_of_different_pupils_by_two_teachers_should_all_be_kept() throws Exception {
    LocalDate date = LocalDate.of(2026, 11, 14);
    int writers = 20;
    assertThat(pupils).hasSizeGreaterThan(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        ApiClient teacher = i % 2 == 0 ? homeroom : subjectTeacher;
        Map<String, Object> body = Map.of("marks", List.of(mark(pupils.get(i), "ABSENT_UNEXCUSED", "Vắng " + i)));
        answers.add(pool.submit(() -> {
          start.await();
          return teacher.put(day(date), body);
        }));
      }
      start.countDown();
      for (Future<ApiClient.Response> answer : answers) {
        ApiClient.Response response = answer.get();
        assertThat(response.status()).as(response.text()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, String> statuses = statuses(date);
    long absent = statuses.values().stream().filter("ABSENT_UNEXCUSED"::equals).count();
    System.out.printf("attendance: %d concurrent PUTs by 2 teachers, %d absences kept, %d pupils present%n",
        writers, absent, statuses.values().stream().filter("PRESENT"::equals).count());
    for (int i = 0; i < pupils.size(); i++) {
      assertThat(statuses.get(pupils.get(i))).as(pupils.get(i)).isEqualTo(i < writers ? "ABSENT_UNEXCUSED" : "PRESENT");
    }
    // Every write left its audit entry, and the register's version counts them.
    JsonNode history = homeroom.get(day(date) + "/history").body().get("items");
    assertThat(history).hasSize(writers);
    assertThat(homeroom.get(day(date)).body().get("version").asLong()).isEqualTo(writers);
  }

  @Test
  void a_stale_version_should_be_a_409_that_writes_nothing_and_a_retry_of_a_saved_mark_a_200() {
    LocalDate date = LocalDate.of(2026, 11, 7);
    ApiClient.Response unmarked = homeroom.get(day(date));
    assertThat(unmarked.body().get("marked").asBoolean()).isFalse();
    assertThat(unmarked.body().get("version").asLong()).isZero();

    Map<String, Object> first = Map.of("version", 0, "marks", List.of(mark(pupils.get(0), "LATE", null)));
    ApiClient.Response saved = homeroom.put(day(date), first);
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    assertThat(saved.body().get("version").asLong()).isEqualTo(1);

    // The subject teacher read version 0 too: their write is refused, and says which version is current.
    ApiClient.Response stale = subjectTeacher.withLanguage("en").put(day(date),
        Map.of("version", 0, "marks", List.of(mark(pupils.get(1), "ABSENT_UNEXCUSED", null))));
    assertProblem(stale, 409, "conflict");
    assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
    assertThat(statuses(date).get(pupils.get(1))).isEqualTo("PRESENT");
    assertThat(homeroom.get(day(date) + "/history").body().get("items")).hasSize(1);

    // The app retries the first PUT (its answer was lost): the marks are already there, so 200, no write.
    ApiClient.Response retried = homeroom.put(day(date), first);
    assertThat(retried.status()).as(retried.text()).isEqualTo(200);
    assertThat(retried.body().get("version").asLong()).isEqualTo(1);
    assertThat(homeroom.get(day(date) + "/history").body().get("items")).hasSize(1);
  }

  @Test
  void a_put_should_change_only_the_pupils_it_lists_and_present_should_clear_an_absence() {
    LocalDate date = LocalDate.of(2026, 10, 31);
    assertThat(homeroom.put(day(date), Map.of("marks", List.of(
        mark(pupils.get(0), "ABSENT_UNEXCUSED", "Không báo"), mark(pupils.get(1), "LATE", null)))).status())
        .isEqualTo(200);
    ApiClient.Response second = subjectTeacher.put(day(date), Map.of("marks", List.of(
        mark(pupils.get(1), "PRESENT", null), mark(pupils.get(2), "ABSENT_EXCUSED", "Ốm"))));
    assertThat(second.status()).as(second.text()).isEqualTo(200);

    Map<String, String> statuses = statuses(date);
    assertThat(statuses.get(pupils.get(0))).isEqualTo("ABSENT_UNEXCUSED"); // not listed: kept
    assertThat(statuses.get(pupils.get(1))).isEqualTo("PRESENT"); // cleared
    assertThat(statuses.get(pupils.get(2))).isEqualTo("ABSENT_EXCUSED");
    assertThat(statuses.get(pupils.get(3))).isEqualTo("PRESENT"); // on the roster when the day was marked

    // An empty list records "taken, nothing to change": the register stays as it is.
    ApiClient.Response empty = homeroom.put(day(date), Map.of("marks", List.of()));
    assertThat(empty.status()).as(empty.text()).isEqualTo(200);
    assertThat(statuses(date)).isEqualTo(statuses);

    // The audit, newest first: who changed which pupil from what to what.
    JsonNode history = homeroom.get(day(date) + "/history").body().get("items");
    assertThat(history).hasSize(2);
    JsonNode latest = history.get(0);
    assertThat(latest.get("actor").asText()).isEqualTo(SUBJECT_TEACHER_6A1);
    assertThat(latest.get("changes")).hasSize(2);
    JsonNode cleared = latest.get("changes").get(0);
    assertThat(cleared.get("studentId").asText()).isEqualTo(pupils.get(1));
    assertThat(cleared.get("before").get("status").asText()).isEqualTo("LATE");
    assertThat(cleared.get("after").get("status").asText()).isEqualTo("PRESENT");
    JsonNode created = history.get(1);
    assertThat(created.get("actor").asText()).isEqualTo(SeededApi.TEACHER_6A1);
    assertThat(created.get("changes")).hasSize(pupils.size()); // the day was taken: everyone got a status
    assertThat(created.get("changes")).allSatisfy(c -> assertThat(c.has("before")).isFalse());

    // The history is for those who may read the register (its teachers, the school's staff): not
    // parents, not teachers of other classes or schools.
    assertThat(seeded.as("nt-vp-01").get(day(date) + "/history").body().get("items")).hasSize(2);
    assertProblem(seeded.as("nt-ph-001").get(day(date) + "/history"), 404, "not-found");
    assertProblem(seeded.as("lqd-gv-01").get(day(date) + "/history"), 404, "not-found");
    assertProblem(homeroom.get("/v1/classes/" + SeededApi.CLASS_7A1 + "/attendance/" + date + "/history"),
        404, "not-found");
  }

  @Test
  void a_body_without_marks_should_be_a_422_that_wipes_nothing() {
    LocalDate date = LocalDate.of(2026, 10, 24);
    assertThat(homeroom.put(day(date), Map.of("marks", List.of(mark(pupils.get(0), "ABSENT_UNEXCUSED", null))))
        .status()).isEqualTo(200);

    for (String body : List.of("{}", "{\"marks\": null}", "{\"version\": 1}")) {
      ApiClient.Response refused = homeroom.withLanguage("en").put(day(date), body);
      assertProblem(refused, 422, "validation");
      assertThat(refused.body().get("errors").get(0).get("field").asText()).as(body).isEqualTo("marks");
    }
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tooMany.add(mark("nt-hs-" + i, "ABSENT_UNEXCUSED", null));
    }
    ApiClient.Response refusedUnread = homeroom.put(day(date), Map.of("marks", tooMany));
    assertProblem(refusedUnread, 422, "validation");
    assertThat(refusedUnread.body().get("errors")).hasSize(1);
    assertThat(refusedUnread.body().get("errors").get(0).get("field").asText()).isEqualTo("marks");
    ApiClient.Response nullMark = homeroom.put(day(date), "{\"marks\": [null]}");
    assertProblem(nullMark, 422, "validation");
    assertThat(nullMark.body().get("errors").get(0).get("field").asText()).isEqualTo("marks/0");

    assertThat(statuses(date).get(pupils.get(0))).isEqualTo("ABSENT_UNEXCUSED");
    assertThat(homeroom.get(day(date) + "/history").body().get("items")).hasSize(1);
  }
}
