package vn.lienlac.functions.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.Enrolment;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.roster.Plan.ClassPlan;
import vn.lienlac.functions.roster.Plan.PupilState;
import vn.lienlac.functions.roster.Plan.Row;
import vn.lienlac.functions.roster.RosterImportItems.AccountItem;
import vn.lienlac.functions.roster.RosterImportItems.EntryItem;
import vn.lienlac.functions.roster.RosterImportItems.RefItem;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;
import vn.lienlac.model.roster.ImportRow.Action;

/**
 * Applies planned rows to the table, each row idempotently: a row whose roster entry already
 * holds its target state is done; otherwise every projection is brought to the target (the
 * references, accounts, profile, class member, enrolment periods and grants, each written only
 * when it differs, with conditions), and the roster entry is written last, conditional on the
 * version read. A chunk cut off half-way is applied again from the start without duplicating
 * anything; a row whose entry is neither the state the dry run saw nor its target means someone
 * else changed the roster meanwhile ({@link StaleRoster}).
 */
final class ImportApplier {
  /** The roster moved on between the dry run and this row. */
  static final class StaleRoster extends RuntimeException {
    StaleRoster(String studentId) {
      super("The roster entry of " + studentId + " changed since the dry run", null, false, false);
    }
  }

  private final RosterImportRepository repository;
  private final RosterRepository roster;
  private final DirectoryRepository directory;
  private final AccountDirectory signIn;
  private final Clock clock;

  ImportApplier(RosterImportRepository repository, RosterRepository roster, DirectoryRepository directory,
      AccountDirectory signIn, Clock clock) {
    this.repository = repository;
    this.roster = roster;
    this.directory = directory;
    this.signIn = signIn;
    this.clock = clock;
  }

  // --- pupils ------------------------------------------------------------------------------------

  void applyPupil(String schoolId, String importId, Row row) {
    PupilState after = row.after();
    EntryItem entry = repository.entry(schoolId, row.studentId()).orElse(null);
    if (entry != null && after.fingerprint().equals(entry.fingerprint)) {
      return; // applied already (a redelivered chunk)
    }
    PupilState before = row.before();
    if (before == null ? entry != null : entry == null || !before.fingerprint().equals(entry.fingerprint)) {
      throw new StaleRoster(row.studentId());
    }
    String studentId = row.studentId();
    if (after.learnerId() != null) {
      reference(RosterIds.learnerRef(schoolId, after.learnerId()), schoolId, studentId);
    }
    if (after.pupilCode() != null) {
      reference(RosterIds.codeRef(schoolId, after.pupilCode()), schoolId, studentId);
    }
    Map<String, String> subs = new HashMap<>();
    for (String g : after.guardians()) {
      subs.put(PupilState.phoneOf(g), account(PupilState.phoneOf(g), PupilState.nameOf(g)));
    }
    boolean leaving = PupilState.LEFT.equals(after.status());
    profile(schoolId, studentId, after);
    if (!leaving) {
      member(schoolId, after.classId(), studentId, after.fullName());
    }
    enrolments(schoolId, studentId, row, before, after);
    for (String g : after.guardians()) {
      String sub = subs.get(PupilState.phoneOf(g));
      directory.grant(sub, new Caller.RoleGrant(schoolId, Role.PARENT, PupilState.nameOf(g)));
      directory.grant(sub, new Caller.ChildGrant(schoolId, studentId, PupilState.relationshipOf(g)));
    }
    if (before != null) {
      Set<String> kept = ImportPlanner.phones(after.guardians());
      for (String phone : ImportPlanner.phones(before.guardians())) {
        if (!kept.contains(phone)) {
          repository.account(phone).ifPresent(a ->
              deleteIfExists(Keys.user(a.sub), Keys.inSchool(schoolId, "CHILD#" + studentId)));
        }
      }
    }
    EntryItem target = entry(schoolId, studentId, importId, after);
    target.version = entry == null ? null : entry.version;
    if (entry == null) {
      repository.entries.putItem(PutItemEnhancedRequest.builder(EntryItem.class).item(target)
          .conditionExpression(vn.lienlac.functions.platform.Writes.NOT_EXISTS).build());
    } else {
      repository.entries.putItem(target); // versioned: fails if the entry changed since it was read
    }
  }

