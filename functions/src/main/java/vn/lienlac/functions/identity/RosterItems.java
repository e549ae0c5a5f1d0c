package vn.lienlac.functions.identity;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of the roster: schools, classes, class members and pupils. */
final class RosterItems {
  private RosterItems() {}

  /** {@code pk = S#{school}, sk = SCHOOL}. */
  static final class SchoolItem extends Item {
    static final String TYPE = "School";
    static final TableSchema<SchoolItem> SCHEMA = ItemSchema.of(SchoolItem.class, SchoolItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("name", i -> i.name, (i, v) -> i.name = v)
        .string("level", i -> i.level, (i, v) -> i.level = v)
        .string("province", i -> i.province, (i, v) -> i.province = v)
        .string("schoolYear", i -> i.schoolYear, (i, v) -> i.schoolYear = v)
        // Retention (issue 18): every school in one gsi1 partition, SCHOOLS / {school}, for the daily run.
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String name;
    String level;
    String province;
    String schoolYear;
    String gsi1pk;
    String gsi1sk;
    Long version;
  }

  /**
   * {@code pk = S#{school}#C#{class}, sk = CLASS}; in gsi1 under {@code S#{school}#CLASSES /
   * G#{grade}#{class}} (a school's or a grade's classes). Subjects are stored as
   * {@code code:KIND:periodsPerYear} (e.g. {@code toan:SCORED:140}), readable in the console.
   */
  static final class ClassItem extends Item {
    static final String TYPE = "Class";
    static final TableSchema<ClassItem> SCHEMA = ItemSchema.of(ClassItem.class, ClassItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("name", i -> i.name, (i, v) -> i.name = v)
        .integer("grade", i -> i.grade, (i, v) -> i.grade = v)
        .string("schoolYear", i -> i.schoolYear, (i, v) -> i.schoolYear = v)
        .string("homeroomTeacherId", i -> i.homeroomTeacherId, (i, v) -> i.homeroomTeacherId = v)
        .strings("subjects", i -> i.subjects, (i, v) -> i.subjects = v)
        .stringMap("subjectTeachers", i -> i.subjectTeachers, (i, v) -> i.subjectTeachers = v)
        // The school's classes by grade (announcements to a grade or the school): S#{school}#CLASSES / G#{grade}#{class}.
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String classId;
    String name;
    Integer grade;
    String schoolYear;
    String homeroomTeacherId;
    List<String> subjects;
    Map<String, String> subjectTeachers;
    String gsi1pk;
    String gsi1sk;
    Long version;
  }

  /** {@code pk = S#{school}#C#{class}, sk = MEMBER#{student}}: the class roster, one Query. */
  static final class MemberItem extends Item {
    static final String TYPE = "ClassMember";
    static final TableSchema<MemberItem> SCHEMA = ItemSchema.of(MemberItem.class, MemberItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("fullName", i -> i.fullName, (i, v) -> i.fullName = v)
        .build();

    String schoolId;
    String classId;
    String studentId;
    String fullName;
  }

  /** {@code pk = S#{school}#ST#{student}, sk = PROFILE}. */
  static final class StudentItem extends Item {
    static final String TYPE = "Student";
    static final TableSchema<StudentItem> SCHEMA = ItemSchema.of(StudentItem.class, StudentItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("fullName", i -> i.fullName, (i, v) -> i.fullName = v)
        .string("dateOfBirth", i -> i.dateOfBirth, (i, v) -> i.dateOfBirth = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String studentId;
    String fullName;
    String dateOfBirth;
    String classId;
    Long version;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = ENROL#{schoolYear}#{from}#{class}}: one period of the
   * pupil in a class ({@code from} is {@code 0000-00-00} when unknown, so undated periods sort first).
   */
  static final class EnrolmentItem extends Item {
    static final String TYPE = "Enrolment";
    static final TableSchema<EnrolmentItem> SCHEMA = ItemSchema.of(EnrolmentItem.class, EnrolmentItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("schoolYear", i -> i.schoolYear, (i, v) -> i.schoolYear = v)
        .string("from", i -> i.from, (i, v) -> i.from = v)
        .string("to", i -> i.to, (i, v) -> i.to = v)
        .build();

    String schoolId;
    String studentId;
    String classId;
    String schoolYear;
    String from;
    String to;
  }
}
