package vn.lienlac.functions.records;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of the records feature. */
final class RecordsItems {
  private RecordsItems() {}

  /** What a grade and its audit entries are about: one pupil, in a class, one subject, one term. */
  abstract static class SubjectTermItem extends Item {
    String schoolId;
    String studentId;
    String classId;
    String term;
    String subject;

    static <T extends SubjectTermItem> ItemSchema<T> attributes(ItemSchema<T> schema) {
      return schema
          .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
          .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
          .string("classId", i -> i.classId, (i, v) -> i.classId = v)
          .string("term", i -> i.term, (i, v) -> i.term = v)
          .string("subject", i -> i.subject, (i, v) -> i.subject = v);
    }
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = GRADE#{term}#{subject}}: one pupil's marks in one
   * subject and term. Scores are decimal strings ("8.5"). Comment-only subjects: each assessment's
   * DAT/CHUA_DAT ({@code regularRatings}, {@code midtermRating}, {@code finalRating}; the term rating
   * is derived, never stored); {@code rating} is a term rating entered directly before the
   * assessments were entered one by one (read as the term rating while no assessment is stored).
   * {@code rules} names the grading rules the marks were entered under.
   */
  static final class GradeItem extends SubjectTermItem {
    static final String TYPE = "Grade";
    static final TableSchema<GradeItem> SCHEMA = SubjectTermItem.attributes(ItemSchema.of(GradeItem.class, GradeItem::new))
        .string("rules", i -> i.rules, (i, v) -> i.rules = v)
        .strings("regular", i -> i.regular, (i, v) -> i.regular = v)
        .string("midterm", i -> i.midterm, (i, v) -> i.midterm = v)
        .string("finalExam", i -> i.finalExam, (i, v) -> i.finalExam = v)
        .string("rating", i -> i.rating, (i, v) -> i.rating = v)
        // Comment-only subjects (issue 16): each assessment's DAT/CHUA_DAT; the term rating is derived.
        .strings("regularRatings", i -> i.regularRatings, (i, v) -> i.regularRatings = v)
        .string("midtermRating", i -> i.midtermRating, (i, v) -> i.midtermRating = v)
        .string("finalRating", i -> i.finalRating, (i, v) -> i.finalRating = v)
        .string("updatedBy", i -> i.updatedBy, (i, v) -> i.updatedBy = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String rules;
    List<String> regular;
    String midterm;
    String finalExam;
    String rating;
    List<String> regularRatings;
    String midtermRating;
    String finalRating;
    String updatedBy;
    String updatedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = AUDIT#GRADE#{term}#{subject}#{at}#{requestId}}:
   * append-only (created once, never updated): who changed a grade, when, from what to what.
   * {@code before} and {@code after} are the marks as JSON.
   */
  static final class GradeAuditItem extends SubjectTermItem {
    static final String TYPE = "GradeAudit";
    static final TableSchema<GradeAuditItem> SCHEMA =
        SubjectTermItem.attributes(ItemSchema.of(GradeAuditItem.class, GradeAuditItem::new))
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("actorName", i -> i.actorName, (i, v) -> i.actorName = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .string("before", i -> i.before, (i, v) -> i.before = v)
        .string("after", i -> i.after, (i, v) -> i.after = v)
        .build();

    String actor;
    String actorName;
    String at;
    String requestId;
    String before;
    String after;
  }

  /**
   * {@code pk = S#{school}#C#{class}, sk = ATT#{date}}: a class's register for one school day, one
   * item for the whole class: who was on the roster, and the status and note of every pupil who
   * was not simply present. Marking a day is one transaction of the register's conditional put
   * (version) and its audit entry; a parent's date range is one Query on the class partition.
   */
  static final class RegisterItem extends Item {
    static final String TYPE = "AttendanceRegister";
    static final TableSchema<RegisterItem> SCHEMA = ItemSchema.of(RegisterItem.class, RegisterItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("date", i -> i.date, (i, v) -> i.date = v)
        .strings("roster", i -> i.roster, (i, v) -> i.roster = v)
        .stringMap("statuses", i -> i.statuses, (i, v) -> i.statuses = v)
        .stringMap("notes", i -> i.notes, (i, v) -> i.notes = v)
        .string("markedBy", i -> i.markedBy, (i, v) -> i.markedBy = v)
        .string("markedAt", i -> i.markedAt, (i, v) -> i.markedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String classId;
    String date;
    /** The pupils on the roster when the day was marked; those missing from statuses were present. */
    List<String> roster;
    /** Pupil → LATE, ABSENT_EXCUSED or ABSENT_UNEXCUSED. */
    Map<String, String> statuses;
    /** Pupil → the teacher's note. */
    Map<String, String> notes;
    String markedBy;
    String markedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}#C#{class}, sk = AUDIT#ATT#{date}#{at}#{requestId}}: append-only (created
   * once, never updated, in the same transaction as the register write it describes): who changed
   * a class's register for a day, when, and per changed pupil the mark before and after
   * ({@code changes}, JSON). {@code version} is the register's version after the change.
   */
  static final class AttendanceAuditItem extends Item {
    static final String TYPE = "AttendanceAudit";
    static final TableSchema<AttendanceAuditItem> SCHEMA =
        ItemSchema.of(AttendanceAuditItem.class, AttendanceAuditItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("date", i -> i.date, (i, v) -> i.date = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("actorName", i -> i.actorName, (i, v) -> i.actorName = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .attribute(Long.class, "registerVersion", i -> i.registerVersion, (i, v) -> i.registerVersion = v)
        .string("changes", i -> i.changes, (i, v) -> i.changes = v)
        .build();

    String schoolId;
    String classId;
    String date;
    String actor;
    String actorName;
    String at;
    String requestId;
    Long registerVersion;
    String changes;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = LEAVE#{id}}; in gsi1 under
   * {@code S#{school}#C#{class}#LEAVE / LEAVE#{id}} so the homeroom teacher and staff find the
   * class's requests; {@link LeaveRefItem} finds one by id.
   */
  static final class LeaveItem extends Item {
    static final String TYPE = "LeaveRequest";
    static final TableSchema<LeaveItem> SCHEMA = ItemSchema.of(LeaveItem.class, LeaveItem::new)
        .string("leaveId", i -> i.leaveId, (i, v) -> i.leaveId = v)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("studentName", i -> i.studentName, (i, v) -> i.studentName = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("fromDate", i -> i.fromDate, (i, v) -> i.fromDate = v)
        .string("toDate", i -> i.toDate, (i, v) -> i.toDate = v)
        .string("reason", i -> i.reason, (i, v) -> i.reason = v)
        .string("status", i -> i.status, (i, v) -> i.status = v)
        .string("requestedBy", i -> i.requestedBy, (i, v) -> i.requestedBy = v)
        .string("requestedByName", i -> i.requestedByName, (i, v) -> i.requestedByName = v)
        .string("requestedAt", i -> i.requestedAt, (i, v) -> i.requestedAt = v)
        .string("decidedBy", i -> i.decidedBy, (i, v) -> i.decidedBy = v)
        .string("decidedByName", i -> i.decidedByName, (i, v) -> i.decidedByName = v)
        .string("decidedAt", i -> i.decidedAt, (i, v) -> i.decidedAt = v)
        .string("decisionNote", i -> i.decisionNote, (i, v) -> i.decisionNote = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String leaveId;
    String schoolId;
    String studentId;
    String studentName;
    String classId;
    String fromDate;
    String toDate;
    String reason;
    String status;
    String requestedBy;
    String requestedByName;
    String requestedAt;
    String decidedBy;
    String decidedByName;
    String decidedAt;
    String decisionNote;
    String gsi1pk;
    String gsi1sk;
    Long version;
  }

  /**
   * {@code pk = S#{school}#LEAVE#{id}, sk = REF}: which pupil a leave request belongs to, so that
   * {@code PATCH /v1/leave-requests/{id}} finds it with one GetItem per school of the caller.
   * Written in the same transaction as the request; never changed.
   */
  static final class LeaveRefItem extends Item {
    static final String TYPE = "LeaveRequestRef";
    static final TableSchema<LeaveRefItem> SCHEMA = ItemSchema.of(LeaveRefItem.class, LeaveRefItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .build();

    String schoolId;
    String studentId;
  }
}