  private void reference(String partition, String schoolId, String studentId) {
    RefItem ref = new RefItem();
    ref.pk = partition;
    ref.sk = Keys.REF;
    ref.type = RefItem.TYPE;
    ref.schoolId = schoolId;
    ref.studentId = studentId;
    repository.putNew(repository.refs, RefItem.class, ref);
  }

  /** The profile (identity's {@code PROFILE} item): created with the class member, or updated where it differs. */
  private void profile(String schoolId, String studentId, PupilState after) {
    Map<String, AttributeValue> current = get(Keys.student(schoolId, studentId), Keys.PROFILE);
    if (current == null) {
      roster.enrol(new Student(schoolId, studentId, after.fullName(),
          after.dateOfBirth() == null ? null : LocalDate.parse(after.dateOfBirth()), after.classId()));
      if (PupilState.LEFT.equals(after.status())) {
        profile(schoolId, studentId, after);
      }
      return;
    }
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    wanted.put("fullName", after.fullName());
    wanted.put("dateOfBirth", after.dateOfBirth());
    wanted.put("classId", after.classId());
    wanted.put("status", PupilState.LEFT.equals(after.status()) ? PupilState.LEFT : null);
    wanted.put("leftAt", after.leftAt());
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    int i = 0;
    for (var e : wanted.entrySet()) {
      AttributeValue now = current.get(e.getKey());
      String nowText = now == null ? null : now.s();
      if (Objects.equals(nowText, e.getValue())) {
        continue;
      }
      names.put("#a" + i, e.getKey());
      if (e.getValue() == null) {
        removes.add("#a" + i);
      } else {
        values.put(":v" + i, AttributeValue.fromS(e.getValue()));
        sets.add("#a" + i + " = :v" + i);
      }
      i++;
    }
    if (sets.isEmpty() && removes.isEmpty()) {
      return;
    }
    sets.add("#version = #version + :one");
    names.put("#version", "version");
    values.put(":one", AttributeValue.fromN("1"));
    values.put(":read", current.get("version"));
    String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    repository.client.updateItem(UpdateItemRequest.builder().tableName(repository.tableName)
        .key(key(Keys.student(schoolId, studentId), Keys.PROFILE))
        .updateExpression(expression).conditionExpression("#version = :read")
        .expressionAttributeNames(names).expressionAttributeValues(values).build());
  }

  /** The pupil on the class roster ({@code MEMBER#}); a member item of an old class stays (its history). */
  private void member(String schoolId, String classId, String studentId, String fullName) {
    String pk = Keys.schoolClass(schoolId, classId);
    Map<String, AttributeValue> current = get(pk, Keys.MEMBER + studentId);
    if (current != null && current.get("fullName") != null && fullName.equals(current.get("fullName").s())) {
      return;
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, AttributeValue.fromS(pk));
    item.put(Keys.SK, AttributeValue.fromS(Keys.MEMBER + studentId));
    item.put("type", AttributeValue.fromS("ClassMember"));
    item.put("schoolId", AttributeValue.fromS(schoolId));
    item.put("classId", AttributeValue.fromS(classId));
    item.put("studentId", AttributeValue.fromS(studentId));
    item.put("fullName", AttributeValue.fromS(fullName));
    var put = PutItemRequest.builder().tableName(repository.tableName).item(item);
    if (current == null) {
      put.conditionExpression("attribute_not_exists(pk)");
    } else {
      put.conditionExpression("fullName = :was").expressionAttributeValues(Map.of(":was", current.get("fullName")));
    }
    try {
      repository.client.putItem(put.build());
    } catch (ConditionalCheckFailedException concurrent) {
      // written meanwhile by a redelivery of this chunk: the next pass finds it
    }
  }

  /** Enrolment periods (A15): a new pupil's first, a move closes the old (the day before) and opens the new. */
  private void enrolments(String schoolId, String studentId, Row row, PupilState before, PupilState after) {
    if (before == null) {
      roster.recordEnrolment(new Enrolment(schoolId, studentId, after.classId(), after.schoolYear(), null, null));
      return;
    }
    boolean wasActive = PupilState.ACTIVE.equals(before.status());
    if (PupilState.LEFT.equals(after.status())) {
      if (wasActive) {
        close(schoolId, studentId, before, LocalDate.parse(after.leftAt()));
      }
      return;
    }
    if (row.moveDate() == null) {
      return; // same class: the open period stays
    }
    LocalDate moveDate = LocalDate.parse(row.moveDate());
    if (wasActive) {
      close(schoolId, studentId, before, moveDate.minusDays(1));
    }
    roster.recordEnrolment(new Enrolment(schoolId, studentId, after.classId(), after.schoolYear(), moveDate, null));
  }

