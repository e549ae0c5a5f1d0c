package vn.lienlac.functions.records;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;
import vn.lienlac.functions.records.RecordsItems.SubjectTermItem;

/**
 * Item mapping of the primary (Circular 27/2020) records. A primary subject's marks live in the
 * same item as a secondary grade ({@code GRADE#{term}#{subject}}, type {@code Grade}, audited by
 * {@code GradeAudit} items), with the primary attributes instead of the secondary ones; the
 * qualities and competencies have an item of their own per pupil and term.
 */
final class PrimaryItems {
  private PrimaryItems() {}

  /**
   * {@code pk = S#{school}#ST#{student}, sk = GRADE#{term}#{subject}} (the secondary grade's key),
   * {@code rules = TT27/2020}: one pupil's marks in one primary subject at the two points of a term
   * ({@code MID_TERM_1}/{@code END_TERM_1} in HK1, {@code MID_TERM_2}/{@code END_OF_YEAR} in HK2),
   * keyed by point: {@code pointRatings} (HOAN_THANH_TOT, HOAN_THANH, CHUA_HOAN_THANH),
   * {@code pointComments} (the teacher's comment, NFC), {@code pointTests} (the periodic test's
   * whole score, "8"). A point without an entry has no key in the maps.
   */
  static final class PrimaryGradeItem extends SubjectTermItem {
    static final String TYPE = RecordsItems.GradeItem.TYPE;
    static final TableSchema<PrimaryGradeItem> SCHEMA =
        SubjectTermItem.attributes(ItemSchema.of(PrimaryGradeItem.class, PrimaryGradeItem::new))
        .string("rules", i -> i.rules, (i, v) -> i.rules = v)
        .stringMap("pointRatings", i -> i.pointRatings, (i, v) -> i.pointRatings = v)
        .stringMap("pointComments", i -> i.pointComments, (i, v) -> i.pointComments = v)
        .stringMap("pointTests", i -> i.pointTests, (i, v) -> i.pointTests = v)
        .string("updatedBy", i -> i.updatedBy, (i, v) -> i.updatedBy = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String rules;
    Map<String, String> pointRatings;
    Map<String, String> pointComments;
    Map<String, String> pointTests;
    String updatedBy;
    String updatedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = COMPETENCY#{term}}: the homeroom teacher's ratings of
   * one pupil's qualities and competencies at the two points of a term. {@code ratings} is keyed
   * {@code {point}#{code}} ({@code MID_TERM_1#cham-chi → TOT}); {@code comments} by point;
   * {@code nomination} (HK2 only) is the reason of a Học sinh Tiêu biểu nomination, absent when the
   * pupil is not nominated.
   */
  static final class CompetencyItem extends Item {
    static final String TYPE = "Competency";
    static final TableSchema<CompetencyItem> SCHEMA = ItemSchema.of(CompetencyItem.class, CompetencyItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("term", i -> i.term, (i, v) -> i.term = v)
        .stringMap("ratings", i -> i.ratings, (i, v) -> i.ratings = v)
        .stringMap("comments", i -> i.comments, (i, v) -> i.comments = v)
        .string("nomination", i -> i.nomination, (i, v) -> i.nomination = v)
        .string("updatedBy", i -> i.updatedBy, (i, v) -> i.updatedBy = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String studentId;
    String classId;
    String term;
    Map<String, String> ratings;
    Map<String, String> comments;
    String nomination;
    String updatedBy;
    String updatedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = AUDIT#COMPETENCY#{term}#{at}#{requestId}}:
   * append-only, in the same transaction as the change: who changed a pupil's qualities and
   * competencies in a term, when, from what ({@code before}, absent the first time) to what
   * ({@code after}); both JSON {@code {"ratings":{…},"comments":{…},"nomination":…}}.
   */
  static final class CompetencyAuditItem extends Item {
    static final String TYPE = "CompetencyAudit";
    static final TableSchema<CompetencyAuditItem> SCHEMA =
        ItemSchema.of(CompetencyAuditItem.class, CompetencyAuditItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("term", i -> i.term, (i, v) -> i.term = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("actorName", i -> i.actorName, (i, v) -> i.actorName = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .string("before", i -> i.before, (i, v) -> i.before = v)
        .string("after", i -> i.after, (i, v) -> i.after = v)
        .build();

    String schoolId;
    String studentId;
    String classId;
    String term;
    String actor;
    String actorName;
    String at;
    String requestId;
    String before;
    String after;
  }
}
