package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.privacy.retention.RetentionFunction;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Role;

/**
 * Retention (issue 18, point 4): a pupil the roster import marks as left keeps their records for the
 * school's retention period (here 1 day), then they expire: the daily {@link RetentionFunction} sets
 * {@code expiresAt} (DynamoDB's TTL) on their items, and once the expiry has passed takes their
 * entries out of the class's attendance registers, where their classmates' marks stay.
 */
@ExtendWith(LocalStackExtension.class)
class RetentionTest {
  private final LocalStack stack;
  private final RosterImportTest imports;

  RetentionTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.imports = new RosterImportTest(stack, api);
  }

  @Test
  void a_pupil_who_left_should_expire_after_the_schools_retention_period_registers_included() throws Exception {
    RosterImportTest.TestSchool school = imports.newSchool("THCS Lưu Trữ");
    String prefix = RosterImportTest.newPrefix();
    JsonNode first = RosterImportTest.upload(school.office(), school.id(),
        RosterImportTest.small(prefix).getBytes(StandardCharsets.UTF_8), RosterImportTest.CSV, "", Map.of()).body();
    assertThat(imports.confirmAndWait(school, first).get("status").asText()).isEqualTo("DONE");
    String duy = studentOf(school.id(), "0100000004"); // leaves with next year's file
    String chau = studentOf(school.id(), "0100000003"); // stays; same class (6A2)
    String classId = "2026-6a2";

    // A register of 6A2 with a mark for each of them.
    String teacherSub = school.id() + "-gv";
    DirectoryRepository directory = new DirectoryRepository(stack.dynamo(), stack.clock());
    directory.grant(teacherSub, new Caller.RoleGrant(school.id(), Role.TEACHER, "Thầy Minh"));
    directory.grant(teacherSub, new Caller.HomeroomGrant(school.id(), classId));
    directory.grant(teacherSub, new Caller.TeachingGrant(school.id(), classId, "toan"));
    ApiClient teacher = imports.as(new DevUser(teacherSub, "Thầy Minh", "TEACHER", school.id(), "", "retention test"));
    String register = "/v1/classes/" + classId + "/attendance/2026-11-20";
    ApiClient.Response marked = teacher.put(register, Map.of("marks", List.of(
        Map.of("studentId", duy, "status", "LATE", "note", "Muộn 5 phút"),
        Map.of("studentId", chau, "status", "ABSENT_EXCUSED", "note", "Ốm"))));
    assertThat(marked.status()).as(marked.text()).isEqualTo(200);

    // The school keeps the records of pupils who left for one day; next year's file: Duy left.
    stack.dynamo().client().putItem(r -> r.tableName(stack.dynamo().tableName()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.school(school.id())), Keys.SK, AttributeValue.fromS(Keys.RETENTION_SETTINGS),
        "type", AttributeValue.fromS("RetentionSettings"), "leftPupilRetentionDays", AttributeValue.fromN("1"))));
    JsonNode next = RosterImportTest.upload(school.office(), school.id(),
        RosterImportTest.nextYear(prefix).getBytes(StandardCharsets.UTF_8), RosterImportTest.CSV, "schoolYear=2027-2028",
        Map.of()).body();
    assertThat(imports.confirmAndWait(school, next).get("status").asText()).isEqualTo("DONE");
    Map<String, AttributeValue> profile = item(Keys.student(school.id(), duy), Keys.PROFILE);
    assertThat(profile.get("status").s()).isEqualTo("LEFT");
    LocalDate leftAt = LocalDate.parse(profile.get("leftAt").s());
    long expiry = leftAt.plusDays(1).atStartOfDay(SchoolTime.ZONE).toEpochSecond();

    // Today's run: every item of Duy's but the profile gets expiresAt; the profile enters the index.
    run(stack.clock());
    List<Map<String, AttributeValue>> items = partition(Keys.student(school.id(), duy));
    assertThat(items).extracting(i -> i.get(Keys.SK).s()).contains(Keys.PROFILE, Keys.ROSTER_ENTRY)
        .anyMatch(sk -> sk.startsWith(Keys.ENROLMENT));
    for (Map<String, AttributeValue> item : items) {
      if (item.get(Keys.SK).s().equals(Keys.PROFILE)) {
        assertThat(item.get(Keys.GSI1_PK).s()).isEqualTo(Keys.leftPupils(school.id()));
        assertThat(item.get(Keys.GSI1_SK).s()).isEqualTo(leftAt.plusDays(1) + "#" + duy);
        assertThat(item).doesNotContainKey("expiresAt");
      } else {
        assertThat(item.get("expiresAt")).as(item.get(Keys.SK).s()).isEqualTo(AttributeValue.fromN(Long.toString(expiry)));
      }
    }
    assertThat(partition(Keys.student(school.id(), chau))).allSatisfy(i -> assertThat(i).doesNotContainKey("expiresAt"));
    assertThat(teacher.get(register).body().get("entries").findValuesAsText("studentId")).contains(duy, chau);

    // Two days after leaving: Duy leaves the register; Châu's mark stays as it was.
    JsonNode before = teacher.get(register).body();
    run(Clock.fixed(leftAt.plusDays(2).atTime(4, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    Map<String, AttributeValue> att = item(Keys.schoolClass(school.id(), classId), Keys.ATTENDANCE + "2026-11-20");
    assertThat(att.get("roster").l()).extracting(AttributeValue::s).doesNotContain(duy).contains(chau);
    assertThat(att.get("statuses").m()).doesNotContainKey(duy).containsEntry(chau, AttributeValue.fromS("ABSENT_EXCUSED"));
    assertThat(att.get("notes").m()).doesNotContainKey(duy).containsKey(chau);
    JsonNode after = teacher.get(register).body();
    assertThat(after.get("entries").findValuesAsText("studentId")).doesNotContain(duy).contains(chau);
    assertThat(entry(after, chau)).isEqualTo(entry(before, chau));
    assertThat(item(Keys.student(school.id(), duy), Keys.PROFILE).get("expiresAt"))
        .isEqualTo(AttributeValue.fromN(Long.toString(expiry)));
    assertThat(item(Keys.schoolClass(school.id(), classId), Keys.MEMBER + duy)).isNull();
  }

  private void run(Clock clock) {
    Dynamo dynamo = stack.dynamo();
    Environment env = Environment.of(Map.of("AWS_REGION", "ap-southeast-1", "TABLE_NAME", dynamo.tableName(),
        "AWS_ENDPOINT_URL_DYNAMODB", dynamo.client().serviceClientConfiguration().endpointOverride().orElseThrow().toString(),
        Dynamo.LOCAL_CREDENTIALS, "true"));
    new RetentionFunction(env, clock).handleRequest(Map.of(), null);
  }

  private static JsonNode entry(JsonNode register, String studentId) {
    for (JsonNode entry : register.get("entries")) {
      if (entry.get("studentId").asText().equals(studentId)) {
        return entry;
      }
    }
    return null;
  }

  private String studentOf(String schoolId, String learnerId) {
    return item(Keys.learner(schoolId, learnerId), Keys.REF).get("studentId").s();
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    var answer = stack.dynamo().client().getItem(b -> b.tableName(stack.dynamo().tableName()).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk))));
    return answer.hasItem() ? answer.item() : null;
  }

  private List<Map<String, AttributeValue>> partition(String pk) {
    return stack.dynamo().client().query(b -> b.tableName(stack.dynamo().tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
  }
}
