package vn.lienlac.tests.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * Roster workbooks for tests, made with POI the way schools' files look: title rows above the
 * header (on row {@value #HEADER_ROW}), some header cells in NFD and with line breaks, an example
 * {@code VD} row, a total and a signature row at the bottom, Vietnamese names with diacritics,
 * phones in every spelling schools use (number cells that lost the leading 0 included), siblings
 * sharing a parent's phone, and exactly the planted bad rows asked for, with the row numbers and
 * reasons the reader must report. Deterministic: the same arguments give the same bytes' content.
 */
public final class RosterWorkbooks {
  /** The header's row (1-based) on the pupils' sheet; data starts below it, after the VD row. */
  public static final int HEADER_ROW = 4;
  /** The pupils' sheet and the classes' sheet. */
  public static final String PUPILS_SHEET = "Danh sách học sinh";
  public static final String CLASSES_SHEET = "Lớp";

  private RosterWorkbooks() {}

  /** A pupil as the file has them, with what the reader must make of them (phones in E.164). */
  public record Pupil(int row, String learnerId, String fullName, LocalDate dateOfBirth, String gender,
      String className, int grade, String status, String fatherName, String fatherPhone, String motherName,
      String motherPhone) {}

  /** A planted bad row: its row number and the {@code roster.*} key the reader must give as its first reason. */
  public record Bad(int row, String code) {}

  /** A class of the classes sheet. */
  public record SchoolClass(String name, int grade, String homeroomTeacher, String homeroomPhone) {}

  /**
   * A generated workbook and what reading it must give.
   *
   * @param pupils the good rows, in file order (what the reader must accept)
   * @param bad the planted bad rows, in file order
   * @param parentPhones every distinct parent phone of the good rows (one account each)
   */
  public record Roster(byte[] xlsx, List<Pupil> pupils, List<Bad> bad, List<SchoolClass> classes,
      List<String> parentPhones) {}

  /**
   * A school's roster: {@code pupils} good rows across classes of grades 6–9 (about 40 a class),
   * plus {@code bad} planted bad rows (cycling through every kind the reader rejects), for the school
   * year starting {@code schoolYearStart}.
   */
  public static Roster roster(int pupils, int bad, LocalDate schoolYearStart) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }

  /**
   * Next year's file for {@code previous}: the same learner ids, each pupil a grade up in a new
   * class ("6A1" → "7A1", grade 9 leave the school and are absent), every {@code leaveEvery}-th
   * pupil marked "Đã chuyển đi", {@code newPupils} new grade-6 pupils; no bad rows.
   */
  public static Roster nextYear(Roster previous, int leaveEvery, int newPupils, LocalDate schoolYearStart) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }
}
