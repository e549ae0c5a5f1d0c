package vn.lienlac.functions.records;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of the secondary school-year records: conduct and the school's grading settings. */
final class YearItems {
  private YearItems() {}

  /**
   * {@code pk = S#{school}#ST#{student}, sk = CONDUCT#{term}}: the homeroom teacher's conduct rating
   * of one pupil in one term ({@code conduct}: TOT, KHA, DAT or CHUA_DAT; absent once cleared).
   * A pupil's school year is one Query ({@code begins_with CONDUCT#{year}-HK}); a class's term is a
   * BatchGetItem over its roster.
   */
  static final class ConductItem extends Item {
    static final String TYPE = "Conduct";
    static final TableSchema<ConductItem> SCHEMA = ItemSchema.of(ConductItem.class, ConductItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("term", i -> i.term, (i, v) -> i.term = v)
        .string("conduct", i -> i.conduct, (i, v) -> i.conduct = v)
        .string("updatedBy", i -> i.updatedBy, (i, v) -> i.updatedBy = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String studentId;
    String classId;
    String term;
    String conduct;
    String updatedBy;
    String updatedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}#ST#{student}, sk = AUDIT#CONDUCT#{term}#{at}#{requestId}}: append-only,
   * written in the same transaction as the change: who changed a pupil's term conduct, when, from
   * what ({@code before}, absent for the first rating) to what ({@code after}, absent when cleared).
   */
  static final class ConductAuditItem extends Item {
    static final String TYPE = "ConductAudit";
    static final TableSchema<ConductAuditItem> SCHEMA = ItemSchema.of(ConductAuditItem.class, ConductAuditItem::new)
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

  /**
   * {@code pk = S#{school}, sk = SETTINGS#GRADING}: the school's choices on the unconfirmed points of
   * the grading circulars ({@code GradingSettings}); absent until staff first save them (the
   * documented defaults apply). One GetItem per request that grades.
   */
  static final class GradingSettingsItem extends Item {
    static final String TYPE = "GradingSettings";
    static final TableSchema<GradingSettingsItem> SCHEMA =
        ItemSchema.of(GradingSettingsItem.class, GradingSettingsItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .integer("commentRegularCount", i -> i.commentRegularCount, (i, v) -> i.commentRegularCount = v)
        .integer("primaryTestScoreMin", i -> i.primaryTestScoreMin, (i, v) -> i.primaryTestScoreMin = v)
        .integer("primaryCompletedMinTest", i -> i.primaryCompletedMinTest, (i, v) -> i.primaryCompletedMinTest = v)
        .string("updatedBy", i -> i.updatedBy, (i, v) -> i.updatedBy = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    Integer commentRegularCount;
    Integer primaryTestScoreMin;
    Integer primaryCompletedMinTest;
    String updatedBy;
    String updatedAt;
    Long version;
  }

  /**
   * {@code pk = S#{school}, sk = AUDIT#SETTINGS#GRADING#{at}#{requestId}}: append-only, in the same
   * transaction as the change: who changed the grading settings, when, from what to what (JSON).
   */
  static final class GradingSettingsAuditItem extends Item {
    static final String TYPE = "GradingSettingsAudit";
    static final TableSchema<GradingSettingsAuditItem> SCHEMA =
        ItemSchema.of(GradingSettingsAuditItem.class, GradingSettingsAuditItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("actorName", i -> i.actorName, (i, v) -> i.actorName = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .string("before", i -> i.before, (i, v) -> i.before = v)
        .string("after", i -> i.after, (i, v) -> i.after = v)
        .build();

    String schoolId;
    String actor;
    String actorName;
    String at;
    String requestId;
    String before;
    String after;
  }
}
