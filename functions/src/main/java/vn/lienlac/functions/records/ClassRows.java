package vn.lienlac.functions.records;

import java.util.HashSet;
import java.util.Set;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;

/**
 * The rows of a whole-class update (gradebook rows, attendance marks): each names a pupil of the
 * class's roster, at most once. Violations are reported on {@code {at}/studentId}.
 */
final class ClassRows {
  private final SchoolClass schoolClass;
  private final Set<String> roster = new HashSet<>();
  private final Set<String> seen = new HashSet<>();

  ClassRows(SchoolClass schoolClass, Iterable<ClassMember> members) {
    this.schoolClass = schoolClass;
    members.forEach(m -> roster.add(m.studentId()));
  }

  /** True when the row's pupil is on the roster and not named by an earlier row. */
  boolean accept(String at, String studentId, Validation validation) {
    String field = at + "/studentId";
    if (studentId == null) {
      validation.add(Violation.of(field, "text.required"));
      return false;
    }
    if (!roster.contains(studentId)) {
      validation.add(Violation.of(field, "roster.notInClass", studentId, schoolClass.name()));
      return false;
    }
    if (!seen.add(studentId)) {
      validation.add(Violation.of(field, "roster.duplicateRow", studentId));
      return false;
    }
    return true;
  }
}
