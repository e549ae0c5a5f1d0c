package vn.lienlac.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.local.dynamo.LocalDynamo;
import vn.lienlac.local.template.SamTemplate;

/**
 * The seed a start loads is the seed the production services write: item by item, the same on
 * every run, and loaded once per table.
 */
class SeedSnapshotTest {
  private static final SamTemplate.Table TEMPLATE_TABLE = SamTemplate.read(SamTemplate.defaultFile()).tables().getFirst();
  private static LocalDynamo dynamo;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.start(null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  /** A new empty table shaped like the template's (keys, gsi1, TTL). */
  private static Dynamo freshTable(String name) {
    dynamo.createTable(new SamTemplate.Table(name, TEMPLATE_TABLE.attributeTypes(), TEMPLATE_TABLE.key(),
        TEMPLATE_TABLE.globalIndexes(), TEMPLATE_TABLE.timeToLiveAttribute()));
    return dynamo.table(name);
  }

  private static byte[] bytes(SeedSnapshot snapshot) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    snapshot.write(out);
    return out.toByteArray();
  }

  private static Set<String> types(List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> item.get("type").s()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void items_loaded_from_the_snapshot_file_should_equal_what_the_services_write_every_time() throws IOException {
    DemoSchools.World world = DemoSchools.build().onlyClass("nt-2026-7a1");
    Dynamo throughServices = freshTable("ThroughServices");
    byte[] file = bytes(SeedSnapshot.generate(throughServices, "test", world));
    byte[] again = bytes(SeedSnapshot.generate(freshTable("AgainThroughServices"), "test",
        DemoSchools.build().onlyClass("nt-2026-7a1")));
    assertThat(again).as("a second run through the services").isEqualTo(file);

    Dynamo loaded = freshTable("Loaded");
    SeedSnapshot.read(new ByteArrayInputStream(file)).load(loaded);

    List<Map<String, AttributeValue>> expected = SeedSnapshot.scan(throughServices);
    List<Map<String, AttributeValue>> actual = SeedSnapshot.scan(loaded);
    assertThat(types(expected)).containsExactly("Announcement", "AnnouncementReceipt", "AnnouncementRef",
        "AttendanceAudit", "AttendanceRegister", "BankTransfer", "Class", "ClassMember",
        "ClientMessageId", "Conduct", "ConductAudit", "ConsentAudit", "Conversation", "ConversationParticipant", "Device", "Enrolment",
        "Fee", "Grade", "GradeAudit", "Grant",
        "Idempotency", "Invoice", "InvoiceAudit", "LeaveRequest", "LeaveRequestRef", "Message", "OfficeHours", "Payment",
        "PrivacyNotice", "PrivacyNoticeCurrent", // privacy (issue 18): each school's notice and its pointer
        "ProviderTransaction", "ReceiptCounter", "School", "Student");
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Map<String, AttributeValue> item = expected.get(i);
      assertThat(actual.get(i)).as(item.get(Keys.PK).s() + " / " + item.get(Keys.SK).s()).isEqualTo(item);
    }
    // The index is DynamoDB's own doing, from the same items: the class's leave requests (A10).
    String leaveKey = Keys.schoolClass("thcs-nguyen-trai", "nt-2026-7a1") + "#LEAVE";
    assertThat(leaveRequests(loaded, leaveKey)).hasSize(5).isEqualTo(leaveRequests(throughServices, leaveKey));
    System.out.printf("seed snapshot: %d items of one class, the same twice, equal item by item after a file round trip%n",
        expected.size());
  }

