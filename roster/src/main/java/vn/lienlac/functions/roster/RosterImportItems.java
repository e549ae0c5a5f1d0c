package vn.lienlac.functions.roster;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of roster import (docs/ARCHITECTURE.md §3, "Roster import"). */
final class RosterImportItems {
  private RosterImportItems() {}

  /**
   * {@code S#{school}#ST#{student}} / {@code ROSTER}: the pupil as the last applied import left them
   * (the import's view; the profile, class member, enrolment and grants are written from it). In
   * gsi1 under {@code S#{school}#PUPILS} / {@code {ACTIVE|LEFT}#{student}}: the school's pupils.
   */
  static final class EntryItem extends Item {
    static final String TYPE = "RosterEntry";
    static final TableSchema<EntryItem> SCHEMA = ItemSchema.of(EntryItem.class, EntryItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("learnerId", i -> i.learnerId, (i, v) -> i.learnerId = v)
        .string("pupilCode", i -> i.pupilCode, (i, v) -> i.pupilCode = v)
        .string("fullName", i -> i.fullName, (i, v) -> i.fullName = v)
        .string("dateOfBirth", i -> i.dateOfBirth, (i, v) -> i.dateOfBirth = v)
        .string("gender", i -> i.gender, (i, v) -> i.gender = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("className", i -> i.className, (i, v) -> i.className = v)
        .string("schoolYear", i -> i.schoolYear, (i, v) -> i.schoolYear = v)
        .string("enrolFrom", i -> i.enrolFrom, (i, v) -> i.enrolFrom = v)
        .strings("guardians", i -> i.guardians, (i, v) -> i.guardians = v)
        .string("status", i -> i.status, (i, v) -> i.status = v)
        .string("leftAt", i -> i.leftAt, (i, v) -> i.leftAt = v)
        .string("fingerprint", i -> i.fingerprint, (i, v) -> i.fingerprint = v)
        .string("importId", i -> i.importId, (i, v) -> i.importId = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String studentId;
    String learnerId;
    String pupilCode;
    String fullName;
    String dateOfBirth;
    String gender;
    String classId;
    String className;
    String schoolYear;
    String enrolFrom;
    List<String> guardians;
    String status;
    String leftAt;
    String fingerprint;
    String importId;
    String gsi1pk;
    String gsi1sk;
    Long version;
  }

  /**
   * {@code S#{school}#IMPORT#{import}} / {@code IMPORT}: the import, its counts and the job's state;
   * in gsi1 under {@code S#{school}#IMPORTS} / {@code {import}} (a school's imports).
   */
  static final class ImportItem extends Item {
    static final String TYPE = "RosterImport";
    static final TableSchema<ImportItem> SCHEMA = ItemSchema.of(ImportItem.class, ImportItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("importId", i -> i.importId, (i, v) -> i.importId = v)
        .string("schoolYear", i -> i.schoolYear, (i, v) -> i.schoolYear = v)
        .string("status", i -> i.status, (i, v) -> i.status = v)
        .string("fileName", i -> i.fileName, (i, v) -> i.fileName = v)
        .string("fileSha256", i -> i.fileSha256, (i, v) -> i.fileSha256 = v)
        .string("mapping", i -> i.mapping, (i, v) -> i.mapping = v)
        .string("counts", i -> i.counts, (i, v) -> i.counts = v)
        .integer("chunks", i -> i.chunks, (i, v) -> i.chunks = v)
        .integer("rowsTotal", i -> i.rowsTotal, (i, v) -> i.rowsTotal = v)
        .integer("rowsDone", i -> i.rowsDone, (i, v) -> i.rowsDone = v)
        .attribute(Long.class, "basedOnVersion", i -> i.basedOnVersion, (i, v) -> i.basedOnVersion = v)
        .string("createdBy", i -> i.createdBy, (i, v) -> i.createdBy = v)
        .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
        .string("confirmedBy", i -> i.confirmedBy, (i, v) -> i.confirmedBy = v)
        .string("confirmedAt", i -> i.confirmedAt, (i, v) -> i.confirmedAt = v)
        .string("finishedAt", i -> i.finishedAt, (i, v) -> i.finishedAt = v)
        .string("failure", i -> i.failure, (i, v) -> i.failure = v)
        .string("testFault", i -> i.testFault, (i, v) -> i.testFault = v)
        // A school's imports, newest last: S#{school}#IMPORTS / {import}.
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String schoolId;
    String importId;
    String schoolYear;
    String status;
    String fileName;
    String fileSha256;
    String mapping;
    String counts;
    Integer chunks;
    Integer rowsTotal;
    Integer rowsDone;
    Long basedOnVersion;
    String createdBy;
    String createdAt;
    String confirmedBy;
    String confirmedAt;
    String finishedAt;
    String failure;
    /** Local stack only (LIENLAC_ROSTER_TEST_FAULTS): where the worker simulates a crash. */
    String testFault;
    String gsi1pk;
    String gsi1sk;
  }

  /** {@code S#{school}#IMPORT#{import}} / {@code CHUNK#{n}}: up to 200 rows of the plan (JSON), the report's page n. */
  static final class ChunkItem extends Item {
    static final String TYPE = "RosterImportChunk";
    static final TableSchema<ChunkItem> SCHEMA = ItemSchema.of(ChunkItem.class, ChunkItem::new)
        .integer("n", i -> i.n, (i, v) -> i.n = v)
        .string("kind", i -> i.kind, (i, v) -> i.kind = v)
        .integer("rowCount", i -> i.rowCount, (i, v) -> i.rowCount = v)
        .string("rows", i -> i.rows, (i, v) -> i.rows = v)
        .build();

    Integer n;
    String kind;
    Integer rowCount;
    String rows;
  }

  /**
   * {@code S#{school}#IMPORT#{import}} / {@code DONE#{n}}: chunk n was applied (put with
   * {@code attribute_not_exists} in the same transaction as the import's progress); the chunk's
   * audit entry: who confirmed, when it was applied, what it did.
   */
  static final class ChunkDoneItem extends Item {
    static final String TYPE = "RosterImportChunkDone";
    static final TableSchema<ChunkDoneItem> SCHEMA = ItemSchema.of(ChunkDoneItem.class, ChunkDoneItem::new)
        .integer("n", i -> i.n, (i, v) -> i.n = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("counts", i -> i.counts, (i, v) -> i.counts = v)
        .build();

    Integer n;
    String actor;
    String at;
    String counts;
  }

  /** {@code S#{school}#LEARNER#{id}} or {@code S#{school}#PUPILCODE#{code}} / {@code REF}: which pupil (uniqueness). */
  static final class RefItem extends Item {
    static final String TYPE = "LearnerRef";
    static final TableSchema<RefItem> SCHEMA = ItemSchema.of(RefItem.class, RefItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .build();

    String schoolId;
    String studentId;
  }

  /** {@code PHONE#{e164}} / {@code ACCOUNT}: the sign-in account of a phone (one across schools). */
  static final class AccountItem extends Item {
    static final String TYPE = "Account";
    static final TableSchema<AccountItem> SCHEMA = ItemSchema.of(AccountItem.class, AccountItem::new)
        .string("phone", i -> i.phone, (i, v) -> i.phone = v)
        .string("sub", i -> i.sub, (i, v) -> i.sub = v)
        .string("disabled", i -> i.disabled, (i, v) -> i.disabled = v)
        .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String phone;
    String sub;
    /** "true" while the account is disabled (the person is on no roster any more). */
    String disabled;
    String createdAt;
    Long version;
  }

  /** {@code S#{school}#ROSTER} / {@code STATE}: {@code rosterVersion} moves with every applied import that changes something. */
  static final class StateItem extends Item {
    static final String TYPE = "RosterState";
    static final TableSchema<StateItem> SCHEMA = ItemSchema.of(StateItem.class, StateItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .attribute(Long.class, "rosterVersion", i -> i.rosterVersion, (i, v) -> i.rosterVersion = v)
        .string("lastImportId", i -> i.lastImportId, (i, v) -> i.lastImportId = v)
        .build();

    String schoolId;
    Long rosterVersion;
    String lastImportId;
  }
}
