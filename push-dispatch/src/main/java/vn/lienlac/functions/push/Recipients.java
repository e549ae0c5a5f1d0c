package vn.lienlac.functions.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.identity.DeviceItem;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;

/**
 * Who gets a push for an event, as device items (docs/ARCHITECTURE.md §4, push flow):
 * <ul>
 *   <li>announcement.published ({@code scope} school|grade|class, {@code scopeId}): the devices of
 *       the scope's guardians, from one paged Query of gsi1 {@code S#{school}#DEVICES} filtered on
 *       the device's children, classes or grades (not one Query per pupil);</li>
 *   <li>grade.published ({@code students}, comma-separated), leave.decided ({@code studentId}):
 *       the pupils' guardians' devices, the same Query;</li>
 *   <li>message.sent: the conversation's other participants (a class channel: the class's
 *       guardians, as above), and payment.confirmed ({@code guardianId}): their devices, one Query
 *       of {@code USER#{sub}} each.</li>
 * </ul>
 * Then the consent filter (issue 18): a guardian's device gets no push about a child they have not
 * consented for ({@link #consented}).
 * Data that a recipient lookup needs and that is missing or malformed is a poison event: it
 * throws, so SQS retries it and then dead-letters it.
 */
final class Recipients {
  private final DynamoDbTable<DeviceItem> devices;
  private final DynamoDbIndex<DeviceItem> bySchool;
  private final Dynamo dynamo;
  private final DirectoryRepository directory;
  /** Sort-key prefix of a conversation's participants (the messaging feature's items). */
  private static final String PARTICIPANT = "PARTICIPANT#";

  Recipients(Dynamo dynamo) {
    this.dynamo = dynamo;
    this.devices = dynamo.enhanced().table(dynamo.tableName(), DeviceItem.SCHEMA);
    this.bySchool = devices.index(Keys.GSI1);
    this.directory = new DirectoryRepository(dynamo, Clock.systemUTC()); // reads only: no clock used
  }

  /** The devices to push to, one per token; empty for an event type that has no push. */
  List<DeviceItem> of(DomainEvent event) {
    String school = event.schoolId();
    Set<String> about = null; // the pupils the push is about; null: the recipient's own children in the school
    List<DeviceItem> found;
    switch (event.type()) {
      case EventTypes.ANNOUNCEMENT_PUBLISHED -> found = schoolDevices(school, scope(event));
      case EventTypes.GRADE_PUBLISHED -> {
        about = Set.copyOf(ids(event, "students"));
        found = schoolDevices(school, guardianOf(about));
      }
      case EventTypes.LEAVE_DECIDED -> {
        about = Set.of(id(event, "studentId"));
        found = schoolDevices(school, guardianOf(about));
      }
      case EventTypes.MESSAGE_SENT -> {
        Message message = messageRecipients(event);
        about = message.about();
        found = message.devices();
      }
      case EventTypes.PAYMENT_CONFIRMED -> found = userDevices(school, List.of(id(event, "guardianSub")));
      default -> found = List.of();
    }
    Map<String, DeviceItem> byToken = new LinkedHashMap<>();
    consented(school, found, about).forEach(d -> byToken.putIfAbsent(d.token, d));
    return List.copyOf(byToken.values());
  }

  /**
   * Consent (issue 18): a guardian's device gets a push about their children only if they consented
   * for at least one child the push is about (its pupils among the device's children; without
   * pupils, any of the device's children). A push that is about none of their children (a teacher's
   * message, a staff conversation) is not theirs to consent to and passes. One BatchGetItem of the
   * CHILD grants concerned.
   */
  private List<DeviceItem> consented(String school, List<DeviceItem> found, Set<String> about) {
    Map<DeviceItem, List<String>> concerned = new LinkedHashMap<>();
    Map<String, Set<String>> bySub = new LinkedHashMap<>();
    for (DeviceItem device : found) {
      List<String> children = device.students == null ? List.of()
          : device.students.stream().filter(s -> about == null || about.contains(s)).toList();
      concerned.put(device, children);
      if (!children.isEmpty()) {
        bySub.computeIfAbsent(device.userId, s -> new TreeSet<>()).addAll(children);
      }
    }
    if (bySub.isEmpty()) {
      return found;
    }
    Set<String> consented = directory.consentedPairs(school, bySub);
    return found.stream().filter(d -> concerned.get(d).isEmpty()
        || concerned.get(d).stream().anyMatch(s -> consented.contains(d.userId + "#" + s))).toList();
  }

