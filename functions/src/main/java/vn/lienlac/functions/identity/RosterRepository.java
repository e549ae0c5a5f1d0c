package vn.lienlac.functions.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.RosterItems.ClassItem;
import vn.lienlac.functions.identity.RosterItems.EnrolmentItem;
import vn.lienlac.functions.identity.RosterItems.MemberItem;
import vn.lienlac.functions.identity.RosterItems.SchoolItem;
import vn.lienlac.functions.identity.RosterItems.StudentItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.common.PersonNames;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * Schools, classes and pupils: every read is a GetItem, a Query on one class, or a BatchGetItem of
 * known keys. Written by roster import (and the demo seed); creation never overwrites.
 */
public final class RosterRepository {
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<SchoolItem> schools;
  private final DynamoDbTable<ClassItem> classes;
  private final DynamoDbTable<MemberItem> members;
  private final DynamoDbTable<StudentItem> students;
  private final DynamoDbTable<EnrolmentItem> enrolments;

  public RosterRepository(Dynamo dynamo) {
    this.enhanced = dynamo.enhanced();
    this.schools = enhanced.table(dynamo.tableName(), SchoolItem.SCHEMA);
    this.classes = enhanced.table(dynamo.tableName(), ClassItem.SCHEMA);
    this.members = enhanced.table(dynamo.tableName(), MemberItem.SCHEMA);
    this.students = enhanced.table(dynamo.tableName(), StudentItem.SCHEMA);
    this.enrolments = enhanced.table(dynamo.tableName(), EnrolmentItem.SCHEMA);
  }

  /** A pupil of a class, as the roster lists them. */
  public record ClassMember(String studentId, String fullName) {}

  public Optional<School> school(String schoolId) {
    return Optional.ofNullable(get(schools, Keys.school(schoolId), Keys.SCHOOL)).map(RosterRepository::toSchool);
  }

  public Optional<SchoolClass> schoolClass(String schoolId, String classId) {
    return Optional.ofNullable(get(classes, Keys.schoolClass(schoolId, classId), Keys.CLASS)).map(RosterRepository::toClass);
  }

  public Optional<Student> student(String schoolId, String studentId) {
    return Optional.ofNullable(get(students, Keys.student(schoolId, studentId), Keys.PROFILE)).map(RosterRepository::toStudent);
  }

