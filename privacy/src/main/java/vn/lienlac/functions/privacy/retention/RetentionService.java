package vn.lienlac.functions.privacy.retention;

import static vn.lienlac.functions.privacy.TableItems.get;
import static vn.lienlac.functions.privacy.TableItems.key;
import static vn.lienlac.functions.privacy.TableItems.keyOf;
import static vn.lienlac.functions.privacy.TableItems.n;
import static vn.lienlac.functions.privacy.TableItems.query;
import static vn.lienlac.functions.privacy.TableItems.s;
import static vn.lienlac.functions.privacy.TableItems.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.common.SchoolTime;

/**
 * Retention of the records of pupils who left (issue 18 point 4; docs/privacy/erasure.md): the
 * school keeps them for its retention period ({@code S#{school}} / {@code SETTINGS#RETENTION},
 * {@code leftPupilRetentionDays}; {@link #DEFAULT_DAYS} when absent), then DynamoDB's TTL deletes
 * them ({@code expiresAt}, epoch seconds).
 *
 * <p>One run (daily, {@link RetentionFunction}), per school of the {@code SCHOOLS} index:
 * <ol>
 *   <li>pupils the roster import marked LEFT (gsi1 {@code S#{school}#PUPILS}, {@code LEFT#…}) whose
 *       expiry is not set yet, or changed (the setting, or a new leaving date): {@code expiresAt}
 *       on every item of their partition and on their leave requests' references, and their
 *       PROFILE enters the index {@code S#{school}#LEFT} / {@code {expiry}#{student}};</li>
 *   <li>the index: a pupil who came back (PROFILE no longer LEFT) loses every {@code expiresAt};
 *       a pupil whose expiry has come leaves the class registers (one register holds a whole class:
 *       the pupil's entry is removed from each, conditionally on its version, the classmates' marks
 *       stay) and their old classes' member lists, then the PROFILE gets its own {@code expiresAt}
 *       (last: until then it is what tells the run what is left to do).</li>
 * </ol>
 * Every step is idempotent; a run that fails half-way is finished by the next.
 */
public final class RetentionService {
  /**
   * The default retention period after a pupil leaves: 5 years. A product default, NOT a confirmed
   * legal figure (docs/privacy/erasure.md says what is known); each school sets its own.
   */
  public static final int DEFAULT_DAYS = 5 * 365;
  static final String DAYS_ATTRIBUTE = "leftPupilRetentionDays";
  private static final String LEFT = "LEFT";

  /** What a run did. */
  public record Summary(int schools, int marked, int cleared, int expired, int registersChanged) {}

  private final DynamoDbClient client;
  private final String table;

  public RetentionService(Dynamo dynamo) {
    this.client = dynamo.client();
    this.table = dynamo.tableName();
  }

  /** One run as of {@code today} (in Vietnam). */
  public Summary run(LocalDate today) {
    int schools = 0;
    int[] counts = new int[4];
    for (Map<String, AttributeValue> school : query(client, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("gsi1pk = :all").expressionAttributeValues(Map.of(":all", s(Keys.ALL_SCHOOLS))).build())) {
      schools++;
      runSchool(text(school, "schoolId"), today, counts);
    }
    return new Summary(schools, counts[0], counts[1], counts[2], counts[3]);
  }

  private void runSchool(String schoolId, LocalDate today, int[] counts) {
    int days = retentionDays(schoolId);
    for (Map<String, AttributeValue> entry : query(client, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("gsi1pk = :pupils AND begins_with(gsi1sk, :left)")
        .expressionAttributeValues(Map.of(":pupils", s(Keys.pupilsOf(schoolId)), ":left", s(LEFT + "#"))).build())) {
      String studentId = text(entry, "studentId");
      String leftAt = text(entry, "leftAt");
      Map<String, AttributeValue> profile = get(client, table, Keys.student(schoolId, studentId), Keys.PROFILE);
      if (leftAt == null || profile == null || !LEFT.equals(text(profile, "status"))) {
        continue;
      }
      LocalDate expiry = LocalDate.parse(leftAt).plusDays(days);
      if (!expiry.toString().equals(text(profile, "retentionExpiry"))) {
        mark(schoolId, studentId, expiry);
        counts[0]++;
      }
    }
    for (Map<String, AttributeValue> profile : query(client, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("gsi1pk = :left").expressionAttributeValues(Map.of(":left", s(Keys.leftPupils(schoolId))))
        .build())) {
      String studentId = text(profile, "studentId");
      if (!LEFT.equals(text(profile, "status"))) {
        clear(schoolId, studentId);
        counts[1]++;
      } else if (!LocalDate.parse(text(profile, "retentionExpiry")).isAfter(today)) {
        counts[3] += expire(schoolId, studentId, profile);
        counts[2]++;
      }
    }
  }

