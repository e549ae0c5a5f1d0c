package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.cli.PrivacyCommand;

/**
 * The breach runbook's command (docs/PRIVACY.md): {@code ./lienlac privacy affected} against the
 * local stack's table, over access-log entries this test writes in the documented key format
 * (COMMON decisions, docs/ARCHITECTURE.md §3): pk {@code ACCESS#S#{school}#ST#{student}} or
 * {@code ACCESS#S#{school}#C#{class}}, sk {@code {instant millis}#{requestId}#{n}}, gsi1pk
 * {@code ACCESS#S#{school}}, gsi1sk = sk. In October 2026, a month no other test writes to.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyAffectedCommandTest {
  private static final String NT = SeededApi.NGUYEN_TRAI;
  private static final String LQD = "thcs-le-quy-don";
  private static final String LEAKED_TEACHER = "nt-gv-01";
  private final LocalStack stack;
  private String pupil;
  private String otherClassPupil;
  private Set<String> classMembers;

  PrivacyAffectedCommandTest(LocalStack stack) {
    this.stack = stack;
  }

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new java.util.ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--table", stack.dynamo().tableName(), "--endpoint",
        stack.dynamo().client().serviceClientConfiguration().endpointOverride().orElseThrow().toString(), "--local"));
    int exit = new PrivacyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Set<String> members(String school, String classId) {
    return stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + school + "#C#" + classId),
            ":m", AttributeValue.fromS("MEMBER#"))).build())
        .items().stream().map(i -> i.get("sk").s().substring("MEMBER#".length())).collect(Collectors.toCollection(TreeSet::new));
  }

  private void entry(String school, String scope, String at, String requestId, String actor, String role, String what,
      String resource) {
    String sk = at + "#" + requestId + "#0";
    Map<String, AttributeValue> item = new HashMap<>(Map.of(
        "pk", AttributeValue.fromS("ACCESS#S#" + school + "#" + scope), "sk", AttributeValue.fromS(sk),
        "gsi1pk", AttributeValue.fromS("ACCESS#S#" + school), "gsi1sk", AttributeValue.fromS(sk),
        "type", AttributeValue.fromS("AccessLog"), "actorId", AttributeValue.fromS(actor),
        "role", AttributeValue.fromS(role), "action", AttributeValue.fromS("READ"),
        "what", AttributeValue.fromS(what), "resource", AttributeValue.fromS(resource)));
    item.put("requestId", AttributeValue.fromS(requestId));
    item.put("at", AttributeValue.fromS(at));
    stack.dynamo().client().putItem(r -> r.tableName(stack.dynamo().tableName()).item(item)
        .conditionExpression("attribute_not_exists(pk)"));
  }

  @BeforeAll
  void writeAccessLogEntries() {
    classMembers = members(NT, SeededApi.CLASS_7A1);
    Set<String> other = members(NT, "nt-2026-6a2");
    assertThat(classMembers).hasSizeGreaterThan(10);
    otherClassPupil = other.stream().filter(p -> !classMembers.contains(p)).findFirst().orElseThrow();
    pupil = other.stream().filter(p -> !classMembers.contains(p) && !p.equals(otherClassPupil)).findFirst().orElseThrow();
    // In the window: the leaked teacher reads one pupil's grades, a staff member the whole of 7A1's attendance.
    entry(NT, "ST#" + pupil, "2026-10-01T02:00:00.000Z", "req-a", LEAKED_TEACHER, "TEACHER", "grades",
        "GET /v1/students/{studentId}/grades " + pupil);
    entry(NT, "C#" + SeededApi.CLASS_7A1, "2026-10-01T03:30:00.000Z", "req-b", "nt-vp-01", "STAFF", "attendance",
        "GET /v1/classes/{classId}/attendance " + SeededApi.CLASS_7A1);
    // Outside: before the window, and another school in the window.
    entry(NT, "ST#" + otherClassPupil, "2026-09-30T23:59:59.999Z", "req-c", LEAKED_TEACHER, "TEACHER", "grades",
        "GET /v1/students/{studentId}/grades " + otherClassPupil);
    entry(LQD, "ST#lqd-hs-0001", "2026-10-01T02:00:00.000Z", "req-d", "lqd-gv-01", "TEACHER", "grades",
        "GET /v1/students/{studentId}/grades lqd-hs-0001");
  }

  private static List<Map<String, String>> csv(String text) {
    List<String> lines = text.lines().toList();
    String[] header = lines.get(0).split(",");
    return lines.stream().skip(1).map(line -> {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      return row;
    }).toList();
  }

  private Set<String> guardiansOf(String studentId) {
    return stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName()).indexName("gsi1")
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :g)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + NT + "#ST#" + studentId),
            ":g", AttributeValue.fromS("GUARDIAN#"))).build())
        .items().stream().map(i -> i.get("userId").s()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void affected_should_list_every_pupil_read_in_the_window_with_their_guardians_and_nothing_outside_it() {
    Run run = run("affected", "--school", NT, "--from", "2026-10-01T00:00", "--to", "2026-10-02T00:00");
    assertThat(run.exit()).as(run.err()).isZero();
    List<Map<String, String>> rows = csv(run.out());
    Set<String> expected = new TreeSet<>(classMembers);
    expected.add(pupil);
    Set<String> listed = rows.stream().map(r -> r.get("studentId")).collect(Collectors.toCollection(TreeSet::new));
    System.out.printf("Privacy affected: %d entries in the window -> %d pupils, %d rows (pupil x guardian); %s%n",
        2, listed.size(), rows.size(), run.err().strip());
    assertThat(listed).as("the pupil read alone and every member of the class read whole").isEqualTo(expected)
        .doesNotContain(otherClassPupil, "lqd-hs-0001");
    assertThat(rows.stream().filter(r -> r.get("studentId").equals(pupil)).map(r -> r.get("guardianSub")))
        .as("the pupil's guardians, as their grants name them").containsExactlyInAnyOrderElementsOf(guardiansOf(pupil))
        .isNotEmpty();
    assertThat(rows).filteredOn(r -> r.get("studentId").equals(pupil)).allSatisfy(r -> {
      assertThat(r.get("what")).isEqualTo("grades");
      assertThat(r.get("actors")).isEqualTo(LEAKED_TEACHER + "(TEACHER)");
      assertThat(r.get("firstAt")).isEqualTo("2026-10-01T02:00:00.000Z");
    });
    assertThat(rows).filteredOn(r -> classMembers.contains(r.get("studentId")))
        .allSatisfy(r -> assertThat(r.get("what")).isEqualTo("attendance"));
    assertThat(run.out()).as("no names or phones without --with-contacts").doesNotContainPattern("\\+84|\\p{L}+ \\p{L}+");
  }

  @Test
  void a_leaked_actor_should_narrow_the_list_to_what_that_account_read_and_contacts_should_add_names_only() {
    Run run = run("affected", "--school", NT, "--from", "2026-10-01T00:00:00Z", "--to", "2026-10-02T00:00:00Z",
        "--actor", LEAKED_TEACHER, "--with-contacts", "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(run.out());
    } catch (Exception e) {
      throw new AssertionError(run.out(), e);
    }
    assertThat(json.path("entries").asInt()).isEqualTo(1);
    assertThat(json.path("pupils").asInt()).isEqualTo(1);
    assertThat(json.path("rows")).allSatisfy(row -> {
      assertThat(row.path("studentId").asText()).isEqualTo(pupil);
      assertThat(row.path("guardianName").asText()).as("the guardian's display name").contains(" ");
    });
    assertThat(run.out()).doesNotContain("+84");

    Run bad = run("affected", "--school", NT, "--from", "yesterday", "--to", "2026-10-02T00:00:00Z");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--from must be a UTC instant");
  }
}
