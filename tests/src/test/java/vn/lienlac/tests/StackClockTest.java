package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.tests.SeededApi.Child;

/**
 * The whole stack runs on the clock the tests give it ({@link LocalStackExtension#NOW}), not on the
 * machine's: the functions' today, the token issuer's and the gateway's now.
 */
@ExtendWith(LocalStackExtension.class)
class StackClockTest {
  private final LocalStack stack;
  private final SeededApi seeded;

  StackClockTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void the_demo_worlds_today_should_be_the_stacks_today() {
    assertThat(SeededApi.today()).isEqualTo(LocalDate.of(2026, 11, 21)).isEqualTo(SchoolTime.today(stack.clock()));
  }

  @Test
  void me_should_name_each_schools_level_and_the_term_today_falls_in() {
    ApiClient.Response me = seeded.as("nt-ph-001").get("/v1/me");

    assertThat(me.status()).as(me.text()).isEqualTo(200);
    String term = vn.lienlac.model.records.TermId.containing(SchoolTime.today(stack.clock())).toString();
    assertThat(term).isEqualTo("2026-2027-HK1");
    java.util.Map<String, String> levels = new java.util.TreeMap<>();
    for (var school : me.body().get("schools")) {
      assertThat(school.get("currentTerm").asText()).as(school.toString()).isEqualTo(term);
      levels.put(school.get("schoolId").asText(), school.get("schoolLevel").asText());
    }
    assertThat(levels).containsEntry(SeededApi.NGUYEN_TRAI, "LOWER_SECONDARY");
  }

  @Test
  void a_pupils_attendance_should_end_today_on_the_stacks_clock_by_default() {
    Child child = seeded.children("nt-ph-001").getFirst();

    ApiClient.Response report = seeded.as("nt-ph-001").get("/v1/students/" + child.studentId() + "/attendance");

    assertThat(report.status()).as(report.text()).isEqualTo(200);
    assertThat(report.body().get("to").asText()).isEqualTo(SeededApi.today().toString());
  }

  @Test
  void dev_tokens_should_be_issued_and_checked_on_the_stacks_clock() {
    ApiClient anonymous = new ApiClient(stack.baseUri());
    // Valid for an hour after the stack's now: long expired on any machine running this after that.
    String token = stack.issueToken("nt-ph-001", Duration.ofHours(1));

    ApiClient.Response issued = anonymous.get("/dev/token?user=nt-ph-001");
    Instant expiresAt = OffsetDateTime.parse(issued.body().get("expiresAt").asText()).toInstant();

    assertThat(anonymous.withToken(token).get("/v1/me").status()).isEqualTo(200);
    assertThat(Duration.between(LocalStackExtension.NOW, expiresAt))
        .isBetween(Duration.ofHours(12), Duration.ofHours(13));
  }
}
