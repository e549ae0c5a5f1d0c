package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.roster.accounts.LocalAccountDirectory;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * Roster import over HTTP (issue 15): the office uploads a file, reads the dry run, confirms its
 * counts, and the job (ElasticMQ → the worker) applies it. Each test imports into a school of its
 * own, created here, so that the seed's schools stay untouched and tests do not see each other.
 */
@ExtendWith(LocalStackExtension.class)
class RosterImportTest {
  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final AtomicInteger SCHOOLS = new AtomicInteger();

  /** A small roster: two siblings share both parents' phones (spelled two ways); one row has no name. */
  static final String SMALL = """
      STT,Mã định danh,Họ và tên,Ngày sinh,Giới tính,Lớp,Họ tên cha,SĐT cha,Họ tên mẹ,SĐT mẹ
      1,0100000001,Nguyễn Văn An,05/03/2014,Nam,6A1,Nguyễn Văn Bình,0912345001,Trần Thị Cúc,0912345002
      2,0100000002,Nguyễn Thị Bé,07/08/2014,Nữ,6A1,Nguyễn Văn Bình,+84 912 345 001,Trần Thị Cúc,84.912.345.002
      3,0100000003,Lê Minh Châu,12/12/2014,Nữ,6A2,Lê Văn Dũng,0912345003,,
      4,0100000004,Phạm Quốc Duy,01/01/2014,Nam,6A2,,,Hoàng Thị Em,0912345004
      5,0100000005,,01/01/2014,Nam,6A2,Đỗ Văn Phúc,0912345005,,
      """;

  private final LocalStack stack;
  private final ApiClient api;

  RosterImportTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.api = api;
  }

  /** A new school (2026-2027) with one office account; answers the office's client. */
  record TestSchool(String id, ApiClient office, String staffSub) {}

  TestSchool newSchool(String name) {
    String id = "rt-" + SCHOOLS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    new RosterRepository(stack.dynamo()).createSchool(new School(id, name, SchoolLevel.LOWER_SECONDARY, "Hà Nội",
        "2026-2027"));
    String staff = id + "-vp";
    new DirectoryRepository(stack.dynamo(), stack.clock()).grant(staff, new Caller.RoleGrant(id, Role.STAFF, "Văn phòng"));
    return new TestSchool(id, as(new DevUser(staff, "Văn phòng", "STAFF", id, name, "roster import test")), staff);
  }

  ApiClient as(DevUser user) {
    return api.withToken(stack.issueToken(user, Duration.ofHours(2)));
  }

  /** The parent who owns this phone (E.164), signed in through the dev issuer. */
  ApiClient parent(String phone) {
    return as(new DevUser(LocalAccountDirectory.subFor(phone), "Phụ huynh", "PARENT", null, null, "imported"));
  }

  static ApiClient.Response upload(ApiClient office, String schoolId, byte[] file, String type, String query,
      Map<String, String> headers) {
    Map<String, String> all = new TreeMap<>(headers);
    all.put("Content-Type", type);
    return office.send("POST", "/v1/schools/" + schoolId + "/roster" + (query.isEmpty() ? "" : "?" + query), file, all);
  }

  /** Confirms the dry run's counts and waits for the job; answers the import as it ends. */
  JsonNode confirmAndWait(TestSchool school, JsonNode dryRun) throws Exception {
    String importId = dryRun.get("importId").asText();
    stack.events(); // the queues start in the background: a confirmation sends to them
    ApiClient.Response confirmed = school.office().post("/v1/schools/" + school.id() + "/roster/imports/" + importId
        + "/confirm", Map.of("counts", dryRun.get("counts")));
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(202);
    stack.events().awaitIdle(Duration.ofMinutes(5));
    ApiClient.Response state = school.office().get("/v1/schools/" + school.id() + "/roster/imports/" + importId);
    assertThat(state.status()).as(state.text()).isEqualTo(200);
    return state.body();
  }

  @Test
  void a_small_csv_should_be_planned_confirmed_and_applied_with_one_account_per_parent_phone() throws Exception {
    TestSchool school = newSchool("THCS Thử Nhập");
    byte[] file = SMALL.getBytes(StandardCharsets.UTF_8);

    ApiClient.Response dryRun = upload(school.office(), school.id(), file, CSV, "fileName=lop6.csv", Map.of());
    assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(201);
    JsonNode report = dryRun.body();
    assertThat(dryRun.header("location")).isEqualTo("/v1/schools/" + school.id() + "/roster/imports/"
        + report.get("importId").asText());
    assertThat(report.get("status").asText()).isEqualTo("PLANNED");
    JsonNode counts = report.get("counts");
    assertThat(counts.get("create").asInt()).isEqualTo(4);
    assertThat(counts.get("rejected").asInt()).isEqualTo(1);
    assertThat(counts.get("classesCreated").asInt()).isEqualTo(2);
    assertThat(counts.get("accountsCreated").asInt()).isEqualTo(4);
    assertThat(counts.get("guardiansLinked").asInt()).isEqualTo(6);
    assertThat(report.get("rejections")).hasSize(1);
    assertThat(report.get("rejections").get(0).get("row").asInt()).isEqualTo(6);
    assertThat(report.get("rejections").get(0).get("reasons").get(0).get("code").asText()).isEqualTo("roster.row.nameMissing");
    assertThat(report.get("mapping").findValuesAsText("field")).contains("learnerId", "fullName", "fatherPhone");
    // The dry run wrote nothing but the import: the father has no account in the directory yet.
    assertThat(parent("+84912345001").get("/v1/me").body().get("schools")).isEmpty();

    JsonNode done = confirmAndWait(school, report);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.at("/progress/rowsDone").asInt()).isEqualTo(done.at("/progress/rowsTotal").asInt());

    // One account for the father of two, who sees both children.
    JsonNode me = parent("+84912345001").get("/v1/me").body();
    List<String> children = new ArrayList<>();
    me.findValues("children").forEach(list -> list.forEach(c -> children.add(c.get("fullName").asText())));
    assertThat(children).containsExactlyInAnyOrder("Nguyễn Văn An", "Nguyễn Thị Bé");

    // The same file again: nothing to do, and nothing changes but the new import's own items.
    TableDump before = TableDump.settled(stack);
    ApiClient.Response again = upload(school.office(), school.id(), file, CSV, "", Map.of());
    assertThat(again.status()).as(again.text()).isEqualTo(201);
    assertThat(again.body().at("/counts/unchanged").asInt()).isEqualTo(4);
    assertThat(again.body().at("/counts/create").asInt()).isZero();
    assertThat(confirmAndWait(school, again.body()).get("status").asText()).isEqualTo("DONE");
    List<String> changes = TableDump.settled(stack).differencesFrom(before).stream()
        .filter(d -> !d.contains("#IMPORT#" + again.body().get("importId").asText() + " | ")).toList();
    assertThat(changes).as("a second import of the same file").isEmpty();
  }
}
