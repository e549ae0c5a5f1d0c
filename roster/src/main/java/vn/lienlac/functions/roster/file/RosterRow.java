package vn.lienlac.functions.roster.file;

import java.time.LocalDate;
import java.util.List;

/**
 * One pupil's row, read and checked.
 *
 * @param sheet the sheet it came from (null for CSV)
 * @param row the 1-based row number as the spreadsheet shows it (for CSV: the record number)
 * @param learnerId the ministry's learner id (10 digits) when the file has one, else the school's
 *     own pupil code, else null (a school-made list without ids)
 * @param learnerIdKind which of the two {@code learnerId} is; null when it is null
 * @param fullName NFC, single spaces
 * @param dateOfBirth never null on an accepted row
 * @param gender null when the file does not say
 * @param className the class as written, cleaned ("Lớp 6A1" → "6A1"); compare with {@link ClassNames#key}
 * @param grade 1–12, from the Khối column or the class name; null when neither says
 * @param status {@link PupilStatus#STUDYING} unless the file says otherwise
 * @param guardians in the file's order, at most one per phone number
 * @param personalId số định danh cá nhân (12 digits) or null; kept out of {@link #toString()}
 */
public record RosterRow(
    String sheet,
    int row,
    String learnerId,
    LearnerIdKind learnerIdKind,
    String fullName,
    LocalDate dateOfBirth,
    Gender gender,
    String className,
    Integer grade,
    PupilStatus status,
    List<Guardian> guardians,
    String personalId) {

  /** Mã định danh Bộ GD&ĐT, or the school's mã học sinh. */
  public enum LearnerIdKind { MINISTRY, SCHOOL }

  public RosterRow {
    guardians = List.copyOf(guardians);
  }

  /** Without the personal id, so that a row can be logged. */
  @Override
  public String toString() {
    return "RosterRow[sheet=" + sheet + ", row=" + row + ", learnerId=" + learnerId + ", learnerIdKind=" + learnerIdKind
        + ", fullName=" + fullName + ", dateOfBirth=" + dateOfBirth + ", gender=" + gender + ", className=" + className
        + ", grade=" + grade + ", status=" + status + ", guardians=" + guardians
        + ", personalId=" + (personalId == null ? null : "***") + "]";
  }
}
