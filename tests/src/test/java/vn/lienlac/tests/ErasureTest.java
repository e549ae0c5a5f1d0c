package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.functions.identity.RosterEntries;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.privacy.erasure.ErasureService;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.SeededApi.Child;

/**
 * Erasure over HTTP (issue 18, point 4): a seeded guardian with a push device, invoices, a
 * conversation and a leave request, whose phone number the school's roster import recorded,
 * erases their account ({@code DELETE /v1/me}). The first attempt crashes half-way (the sign-in
 * account step fails); the request finishes it. Then a full table dump holds their phone in no
 * spelling and not their name, the child's grades are what they were and the teacher still reads
 * them, the conversation shows the anonymised sender, the token reaches nothing, and a second
 * DELETE changes nothing.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureTest {
  /** A seeded parent no other test uses (a device, invoices; one child at Nguyễn Trãi). */
  static final String GUARDIAN = "nt-ph-004";
  /** The phone the school's import recorded for them, in the spellings a dump must not hold. */
  static final String PHONE = "+84912340004";
  static final List<String> SPELLINGS = List.of(PHONE, "84912340004", "0912340004", "0912 340 004", "912340004");

  private final LocalStack stack;
  private final SeededApi seeded;

  ErasureTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void a_guardian_who_erases_their_account_should_leave_no_phone_or_name_behind_and_the_school_its_records()
      throws Exception {
    ApiClient guardian = seeded.as(GUARDIAN);
    String name = guardian.get("/v1/me").body().get("displayName").asText();
    Child child = seeded.children(GUARDIAN).get(0);
    String teacherId = new RosterRepository(stack.dynamo()).schoolClass(child.schoolId(), child.classId())
        .orElseThrow().homeroomTeacherId();
    ApiClient teacher = seeded.as(teacherId);
    String gradesPath = "/v1/students/" + child.studentId() + "/grades?term=" + SeededApi.TERM;
    JsonNode gradesBefore = teacher.get(gradesPath).body();
    assertThat(gradesBefore.get("subjects")).isNotEmpty();
    assertThat(guardian.get("/v1/students/" + child.studentId() + "/invoices").status()).isEqualTo(200);

    // What the school's roster import recorded about this guardian (docs/ARCHITECTURE.md §3).
    recordedByTheRosterImport(child, name);
    // What they wrote: a message with their phone and name in it, a leave request with their phone.
    ApiClient.Response started = guardian.post("/v1/conversations", Map.of("studentId", child.studentId(),
        "teacherId", teacherId, "clientMessageId", UUID.randomUUID().toString(),
        "text", "Thưa thầy cô, em là " + name + ", số của em là 0912 340 004, thầy cô gọi giúp em ạ."));
    assertThat(started.status()).as(started.text()).isBetween(200, 201);
    String conversation = started.body().at("/conversation/id").asText();
    ApiClient.Response leave = guardian.send("POST", "/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", "2026-11-25", "to", "2026-11-25", "reason", "Cháu ốm; cần gì xin gọi +84 912 340 004"),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(leave.status()).as(leave.text()).isEqualTo(201);

    TableDump before = TableDump.settled(stack);
    assertThat(mentions(before, name)).as("the guardian's name is in the table before").isNotEmpty();
    assertThat(phones(before)).as("their phone is in the table before, in several spellings").hasSizeGreaterThan(3);

    // A first attempt crashes half-way (the sign-in account cannot be deleted): the request finishes it.
    ErasureService crashing = new ErasureService(stack.dynamo(), stack.clock(), new FailingAccounts(), job -> { });
    assertThatThrownBy(() -> crashing.erase(GUARDIAN)).hasMessageContaining("Cognito is down");
    ApiClient.Response erased = guardian.send("DELETE", "/v1/me", null);
    assertThat(erased.status()).as(erased.text()).isEqualTo(204);

    TableDump after = TableDump.settled(stack);
    assertThat(phones(after)).as("items holding their phone number in any spelling").isEmpty();
    assertThat(mentions(after, name)).as("items holding their name").isEmpty();
    assertThat(mentions(after, "USER#" + GUARDIAN)).as("their own partition, but the tombstone")
        .containsExactly("USER#" + GUARDIAN + " | ERASED");

    // The school's records stay, and the teacher reads them as before.
    assertThat(teacher.get(gradesPath).body()).isEqualTo(gradesBefore);
    JsonNode page = teacher.get("/v1/conversations/" + conversation + "/messages").body();
    JsonNode messages = page.get("items");
    JsonNode theirs = messages.get(messages.size() - 1);
    assertThat(theirs.get("senderName").asText()).isEqualTo("Phụ huynh (đã xoá tài khoản)");
    assertThat(theirs.get("senderId").asText()).startsWith("erased-").isEqualTo(ErasureService.pseudonym(GUARDIAN));
    assertThat(theirs.get("text").asText()).isEqualTo(
        "Thưa thầy cô, em là [đã xoá], số của em là [đã xoá], thầy cô gọi giúp em ạ.");
    assertThat(page.get("participants").findValuesAsText("displayName")).contains("Phụ huynh (đã xoá tài khoản)")
        .doesNotContain(name);
    String leaveId = leave.body().get("id").asText();
    JsonNode request = teacher.get("/v1/students/" + child.studentId() + "/leave-requests/" + leaveId).body();
    assertThat(request.toString()).doesNotContain(GUARDIAN).contains("Phụ huynh (đã xoá tài khoản)");

    // The token reaches nothing: no school, no child, no conversation.
    assertThat(guardian.get("/v1/me").body().get("schools")).isEmpty();
    assertThat(guardian.get(gradesPath).status()).isEqualTo(404);
    assertThat(guardian.get("/v1/students/" + child.studentId() + "/invoices").status()).isEqualTo(404);
    assertThat(guardian.get("/v1/conversations/" + conversation + "/messages").status()).isEqualTo(404);

    // A second DELETE (a retry whose answer was lost): 204, and nothing changes.
    assertThat(guardian.send("DELETE", "/v1/me", null).status()).isEqualTo(204);
    assertThat(TableDump.settled(stack).differencesFrom(after)).isEmpty();
  }

  /**
   * The items an import of the child's school leaves for this guardian: the sign-in account of the
   * phone, the child's roster entry naming them, and a chunk of the import's report (a pupil row
   * and an account row). Written as the import writes them (no gsi1 keys on the entry: the seed's
   * school has no imported roster, and other tests' imports there must not see one pupil).
   */
  private void recordedByTheRosterImport(Child child, String name) {
    String guardianEntry = RosterEntries.guardian(PHONE, "MOTHER", name);
    Map<String, AttributeValue> account = new HashMap<>();
    account.put(Keys.PK, s(Keys.phone(PHONE)));
    account.put(Keys.SK, s(Keys.ACCOUNT));
    account.put("type", s("Account"));
    account.put("phone", s(PHONE));
    account.put("sub", s(GUARDIAN));
    account.put("createdAt", s("2026-08-20T02:00:00Z"));
    account.put("version", AttributeValue.fromN("1"));
    put(account);

    Map<String, AttributeValue> profile = stack.dynamo().client().getItem(r -> r.tableName(stack.dynamo().tableName())
        .key(Map.of(Keys.PK, s(Keys.student(child.schoolId(), child.studentId())), Keys.SK, s(Keys.PROFILE)))).item();
    String fullName = profile.get("fullName").s();
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put(Keys.PK, s(Keys.student(child.schoolId(), child.studentId())));
    entry.put(Keys.SK, s(Keys.ROSTER_ENTRY));
    entry.put("type", s("RosterEntry"));
    entry.put("schoolId", s(child.schoolId()));
    entry.put("studentId", s(child.studentId()));
    entry.put("fullName", s(fullName));
    entry.put("classId", s(child.classId()));
    entry.put("schoolYear", s(SeededApi.SCHOOL_YEAR));
    entry.put("guardians", AttributeValue.fromL(List.of(s(guardianEntry))));
    entry.put("status", s("ACTIVE"));
    entry.put("fingerprint", s(RosterEntries.fingerprint(null, null, fullName, null, null, child.classId(), null,
        SeededApi.SCHOOL_YEAR, List.of(guardianEntry), "ACTIVE")));
    entry.put("version", AttributeValue.fromN("1"));
    put(entry);

    String importPartition = Keys.rosterImport(child.schoolId(), "01ERASURETEST");
    Map<String, AttributeValue> chunk = new HashMap<>();
    chunk.put(Keys.PK, s(importPartition));
    chunk.put(Keys.SK, s(Keys.IMPORT_CHUNK + "00000"));
    chunk.put("type", s("ImportChunk"));
    chunk.put("kind", s("PUPILS"));
    chunk.put("rows", s(Json.write(List.of(
        Map.of("row", 2, "kind", "PUPIL", "action", "CREATE", "studentId", child.studentId(), "fullName", fullName,
            "after", Map.of("fullName", fullName, "classId", child.classId(), "guardians", List.of(guardianEntry))),
        Map.of("kind", "ACCOUNT", "action", "CREATE", "phone", PHONE, "fullName", name)))));
    put(chunk);
    Map<String, AttributeValue> rosterImport = new HashMap<>();
    rosterImport.put(Keys.PK, s(importPartition));
    rosterImport.put(Keys.SK, s(Keys.IMPORT));
    rosterImport.put("type", s("RosterImport"));
    rosterImport.put("status", s("DONE"));
    rosterImport.put(Keys.GSI1_PK, s(Keys.schoolImports(child.schoolId())));
    rosterImport.put(Keys.GSI1_SK, s("01ERASURETEST"));
    put(rosterImport);
  }

  /** Keys of the items one of whose values holds the phone, in any spelling (digits with spaces, dots or dashes). */
  private static List<String> phones(TableDump dump) {
    List<String> found = new ArrayList<>();
    dump.items().forEach((key, item) -> {
      String text = key + " " + item;
      String digits = text.replaceAll("(?<=[0-9])[\\s.\\-]+(?=[0-9])", "");
      if (SPELLINGS.stream().anyMatch(text::contains) || digits.contains("912340004")) {
        found.add(key);
      }
    });
    return found;
  }

  private static List<String> mentions(TableDump dump, String text) {
    return dump.items().entrySet().stream()
        .filter(e -> (e.getKey() + " " + e.getValue()).toLowerCase().contains(text.toLowerCase()))
        .map(Map.Entry::getKey).toList();
  }

  private void put(Map<String, AttributeValue> item) {
    stack.dynamo().client().putItem(r -> r.tableName(stack.dynamo().tableName()).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** Cognito unreachable: the erasure stops at its sign-in account step. */
  private static final class FailingAccounts implements AccountDirectory {
    @Override
    public String ensure(String phone, String displayName) {
      throw new IllegalStateException("not used");
    }

    @Override
    public Optional<Account> find(String phone) {
      return Optional.empty();
    }

    @Override
    public void disable(String phone) {}

    @Override
    public void enable(String phone) {}

    @Override
    public void delete(String phone) {
      throw new IllegalStateException("Cognito is down");
    }
  }
}
