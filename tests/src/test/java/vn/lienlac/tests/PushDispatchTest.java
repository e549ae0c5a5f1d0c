package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.google.firebase.messaging.FirebaseMessaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.push.Fcm;
import vn.lienlac.functions.push.PushDispatchFunction;
import vn.lienlac.functions.push.PushDispatcher;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.push.FakeFcm;
import vn.lienlac.local.seed.DevUser;

/**
 * The push dispatcher against DynamoDB Local and the fake FCM server, through the real
 * firebase-admin and its production transport (only the host is rewritten). Devices are
 * registered over HTTP ({@code POST /v1/devices}); the events are handed to the function as the
 * SQS event source mapping hands them (an {@link SQSEvent}).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushDispatchTest {
  /** 23:30 and 07:00 in Hà Nội on the demo day: inside and after every family's quiet hours. */
  static final Instant NIGHT = LocalDateTime.of(2026, 11, 20, 23, 30).toInstant(ZoneOffset.ofHours(7));
  static final Instant MORNING = LocalDateTime.of(2026, 11, 21, 7, 0).toInstant(ZoneOffset.ofHours(7));

  private final LocalStack stack;
  private final SeededApi seeded;
  private FakeFcm fcm;
  private FirebaseMessaging messaging;
  private final List<Duration> deferrals = new ArrayList<>();
  /** Every device (token) of every guardian of 7A1, as the guardians' own partitions hold them. */
  private final Set<String> classTokens = new LinkedHashSet<>();
  private final AtomicInteger messageIds = new AtomicInteger();

  PushDispatchTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @BeforeAll
  void registerDevicesOfTheClassesGuardians() {
    fcm = FakeFcm.start();
    messaging = Fcm.fromEnvironment(Environment.of(Map.of(
        Fcm.ENDPOINT, fcm.baseUri().toString(), Fcm.PROJECT_ID, "lienlac-local", Fcm.CONCURRENCY, "8")));
    List<String> guardians = new ArrayList<>();
    for (DevUser user : stack.users()) {
      // nt-ph-002 keeps no device (the seed's family reachable only by a note or a call).
      if (user.role().equals("PARENT") && user.schoolId().equals(SeededApi.NGUYEN_TRAI) && !user.id().equals("nt-ph-002")
          && seeded.children(user.id()).stream().anyMatch(c -> c.classId().equals(SeededApi.CLASS_7A1))) {
        guardians.add(user.id());
      }
    }
    assertThat(guardians).hasSizeGreaterThan(5);
    for (int i = 0; i < guardians.size(); i++) {
      String user = guardians.get(i);
      // Two phones in every third family; English in every other one.
      for (int phone = 0; phone < (i % 3 == 0 ? 2 : 1); phone++) {
        var registered = seeded.as(user).post("/v1/devices", Map.of("token", "push-test:" + user + "-" + phone,
            "platform", phone == 0 ? "android" : "ios", "language", i % 2 == 0 ? "vi" : "en"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
      }
    }
    for (String user : guardians) {
      // Consent (issue 18): the guardian who has not consented (nt-ph-078, a 7A1 family) registers a device too,
      // but no push about their child reaches it: the outbox must hold exactly the other tokens.
      if (stack.users().stream().anyMatch(u -> u.id().equals(user) && Boolean.FALSE.equals(u.consented()))) {
        continue;
      }
      var devices = stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName())
          .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
              ":sk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#DEVICE#")))
          .consistentRead(true).build());
      devices.items().forEach(item -> classTokens.add(item.get("token").s()));
    }
  }

  @AfterAll
  void stop() {
    fcm.close();
  }

  @BeforeEach
  void reset() {
    fcm.reset();
    deferrals.clear();
  }

  private PushDispatchFunction dispatcherAt(Instant now) {
    PushDispatcher.Deferral deferral = (event, delay) -> deferrals.add(delay);
    return new PushDispatchFunction(stack.dynamo(), messaging, deferral, Clock.fixed(now, ZoneOffset.UTC),
        Duration.ofSeconds(900));
  }

  private DomainEvent announcement(boolean urgent) {
    return new DomainEvent(Ids.newId(NIGHT.toEpochMilli()), EventTypes.ANNOUNCEMENT_PUBLISHED, SeededApi.NGUYEN_TRAI,
        NIGHT, Map.of("announcementId", "ann-" + messageIds.incrementAndGet(), "scope", "class",
            "scopeId", SeededApi.CLASS_7A1, "urgent", String.valueOf(urgent)));
  }

  /** The batch item failures of one delivery of {@code bodies} (one SQS record each). */
  private List<String> deliver(PushDispatchFunction function, String... bodies) {
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (String body : bodies) {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId("m-" + messageIds.incrementAndGet());
      message.setBody(body);
      message.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
      records.add(message);
    }
    event.setRecords(records);
    SQSBatchResponse response = function.handleRequest(event, null);
    return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  @Test
  void an_urgent_class_announcement_should_reach_every_device_of_every_guardian_exactly_once_even_when_redelivered() {
    DomainEvent event = announcement(true);
    PushDispatchFunction function = dispatcherAt(NIGHT); // urgent: quiet hours do not hold it

    assertThat(deliver(function, Json.write(event))).isEmpty();
    int first = fcm.requests();
    assertThat(deliver(function, Json.write(event))).as("a redelivery").isEmpty();

    System.out.printf("Push: urgent 7A1 announcement -> %d FCM requests for %d devices; redelivery -> %d more%n",
        first, classTokens.size(), fcm.requests() - first);
    assertThat(first).isEqualTo(classTokens.size());
    assertThat(fcm.requests()).as("the redelivered event pushes nothing").isEqualTo(first);
    assertThat(fcm.outbox().keySet()).containsExactlyInAnyOrderElementsOf(classTokens);
    for (String token : classTokens) {
      var received = fcm.received(token);
      assertThat(received).hasSize(1);
      assertThat(received.get(0).data()).containsEntry("announcementId", event.get("announcementId"));
      assertThat(received.get(0).androidPriority()).isEqualTo("high");
      assertThat(received.get(0).title()).isIn("Thông báo khẩn từ nhà trường", "Urgent announcement from the school");
    }
    assertThat(fcm.outbox().values().stream().map(l -> l.get(0).title()).distinct()).as("vi and en devices").hasSize(2);
  }

  @Test
  void a_stale_token_should_be_pruned_and_transient_errors_retried_until_the_message_arrives() {
    String stale = classTokens.stream().filter(t -> t.startsWith("push-test:")).findFirst().orElseThrow();
    fcm.unregister(stale);
    fcm.failNext(FakeFcm.Failure.unavailable(), FakeFcm.Failure.quotaExceeded(1));

    assertThat(deliver(dispatcherAt(NIGHT), Json.write(announcement(true)))).isEmpty();

    Set<String> others = new LinkedHashSet<>(classTokens);
    others.remove(stale);
    System.out.printf("Push: %d devices, 1 stale, a 503 and a 429 -> %d FCM requests%n", classTokens.size(),
        fcm.requests());
    assertThat(fcm.outbox().keySet()).containsExactlyInAnyOrderElementsOf(others);
    others.forEach(token -> assertThat(fcm.received(token)).hasSize(1));
    assertThat(fcm.requests()).as("every device once, the stale one once, and the two failed requests")
        .isEqualTo(classTokens.size() + 2);
    String user = stale.substring("push-test:".length(), stale.lastIndexOf('-'));
    var left = stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
            ":sk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#DEVICE#")))
        .consistentRead(true).build()).items();
    assertThat(left).as("the stale token's device item is deleted")
        .noneMatch(item -> item.get("token").s().equals(stale));
    classTokens.remove(stale);
  }

  @Test
  void a_poison_event_should_be_reported_as_a_batch_item_failure_alone() {
    DomainEvent noScope = new DomainEvent(Ids.newId(NIGHT.toEpochMilli()), EventTypes.ANNOUNCEMENT_PUBLISHED,
        SeededApi.NGUYEN_TRAI, NIGHT, Map.of("announcementId", "ann-poison", "urgent", "true"));
    PushDispatchFunction function = dispatcherAt(NIGHT);

    List<String> failed = deliver(function, "{not an event", Json.write(noScope), Json.write(announcement(true)));

    assertThat(failed).hasSize(2);
    assertThat(fcm.requests()).as("the good event in the same batch is pushed").isEqualTo(classTokens.size());
  }

  @Test
  void nothing_non_urgent_should_be_pushed_during_quiet_hours_and_everything_when_they_end() {
    DomainEvent event = announcement(false);

    assertThat(deliver(dispatcherAt(NIGHT), Json.write(event))).isEmpty();
    assertThat(fcm.requests()).as("pushes during quiet hours").isZero();
    assertThat(deferrals).hasSize(1);
    assertThat(deferrals.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(900));

    assertThat(deliver(dispatcherAt(MORNING), Json.write(event))).isEmpty();
    assertThat(deliver(dispatcherAt(MORNING), Json.write(event))).as("a redelivery").isEmpty();
    System.out.printf("Push: non-urgent at 23:30 -> 0 requests, deferred %s; at 07:00 -> %d requests%n",
        deferrals.get(0), fcm.requests());
    assertThat(fcm.requests()).isEqualTo(classTokens.size());
    assertThat(deferrals).as("nothing left to wait for in the morning").hasSize(1);
    classTokens.forEach(token -> assertThat(fcm.received(token).get(0).androidPriority()).isEqualTo("normal"));
  }

  // --- Through the queue: the stack's dispatcher behind ElasticMQ, sending to the stack's fake FCM ---

  @Test
  void a_leave_decision_over_http_should_reach_the_parents_phones_through_the_queue_once() throws Exception {
    String parent = classTokens.stream().filter(t -> t.startsWith("push-test:")).findFirst().orElseThrow();
    String parentId = parent.substring("push-test:".length(), parent.lastIndexOf('-'));
    SeededApi.Child child = seeded.children(parentId).stream()
        .filter(c -> c.classId().equals(SeededApi.CLASS_7A1)).findFirst().orElseThrow();
    String day = SeededApi.today().plusDays(80).toString();
    var created = seeded.as(parentId).post("/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", day, "to", day, "reason", "Khám răng"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    FakeFcm stackFcm = stack.fakeFcm();
    stack.events().awaitIdle(Duration.ofSeconds(30));
    stackFcm.reset();

    var decided = seeded.as(SeededApi.TEACHER_7A1).patch("/v1/leave-requests/" + created.body().get("id").asText(),
        Map.of("status", "APPROVED"));
    assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    stack.events().awaitIdle(Duration.ofSeconds(30));

    var received = stackFcm.received(parent);
    System.out.printf("Push: leave PATCH over HTTP -> queue -> dispatcher -> %d FCM requests; %s's phone got %s%n",
        stackFcm.requests(), parentId, received.stream().map(FakeFcm.Delivery::title).toList());
    assertThat(received).hasSize(1);
    assertThat(received.get(0).data()).containsEntry("type", EventTypes.LEAVE_DECIDED)
        .containsEntry("leaveRequestId", created.body().get("id").asText());
    assertThat(received.get(0).title() + received.get(0).body()).as("no pupil's name on the lock screen")
        .doesNotContain(decided.body().path("studentName").asText("?"));
    var outbox = seeded.as(parentId).get("/dev/outbox");
    assertThat(outbox.status()).isEqualTo(200);
    assertThat(outbox.body().get("requests").asInt()).isEqualTo(stackFcm.requests());
  }

  @Test
  void through_the_queue_a_redelivered_event_should_push_nothing_twice_and_a_poison_event_should_be_dead_lettered()
      throws Exception {
    FakeFcm stackFcm = stack.fakeFcm();
    stack.events().awaitIdle(Duration.ofSeconds(30));
    stackFcm.reset();
    String event = Json.write(announcement(true));
    int deadBefore = stack.events().deadLetters("EventsDeadLetterQueue").size();

    stack.events().send("EventsQueue", event);
    stack.events().awaitIdle(Duration.ofSeconds(60));
    int first = stackFcm.requests();
    stack.events().send("EventsQueue", event);
    stack.events().send("EventsQueue", "{\"id\":\"poison\",\"type\":\"announcement.published\"}");
    stack.events().awaitIdle(Duration.ofSeconds(60));

    var dead = stack.events().deadLetters("EventsDeadLetterQueue");
    System.out.printf("Push via ElasticMQ: %d FCM requests for %d devices, redelivery +%d; dead letters %d -> %d%n",
        first, classTokens.size(), stackFcm.requests() - first, deadBefore, dead.size());
    assertThat(first).isEqualTo(classTokens.size());
    assertThat(stackFcm.requests()).as("the redelivered event pushes nothing").isEqualTo(first);
    assertThat(dead).anySatisfy(m -> {
      assertThat(m.body()).contains("poison");
      assertThat(m.receiveCount()).isGreaterThanOrEqualTo(5);
    });
  }

  @Test
  void a_teachers_message_over_http_should_reach_the_familys_phones_and_not_the_senders() throws Exception {
    String parent = classTokens.stream().filter(t -> t.startsWith("push-test:")).reduce((a, b) -> b).orElseThrow();
    String parentId = parent.substring("push-test:".length(), parent.lastIndexOf('-'));
    SeededApi.Child child = seeded.children(parentId).stream()
        .filter(c -> c.classId().equals(SeededApi.CLASS_7A1)).findFirst().orElseThrow();
    var teacherDevice = seeded.as(SeededApi.TEACHER_7A1).post("/v1/devices",
        Map.of("token", "push-test:teacher-7a1", "platform", "android", "language", "vi"));
    assertThat(teacherDevice.status()).isEqualTo(200);
    FakeFcm stackFcm = stack.fakeFcm();
    stack.events().awaitIdle(Duration.ofSeconds(30));
    stackFcm.reset();

    var started = seeded.as(SeededApi.TEACHER_7A1).post("/v1/conversations", Map.of("studentId", child.studentId(),
        "text", "Chào phụ huynh, mai lớp đi tham quan.", "clientMessageId", java.util.UUID.randomUUID().toString()));
    assertThat(started.status()).as(started.text()).isIn(200, 201);
    stack.events().awaitIdle(Duration.ofSeconds(30));

    System.out.printf("Push: teacher's message over HTTP -> %d FCM requests; family phone got %s%n",
        stackFcm.requests(), stackFcm.received(parent).stream().map(FakeFcm.Delivery::title).toList());
    assertThat(stackFcm.received(parent)).singleElement()
        .satisfies(d -> assertThat(d.data()).containsEntry("type", EventTypes.MESSAGE_SENT));
    assertThat(stackFcm.received("push-test:teacher-7a1")).as("the sender's own phone").isEmpty();
  }

  @Test
  void a_confirmed_payment_should_reach_the_paying_parents_phones_once_without_the_amount() {
    String token = classTokens.stream().filter(t -> t.startsWith("push-test:")).findFirst().orElseThrow();
    String parentId = token.substring("push-test:".length(), token.lastIndexOf('-'));
    DomainEvent event = new DomainEvent(Ids.newId(MORNING.toEpochMilli()), EventTypes.PAYMENT_CONFIRMED,
        SeededApi.NGUYEN_TRAI, MORNING, Map.of("paymentId", "LL7K3M9Q2XH", "guardianSub", parentId));
    PushDispatchFunction function = dispatcherAt(MORNING);

    assertThat(deliver(function, Json.write(event))).isEmpty();
    assertThat(deliver(function, Json.write(event))).as("a redelivery").isEmpty();

    Set<String> parentTokens = tokensOf(parentId);
    assertThat(parentTokens).contains(token);
    System.out.printf("Push: payment confirmed -> %d FCM requests for the payer's %d devices%n", fcm.requests(),
        parentTokens.size());
    assertThat(fcm.outbox().keySet()).containsExactlyInAnyOrderElementsOf(parentTokens);
    for (String own : parentTokens) {
      assertThat(fcm.received(own)).singleElement().satisfies(d -> {
        assertThat(d.title()).isIn("Nhà trường đã nhận thanh toán", "The school received a payment");
        assertThat(d.title() + d.body()).doesNotContainPattern("[0-9]");
      });
    }
  }

  // --- privacy (issue 18, minimisation): lock-screen texts carry details only for families that opted in ---

  /** A 7A1 family's first child in the class, its full name and its latest mark in Toán this term. */
  private record Pupil(String parentId, String studentId, String name) {}

  private Pupil pupilOf(String token) {
    String parentId = token.substring("push-test:".length(), token.lastIndexOf('-'));
    String studentId = seeded.children(parentId).stream().filter(c -> c.classId().equals(SeededApi.CLASS_7A1))
        .findFirst().orElseThrow().studentId();
    var profile = stack.dynamo().client().getItem(r -> r.tableName(stack.dynamo().tableName()).key(Map.of(
        "pk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#ST#" + studentId),
        "sk", AttributeValue.fromS("PROFILE")))).item();
    return new Pupil(parentId, studentId, profile.get("fullName").s());
  }

  private void detailedPreviews(String parentId, boolean on) {
    var put = seeded.as(parentId).put("/v1/me/notification-settings", Map.of("quietHoursEnabled", true,
        "quietHoursStart", "21:00", "quietHoursEnd", "06:30", "detailedPreviews", on));
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.body().path("detailedPreviews").asBoolean()).isEqualTo(on);
    assertThat(seeded.as(parentId).get("/v1/me/notification-settings").body().path("detailedPreviews").asBoolean())
        .isEqualTo(on);
  }

  @Test
  void a_new_grade_should_show_the_pupils_name_and_mark_only_to_the_family_that_opted_in() {
    List<String> parents = classTokens.stream().filter(t -> t.startsWith("push-test:"))
        .map(t -> t.substring("push-test:".length(), t.lastIndexOf('-'))).distinct().toList();
    Pupil opted = pupilOf(classTokens.stream().filter(t -> t.startsWith("push-test:" + parents.get(0) + "-")).findFirst().orElseThrow());
    Pupil generic = pupilOf(classTokens.stream().filter(t -> t.startsWith("push-test:" + parents.get(1) + "-")).findFirst().orElseThrow());
    assertThat(opted.studentId()).isNotEqualTo(generic.studentId());
    detailedPreviews(opted.parentId(), true);
    try {
      DomainEvent grade = new DomainEvent(Ids.newId(MORNING.toEpochMilli()), EventTypes.GRADE_PUBLISHED,
          SeededApi.NGUYEN_TRAI, MORNING, Map.of("classId", SeededApi.CLASS_7A1, "subject", "toan",
              "term", "2026-2027-HK1", "students", opted.studentId() + "," + generic.studentId()));
      assertThat(deliver(dispatcherAt(MORNING), Json.write(grade))).isEmpty();

      List<FakeFcm.Delivery> optedIn = tokensOf(opted.parentId()).stream().flatMap(t -> fcm.received(t).stream()).toList();
      List<FakeFcm.Delivery> others = fcm.outbox().entrySet().stream()
          .filter(e -> !tokensOf(opted.parentId()).contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
      // Counts only: the test's output is part of the log LogMinimisationCheck scans.
      System.out.printf("Push previews: grade -> %d detailed pushes to the opted-in family, %d generic to the others%n",
          optedIn.size(), others.size());
      assertThat(optedIn).isNotEmpty().allSatisfy(d -> {
        assertThat(d.body()).as("the opted-in family's lock screen").contains(opted.name())
            .containsPattern("(Toán: điểm|Mathematics: mark) [0-9]").doesNotContain(generic.name());
        assertThat(d.data()).containsEntry("type", EventTypes.GRADE_PUBLISHED);
      });
      assertThat(others).as("the families that did not opt in").isNotEmpty().allSatisfy(d -> {
        assertThat(d.title() + d.body()).doesNotContain(opted.name()).doesNotContain(generic.name())
            .doesNotContainPattern("[0-9]");
        assertThat(d.data()).containsEntry("type", EventTypes.GRADE_PUBLISHED).containsEntry("classId", SeededApi.CLASS_7A1);
      });

      // A payment: the amount only on the opted-in family's phones.
      fcm.reset();
      var payment = stack.dynamo().client().scan(r -> r.tableName(stack.dynamo().tableName())
          .filterExpression("begins_with(pk, :p) AND sk = :s")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#PAY#"),
              ":s", AttributeValue.fromS("PAYMENT")))).items().get(0);
      long amount = Long.parseLong(payment.get("amountVnd").n());
      for (Pupil family : List.of(opted, generic)) {
        DomainEvent paid = new DomainEvent(Ids.newId(MORNING.toEpochMilli()), EventTypes.PAYMENT_CONFIRMED,
            SeededApi.NGUYEN_TRAI, MORNING, Map.of("paymentId", payment.get("paymentId").s(), "guardianSub",
                family.parentId()));
        assertThat(deliver(dispatcherAt(MORNING), Json.write(paid))).isEmpty();
      }
      String shown = String.format(java.util.Locale.ROOT, "%,d", amount);
      tokensOf(opted.parentId()).forEach(t -> assertThat(fcm.received(t)).singleElement().satisfies(d ->
          assertThat(d.body().replace('.', ',')).contains(shown)));
      tokensOf(generic.parentId()).forEach(t -> assertThat(fcm.received(t)).singleElement().satisfies(d ->
          assertThat(d.title() + d.body()).doesNotContainPattern("[0-9]")));
    } finally {
      detailedPreviews(opted.parentId(), false);
    }
  }

  /** Every device of the parent in the school (the seed's demo devices too), as their partition holds them. */
  private Set<String> tokensOf(String parentId) {
    Set<String> tokens = new LinkedHashSet<>();
    stack.dynamo().client().query(QueryRequest.builder().tableName(stack.dynamo().tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + parentId),
            ":sk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#DEVICE#")))
        .consistentRead(true).build()).items().forEach(item -> tokens.add(item.get("token").s()));
    return tokens;
  }

  @Test
  void an_urgent_class_announcement_published_over_http_should_reach_every_guardians_phone_exactly_once()
      throws Exception {
    FakeFcm stackFcm = stack.fakeFcm();
    stack.events().awaitIdle(Duration.ofSeconds(30));
    stackFcm.reset();

    var created = seeded.as(SeededApi.TEACHER_7A1).post("/v1/announcements", Map.of("schoolId", SeededApi.NGUYEN_TRAI,
        "scope", "CLASS", "classId", SeededApi.CLASS_7A1, "title", "Khẩn: lớp 7A1 tan học lúc 10 giờ",
        "body", "Do mất điện, lớp 7A1 tan học lúc 10 giờ. Phụ huynh vui lòng đón con.", "urgent", true,
        "acknowledgementRequired", true));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String announcementId = created.body().get("id").asText();
    stack.events().awaitIdle(Duration.ofSeconds(60));

    System.out.printf("Push: urgent 7A1 announcement over HTTP -> %d FCM requests for %d phones%n",
        stackFcm.requests(), stackFcm.outbox().size());
    // Every phone of every guardian of the class (as the guardians' partitions hold them) got it once.
    for (String token : classTokens) {
      assertThat(stackFcm.received(token)).as(token).singleElement()
          .satisfies(d -> assertThat(d.data()).containsEntry("announcementId", announcementId));
    }
    assertThat(stackFcm.requests()).as("one request per phone, none twice").isEqualTo(stackFcm.outbox().size());
    // And only phones of the class's families: each receiving token's device item lists 7A1.
    var table = stack.dynamo();
    for (String token : stackFcm.outbox().keySet()) {
      var owners = table.client().query(QueryRequest.builder().tableName(table.tableName()).indexName("gsi1")
          .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :sk)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + SeededApi.NGUYEN_TRAI + "#DEVICES"),
              ":sk", AttributeValue.fromS("DEVICE#" + vn.lienlac.functions.platform.Hashes.sha256(token) + "#")))
          .build()).items();
      assertThat(owners).as("the device of " + token).isNotEmpty()
          .allSatisfy(item -> assertThat(item.get("classes").l()).extracting(AttributeValue::s).contains(SeededApi.CLASS_7A1));
    }
  }
}
