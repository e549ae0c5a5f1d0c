package vn.lienlac.functions.privacy.erasure;

import static vn.lienlac.functions.privacy.TableItems.get;
import static vn.lienlac.functions.privacy.TableItems.key;
import static vn.lienlac.functions.privacy.TableItems.keyOf;
import static vn.lienlac.functions.privacy.TableItems.n;
import static vn.lienlac.functions.privacy.TableItems.query;
import static vn.lienlac.functions.privacy.TableItems.s;
import static vn.lienlac.functions.privacy.TableItems.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterEntries;
import vn.lienlac.functions.messaging.MessagingService;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.identity.Role;

/**
 * Erasure of a guardian's account ({@code DELETE /v1/me}, issue 18 point 4; the policy is
 * docs/privacy/erasure.md). The guardian's personal data goes from every item that holds it; the
 * school's statutory records (grades, attendance, conduct, record book, invoices and receipts) stay,
 * and what the guardian wrote stays with their identifiers removed: the sender becomes
 * {@link #ERASED_GUARDIAN} with a stable pseudonym ({@link #pseudonym}) instead of their id.
 *
 * <p>Safe to retry: the first request writes a tombstone {@code USER#{sub}} / {@code ERASED} holding
 * what the run needs (the children, the phones, the names: the grants that told them are deleted
 * on the way), every step is idempotent (a condition on what it replaces, or a no-op when done),
 * and the last step strips the tombstone to {@code status = DONE} and the time. A crash half-way is
 * finished by the next request; a request after that answers 204 again and changes nothing.
 */
public final class ErasureService {
  /** The name an erased guardian's messages, participations and leave requests show. */
  public static final String ERASED_GUARDIAN = "Phụ huynh (đã xoá tài khoản)";
  /** Prefix of the pseudonym that replaces an erased guardian's id where their records stay. */
  public static final String PSEUDONYM_PREFIX = "erased-";
  /** Sort key of the tombstone in {@code USER#{sub}}. */
  public static final String TOMBSTONE = Keys.ERASED;
  static final String ERASING = "ERASING";
  static final String DONE = "DONE";
  /** Attributes that may carry a person's name or phone on items that are kept (audit entries). */
  private static final List<String> PERSONAL_ATTRIBUTES = List.of("actorName", "displayName", "name", "phone",
      "guardianName", "channelDetail");

  private final DynamoDbClient client;
  private final String table;
  private final DirectoryRepository directory;
  private final AccountDirectory accounts;
  private final Consumer<Map<String, AttributeValue>> onExportJob;
  private final Clock clock;

  /**
   * @param onExportJob called with each of the person's export job items before it is deleted (the
   *     export feature removes the archive it points to)
   */
  public ErasureService(Dynamo dynamo, Clock clock, AccountDirectory accounts,
      Consumer<Map<String, AttributeValue>> onExportJob) {
    this.client = dynamo.client();
    this.table = dynamo.tableName();
    this.directory = new DirectoryRepository(dynamo, clock);
    this.accounts = accounts;
    this.onExportJob = onExportJob;
    this.clock = clock;
  }

  /** The stable pseudonym of an erased person: the same for every item and every retry, and no way back to the id. */
  public static String pseudonym(String subject) {
    return PSEUDONYM_PREFIX + Hashes.sha256("lienlac-erased-guardian\u001f" + subject).substring(0, 20);
  }

  /** What one erasure touches, kept in the tombstone until it is done. */
  record Plan(String subject, List<String> children, List<String> phones, List<String> names) {
    String pseudonym() {
      return ErasureService.pseudonym(subject);
    }

    Set<String> schools() {
      Set<String> schools = new LinkedHashSet<>();
      children.forEach(c -> schools.add(c.substring(0, c.indexOf('/'))));
      return schools;
    }
  }

  /**
   * Erases the caller's account. 404 for a person the directory does not know (and no erasure under
   * way); 403 for staff and teachers (the school manages their accounts).
   */
  public void erase(String subject) {
    Map<String, AttributeValue> tombstone = get(client, table, Keys.user(subject), TOMBSTONE);
    if (tombstone != null && DONE.equals(text(tombstone, "status"))) {
      return; // erased already: a retry whose first answer was lost
    }
    Plan plan = tombstone != null ? fromTombstone(subject, tombstone) : start(subject);
    conversations(plan);
    leaveRequests(plan);
    consentAudit(plan);
    rosterEntries(plan);
    importChunks(plan);
    personalPartition(plan);
    signInAccounts(plan);
    finish(plan);
  }

  // --- the plan and the tombstone --------------------------------------------------------------