  private void close(String schoolId, String studentId, PupilState before, LocalDate lastDay) {
    LocalDate from = before.enrolFrom() == null || ImportPlanner.NO_DATE.equals(before.enrolFrom()) ? null
        : LocalDate.parse(before.enrolFrom());
    LocalDate to = from != null && lastDay.isBefore(from) ? from : lastDay;
    roster.recordEnrolment(new Enrolment(schoolId, studentId, before.classId(), before.schoolYear(), from, to));
  }

  // --- classes and teachers ----------------------------------------------------------------------

  void applyClass(String schoolId, Row row) {
    ClassPlan plan = row.classPlan();
    String homeroomSub = plan.homeroomPhone() == null ? null
        : account(plan.homeroomPhone(), plan.teacherNames().get(plan.homeroomPhone()));
    Map<String, String> subjectSubs = new java.util.TreeMap<>();
    plan.subjectPhones().forEach((subject, phone) -> subjectSubs.put(subject, account(phone, plan.teacherNames().get(phone))));
    var current = roster.schoolClass(schoolId, plan.classId());
    if (current.isEmpty()) {
      List<SubjectPlan> subjects = plan.grade() >= 6 && plan.grade() <= 9 ? Subjects.lowerSecondaryPlan(plan.grade())
          : List.of();
      roster.createClass(new SchoolClass(schoolId, plan.classId(), plan.name(), plan.grade(), plan.schoolYear(),
          homeroomSub, subjects, subjectSubs));
    } else {
      SchoolClass existing = current.get();
      Map<String, String> teachers = new java.util.TreeMap<>(existing.subjectTeachers());
      teachers.putAll(subjectSubs);
      String homeroom = homeroomSub != null ? homeroomSub : existing.homeroomTeacherId();
      if (!Objects.equals(homeroom, existing.homeroomTeacherId()) || !teachers.equals(existing.subjectTeachers())) {
        updateClass(schoolId, plan.classId(), homeroom, teachers);
      }
      if (homeroomSub != null && existing.homeroomTeacherId() != null && !homeroomSub.equals(existing.homeroomTeacherId())) {
        deleteIfExists(Keys.user(existing.homeroomTeacherId()), Keys.inSchool(schoolId, "HOMEROOM#" + plan.classId()));
      }
      subjectSubs.forEach((subject, sub) -> {
        String was = existing.subjectTeachers().get(subject);
        if (was != null && !was.equals(sub)) {
          deleteIfExists(Keys.user(was), Keys.inSchool(schoolId, "TEACHES#" + plan.classId() + "#" + subject));
        }
      });
    }
    if (homeroomSub != null) {
      directory.grant(homeroomSub, new Caller.RoleGrant(schoolId, Role.TEACHER, plan.homeroomName()));
      directory.grant(homeroomSub, new Caller.HomeroomGrant(schoolId, plan.classId()));
    }
    subjectSubs.forEach((subject, sub) -> {
      directory.grant(sub, new Caller.RoleGrant(schoolId, Role.TEACHER, plan.teacherNames().get(plan.subjectPhones().get(subject))));
      directory.grant(sub, new Caller.TeachingGrant(schoolId, plan.classId(), subject));
    });
  }