  private static List<Map<String, AttributeValue>> leaveRequests(Dynamo table, String gsi1pk) {
    return table.client().query(r -> r.tableName(table.tableName()).indexName("gsi1")
        .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(gsi1pk))))
        .items();
  }

  @Test
  void a_first_start_should_load_the_builds_snapshot_and_later_starts_should_leave_the_table_alone() {
    SeedSnapshot snapshot = SeedSnapshot.fromClassPath().orElseThrow(
        () -> new AssertionError("No " + SeedSnapshot.RESOURCE + ": the build (process-classes) makes it"));
    Dynamo table = freshTable("Demo");

    List<DevUser> users = DemoSeed.run(table);

    List<Map<String, AttributeValue>> items = SeedSnapshot.scan(table);
    assertThat(items).filteredOn(item -> !item.get("type").s().equals("SeedMarker")).isEqualTo(snapshot.items());
    assertThat(items).hasSize(snapshot.items().size() + 1);
    assertThat(users).hasSize(DemoSchools.build().people().size());
    // The whole demo world, as the services wrote it: grades, audits, registers of 11 classes.
    Map<String, Long> byType = snapshot.items().stream()
        .collect(Collectors.groupingBy(item -> item.get("type").s(), Collectors.counting()));
    assertThat(byType.get("Grade")).isEqualTo(byType.get("GradeAudit")).isGreaterThan(2000);
    // 6 secondary and 5 primary classes, and 6 days of last year's 6A1 at each secondary school (issue 16).
    assertThat(byType.get("AttendanceRegister")).isEqualTo(11 * 55L + 2 * 6);
    // The primary school (issue 16): qualities and competencies of 5 classes of 12 in both terms, one audit each.
    assertThat(byType.get("Competency")).isEqualTo(5 * 12 * 2L).isEqualTo(byType.get("CompetencyAudit"));
    // Term conduct of this HK1 (6 secondary classes), both terms of last year's 6A1 (2 schools), each audited.
    assertThat(byType.get("Conduct")).isEqualTo(byType.get("ConductAudit"));

    // A second start finds the marker: an item deleted in between stays deleted.
    Map<String, AttributeValue> first = items.getFirst();
    table.client().deleteItem(r -> r.tableName(table.tableName())
        .key(Map.of(Keys.PK, first.get(Keys.PK), Keys.SK, first.get(Keys.SK))));
    DemoSeed.run(table);
    assertThat(SeedSnapshot.scan(table)).hasSize(items.size() - 1);
  }

  @Test
  void a_first_start_with_a_data_folder_should_begin_from_the_builds_database_of_the_same_items(@TempDir Path data) {
    SeedSnapshot snapshot = SeedSnapshot.fromClassPath().orElseThrow();

    assertThat(SeedSnapshot.installDatabase(data)).isTrue();
    assertThat(SeedSnapshot.installDatabase(data)).as("a folder with a database keeps it").isFalse();
    try (LocalDynamo persisted = LocalDynamo.start(data)) {
      assertThat(persisted.createTable(TEMPLATE_TABLE)).as("the table is there").isFalse();
      Dynamo table = persisted.table(TEMPLATE_TABLE.logicalId());
      List<Map<String, AttributeValue>> items = SeedSnapshot.scan(table);
      assertThat(items).filteredOn(item -> !item.get("type").s().equals("SeedMarker")).isEqualTo(snapshot.items());
      assertThat(items).hasSize(snapshot.items().size() + 1); // the marker: the seed does not run again
      assertThat(DemoSeed.run(table)).isNotEmpty();
      assertThat(SeedSnapshot.scan(table)).hasSameSizeAs(items);
    }
  }

  @Test
  void an_in_memory_start_should_begin_from_the_builds_database_and_leave_nothing_behind() throws IOException {
    Path shm = Path.of("/dev/shm");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm), "tmpfs at /dev/shm");
    SeedSnapshot snapshot = SeedSnapshot.fromClassPath().orElseThrow();

    try (LocalDynamo inMemory = SeedSnapshot.startLocalDynamo(null)) {
      assertThat(ownFolders(shm)).hasSize(1);
      assertThat(inMemory.createTable(TEMPLATE_TABLE)).as("the table is there").isFalse();
      List<Map<String, AttributeValue>> items = SeedSnapshot.scan(inMemory.table(TEMPLATE_TABLE.logicalId()));
      assertThat(items).filteredOn(item -> !item.get("type").s().equals("SeedMarker")).isEqualTo(snapshot.items());
      assertThat(items).hasSize(snapshot.items().size() + 1);
    }
    assertThat(ownFolders(shm)).isEmpty();
  }

  private static List<Path> ownFolders(Path shm) throws IOException {
    try (var files = Files.list(shm)) {
      return files.filter(f -> f.getFileName().toString().startsWith("lienlac-memory-" + ProcessHandle.current().pid() + "-"))
          .toList();
    }
  }

  @Test
  void the_fingerprint_should_follow_the_projects_files_and_the_dependencies_names(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("template.yaml"), "Resources: {}\n");
    Path classes = Files.createDirectories(root.resolve("local/target/classes"));
    Path output = classes.resolve("demo-seed.jsonl.gz");
    Files.writeString(classes.resolve("A.class"), "one");
    String classPath = classes + java.io.File.pathSeparator + "/m2/dep-1.0.jar";
    String before = SeedSnapshot.fingerprint(classPath, root, output);

    Files.writeString(output, "the output itself does not count");
    assertThat(SeedSnapshot.fingerprint(classPath, root, output)).isEqualTo(before);
    Files.writeString(classes.resolve("A.class"), "two");
    String changedClass = SeedSnapshot.fingerprint(classPath, root, output);
    assertThat(changedClass).isNotEqualTo(before);
    assertThat(SeedSnapshot.fingerprint(classes + java.io.File.pathSeparator + "/m2/dep-1.1.jar", root, output))
        .isNotEqualTo(changedClass);
    Files.writeString(root.resolve("template.yaml"), "Resources: {Table: {}}\n");
    assertThat(SeedSnapshot.fingerprint(classPath, root, output)).isNotEqualTo(changedClass);
  }
}