  private Plan start(String subject) {
    Caller caller = directory.caller(subject);
    if (caller.grants().isEmpty()) {
      throw new ApiException.NotFound();
    }
    boolean staff = caller.grants().stream().anyMatch(g -> switch (g) {
      case Caller.RoleGrant r -> r.role() != Role.PARENT;
      case Caller.ChildGrant c -> false;
      default -> true; // teaching, homeroom
    });
    if (staff) {
      throw new ApiException.Forbidden("privacy.erasure.staffAccount");
    }
    List<String> children = new ArrayList<>();
    Set<String> phones = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    for (Caller.Grant grant : caller.grants()) {
      if (grant instanceof Caller.RoleGrant r && r.displayName() != null) {
        names.add(r.displayName());
      }
      if (grant instanceof Caller.ChildGrant c) {
        children.add(c.schoolId() + "/" + c.studentId());
        Map<String, AttributeValue> entry = get(client, table, Keys.student(c.schoolId(), c.studentId()), Keys.ROSTER_ENTRY);
        for (String guardian : strings(entry, "guardians")) {
          String phone = RosterEntries.phoneOf(guardian);
          Map<String, AttributeValue> account = get(client, table, Keys.phone(phone), Keys.ACCOUNT);
          if (account != null && subject.equals(text(account, "sub"))) {
            phones.add(phone);
            String[] parts = guardian.split("\\|", 3);
            if (parts.length == 3 && !parts[2].isEmpty()) {
              names.add(parts[2]);
            }
          }
        }
      }
    }
    Plan plan = new Plan(subject, List.copyOf(children), List.copyOf(phones), List.copyOf(names));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(Keys.user(subject)));
    item.put(Keys.SK, s(TOMBSTONE));
    item.put("type", s("ErasureTombstone"));
    item.put("status", s(ERASING));
    item.put("startedAt", s(clock.instant().toString()));
    item.put("children", list(plan.children()));
    item.put("phones", list(plan.phones()));
    item.put("names", list(plan.names()));
    try {
      client.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return plan;
    } catch (ConditionalCheckFailedException concurrent) { // a twin request started first: follow its plan
      return fromTombstone(subject, get(client, table, Keys.user(subject), TOMBSTONE));
    }
  }

  private static Plan fromTombstone(String subject, Map<String, AttributeValue> tombstone) {
    return new Plan(subject, strings(tombstone, "children"), strings(tombstone, "phones"), strings(tombstone, "names"));
  }

  private void finish(Plan plan) {
    client.updateItem(r -> r.tableName(table).key(key(Keys.user(plan.subject()), TOMBSTONE))
        .updateExpression("SET #status = :done, erasedAt = :at REMOVE #children, #phones, #names")
        .expressionAttributeNames(Map.of("#status", "status", "#children", "children", "#phones", "phones",
            "#names", "names"))
        .expressionAttributeValues(Map.of(":done", s(DONE), ":at", s(clock.instant().toString()))));
  }

  // --- what they wrote: messages, participations, leave requests --------------------------------

  private void conversations(Plan plan) {
    Set<String> partitions = new LinkedHashSet<>();
    query(client, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("gsi1pk = :inbox")
        .expressionAttributeValues(Map.of(":inbox", s(Keys.inbox(plan.subject())))).build())
        .forEach(p -> partitions.add(text(p, Keys.PK)));
    for (String child : plan.children()) { // class channels: a read mark leaves a participant item there
      String[] parts = child.split("/", 2);
      Map<String, AttributeValue> pupil = get(client, table, Keys.student(parts[0], parts[1]), Keys.PROFILE);
      if (pupil != null && text(pupil, "classId") != null) {
        partitions.add(Keys.conversation(parts[0], MessagingService.classChannelId(parts[0], text(pupil, "classId"))));
      }
    }
    String pseudonym = plan.pseudonym();
    for (String conversation : partitions) {
      for (Map<String, AttributeValue> message : query(client, QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :msg)")
          .filterExpression("senderId = :me")
          .expressionAttributeValues(Map.of(":pk", s(conversation), ":msg", s(Keys.MESSAGE), ":me", s(plan.subject())))
          .build())) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":me", s(plan.subject()), ":p", s(pseudonym),
            ":label", s(ERASED_GUARDIAN)));
        Map<String, String> names = new HashMap<>();
        String set = "SET senderId = :p, senderName = :label";
        for (String field : List.of("text", "previousText")) {
          String value = text(message, field);
          if (value != null) {
            names.put("#" + field, field);
            values.put(":" + field, s(Redaction.redact(value, plan.phones(), plan.names())));
            set += ", #" + field + " = :" + field;
          }
        }
        var update = UpdateItemRequest.builder().tableName(table).key(keyOf(message)).updateExpression(set)
            .conditionExpression("senderId = :me").expressionAttributeValues(values);
        conditionalUpdate((names.isEmpty() ? update : update.expressionAttributeNames(names)).build());
      }
      conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(conversation, Keys.CONVERSATION))
          .updateExpression("SET createdBy = :p").conditionExpression("createdBy = :me")
          .expressionAttributeValues(Map.of(":p", s(pseudonym), ":me", s(plan.subject()))).build());
      Map<String, AttributeValue> seat = get(client, table, conversation, Keys.PARTICIPANT + plan.subject());
      if (seat != null) { // re-keyed under the pseudonym, out of anyone's inbox; last, so a retry finds the rest first
        Map<String, AttributeValue> renamed = new HashMap<>(seat);
        renamed.put(Keys.SK, s(Keys.PARTICIPANT + pseudonym));
        renamed.put("userId", s(pseudonym));
        renamed.put("displayName", s(ERASED_GUARDIAN));
        renamed.remove(Keys.GSI1_PK);
        renamed.remove(Keys.GSI1_SK);
        try {
          client.transactWriteItems(r -> r.transactItems(
              TransactWriteItem.builder().put(Put.builder().tableName(table).item(renamed)
                  .conditionExpression("attribute_not_exists(pk)").build()).build(),
              TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(keyOf(seat))
                  .conditionExpression("attribute_exists(pk)").build()).build()));
        } catch (TransactionCanceledException raced) {
          // a twin erasure moved it meanwhile
        }
      }
    }
  }

  private void leaveRequests(Plan plan) {
    for (String child : plan.children()) {
      String[] parts = child.split("/", 2);
      for (Map<String, AttributeValue> leave : query(client, QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :leave)")
          .filterExpression("requestedBy = :me")
          .expressionAttributeValues(Map.of(":pk", s(Keys.student(parts[0], parts[1])), ":leave", s(Keys.LEAVE),
              ":me", s(plan.subject()))).build())) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":me", s(plan.subject()),
            ":p", s(plan.pseudonym()), ":label", s(ERASED_GUARDIAN)));
        String set = "SET requestedBy = :p, requestedByName = :label";
        var update = UpdateItemRequest.builder().tableName(table).key(keyOf(leave));
        if (text(leave, "reason") != null) {
          values.put(":reason", s(Redaction.redact(text(leave, "reason"), plan.phones(), plan.names())));
          set += ", #reason = :reason";
          update.expressionAttributeNames(Map.of("#reason", "reason"));
        }
        conditionalUpdate(update.updateExpression(set)
            .conditionExpression("requestedBy = :me").expressionAttributeValues(values).build());
      }
    }
  }

  /** The consent history stays (the proof that consent was given), without a name or a phone. */
  private void consentAudit(Plan plan) {
    for (String child : plan.children()) {
      String[] parts = child.split("/", 2);
      for (Map<String, AttributeValue> entry : query(client, QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
          .expressionAttributeValues(Map.of(":pk", s(Keys.student(parts[0], parts[1])), ":audit", s("AUDIT#CONSENT#")))
          .build())) {
        if (!text(entry, Keys.SK).endsWith("#" + plan.subject())) {
          continue;
        }
        List<String> present = PERSONAL_ATTRIBUTES.stream().filter(entry::containsKey).toList();
        if (!present.isEmpty()) {
          Map<String, String> names = new LinkedHashMap<>();
          for (int i = 0; i < present.size(); i++) {
            names.put("#a" + i, present.get(i));
          }
          client.updateItem(r -> r.tableName(table).key(keyOf(entry))
              .updateExpression("REMOVE " + String.join(", ", names.keySet())).expressionAttributeNames(names));
        }
      }
    }
  }

  // --- what the school's roster imports hold about them ----------------------------------------

  /** The children's roster entries lose this guardian; the fingerprint follows, so the next import agrees. */
  private void rosterEntries(Plan plan) {
    for (String child : plan.children()) {
      String[] parts = child.split("/", 2);
      Map<String, AttributeValue> entry = get(client, table, Keys.student(parts[0], parts[1]), Keys.ROSTER_ENTRY);
      List<String> guardians = strings(entry, "guardians");
      List<String> kept = guardians.stream().filter(g -> !plan.phones().contains(RosterEntries.phoneOf(g))).toList();
      if (kept.size() == guardians.size()) {
        continue;
      }
      String fingerprint = RosterEntries.fingerprint(text(entry, "learnerId"), text(entry, "pupilCode"),
          text(entry, "fullName"), text(entry, "dateOfBirth"), text(entry, "gender"), text(entry, "classId"),
          text(entry, "className"), text(entry, "schoolYear"), kept, text(entry, "status"));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":fp", s(fingerprint), ":one", n(1),
          ":read", entry.get("version")));
      String update = "SET fingerprint = :fp, #version = #version + :one";
      if (kept.isEmpty()) {
        update += " REMOVE guardians";
      } else {
        values.put(":g", list(kept));
        update = "SET guardians = :g, fingerprint = :fp, #version = #version + :one";
      }
      String expression = update;
      client.updateItem(r -> r.tableName(table).key(keyOf(entry)).updateExpression(expression)
          .conditionExpression("#version = :read").expressionAttributeNames(Map.of("#version", "version"))
          .expressionAttributeValues(values));
    }
  }

  /**
   * The import chunks of the guardian's schools (each import's plan and report, rows as JSON): every
   * row element that names one of the phones goes (a guardian of a pupil row, an account row), so a
   * confirmed import that has not run yet does not bring them back either.
   */
  private void importChunks(Plan plan) {
    if (plan.phones().isEmpty()) {
      return;
    }
    for (String school : plan.schools()) {
      for (Map<String, AttributeValue> rosterImport : query(client, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
          .keyConditionExpression("gsi1pk = :imports")
          .expressionAttributeValues(Map.of(":imports", s(Keys.schoolImports(school)))).build())) {
        for (Map<String, AttributeValue> chunk : query(client, QueryRequest.builder().tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :chunk)")
            .expressionAttributeValues(Map.of(":pk", rosterImport.get(Keys.PK), ":chunk", s(Keys.IMPORT_CHUNK)))
            .build())) {
          String rows = text(chunk, "rows");
          if (rows == null || plan.phones().stream().noneMatch(rows::contains)) {
            continue;
          }
          JsonNode tree;
          try {
            tree = Json.MAPPER.readTree(rows);
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An import chunk whose rows are not JSON: " + text(chunk, Keys.PK), e);
          }
          scrub(tree, plan.phones());
          client.updateItem(r -> r.tableName(table).key(keyOf(chunk)).updateExpression("SET #rows = :rows")
              .expressionAttributeNames(Map.of("#rows", "rows"))
              .expressionAttributeValues(Map.of(":rows", s(Json.write(tree)))));
        }
      }
    }
  }

  /** Removes from every array the elements (strings or objects) that name one of the phones. */
  private static void scrub(JsonNode node, List<String> phones) {
    if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        JsonNode element = array.get(i);
        boolean names = element.isTextual() ? phones.stream().anyMatch(p -> element.asText().contains(p))
            : element.isObject() && directlyNames(element, phones);
        if (names) {
          array.remove(i);
        } else {
          scrub(element, phones);
        }
      }
    } else if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> scrub(e.getValue(), phones));
    }
  }

  /** An object one of whose own text fields is one of the phones (an account row), not one that holds it deeper. */
  private static boolean directlyNames(JsonNode object, List<String> phones) {
    for (var field : object.properties()) {
      if (field.getValue().isTextual() && phones.contains(field.getValue().asText())) {
        return true;
      }
    }
    return false;
  }

  // --- their own partition and their sign-in account --------------------------------------------

  /** Devices, push settings, grants (with the consents on them), export jobs: every item of {@code USER#{sub}} but the tombstone. */
  private void personalPartition(Plan plan) {
    for (Map<String, AttributeValue> item : query(client, QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(Keys.user(plan.subject())))).build())) {
      String sk = text(item, Keys.SK);
      if (TOMBSTONE.equals(sk)) {
        continue;
      }
      if (sk.startsWith("EXPORT#")) {
        onExportJob.accept(item);
      }
      client.deleteItem(r -> r.tableName(table).key(keyOf(item)));
    }
  }

  private void signInAccounts(Plan plan) {
    for (String phone : plan.phones()) {
      try {
        client.deleteItem(r -> r.tableName(table).key(key(Keys.phone(phone), Keys.ACCOUNT))
            .conditionExpression("#sub = :me").expressionAttributeNames(Map.of("#sub", "sub"))
            .expressionAttributeValues(Map.of(":me", s(plan.subject()))));
      } catch (ConditionalCheckFailedException goneOrSomeoneElse) {
        // deleted by an earlier run (or the phone now belongs to another account: leave it)
      }
      accounts.delete(phone);
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void conditionalUpdate(UpdateItemRequest request) {
    try {
      client.updateItem(request);
    } catch (ConditionalCheckFailedException done) {
      // replaced by an earlier run
    }
  }

  private static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item == null ? null : item.get(name);
    if (value == null) {
      return List.of();
    }
    if (value.hasSs()) {
      return value.ss();
    }
    return value.hasL() ? value.l().stream().map(AttributeValue::s).toList() : List.of();
  }

  private static AttributeValue list(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }
}