  /** A message's recipients' devices, and the pupil a FAMILY conversation is about (empty for staff ones). */
  private record Message(List<DeviceItem> devices, Set<String> about) {}

  /**
   * message.sent ({@code conversationId}, {@code senderSub}): a class channel's post reaches the
   * class's guardians (P2 filtered on the class); a family or staff conversation its other
   * participants ({@code PARTICIPANT#{sub}} items of the conversation, then P1 each).
   */
  private Message messageRecipients(DomainEvent event) {
    String school = event.schoolId();
    String conversation = Keys.conversation(school, id(event, "conversationId"));
    String sender = event.get("senderSub");
    var head = dynamo.client().getItem(r -> r.tableName(dynamo.tableName()).key(Map.of(
        Keys.PK, AttributeValue.fromS(conversation), Keys.SK, AttributeValue.fromS("CONV")))).item();
    if (head == null || head.isEmpty()) {
      throw new IllegalArgumentException("message.sent for a conversation that does not exist: " + conversation);
    }
    if ("CLASS".equals(head.getOrDefault("kind", AttributeValue.fromS("")).s()) && head.containsKey("classId")) {
      String classId = head.get("classId").s();
      return new Message(schoolDevices(school, d -> d.isGuardian() && d.classes != null && d.classes.contains(classId)
          && !d.userId.equals(sender)), null);
    }
    List<String> others = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      var page = dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
          .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(conversation),
              ":p", AttributeValue.fromS(PARTICIPANT)))
          .exclusiveStartKey(start).build());
      page.items().stream().map(item -> item.get(Keys.SK).s().substring(PARTICIPANT.length()))
          .filter(sub -> !sub.equals(sender)).forEach(others::add);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    AttributeValue student = head.get("studentId");
    return new Message(userDevices(school, others), student == null || student.s() == null ? Set.of() : Set.of(student.s()));
  }

  private static Predicate<DeviceItem> scope(DomainEvent event) {
    // The announcements feature publishes its Scope names (SCHOOL, GRADE, CLASS).
    String scope = event.get("scope") == null ? null : event.get("scope").toLowerCase(java.util.Locale.ROOT);
    if ("school".equals(scope)) {
      return DeviceItem::isGuardian;
    }
    String scopeId = id(event, "scopeId");
    return switch (scope == null ? "" : scope) {
      case "grade" -> d -> d.isGuardian() && d.grades != null && d.grades.contains(scopeId);
      case "class" -> d -> d.isGuardian() && d.classes != null && d.classes.contains(scopeId);
      default -> throw new IllegalArgumentException("announcement.published without a valid scope: " + scope);
    };
  }

  private static Predicate<DeviceItem> guardianOf(Set<String> students) {
    return d -> d.students != null && d.students.stream().anyMatch(students::contains);
  }

  /** gsi1 {@code S#{school}#DEVICES}: every device of the school, in pages of 1 MB (about 3,000 devices). */
  private List<DeviceItem> schoolDevices(String school, Predicate<DeviceItem> wanted) {
    List<DeviceItem> found = new ArrayList<>();
    var query = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.schoolDevices(school)).build()))
        .build();
    bySchool.query(query).forEach(page -> page.items().stream().filter(wanted).forEach(found::add));
    return found;
  }

  /** {@code USER#{sub}} begins_with {@code S#{school}#DEVICE#}: one Query per person. */
  private List<DeviceItem> userDevices(String school, List<String> subjects) {
    List<DeviceItem> found = new ArrayList<>();
    for (String subject : subjects) {
      var query = QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
          Key.builder().partitionValue(Keys.user(subject)).sortValue(Keys.device(school, "")).build())).build();
      devices.query(query).items().forEach(found::add);
    }
    return found;
  }

  private static String id(DomainEvent event, String name) {
    String value = event.get(name);
    if (!Ids.isValid(value)) {
      throw new IllegalArgumentException(event.type() + " without a valid " + name);
    }
    return value;
  }

  static List<String> ids(DomainEvent event, String name) {
    String value = event.get(name);
    List<String> ids = value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    if (ids.isEmpty() || !ids.stream().allMatch(Ids::isValid)) {
      throw new IllegalArgumentException(event.type() + " without valid " + name);
    }
    return ids;
  }
}
