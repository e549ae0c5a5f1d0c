package vn.lienlac.functions.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.identity.Role;

/**
 * The identity directory: who is what in which school. Read as one Query per request
 * ({@code pk = USER#{sub}}); written by roster import (and the demo seed), one grant per item.
 */
public final class DirectoryRepository {
  private static final String GUARDIAN = "GUARDIAN#";
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<DirectoryItem> table;
  private final Clock clock;

  public DirectoryRepository(Dynamo dynamo, Clock clock) {
    this.enhanced = dynamo.enhanced();
    this.table = enhanced.table(dynamo.tableName(), DirectoryItem.SCHEMA);
    this.clock = clock;
  }

  /** Everything the person may do, in every school; an unknown person gets no grants at all. */
  public Caller caller(String subject) {
    List<Caller.Grant> grants = new ArrayList<>();
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.user(subject)).build()))
        .consistentRead(true)
        .build();
    for (DirectoryItem item : table.query(request).items()) {
      switch (item.kind == null ? "" : item.kind) { // other items of the partition (devices) grant nothing
        case DirectoryItem.ROLE -> grants.add(new Caller.RoleGrant(item.schoolId, Role.valueOf(item.role), item.displayName));
        case DirectoryItem.CHILD -> grants.add(new Caller.ChildGrant(item.schoolId, item.studentId, item.relationship,
            item.consentVersion));
        case DirectoryItem.TEACHES -> grants.add(new Caller.TeachingGrant(item.schoolId, item.classId, item.subject));
        case DirectoryItem.HOMEROOM -> grants.add(new Caller.HomeroomGrant(item.schoolId, item.classId));
        default -> { } // a grant kind this version does not know gives nothing: deny by default
      }
    }
    return new Caller(subject, grants);
  }

  /**
   * Consent (issue 18) as a guardian's CHILD grant carries it: the notice version agreed to, when,
   * through which channel (all null when not given), and when it was last withdrawn.
   */
  public record ChildConsent(String schoolId, String studentId, Integer version, String at, String channel,
      String withdrawnAt) {}

  /** The person's child grants with their consent attributes: one Query of their partition. */
  public List<ChildConsent> childConsents(String subject) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.user(subject)).build()))
        .consistentRead(true)
        .build();
    List<ChildConsent> children = new ArrayList<>();
    for (DirectoryItem item : table.query(request).items()) {
      if (DirectoryItem.CHILD.equals(item.kind)) {
        children.add(new ChildConsent(item.schoolId, item.studentId, item.consentVersion, item.consentAt,
            item.consentChannel, item.consentWithdrawnAt));
      }
    }
    return children;
  }

  /** Consent (issue 18): each guardian of a pupil (sub) and whether they have consented: one Query on gsi1. */
  public Map<String, Boolean> guardianConsents(String schoolId, String studentId) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(schoolId, studentId)).sortValue(GUARDIAN).build()))
        .build();
    Map<String, Boolean> consents = new LinkedHashMap<>();
    table.index(Keys.GSI1).query(request).stream()
        .flatMap(page -> page.items().stream())
        .forEach(item -> consents.put(item.userId, item.consentVersion != null));
    return consents;
  }

  /**
   * Consent (issue 18), for the push dispatcher: of these (guardian, pupil) pairs of a school, the
   * ones where the guardian has consented, as {@code sub#student}. BatchGetItem of the CHILD grants.
   */
  public Set<String> consentedPairs(String schoolId, Map<String, ? extends Collection<String>> studentsBySub) {
    List<Key> keys = new ArrayList<>();
    studentsBySub.forEach((sub, students) -> students.stream().distinct().forEach(student -> keys.add(Key.builder()
        .partitionValue(Keys.user(sub)).sortValue(Keys.childGrant(schoolId, student)).build())));
    Set<String> consented = new HashSet<>();
    Reads.batchGet(enhanced, table, keys).stream().filter(item -> item.consentVersion != null)
        .forEach(item -> consented.add(item.userId + "#" + item.studentId));
    return consented;
  }

  /** The guardians (Cognito subs) of a pupil: one Query on gsi1 (A13). */
  public List<String> guardians(String schoolId, String studentId) {
    return new ArrayList<>(guardianConsents(schoolId, studentId).keySet());
  }

  /**
   * The names the school knows these people by, in that role (people without the role are left
   * out): one BatchGetItem of their role grants (A3).
   */
  public Map<String, String> names(String schoolId, Role role, Collection<String> subjects) {
    List<Key> keys = subjects.stream().distinct()
        .map(s -> Key.builder().partitionValue(Keys.user(s)).sortValue(Keys.inSchool(schoolId, "ROLE#" + role)).build())
        .toList();
    Map<String, String> names = new LinkedHashMap<>();
    Reads.batchGet(enhanced, table, keys).forEach(item -> names.put(item.userId, item.displayName));
    return names;
  }

  /** Records a grant; false when it was already there (imports and seeds can be re-run). */
  public boolean grant(String subject, Caller.Grant grant) {
    DirectoryItem item = new DirectoryItem();
    item.pk = Keys.user(subject);
    item.type = DirectoryItem.TYPE;
    item.userId = subject;
    item.schoolId = grant.schoolId();
    item.createdAt = clock.instant().toString();
    switch (grant) {
      case Caller.RoleGrant r -> {
        item.kind = DirectoryItem.ROLE;
        item.sk = Keys.inSchool(r.schoolId(), "ROLE#" + r.role());
        item.role = r.role().name();
        item.displayName = r.displayName();
      }
      case Caller.ChildGrant c -> {
        item.kind = DirectoryItem.CHILD;
        item.sk = Keys.childGrant(c.schoolId(), c.studentId());
        item.studentId = c.studentId();
        item.relationship = c.relationship();
        // Reverse lookup: the guardians of a pupil.
        item.gsi1pk = Keys.student(c.schoolId(), c.studentId());
        item.gsi1sk = GUARDIAN + subject;
      }
      case Caller.TeachingGrant t -> {
        item.kind = DirectoryItem.TEACHES;
        item.sk = Keys.inSchool(t.schoolId(), "TEACHES#" + t.classId() + "#" + t.subject());
        item.classId = t.classId();
        item.subject = t.subject();
        // Reverse lookup: the teachers of a class.
        item.gsi1pk = Keys.schoolClass(t.schoolId(), t.classId());
        item.gsi1sk = "TEACHER#" + t.subject() + "#" + subject;
      }
      case Caller.HomeroomGrant h -> {
        item.kind = DirectoryItem.HOMEROOM;
        item.sk = Keys.inSchool(h.schoolId(), "HOMEROOM#" + h.classId());
        item.classId = h.classId();
      }
    }
    try {
      table.putItem(PutItemEnhancedRequest.builder(DirectoryItem.class)
          .item(item).conditionExpression(Writes.NOT_EXISTS).build());
      return true;
    } catch (ConditionalCheckFailedException alreadyGranted) {
      return false;
    }
  }
}