  /** The class roster in the order Vietnamese class lists use (by given name). */
  public List<ClassMember> members(String schoolId, String classId) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.schoolClass(schoolId, classId)).sortValue(Keys.MEMBER).build()))
        .consistentRead(true)
        .build();
    List<ClassMember> roster = new ArrayList<>();
    members.query(request).items().forEach(i -> roster.add(new ClassMember(i.studentId, i.fullName)));
    roster.sort(Comparator.comparing(ClassMember::fullName, PersonNames.rosterOrder()));
    return roster;
  }

  /**
   * The school's classes, or one grade's ({@code grade} not null): one Query on gsi1
   * {@code S#{school}#CLASSES}, {@code begins_with G#{grade}#} (paged by the SDK).
   */
  public List<SchoolClass> classesOf(String schoolId, Integer grade) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.classesOf(schoolId))
            .sortValue(grade == null ? Keys.SCOPE_GRADE : Keys.SCOPE_GRADE + grade + "#").build()))
        .build();
    List<SchoolClass> found = new ArrayList<>();
    classes.index(Keys.GSI1).query(request).forEach(page -> page.items().forEach(i -> found.add(toClass(i))));
    found.sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name));
    return found;
  }

  public Map<String, School> schools(Collection<String> schoolIds) {
    return batchGet(schools, schoolIds, id -> Key.builder().partitionValue(Keys.school(id)).sortValue(Keys.SCHOOL).build(),
        RosterRepository::toSchool, School::id);
  }

  /** Classes by id, all of one school. */
  public Map<String, SchoolClass> classes(String schoolId, Collection<String> classIds) {
    return batchGet(classes, classIds,
        id -> Key.builder().partitionValue(Keys.schoolClass(schoolId, id)).sortValue(Keys.CLASS).build(),
        RosterRepository::toClass, SchoolClass::id);
  }

  /** Pupils by id, all of one school. */
  public Map<String, Student> students(String schoolId, Collection<String> studentIds) {
    return batchGet(students, studentIds,
        id -> Key.builder().partitionValue(Keys.student(schoolId, id)).sortValue(Keys.PROFILE).build(),
        RosterRepository::toStudent, Student::id);
  }

  /** Creates the school; false if it exists already. */
  public boolean createSchool(School school) {
    SchoolItem item = new SchoolItem();
    item.pk = Keys.school(school.id());
    item.sk = Keys.SCHOOL;
    item.type = SchoolItem.TYPE;
    item.schoolId = school.id();
    item.name = school.name();
    item.level = school.level().name();
    item.province = school.province();
    item.schoolYear = school.schoolYear();
    item.gsi1pk = Keys.ALL_SCHOOLS;
    item.gsi1sk = school.id();
    return putNew(schools, SchoolItem.class, item);
  }

  /** Creates the class; false if it exists already. */
  public boolean createClass(SchoolClass schoolClass) {
    ClassItem item = new ClassItem();
    item.pk = Keys.schoolClass(schoolClass.schoolId(), schoolClass.id());
    item.sk = Keys.CLASS;
    item.type = ClassItem.TYPE;
    item.schoolId = schoolClass.schoolId();
    item.classId = schoolClass.id();
    item.name = schoolClass.name();
    item.grade = schoolClass.grade();
    item.schoolYear = schoolClass.schoolYear();
    item.homeroomTeacherId = schoolClass.homeroomTeacherId();
    item.subjects = schoolClass.subjects().stream()
        .map(s -> s.subject() + ":" + s.kind() + ":" + s.periodsPerYear()).toList();
    item.subjectTeachers = schoolClass.subjectTeachers();
    item.gsi1pk = Keys.classesOf(schoolClass.schoolId());
    item.gsi1sk = Keys.SCOPE_GRADE + schoolClass.grade() + "#" + schoolClass.id();
    return putNew(classes, ClassItem.class, item);
  }

  /** Creates the pupil and puts them on their class roster, both or neither; false if enrolled already. */
  public boolean enrol(Student student) {
    StudentItem profile = new StudentItem();
    profile.pk = Keys.student(student.schoolId(), student.id());
    profile.sk = Keys.PROFILE;
    profile.type = StudentItem.TYPE;
    profile.schoolId = student.schoolId();
    profile.studentId = student.id();
    profile.fullName = student.fullName();
    profile.dateOfBirth = student.dateOfBirth() == null ? null : student.dateOfBirth().toString();
    profile.classId = student.classId();

    MemberItem member = memberItem(student.schoolId(), student.classId(), student);
    try {
      enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(students, TransactPutItemEnhancedRequest.builder(StudentItem.class)
              .item(profile).conditionExpression(Writes.NOT_EXISTS).build())
          .addPutItem(members, TransactPutItemEnhancedRequest.builder(MemberItem.class)
              .item(member).conditionExpression(Writes.NOT_EXISTS).build())
          .build());
      return true;
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Puts a pupil on the roster of another class than their current one (a class of an earlier
   * year, whose marks and registers name them); their profile is not touched. False if already there.
   */
  public boolean addToRoster(SchoolClass schoolClass, Student student) {
    return putNew(members, MemberItem.class, memberItem(schoolClass.schoolId(), schoolClass.id(), student));
  }

  private static MemberItem memberItem(String schoolId, String classId, Student student) {
    MemberItem member = new MemberItem();
    member.pk = Keys.schoolClass(schoolId, classId);
    member.sk = Keys.MEMBER + student.id();
    member.type = MemberItem.TYPE;
    member.schoolId = schoolId;
    member.classId = classId;
    member.studentId = student.id();
    member.fullName = student.fullName();
    return member;
  }

  /**
   * The pupil's enrolment periods, oldest first: one Query {@code S#{school}#ST#{student}},
   * {@code begins_with ENROL#} (A15). A pupil with no stored period (enrolled before periods were
   * recorded) has one undated period: the current class, for that class's school year. Empty for
   * an unknown pupil.
   */
  public List<Enrolment> enrolments(String schoolId, String studentId) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(schoolId, studentId)).sortValue(Keys.ENROLMENT).build()))
        .consistentRead(true)
        .build();
    List<Enrolment> periods = new ArrayList<>();
    enrolments.query(request).items().forEach(i -> periods.add(new Enrolment(i.schoolId, i.studentId, i.classId,
        i.schoolYear, date(i.from), i.to == null ? null : LocalDate.parse(i.to))));
    if (!periods.isEmpty()) {
      return periods;
    }
    return student(schoolId, studentId)
        .flatMap(s -> schoolClass(schoolId, s.classId()))
        .map(c -> List.of(new Enrolment(schoolId, studentId, c.id(), c.schoolYear(), null, null)))
        .orElse(List.of());
  }

  /** The pupil's last class period in {@code schoolYear} (e.g. {@code 2026-2027}); empty when not enrolled that year. */
  public Optional<Enrolment> enrolmentIn(String schoolId, String studentId, String schoolYear) {
    List<Enrolment> inYear = enrolments(schoolId, studentId).stream()
        .filter(e -> e.schoolYear().equals(schoolYear)).toList();
    return inYear.isEmpty() ? Optional.empty() : Optional.of(inYear.get(inYear.size() - 1));
  }

  /** Records (or replaces, when the same class and start) one enrolment period. */
  public void recordEnrolment(Enrolment enrolment) {
    EnrolmentItem item = new EnrolmentItem();
    item.pk = Keys.student(enrolment.schoolId(), enrolment.studentId());
    item.sk = Keys.ENROLMENT + enrolment.schoolYear() + "#" + (enrolment.from() == null ? NO_DATE : enrolment.from())
        + "#" + enrolment.classId();
    item.type = EnrolmentItem.TYPE;
    item.schoolId = enrolment.schoolId();
    item.studentId = enrolment.studentId();
    item.classId = enrolment.classId();
    item.schoolYear = enrolment.schoolYear();
    item.from = enrolment.from() == null ? null : enrolment.from().toString();
    item.to = enrolment.to() == null ? null : enrolment.to().toString();
    enrolments.putItem(item);
  }

  private static final String NO_DATE = "0000-00-00";

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  private static <T> T get(DynamoDbTable<T> table, String pk, String sk) {
    return table.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(pk).sortValue(sk).build())
        .consistentRead(true)
        .build());
  }

  private static <T> boolean putNew(DynamoDbTable<T> table, Class<T> type, T item) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(type).item(item).conditionExpression(Writes.NOT_EXISTS).build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  private <I, R> Map<String, R> batchGet(DynamoDbTable<I> table, Collection<String> ids, Function<String, Key> key,
      Function<I, R> map, Function<R, String> id) {
    Map<String, R> found = new LinkedHashMap<>();
    List<Key> keys = ids.stream().distinct().map(key).toList();
    for (I item : Reads.batchGet(enhanced, table, keys)) {
      R value = map.apply(item);
      found.put(id.apply(value), value);
    }
    return found;
  }

  private static School toSchool(SchoolItem i) {
    return new School(i.schoolId, i.name, SchoolLevel.valueOf(i.level), i.province, i.schoolYear);
  }

  private static SchoolClass toClass(ClassItem i) {
    List<SubjectPlan> plans = i.subjects == null ? List.of() : i.subjects.stream().map(s -> {
      String[] parts = s.split(":");
      return new SubjectPlan(parts[0], AssessmentKind.valueOf(parts[1]), Integer.parseInt(parts[2]));
    }).toList();
    return new SchoolClass(i.schoolId, i.classId, i.name, i.grade, i.schoolYear, i.homeroomTeacherId, plans,
        i.subjectTeachers == null ? Map.of() : i.subjectTeachers);
  }

  private static Student toStudent(StudentItem i) {
    return new Student(i.schoolId, i.studentId, i.fullName,
        i.dateOfBirth == null ? null : LocalDate.parse(i.dateOfBirth), i.classId);
  }
}
