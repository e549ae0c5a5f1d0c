package vn.lienlac.functions.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DeviceService;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.DirectoryRepository.ChildConsent;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.privacy.PrivacyItems.ConsentAuditItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.privacy.Consent;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * A guardian's consent per child, recorded ON their CHILD grant ({@code USER#{sub}} /
 * {@code S#{school}#CHILD#{student}}: {@code consentVersion}, {@code consentAt},
 * {@code consentChannel}; {@code consentWithdrawnAt} after a withdrawal) with update expressions
 * only, so that nothing that re-creates grants can wipe it; each change leaves an append-only
 * {@code AUDIT#CONSENT#{at}#{sub}} item in the pupil's partition, in the same transaction.
 */
public final class ConsentService {
  private final DynamoDbClient client;
  private final String tableName;
  private final TableSchema<ConsentAuditItem> auditSchema = ConsentAuditItem.SCHEMA;
  private final DirectoryRepository directory;
  private final RosterRepository roster;
  private final NoticeService notices;
  private final DeviceService devices;
  private final Clock clock;

  public ConsentService(Dynamo dynamo, Clock clock) {
    this.client = dynamo.client();
    this.tableName = dynamo.tableName();
    this.directory = new DirectoryRepository(dynamo, clock);
    this.roster = new RosterRepository(dynamo);
    this.notices = new NoticeService(dynamo, clock);
    this.devices = new DeviceService(dynamo, roster, clock);
    this.clock = clock;
  }

  /** Every child of the caller, across schools, with their consent: one Query, then the names and notices. */
  public Consent.Page list(Caller caller) {
    List<ChildConsent> children = directory.childConsents(caller.subject());
    Map<String, School> schools = roster.schools(children.stream().map(ChildConsent::schoolId).distinct().toList());
    Map<String, Optional<Integer>> current = new LinkedHashMap<>();
    Map<String, Map<String, Student>> students = new LinkedHashMap<>();
    for (String schoolId : schools.keySet()) {
      current.put(schoolId, notices.currentVersion(schoolId));
      students.put(schoolId, roster.students(schoolId, children.stream()
          .filter(c -> c.schoolId().equals(schoolId)).map(ChildConsent::studentId).toList()));
    }
    List<Consent> items = new ArrayList<>();
    for (ChildConsent child : children) {
      School school = schools.get(child.schoolId());
      Student student = students.getOrDefault(child.schoolId(), Map.of()).get(child.studentId());
      if (school == null || student == null) {
        continue; // a grant whose pupil or school is gone: nothing to consent to
      }
      items.add(view(school, student, child, current.get(child.schoolId()).orElse(null)));
    }
    return new Consent.Page(items);
  }

  /**
   * Consent for one child to the school's current notice: 422 for a bad body (PAPER included: the
   * office records paper forms), 404 for a pupil who is not the caller's child, 409 when the school
   * has no notice or the version is not the current one. The same consent again changes nothing.
   */
  public Consent give(Caller caller, Consent.Grant grant, String requestId) {
    Validation validation = new Validation();
    validation.required("studentId", grant.studentId());
    if (grant.studentId() != null && !Ids.isValid(grant.studentId())) {
      validation.add(Violation.of("studentId", "privacy.badId", grant.studentId()));
    }
    Integer version = validation.required("noticeVersion", grant.noticeVersion());
    if (version != null && (version < 1 || version > PrivacyNotice.VERSION_MAX)) {
      validation.add(Violation.of("noticeVersion", "privacy.version.range", 1, PrivacyNotice.VERSION_MAX));
    }
    Consent.Channel channel = validation.required("channel", grant.channel());
    if (channel == Consent.Channel.PAPER) {
      validation.add(Violation.of("channel", "privacy.paperByStaff"));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    Caller.ChildGrant child = ConsentAccess.child(caller, grant.studentId());
    String schoolId = child.schoolId();
    int current = notices.currentVersion(schoolId)
        .orElseThrow(() -> new ApiException.Conflict("privacy.noNotice"));
    if (version != current) {
      throw new ApiException.Conflict((long) current, "privacy.staleNoticeVersion", version, current,
          PrivacyNotice.link(schoolId));
    }
    if (!Integer.valueOf(current).equals(child.consentVersion())) {
      Instant now = clock.instant();
      Update update = Update.builder().tableName(tableName)
          .key(grantKey(caller.subject(), schoolId, child.studentId()))
          .updateExpression("SET consentVersion = :v, consentAt = :at, consentChannel = :c REMOVE consentWithdrawnAt")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Integer.toString(current)),
              ":at", AttributeValue.fromS(now.toString()), ":c", AttributeValue.fromS(channel.name())))
          .build();
      write(update, audit(caller, schoolId, child.studentId(), ConsentAuditItem.GIVEN, current, channel.name(), now,
          requestId));
    }
    return one(caller, schoolId, child.studentId());
  }

  /**
   * Withdraws the caller's consent for one child (404 when not their child; nothing to withdraw:
   * unchanged). When they have no consented child left in the school and no other role there,
   * their push devices of that school are deleted; otherwise the dispatcher's consent filter keeps
   * this child's pushes from them.
   */
  public Consent withdraw(Caller caller, String studentId, String requestId) {
    Caller.ChildGrant child = ConsentAccess.child(caller, studentId);
    String schoolId = child.schoolId();
    if (child.consented()) {
      Instant now = clock.instant();
      Update update = Update.builder().tableName(tableName)
          .key(grantKey(caller.subject(), schoolId, studentId))
          .updateExpression("SET consentWithdrawnAt = :at REMOVE consentVersion, consentAt, consentChannel")
          .conditionExpression("attribute_exists(consentVersion)")
          .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(now.toString())))
          .build();
      write(update, audit(caller, schoolId, studentId, ConsentAuditItem.WITHDRAWN, child.consentVersion(), null, now,
          requestId));
      if (!keepsDevices(caller, schoolId, studentId)) {
        devices.removeAllIn(caller.subject(), schoolId);
      }
    }
    return one(caller, schoolId, studentId);
  }

  /** Another consented child in the school, or a school-side role there, still needs the person's devices. */
  static boolean keepsDevices(Caller caller, String schoolId, String withdrawnStudentId) {
    boolean otherChild = caller.grants().stream().anyMatch(g -> g instanceof Caller.ChildGrant c
        && c.schoolId().equals(schoolId) && !c.studentId().equals(withdrawnStudentId) && c.consented());
    boolean schoolSide = caller.grants().stream().anyMatch(g -> g.schoolId().equals(schoolId)
        && (g instanceof Caller.RoleGrant r ? r.role() != Role.PARENT
            : g instanceof Caller.TeachingGrant || g instanceof Caller.HomeroomGrant));
    return otherChild || schoolSide;
  }

  private Consent one(Caller caller, String schoolId, String studentId) {
    ChildConsent child = directory.childConsents(caller.subject()).stream()
        .filter(c -> c.schoolId().equals(schoolId) && c.studentId().equals(studentId))
        .findFirst().orElseThrow(ApiException.NotFound::new);
    School school = roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
    Student student = roster.student(schoolId, studentId).orElseThrow(ApiException.NotFound::new);
    return view(school, student, child, notices.currentVersion(schoolId).orElse(null));
  }

  static Consent view(School school, Student student, ChildConsent child, Integer currentVersion) {
    Consent.Status status = child.version() != null ? Consent.Status.GIVEN
        : child.withdrawnAt() != null ? Consent.Status.WITHDRAWN : Consent.Status.NOT_GIVEN;
    String at = status == Consent.Status.GIVEN ? child.at() : child.withdrawnAt();
    return new Consent(school.id(), school.name(), student.id(), student.fullName(), status, child.version(),
        currentVersion, at == null ? null : SchoolTime.show(Instant.parse(at)),
        child.channel() == null ? null : Consent.Channel.valueOf(child.channel()), PrivacyNotice.link(school.id()));
  }

  private Put audit(Caller caller, String schoolId, String studentId, String action, Integer version, String channel,
      Instant now, String requestId) {
    ConsentAuditItem entry = new ConsentAuditItem();
    entry.pk = Keys.student(schoolId, studentId);
    entry.sk = Keys.CONSENT_AUDIT + now + "#" + caller.subject();
    entry.type = ConsentAuditItem.TYPE;
    entry.schoolId = schoolId;
    entry.studentId = studentId;
    entry.actor = caller.subject();
    entry.action = action;
    entry.noticeVersion = version;
    entry.channel = channel;
    entry.at = now.toString();
    entry.requestId = requestId;
    return Put.builder().tableName(tableName).item(auditSchema.itemToMap(entry, true))
        .conditionExpression(Writes.NOT_EXISTS.expression()).build();
  }

  private void write(Update grant, Put audit) {
    try {
      client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
          TransactWriteItem.builder().update(grant).build(),
          TransactWriteItem.builder().put(audit).build()).build());
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        throw new ApiException.Conflict("privacy.consentChangedMeanwhile");
      }
      throw e;
    }
  }

  private static Map<String, AttributeValue> grantKey(String subject, String schoolId, String studentId) {
    return Map.of(Keys.PK, AttributeValue.fromS(Keys.user(subject)),
        Keys.SK, AttributeValue.fromS(Keys.childGrant(schoolId, studentId)));
  }
}
