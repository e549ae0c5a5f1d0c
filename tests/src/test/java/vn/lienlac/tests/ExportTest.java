package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.SeededApi.Child;

/**
 * The data export over HTTP (issue 18, point 3): a seeded guardian of two children asks for an export, the
 * worker builds it (ElasticMQ's poller), the link downloads a zip once, and the archive holds every item of
 * that family and nothing of another, compared with a table dump (a consistent Scan of DynamoDB Local: test-only).
 *
 * <p>The family's items, plainly: an item is the family's when one of its keys ({@code pk}, {@code sk},
 * {@code gsi1pk}, {@code gsi1sk}, split at {@code #}) names the guardian's sub or one of their children's ids,
 * except items of another person's directory partition ({@code USER#{other}}: a co-guardian's grant names the
 * child, but it is the co-guardian's account). Every such item must be in export.json under the same key. A
 * register ({@code S#{school}#C#{class}} / {@code ATT#{date}}) names no child in its key: each register whose
 * roster holds a child must be in the export under its key with that child's mark alone.
 */
@ExtendWith(LocalStackExtension.class)
class ExportTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Phones this test gives the guardian and a co-guardian (the seed has no sign-in accounts). */
  private static final String OWN_PHONE = "+84912000111";
  private static final String CO_GUARDIAN_PHONE = "+84912000222";

  private final LocalStack stack;
  private final SeededApi seeded;

  ExportTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
    stack.events(); // the queues start in the background: the export's job message needs them
  }

  /** A Nguyễn Trãi parent with two children in two classes. */
  private String parentOfTwo() {
    return IntStream.range(1, 300).mapToObj("nt-ph-%03d"::formatted)
        .filter(id -> {
          List<Child> children = seeded.children(id);
          return children.size() == 2 && !children.get(0).classId().equals(children.get(1).classId());
        })
        .findFirst().orElseThrow();
  }

  @Test
  void a_guardian_should_get_one_archive_with_every_item_of_their_family_and_nothing_of_another()
      throws Exception {
    String guardian = parentOfTwo();
    List<Child> children = seeded.children(guardian);
    Child first = children.getFirst();
    // The seed has no roster entries or sign-in accounts: give the first child one whose guardians are this
    // guardian and a co-guardian, and both their accounts (what a roster import writes).
    putRosterFixture(first, guardian);
    // Other tests of this JVM (the authorization matrix) may have exported for this guardian within the hour.
    stack.dynamo().client().deleteItem(r -> r.tableName(stack.dynamo().tableName()).key(Map.of(
        "pk", s(Keys.user(guardian)), "sk", s(Keys.EXPORT_LATEST))));

    ApiClient.Response requested = seeded.as(guardian).post("/v1/me/export", Map.of("language", "vi"));
    assertThat(requested.status()).as(requested.text()).isEqualTo(202);
    String id = requested.body().get("id").asText();
    assertThat(requested.header("location")).isEqualTo("/v1/me/exports/" + id);
    assertThat(requested.body().get("requestedAt").asText()).endsWith("+07:00");
    assertThat(requested.body().get("status").asText()).isIn("QUEUED", "RUNNING", "READY");
    ApiClient.Response again = seeded.as(guardian).post("/v1/me/export", Map.of("language", "vi"));
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("id").asText()).as("a second request finds the first job").isEqualTo(id);

    String other = IntStream.range(1, 300).mapToObj("nt-ph-%03d"::formatted).filter(p -> !p.equals(guardian))
        .findFirst().orElseThrow();
    ApiClient.Response foreign = seeded.as(other).get("/v1/me/exports/" + id);
    SeededApi.assertProblem(foreign, 404, "not-found");

    stack.events().awaitIdle(Duration.ofSeconds(60));
    ApiClient.Response ready = seeded.as(guardian).get("/v1/me/exports/" + id);
    assertThat(ready.status()).as(ready.text()).isEqualTo(200);
    assertThat(ready.body().get("status").asText()).isEqualTo("READY");
    URI link = URI.create(ready.body().get("downloadUrl").asText());
    assertThat(ready.body().get("linkExpiresAt").asText()).endsWith("+07:00");
    ApiClient.Response handedOut = seeded.as(guardian).get("/v1/me/exports/" + id);
    assertThat(handedOut.body().get("status").asText()).isEqualTo("DOWNLOADED");
    assertThat(handedOut.body().path("downloadUrl").isMissingNode() || handedOut.body().get("downloadUrl").isNull())
        .as("the link is handed out once").isTrue();

    HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(link).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> second = HTTP.send(HttpRequest.newBuilder(link).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(second.statusCode()).as("the link works once").isEqualTo(410);

    Map<String, byte[]> archive = unzip(download.body());
    assertThat(archive).containsOnlyKeys("export.json", "export.pdf");
    String json = new String(archive.get("export.json"), StandardCharsets.UTF_8);
    String pdf = pdfText(archive.get("export.pdf"));
    assertThat(pdf).contains("Dữ liệu cá nhân của bạn trên Lienlac", "Điểm danh", "Hồ sơ học sinh");
    JsonNode export = ApiClient.READER.readTree(json);
    Map<String, JsonNode> exported = new LinkedHashMap<>();
    export.get("sections").forEach(section -> section.forEach(item ->
        exported.put(item.get("pk").asText() + " | " + item.get("sk").asText(), item)));

    TableDump dump = TableDump.of(stack.dynamo());
    Set<String> family = new TreeSet<>();
    Set<String> ids = new LinkedHashSet<>();
    ids.add(guardian);
    children.forEach(c -> ids.add(c.studentId()));
    dump.items().forEach((key, item) -> {
      String pk = item.get("pk").s();
      if (pk.startsWith("USER#") && !pk.equals(Keys.user(guardian))) {
        return; // another person's account (a co-guardian's grant names the child)
      }
      for (String attribute : List.of("pk", "sk", "gsi1pk", "gsi1sk")) {
        AttributeValue value = item.get(attribute);
        if (value != null && value.s() != null && List.of(value.s().split("#")).stream().anyMatch(ids::contains)) {
          family.add(key);
        }
      }
    });
    assertThat(family).as("the family's items in the table").hasSizeGreaterThan(50);
    assertThat(family.stream().filter(k -> !exported.containsKey(k)).toList())
        .as("items of the family missing from export.json").isEmpty();

    // Registers: each register holding a child is there, with that child's mark alone.
    int registers = 0;
    for (var entry : dump.items().entrySet()) {
      Map<String, AttributeValue> item = entry.getValue();
      if (!item.get("sk").s().startsWith("ATT#") || !item.containsKey("roster")) {
        continue;
      }
      for (Child child : children) {
        if (item.get("pk").s().startsWith(Keys.school(child.schoolId()) + "#C#")
            && item.get("roster").l().stream().anyMatch(v -> v.s().equals(child.studentId()))) {
          registers++;
          assertThat(exported.values().stream().filter(e -> entry.getKey().equals(e.get("pk").asText() + " | "
              + e.get("sk").asText()) && child.studentId().equals(e.path("studentId").asText())).count())
              .as("the mark of " + child.studentId() + " in " + entry.getKey()).isEqualTo(1);
        }
      }
    }
    assertThat(registers).as("registers of the children").isGreaterThan(10);

    // Nothing of another family: no other pupil's id or name, no other phone, in the JSON or the PDF.
    Set<String> familyNames = new LinkedHashSet<>();
    Map<String, String> otherPupils = new HashMap<>(); // id → name
    dump.items().values().forEach(item -> {
      if ("PROFILE".equals(item.get("sk").s()) && item.get("pk").s().contains("#ST#") && item.containsKey("fullName")) {
        String studentId = item.get("pk").s().substring(item.get("pk").s().lastIndexOf('#') + 1);
        String name = item.get("fullName").s();
        if (ids.contains(studentId)) {
          familyNames.add(name);
        } else {
          otherPupils.put(studentId, name);
        }
      }
    });
    // School staff's names appear by right (who entered a mark): a pupil who shares a teacher's name is not checked.
    Set<String> staffNames = new LinkedHashSet<>();
    dump.items().values().forEach(item -> {
      if (item.get("sk").s().contains("#ROLE#") && item.containsKey("displayName")
          && !item.get("sk").s().endsWith("#ROLE#PARENT")) {
        staffNames.add(item.get("displayName").s());
      }
    });
    // The guardian's own names (the seed's random names can give a parent the name of some other pupil).
    dump.items().values().forEach(item -> {
      if (item.get("pk").s().equals(Keys.user(guardian)) && item.containsKey("displayName")) {
        familyNames.add(item.get("displayName").s());
      }
    });
    assertThat(staffNames).hasSizeGreaterThan(10);
    assertThat(otherPupils).hasSizeGreaterThan(100);
    List<String> leaks = new ArrayList<>();
    otherPupils.forEach((studentId, name) -> {
      if (mentions(json, studentId) || mentions(pdf, studentId)) {
        leaks.add("pupil id " + studentId);
      }
      if (!familyNames.contains(name) && !staffNames.contains(name) && (mentions(json, name) || mentions(pdf, name))) {
        leaks.add("pupil name " + name + " in: " + context(json, name) + context(pdf, name));
      }
    });
    for (String phone : List.of(CO_GUARDIAN_PHONE, "0" + CO_GUARDIAN_PHONE.substring(3))) {
      if (json.contains(phone) || pdf.contains(phone)) {
        leaks.add("the co-guardian's phone " + phone);
      }
    }
    assertThat(leaks).as("another family's data in the archive").isEmpty();
    assertThat(json).as("the guardian's own phone and account").contains(OWN_PHONE, "PHONE#" + OWN_PHONE);
    assertThat(json).as("no raw push token").doesNotContain("\"token\"");
    System.out.printf("ExportTest: %d family items in the table, %d exported items, %d registers, %d other pupils"
        + " checked, archive %d bytes (PDF %d)%n", family.size(), exported.size(), registers, otherPupils.size(),
        download.body().length, archive.get("export.pdf").length);
  }

  @Test
  void a_teacher_may_export_their_own_account_and_someone_unknown_gets_404() {
    ApiClient.Response teacher = seeded.as(SeededApi.TEACHER_6A1).post("/v1/me/export", Map.of("language", "vi"));
    assertThat(teacher.status()).as(teacher.text()).isEqualTo(202);
    SeededApi.assertProblem(seeded.as(SeededApi.TEACHER_6A1).get("/v1/me/exports/00000000000000000000000000"),
        404, "not-found");
  }

  /** What a roster import writes for a child: its roster entry (two guardians) and both sign-in accounts. */
  private void putRosterFixture(Child child, String guardian) {
    put(Map.of("pk", s(Keys.student(child.schoolId(), child.studentId())), "sk", s(Keys.ROSTER_ENTRY),
        "type", s("RosterEntry"), "studentId", s(child.studentId()),
        "guardians", AttributeValue.fromL(List.of(s(OWN_PHONE + "|MOTHER|Người giám hộ"),
            s(CO_GUARDIAN_PHONE + "|FATHER|Đồng giám hộ")))));
    put(Map.of("pk", s(Keys.phone(OWN_PHONE)), "sk", s(Keys.ACCOUNT), "type", s("Account"), "phone", s(OWN_PHONE),
        "sub", s(guardian)));
    put(Map.of("pk", s(Keys.phone(CO_GUARDIAN_PHONE)), "sk", s(Keys.ACCOUNT), "type", s("Account"),
        "phone", s(CO_GUARDIAN_PHONE), "sub", s("co-guardian-of-" + guardian)));
  }

  private static String context(String text, String needle) {
    int at = text.indexOf(needle);
    return at < 0 ? "" : "…" + text.substring(Math.max(0, at - 300), Math.min(text.length(), at + needle.length() + 40))
        + "… ";
  }

  /** Whether {@code needle} occurs as a whole word (not inside a longer id or name). */
  private static boolean mentions(String text, String needle) {
    return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_-])" + java.util.regex.Pattern.quote(needle)
        + "(?![\\p{L}\\p{N}_])").matcher(text).find();
  }

  private void put(Map<String, AttributeValue> item) {
    stack.dynamo().client().putItem(PutItemRequest.builder().tableName(stack.dynamo().tableName()).item(item).build());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