  private void updateClass(String schoolId, String classId, String homeroom, Map<String, String> teachers) {
    Map<String, AttributeValue> current = get(Keys.schoolClass(schoolId, classId), Keys.CLASS);
    Map<String, AttributeValue> map = new HashMap<>();
    teachers.forEach((k, v) -> map.put(k, AttributeValue.fromS(v)));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":t", AttributeValue.fromM(map));
    values.put(":one", AttributeValue.fromN("1"));
    values.put(":read", current.get("version"));
    String set = "SET subjectTeachers = :t, #version = #version + :one";
    if (homeroom != null) {
      values.put(":h", AttributeValue.fromS(homeroom));
      set += ", homeroomTeacherId = :h";
    }
    repository.client.updateItem(UpdateItemRequest.builder().tableName(repository.tableName)
        .key(key(Keys.schoolClass(schoolId, classId), Keys.CLASS)).updateExpression(set)
        .conditionExpression("#version = :read").expressionAttributeNames(Map.of("#version", "version"))
        .expressionAttributeValues(values).build());
  }

  // --- accounts ------------------------------------------------------------------------------------

  /**
   * The account of a phone ({@code PHONE#{e164}} / {@code ACCOUNT}): created through the port and
   * recorded once (a concurrent or repeated creation gets the same sub from the port); enabled again
   * when it was disabled.
   */
  String account(String phone, String displayName) {
    AccountItem account = repository.account(phone).orElse(null);
    if (account != null) {
      if ("true".equals(account.disabled)) {
        signIn.enable(phone);
        account.disabled = null;
        repository.accounts.putItem(account); // versioned
      }
      return account.sub;
    }
    String sub = signIn.ensure(phone, displayName);
    AccountItem created = new AccountItem();
    created.pk = Keys.phone(phone);
    created.sk = Keys.ACCOUNT;
    created.type = AccountItem.TYPE;
    created.phone = phone;
    created.sub = sub;
    created.createdAt = clock.instant().toString();
    if (!repository.putNew(repository.accounts, AccountItem.class, created)) {
      return repository.account(phone).orElseThrow().sub;
    }
    return sub;
  }

  /**
   * A guardian who may have lost every child in the school: without a CHILD grant here any more,
   * their PARENT role here goes; without any grant anywhere, their account is disabled.
   */
  void applyOrphan(String schoolId, String phone) {
    AccountItem account = repository.account(phone).orElse(null);
    if (account == null) {
      return;
    }
    List<String> items = repository.userItems(account.sub);
    if (items.stream().anyMatch(sk -> sk.startsWith(Keys.inSchool(schoolId, "CHILD#")))) {
      return; // a child here again
    }
    deleteIfExists(Keys.user(account.sub), Keys.inSchool(schoolId, "ROLE#PARENT"));
    boolean anyGrant = items.stream().filter(sk -> !sk.equals(Keys.inSchool(schoolId, "ROLE#PARENT")))
        .anyMatch(sk -> sk.contains("#ROLE#") || sk.contains("#CHILD#") || sk.contains("#TEACHES#")
            || sk.contains("#HOMEROOM#"));
    if (!anyGrant && !"true".equals(account.disabled)) {
      signIn.disable(phone);
      account.disabled = "true";
      repository.accounts.putItem(account); // versioned
    }
  }

  // --- helpers -------------------------------------------------------------------------------------

  private EntryItem entry(String schoolId, String studentId, String importId, PupilState s) {
    EntryItem e = new EntryItem();
    e.pk = Keys.student(schoolId, studentId);
    e.sk = Keys.ROSTER_ENTRY;
    e.type = EntryItem.TYPE;
    e.schoolId = schoolId;
    e.studentId = studentId;
    e.learnerId = s.learnerId();
    e.pupilCode = s.pupilCode();
    e.fullName = s.fullName();
    e.dateOfBirth = s.dateOfBirth();
    e.gender = s.gender();
    e.classId = s.classId();
    e.className = s.className();
    e.schoolYear = s.schoolYear();
    e.enrolFrom = s.enrolFrom();
    e.guardians = s.guardians().isEmpty() ? null : new ArrayList<>(new TreeSet<>(s.guardians()));
    e.status = s.status();
    e.leftAt = s.leftAt();
    e.fingerprint = s.fingerprint();
    e.importId = importId;
    e.gsi1pk = Keys.pupilsOf(schoolId);
    e.gsi1sk = (PupilState.LEFT.equals(s.status()) ? RosterImportRepository.LEFT_PREFIX
        : RosterImportRepository.ACTIVE_PREFIX) + studentId;
    return e;
  }

  private void deleteIfExists(String pk, String sk) {
    try {
      repository.client.deleteItem(DeleteItemRequest.builder().tableName(repository.tableName).key(key(pk, sk))
          .conditionExpression("attribute_exists(pk)").build());
    } catch (ConditionalCheckFailedException gone) {
      // removed already
    }
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    var response = repository.client.getItem(GetItemRequest.builder().tableName(repository.tableName)
        .key(key(pk, sk)).consistentRead(true).build());
    return response.hasItem() ? response.item() : null;
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }
}
