package vn.lienlac.model.roster;

import java.util.List;

/**
 * One line of an import's report: a row of the file (its number as the spreadsheet shows it), or
 * a pupil absent from a full-school file ({@code row} null, action LEAVE), or a class of the
 * classes sheet ({@code kind} CLASS).
 *
 * @param reasons why a row is rejected (each in the caller's language), empty otherwise
 */
public record ImportRow(Integer row, String sheet, Kind kind, Action action, String studentId, String fullName,
    String className, String fromClassName, List<Reason> reasons) {

  public enum Kind { PUPIL, CLASS }

  public enum Action { CREATE, UPDATE, MOVE, LEAVE, UNCHANGED, REJECTED }

  /** Why a row cannot be imported: the column (field) and the reason, in the caller's language. */
  public record Reason(String field, String code, String message) {}
}
