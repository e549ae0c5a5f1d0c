package vn.lienlac.model.roster;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A roster import of one school (issue 15): the dry run's report, then the job's state. Created by
 * {@code POST /v1/schools/{schoolId}/roster} (nothing but the import itself is written), applied
 * after staff confirm its {@link Counts} ({@code POST …/imports/{importId}/confirm}).
 *
 * @param status     PLANNED (dry run done, waiting for confirmation), RUNNING, DONE, FAILED
 * @param mapping    how the file's columns were read (column header → field), as the reader matched them
 * @param rejections every rejected row of the file, with its reasons (the full report: {@code …/rows})
 */
public record RosterImport(String importId, String schoolId, String schoolYear, Status status, String fileName,
    List<ColumnMapping> mapping, Counts counts, Progress progress, List<ImportRow> rejections, String failure,
    String createdBy, OffsetDateTime createdAt, String confirmedBy, OffsetDateTime confirmedAt,
    OffsetDateTime finishedAt) {

  public enum Status { PLANNED, RUNNING, DONE, FAILED }

  /**
   * One column of the file and the field it was read as: the sheet (null for CSV), the column's
   * letter, the header text as found, the field ({@code fullName}, {@code learnerId}, {@code fatherPhone}…).
   */
  public record ColumnMapping(String sheet, String column, String header, String field) {}

  /** What the import does (dry run) or did: pupils by action, and what follows from them. */
  public record Counts(int create, int update, int move, int leave, int unchanged, int rejected, int classesCreated,
      int classesUpdated, int guardiansCreated, int guardiansLinked, int guardiansUnlinked, int accountsCreated,
      int accountsDisabled, int teacherGrants) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Whether applying this changes anything at all (a re-import of the same file does not). */
    public boolean changesAnything() {
      return create + update + move + leave + classesCreated + classesUpdated + guardiansCreated + guardiansLinked
          + guardiansUnlinked + accountsCreated + accountsDisabled + teacherGrants > 0;
    }
  }

  /** The job's progress: rows applied so far of the rows to apply. */
  public record Progress(int rowsDone, int rowsTotal) {}

  /** {@code POST …/confirm}: the counts the staff member saw in the dry run. */
  public record Confirmation(Counts counts) {}
}