  private int retentionDays(String schoolId) {
    Map<String, AttributeValue> settings = get(client, table, Keys.school(schoolId), Keys.RETENTION_SETTINGS);
    AttributeValue days = settings == null ? null : settings.get(DAYS_ATTRIBUTE);
    return days == null || days.n() == null ? DEFAULT_DAYS : Integer.parseInt(days.n());
  }

  /** {@code expiresAt} on the pupil's items (not the PROFILE yet), and the PROFILE into the index. */
  private void mark(String schoolId, String studentId, LocalDate expiry) {
    String partition = Keys.student(schoolId, studentId);
    AttributeValue ttl = n(expiry.atStartOfDay(SchoolTime.ZONE).toEpochSecond());
    setExpiry(partition, ttl);
    update(UpdateItemRequest.builder().tableName(table).key(key(partition, Keys.PROFILE))
        .updateExpression("SET retentionExpiry = :expiry, gsi1pk = :left, gsi1sk = :sk REMOVE expiresAt")
        .conditionExpression("#status = :gone").expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":expiry", s(expiry.toString()), ":left", s(Keys.leftPupils(schoolId)),
            ":sk", s(expiry + "#" + studentId), ":gone", s(LEFT))).build());
  }

  /** The pupil came back: nothing of theirs expires. */
  private void clear(String schoolId, String studentId) {
    String partition = Keys.student(schoolId, studentId);
    for (Map<String, AttributeValue> item : partitionItems(partition)) {
      if (item.containsKey("expiresAt") && !text(item, Keys.SK).startsWith(Keys.IDEMPOTENCY)) {
        client.updateItem(r -> r.tableName(table).key(keyOf(item)).updateExpression("REMOVE expiresAt"));
      }
      leaveReference(schoolId, item, null);
    }
    client.updateItem(r -> r.tableName(table).key(key(partition, Keys.PROFILE))
        .updateExpression("REMOVE retentionExpiry, gsi1pk, gsi1sk, expiresAt"));
  }

  /** The expiry has come: out of the registers and member lists, then the PROFILE expires too. */
  private int expire(String schoolId, String studentId, Map<String, AttributeValue> profile) {
    String partition = Keys.student(schoolId, studentId);
    Set<String> classes = new LinkedHashSet<>();
    if (text(profile, "classId") != null) {
      classes.add(text(profile, "classId"));
    }
    List<Map<String, AttributeValue>> items = partitionItems(partition);
    items.stream().filter(i -> text(i, Keys.SK).startsWith(Keys.ENROLMENT) && text(i, "classId") != null)
        .forEach(i -> classes.add(text(i, "classId")));
    int changed = 0;
    for (String classId : classes) {
      changed += leaveRegisters(Keys.schoolClass(schoolId, classId), studentId);
      client.deleteItem(r -> r.tableName(table).key(key(Keys.schoolClass(schoolId, classId), Keys.MEMBER + studentId)));
    }
    AttributeValue ttl = n(LocalDate.parse(text(profile, "retentionExpiry")).atStartOfDay(SchoolTime.ZONE).toEpochSecond());
    setExpiry(partition, ttl); // what was written since the mark expires too
    client.updateItem(r -> r.tableName(table).key(key(partition, Keys.PROFILE))
        .updateExpression("SET expiresAt = :ttl REMOVE gsi1pk, gsi1sk").expressionAttributeValues(Map.of(":ttl", ttl)));
    return changed;
  }

  /** Removes the pupil's entry (roster position, status, note) from each of the class's registers that holds it. */
  private int leaveRegisters(String classPartition, String studentId) {
    int changed = 0;
    for (Map<String, AttributeValue> register : query(client, QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :att)")
        .filterExpression("contains(#roster, :student) OR attribute_exists(#statuses.#student) OR attribute_exists(#notes.#student)")
        .expressionAttributeNames(Map.of("#roster", "roster", "#statuses", "statuses", "#notes", "notes", "#student", studentId))
        .expressionAttributeValues(Map.of(":pk", s(classPartition), ":att", s(Keys.ATTENDANCE), ":student", s(studentId)))
        .build())) {
      List<String> removes = new ArrayList<>();
      Map<String, String> names = new HashMap<>(Map.of("#student", studentId, "#version", "version"));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1), ":v", register.get("version")));
      String condition = "#version = :v";
      List<AttributeValue> roster = register.containsKey("roster") ? register.get("roster").l() : List.of();
      for (int i = 0; i < roster.size(); i++) {
        if (studentId.equals(roster.get(i).s())) {
          names.put("#roster", "roster");
          removes.add("#roster[" + i + "]");
          values.put(":student", s(studentId));
          condition += " AND #roster[" + i + "] = :student";
          break;
        }
      }
      for (String map : List.of("statuses", "notes")) {
        AttributeValue value = register.get(map);
        if (value != null && value.hasM() && value.m().containsKey(studentId)) {
          names.put("#" + map, map);
          removes.add("#" + map + ".#student");
        }
      }
      if (removes.isEmpty()) {
        continue;
      }
      if (!removes.stream().anyMatch(r -> r.contains("#student"))) {
        names.remove("#student");
      }
      String expression = "SET #version = #version + :one REMOVE " + String.join(", ", removes);
      String check = condition;
      try {
        client.updateItem(r -> r.tableName(table).key(keyOf(register)).updateExpression(expression)
            .conditionExpression(check).expressionAttributeNames(names).expressionAttributeValues(values));
        changed++;
      } catch (ConditionalCheckFailedException takenMeanwhile) {
        // the register changed since it was read: the next run removes the entry
      }
    }
    return changed;
  }

  private void setExpiry(String partition, AttributeValue ttl) {
    String schoolId = partition.substring(2, partition.indexOf("#ST#"));
    for (Map<String, AttributeValue> item : partitionItems(partition)) {
      String sk = text(item, Keys.SK);
      if (Keys.PROFILE.equals(sk) || sk.startsWith(Keys.IDEMPOTENCY)) {
        continue; // the PROFILE last (expire); idempotency records have their own 24 h expiry
      }
      update(UpdateItemRequest.builder().tableName(table).key(keyOf(item)).updateExpression("SET expiresAt = :ttl")
          .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":ttl", ttl)).build());
      leaveReference(schoolId, item, ttl);
    }
  }

  /** A leave request's reference ({@code S#{school}#LEAVE#{id}} / {@code REF}) expires with it. */
  private void leaveReference(String schoolId, Map<String, AttributeValue> item, AttributeValue ttl) {
    String sk = text(item, Keys.SK);
    if (!sk.startsWith(Keys.LEAVE)) {
      return;
    }
    var reference = UpdateItemRequest.builder().tableName(table)
        .key(key(Keys.leaveRequest(schoolId, sk.substring(Keys.LEAVE.length())), Keys.REF))
        .conditionExpression("attribute_exists(pk)");
    update(ttl == null ? reference.updateExpression("REMOVE expiresAt").build()
        : reference.updateExpression("SET expiresAt = :ttl").expressionAttributeValues(Map.of(":ttl", ttl)).build());
  }

  private List<Map<String, AttributeValue>> partitionItems(String partition) {
    return query(client, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
        .projectionExpression("pk, sk, classId, expiresAt")
        .expressionAttributeValues(Map.of(":pk", s(partition))).build());
  }

  private void update(UpdateItemRequest request) {
    try {
      client.updateItem(request);
    } catch (ConditionalCheckFailedException goneOrChanged) {
      // deleted meanwhile (TTL), or the pupil came back before this run: nothing to do
    }
  }
}
