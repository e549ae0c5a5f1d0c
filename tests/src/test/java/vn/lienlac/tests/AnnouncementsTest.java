package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.announcements.AnnouncementsAccess;
import vn.lienlac.functions.announcements.AnnouncementsService;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.model.announcements.Announcement;

/**
 * Announcements over real HTTP: who sees what (school, grade, class, across schools), who may
 * publish, the feed's order and pages, read and acknowledgement marks, the statistics with the
 * families not reached and their devices, idempotent publishing, and the event after the write.
 * Other tests publish too (into 6A1 and 7A1 of Nguyễn Trãi), so every check here is about the
 * announcements this class publishes, never about a whole feed.
 */
@ExtendWith(LocalStackExtension.class)
class AnnouncementsTest {
  private static final String NT = SeededApi.NGUYEN_TRAI;
  private static final String LQD = SeededApi.LE_QUY_DON;
  private static final String STAFF = "nt-vp-01";
  private static final String LQD_STAFF = "lqd-vp-01";
  private static final String TEACHER_7A1 = SeededApi.TEACHER_7A1;
  private static final String TEACHER_6A1 = SeededApi.TEACHER_6A1;

  private final LocalStack stack;
  private final SeededApi seeded;
  /** Every parent account and the classes (and schools) of their children: read once, through /v1/me. */
  private static final Map<String, Set<String>> classesOf = new LinkedHashMap<>();
  private static final Map<String, Set<String>> schoolsOf = new HashMap<>();

  AnnouncementsTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
    if (!classesOf.isEmpty()) {
      return;
    }
    for (DevUser user : stack.users()) {
      if (user.role().equals("PARENT")) {
        for (SeededApi.Child child : seeded.children(user.id())) {
          classesOf.computeIfAbsent(user.id(), k -> new TreeSet<>()).add(child.classId());
          schoolsOf.computeIfAbsent(user.id(), k -> new TreeSet<>()).add(child.schoolId());
        }
      }
    }
  }

  /** A parent with children only in {@code classId} (and not the first parents, whom other tests use). */
  private String parentOnlyIn(String classId, int skip) {
    return classesOf.entrySet().stream().filter(e -> e.getValue().equals(Set.of(classId)))
        .skip(skip).map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  private static Map<String, Object> draft(String schoolId, String scope, Object target, String title, boolean ack) {
    Map<String, Object> draft = new LinkedHashMap<>(Map.of("schoolId", schoolId, "scope", scope, "title", title,
        "body", "Nội dung: " + title, "acknowledgementRequired", ack));
    if (scope.equals("GRADE")) {
      draft.put("grade", target);
    } else if (scope.equals("CLASS")) {
      draft.put("classId", target);
    }
    return draft;
  }

  private String publish(String author, Map<String, Object> draft) {
    ApiClient.Response created = seeded.as(author).post("/v1/announcements", draft);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("location")).isEqualTo("/v1/announcements/" + created.body().get("id").asText());
    return created.body().get("id").asText();
  }

  /** Every id of a parent's whole feed, page by page. */
  private List<String> feedIds(String parent, int limit) {
    List<String> ids = new ArrayList<>();
    String next = null;
    do {
      ApiClient.Response page = seeded.as(parent).get("/v1/announcements?limit=" + limit
          + (next == null ? "" : "&cursor=" + next));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      assertThat(page.body().get("items").size()).isLessThanOrEqualTo(limit);
      page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
      next = page.body().path("next").isMissingNode() ? null : page.body().get("next").asText();
    } while (next != null);
    return ids;
  }

  @Test
  void staff_announcements_should_reach_exactly_the_families_of_the_school_the_grade_or_the_class() {
    String inSchool = publish(STAFF, draft(NT, "SCHOOL", null, "Toàn trường nghỉ lễ", false));
    String inGrade6 = publish(STAFF, draft(NT, "GRADE", 6, "Khối 6 họp phụ huynh", true));
    String in7A1 = publish(STAFF, draft(NT, "CLASS", SeededApi.CLASS_7A1, "Lớp 7A1 đi tham quan", true));
    String inLqd = publish(LQD_STAFF, draft(LQD, "SCHOOL", null, "Lê Quý Đôn: lịch thi", false));

    String parent7A1 = parentOnlyIn(SeededApi.CLASS_7A1, 2);
    String parent6A1 = parentOnlyIn(SeededApi.CLASS_6A1, 2);
    String parentLqd = parentOnlyIn(SeededApi.LQD_6A1, 2);
    String twoSchools = "nt-ph-001"; // a child in each school
    assertThat(schoolsOf.get(twoSchools)).containsExactlyInAnyOrder(NT, LQD);

    assertThat(feedIds(parent7A1, 50)).contains(inSchool, in7A1).doesNotContain(inGrade6, inLqd);
    assertThat(feedIds(parent6A1, 50)).contains(inSchool, inGrade6).doesNotContain(in7A1, inLqd);
    assertThat(feedIds(parentLqd, 50)).contains(inLqd).doesNotContain(inSchool, inGrade6, in7A1);
    assertThat(feedIds(twoSchools, 50)).as("a family with children in two schools gets both").contains(inSchool, inLqd);

    // Outside their scopes: 404 on reading it, marking it read or acknowledging it, like an unknown id.
    assertProblem(seeded.as(parent6A1).post("/v1/announcements/" + in7A1 + "/ack", null), 404, "not-found");
    assertProblem(seeded.as(parent6A1).post("/v1/announcements/" + in7A1 + "/read", null), 404, "not-found");
    assertProblem(seeded.as(parent7A1).post("/v1/announcements/" + inGrade6 + "/ack", null), 404, "not-found");
    assertProblem(seeded.as(parentLqd).get("/v1/announcements/" + inSchool), 404, "not-found");
    assertProblem(seeded.as(parent7A1).post("/v1/announcements/" + inLqd + "/read", null), 404, "not-found");
    // Inside: the family reads and acknowledges.
    assertThat(seeded.as(parent7A1).post("/v1/announcements/" + in7A1 + "/ack", null).status()).isEqualTo(200);
    assertThat(seeded.as(parent6A1).post("/v1/announcements/" + inGrade6 + "/ack", null).status()).isEqualTo(200);
    assertThat(seeded.as(parentLqd).post("/v1/announcements/" + inLqd + "/read", null).status()).isEqualTo(200);
  }

  @Test
  void a_teacher_should_publish_to_the_classes_they_teach_and_nowhere_else() {
    // nt-gv-01: homeroom 6A1, Toán 6A1 and 6A2; not 7A1.
    assertThat(seeded.as(TEACHER_6A1).post("/v1/announcements",
        draft(NT, "CLASS", SeededApi.CLASS_6A2, "Bài tập Toán 6A2", false)).status()).isEqualTo(201);
    ApiClient.Response notTheirs = seeded.as(TEACHER_6A1).post("/v1/announcements",
        draft(NT, "CLASS", SeededApi.CLASS_7A1, "Không phải lớp mình", false));
    assertProblem(notTheirs, 404, "not-found");
    assertProblem(seeded.as(TEACHER_6A1).post("/v1/announcements", draft(NT, "SCHOOL", null, "Toàn trường?", false)),
        403, "forbidden");
    assertProblem(seeded.as(TEACHER_6A1).post("/v1/announcements", draft(NT, "GRADE", 6, "Cả khối?", false)),
        403, "forbidden");
    assertProblem(seeded.as(TEACHER_6A1).post("/v1/announcements", draft(LQD, "CLASS", SeededApi.LQD_6A1, "Trường khác",
        false)), 404, "not-found");
    // A parent of the class sees its announcements but may not publish there.
    assertProblem(seeded.as(parentOnlyIn(SeededApi.CLASS_7A1, 3)).post("/v1/announcements",
        draft(NT, "CLASS", SeededApi.CLASS_7A1, "Phụ huynh gửi?", false)), 403, "forbidden");
  }

  @Test
  void the_feed_should_be_newest_first_in_pages_that_lose_and_repeat_nothing() {
    String parent = parentOnlyIn(SeededApi.CLASS_6A2, 1);
    List<String> mine = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      mine.add(publish(TEACHER_6A1, draft(NT, "CLASS", SeededApi.CLASS_6A2, "Thông báo số " + i, false)));
    }
    List<String> whole = feedIds(parent, 50);
    List<String> paged = feedIds(parent, 2);

    assertThat(paged).as("pages of 2 give the same feed as one page").isEqualTo(whole);
    assertThat(new LinkedHashSet<>(paged)).hasSameSizeAs(paged);
    assertThat(paged).isSortedAccordingTo(java.util.Comparator.reverseOrder()); // ULIDs: newest first
    assertThat(paged.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine.reversed());
    assertThat(paged).as("the seed's school-wide announcement too").hasSizeGreaterThan(mine.size());

    // The cursor is opaque and bound to the caller: changed, or someone else's, it is a 400.
    String next = seeded.as(parent).get("/v1/announcements?limit=2").body().get("next").asText();
    String changed = (next.charAt(0) == 'A' ? "B" : "A") + next.substring(1);
    assertProblem(seeded.as(parent).get("/v1/announcements?limit=2&cursor=" + changed), 400, "bad-request");
    assertProblem(seeded.as(parentOnlyIn(SeededApi.CLASS_6A2, 2)).get("/v1/announcements?limit=2&cursor=" + next),
        400, "bad-request");
    assertProblem(seeded.as(parent).get("/v1/announcements?limit=51"), 400, "bad-request");
    assertProblem(seeded.as(parent).get("/v1/announcements?limit=0"), 400, "bad-request");
  }

  @Test
  void reading_and_acknowledging_should_mark_the_family_once_and_reading_the_feed_should_mark_nothing() {
    String parent = parentOnlyIn(SeededApi.CLASS_7A1, 4);
    String id = publish(TEACHER_7A1, draft(NT, "CLASS", SeededApi.CLASS_7A1, "Xác nhận đã nhận", true));
    String plain = publish(TEACHER_7A1, draft(NT, "CLASS", SeededApi.CLASS_7A1, "Không cần xác nhận", false));
    ApiClient client = seeded.as(parent);

    JsonNode unread = feedItem(client, id);
    assertThat(unread.get("read").asBoolean()).isFalse();
    assertThat(unread.get("acknowledged").asBoolean()).isFalse();
    assertThat(receipts(id)).as("a GET writes nothing").isEmpty();

    JsonNode read = client.post("/v1/announcements/" + id + "/read", null).body();
    assertThat(read.get("read").asBoolean()).isTrue();
    assertThat(read.get("acknowledged").asBoolean()).isFalse();
    assertThat(feedItem(client, id).get("read").asBoolean()).isTrue();
    assertThat(feedItem(client, id).get("acknowledged").asBoolean()).isFalse();

    JsonNode acknowledged = client.post("/v1/announcements/" + id + "/ack", null).body();
    assertThat(acknowledged.get("acknowledged").asBoolean()).isTrue();
    assertThat(acknowledged.get("readAt")).isEqualTo(read.get("readAt"));
    JsonNode again = client.post("/v1/announcements/" + id + "/ack", null).body();
    assertThat(again).as("acknowledging again changes nothing").isEqualTo(acknowledged);
    assertThat(client.get("/v1/announcements/" + id).body().get("acknowledged").asBoolean()).isTrue();
    assertThat(receipts(id)).hasSize(1);

    // Another family's marks are their own.
    assertThat(feedItem(seeded.as(parentOnlyIn(SeededApi.CLASS_7A1, 5)), id).get("read").asBoolean()).isFalse();

    assertProblem(client.post("/v1/announcements/" + plain + "/ack", null), 409, "conflict");
    assertThat(receipts(plain)).as("a refused acknowledgement writes nothing").isEmpty();
    assertThat(client.post("/v1/announcements/" + plain + "/read", null).status()).isEqualTo(200);
    // The office sees it but does not mark it.
    assertProblem(seeded.as(STAFF).post("/v1/announcements/" + id + "/ack", null), 403, "forbidden");
    assertThat(seeded.as(STAFF).get("/v1/announcements/" + id).body().has("read")).isFalse();
  }

  private static JsonNode feedItem(ApiClient client, String id) {
    for (JsonNode item : client.get("/v1/announcements?limit=50").body().get("items")) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " not in the first 50 of the feed");
  }

  @Test
  void statistics_should_count_the_families_in_scope_and_list_those_not_reached_with_their_devices() {
    String id = publish(TEACHER_7A1, draft(NT, "CLASS", SeededApi.CLASS_7A1, "Thống kê lớp 7A1", true));
    // The families of 7A1, from the directory itself: every guardian account of every pupil of the class.
    Set<String> families = new TreeSet<>();
    for (String pupil : seeded.pupils(TEACHER_7A1, SeededApi.CLASS_7A1, "toan")) {
      families.addAll(guardians(pupil));
    }
    assertThat(families).hasSizeGreaterThan(30);
    // Other tests on the shared stack (and the seed) register phones: the reader signs out of every
    // phone at Nguyễn Trãi first, so that it is a family with no device here.
    List<String> inOrder = List.copyOf(families);
    String reader = inOrder.get(0);
    String acknowledger = inOrder.get(1);
    String withDevice = inOrder.get(2);
    signOutEverywhere(reader, NT);
    assertThat(hasDevice(reader, NT)).isFalse();
    assertThat(seeded.as(reader).post("/v1/announcements/" + id + "/read", null).status()).isEqualTo(200);
    assertThat(seeded.as(acknowledger).post("/v1/announcements/" + id + "/ack", null).status()).isEqualTo(200);
    addDevice(withDevice, NT);
    addDevice(reader, LQD); // a phone registered in another school does not count here

    for (String viewer : List.of(TEACHER_7A1, STAFF)) {
      JsonNode stats = seeded.as(viewer).get("/v1/announcements/" + id + "/stats").body();
      assertThat(stats.get("families").asInt()).isEqualTo(families.size());
      assertThat(stats.get("read").asInt()).isEqualTo(2);
      assertThat(stats.get("acknowledged").asInt()).isEqualTo(1);
      assertThat(stats.get("notReached").asInt()).isEqualTo(families.size() - 1);
      Map<String, JsonNode> listed = new HashMap<>();
      stats.get("items").forEach(item -> listed.put(item.get("guardianId").asText(), item));
      assertThat(listed.keySet()).as("not acknowledged yet").doesNotContain(acknowledger)
          .contains(reader, withDevice).hasSize(families.size() - 1);
      assertThat(listed.get(reader).get("read").asBoolean()).isTrue();
      assertThat(listed.get(reader).get("hasDevice").asBoolean()).isFalse();
      assertThat(listed.get(withDevice).get("hasDevice").asBoolean()).isTrue();
      assertThat(listed.get(withDevice).get("read").asBoolean()).isFalse();
      assertThat(listed.get(withDevice).get("guardianName").asText()).isNotBlank();
      JsonNode pupil = listed.get(withDevice).get("pupils").get(0);
      assertThat(pupil.get("className").asText()).isEqualTo("7A1");
      assertThat(pupil.get("fullName").asText()).isNotBlank();
    }
    // The colleague teaching the class sees the announcement but not its statistics.
    assertProblem(seeded.as("nt-gv-05").get("/v1/announcements/" + id + "/stats"), 403, "forbidden");
  }

  @Test
  void statistics_of_a_school_wide_announcement_should_page_the_families_not_reached() {
    String id = publish(LQD_STAFF, draft(LQD, "SCHOOL", null, "Thống kê toàn trường", false));
    ApiClient staff = seeded.as(LQD_STAFF);
    long started = System.nanoTime();
    JsonNode first = staff.get("/v1/announcements/" + id + "/stats").body();
    long millis = (System.nanoTime() - started) / 1_000_000;
    int families = first.get("families").asInt();
    // A figure, not a check: the whole computation over HTTP against DynamoDB Local (docs/ARCHITECTURE.md §4).
    System.out.printf("Announcement stats, school-wide (3 classes): %d families, first page in %d ms%n", families, millis);
    assertThat(families).as("every family of the school's three classes").isGreaterThan(50);
    assertThat(first.get("notReached").asInt()).isEqualTo(families);
    Set<String> listed = new LinkedHashSet<>();
    JsonNode page = first;
    while (true) {
      page.get("items").forEach(item -> assertThat(listed.add(item.get("guardianId").asText())).isTrue());
      if (page.path("next").isMissingNode()) {
        break;
      }
      page = seeded.as(LQD_STAFF).get("/v1/announcements/" + id + "/stats?cursor=" + page.get("next").asText()).body();
    }
    assertThat(listed).hasSize(families);
    assertProblem(seeded.as(LQD_STAFF).get("/v1/announcements/" + id + "/stats?cursor=bm9wZQ"), 400, "bad-request");
  }

  @Test
  void a_retried_publish_with_the_same_idempotency_key_should_create_one_announcement() {
    Map<String, Object> draft = draft(NT, "CLASS", SeededApi.CLASS_6A1, "Gửi lại khi mất mạng", false);
    Map<String, String> key = Map.of("Idempotency-Key", "retry-" + System.nanoTime());
    int before = scopeItems("C#" + SeededApi.CLASS_6A1);
    ApiClient.Response first = seeded.as(TEACHER_6A1).send("POST", "/v1/announcements", draft, key);
    ApiClient.Response retry = seeded.as(TEACHER_6A1).send("POST", "/v1/announcements", draft, key);

    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(retry.status()).as(retry.text()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(scopeItems("C#" + SeededApi.CLASS_6A1)).isEqualTo(before + 1);
    Map<String, Object> other = new LinkedHashMap<>(draft);
    other.put("title", "Nội dung khác, cùng khoá");
    ApiClient.Response reused = seeded.as(TEACHER_6A1).send("POST", "/v1/announcements", other, key);
    assertProblem(reused, 422, "validation");
    assertThat(reused.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(scopeItems("C#" + SeededApi.CLASS_6A1)).isEqualTo(before + 1);
  }

  @Test
  void an_invalid_draft_should_name_every_bad_field_and_write_nothing() {
    int before = scopeItems("SCHOOL");
    Map<String, Object> bad = new LinkedHashMap<>(Map.of("schoolId", NT, "scope", "GRADE", "classId", "nt-2026-6a1",
        "title", "x".repeat(151), "body", "Nội dung\u202E", "links", List.of(Map.of("url", "http://example.com/form"),
            Map.of("url", "https://example.com/ok", "label", "Mẫu đơn"))));
    ApiClient.Response response = seeded.as(STAFF).withLanguage("en").post("/v1/announcements", bad);

    assertProblem(response, 422, "validation");
    List<String> fields = new ArrayList<>();
    response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("grade", "classId", "title", "body", "links/0/url");
    assertThat(scopeItems("SCHOOL")).isEqualTo(before);

    assertProblem(seeded.as(STAFF).post("/v1/announcements", Map.of("schoolId", NT, "scope", "GRADE", "grade", 9,
        "title", "Khối 9", "body", "Trường THCS này chưa có khối 9")), 422, "validation");
    for (Object notABoolean : List.of(1, "true")) {
      Map<String, Object> typed = new LinkedHashMap<>(draft(NT, "SCHOOL", null, "Kiểu dữ liệu", false));
      typed.put("urgent", notABoolean);
      assertProblem(seeded.as(STAFF).post("/v1/announcements", typed), 400, "bad-request");
    }
    assertThat(scopeItems("SCHOOL")).isEqualTo(before);
  }

  @Test
  void publishing_should_send_one_announcement_published_event_with_ids_and_flags_only() {
    var dynamo = stack.dynamo();
    EventPublisher.Recording events = EventPublisher.recording();
    AnnouncementsService service = new AnnouncementsService(dynamo, stack.clock(), IdGenerator.RANDOM, events);
    AnnouncementsAccess access = new AnnouncementsAccess(new RosterRepository(dynamo));
    Caller teacher = new DirectoryRepository(dynamo, stack.clock()).caller(TEACHER_7A1);
    AnnouncementsService.Valid valid = service.validate(new Announcement.Draft(NT, Announcement.Scope.CLASS, null,
        SeededApi.CLASS_7A1, "Khẩn: đón con sớm", "Lớp 7A1 tan học lúc 10 giờ", true, true, null),
        Optional.of("event-" + System.nanoTime()));
    AnnouncementsAccess.Target target = access.publishTarget(teacher, NT, valid.scope(), null, valid.classId());

    AnnouncementsService.Published published = service.publish(teacher, target, valid);

    assertThat(events.events()).hasSize(1);
    DomainEvent event = events.events().getFirst();
    assertThat(event.type()).isEqualTo(EventTypes.ANNOUNCEMENT_PUBLISHED);
    assertThat(event.schoolId()).isEqualTo(NT);
    assertThat(event.id()).isEqualTo(published.announcement().id());
    assertThat(event.data()).isEqualTo(Map.of("announcementId", published.announcement().id(), "scope", "CLASS",
        "scopeId", SeededApi.CLASS_7A1, "urgent", "true"));

    // A retry (same key) publishes nothing new, and its event carries the same id: consumers deduplicate.
    AnnouncementsService.Published retried = service.publish(teacher, target, valid);
    assertThat(retried.created()).isFalse();
    assertThat(events.events()).extracting(DomainEvent::id).containsOnly(published.announcement().id());
  }

  // --- the table, read directly -------------------------------------------------------------------

  private List<String> guardians(String pupil) {
    var dynamo = stack.dynamo();
    List<String> found = new ArrayList<>();
    dynamo.client().queryPaginator(QueryRequest.builder().tableName(dynamo.tableName()).indexName(Keys.GSI1)
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.student(NT, pupil)),
            ":sk", AttributeValue.fromS("GUARDIAN#"))).build())
        .items().forEach(item -> found.add(item.get("userId").s()));
    return found;
  }

  /** A push device as the push feature stores it: {@code USER#{sub}} / {@code S#{school}#DEVICE#{sha256}}. */
  private void addDevice(String subject, String schoolId) {
    var dynamo = stack.dynamo();
    String token = "test-token-" + subject + "-" + schoolId;
    dynamo.client().putItem(r -> r.tableName(dynamo.tableName()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.user(subject)),
        Keys.SK, AttributeValue.fromS(Keys.inSchool(schoolId, Keys.DEVICE + Hashes.sha256(token))),
        "type", AttributeValue.fromS("Device"),
        "kind", AttributeValue.fromS("DEVICE"),
        "schoolId", AttributeValue.fromS(schoolId),
        "userId", AttributeValue.fromS(subject),
        "token", AttributeValue.fromS(token),
        "platform", AttributeValue.fromS("ANDROID"),
        "language", AttributeValue.fromS("vi"))));
  }

  /** The person signs out of every phone registered in the school ({@code DELETE /v1/devices/{token}}). */
  private void signOutEverywhere(String subject, String schoolId) {
    var dynamo = stack.dynamo();
    dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)").consistentRead(true)
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(subject)),
            ":sk", AttributeValue.fromS(Keys.inSchool(schoolId, Keys.DEVICE)))).build()).items()
        .forEach(item -> assertThat(seeded.as(subject).send("DELETE", "/v1/devices/" + item.get("token").s(), null).status())
            .isEqualTo(200));
  }

  private boolean hasDevice(String subject, String schoolId) {
    var dynamo = stack.dynamo();
    return dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)").consistentRead(true)
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(subject)),
            ":sk", AttributeValue.fromS(Keys.inSchool(schoolId, Keys.DEVICE)))).build()).count() > 0;
  }

  private List<Map<String, AttributeValue>> receipts(String announcementId) {
    var dynamo = stack.dynamo();
    return dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)").consistentRead(true)
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.announcement(NT, announcementId)),
            ":sk", AttributeValue.fromS(Keys.RECEIPT))).build()).items();
  }

  /** How many announcements a scope partition of Nguyễn Trãi holds. */
  private int scopeItems(String scope) {
    var dynamo = stack.dynamo();
    return dynamo.client().queryPaginator(QueryRequest.builder().tableName(dynamo.tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
            AttributeValue.fromS(Keys.announcementScope(NT, scope)))).build())
        .items().stream().mapToInt(i -> 1).sum();
  }
}
