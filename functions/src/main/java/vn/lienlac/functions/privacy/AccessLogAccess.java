package vn.lienlac.functions.privacy;

import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.model.identity.Role;

/**
 * Who may read the access log (issue 18), deny by default:
 *
 * <ul>
 *   <li>A pupil's log: the pupil's parents and guardians, and the data-protection officer of the
 *       pupil's school (whose read is itself logged, {@code access-log}: the family sees that the DPO
 *       looked). The teachers of the pupil's class and the school's staff, who see the pupil's
 *       records, get 403; anyone else 404.
 *   <li>A school's log: its data-protection officer; anyone else with a role or a child in the school
 *       gets 403, anyone else 404.
 * </ul>
 */
final class AccessLogAccess {
  private final RosterRepository roster;
  private final AccessLog log;

  AccessLogAccess(RosterRepository roster, AccessLog log) {
    this.roster = roster;
    this.log = log;
  }

  /** The pupil, when the caller may read their access log. */
  Student student(Caller caller, String studentId, ApiRequest request) {
    Optional<String> asParent = caller.schoolOfChild(studentId);
    if (asParent.isPresent()) {
      Optional<Student> child = roster.student(asParent.get(), studentId);
      if (child.isPresent()) {
        return child.get();
      }
    }
    for (String schoolId : caller.schoolsWithRole(Role.DPO)) {
      Optional<Student> student = roster.student(schoolId, studentId);
      if (student.isPresent()) {
        log.pupil(request, caller, schoolId, studentId, student.get().classId(), AccessLog.What.ACCESS_LOG);
        return student.get();
      }
    }
    for (String schoolId : caller.schoolsForStudent(studentId)) {
      Optional<Student> student = roster.student(schoolId, studentId);
      if (student.isPresent()
          && (caller.hasRole(schoolId, Role.STAFF) || caller.teachesIn(schoolId, student.get().classId()))) {
        throw new ApiException.Forbidden("privacy.accessLog.guardiansOnly");
      }
    }
    throw new ApiException.NotFound();
  }

  /** The school, when the caller is its data-protection officer. */
  void school(Caller caller, String schoolId) {
    if (caller.hasRole(schoolId, Role.DPO) && roster.school(schoolId).isPresent()) {
      return;
    }
    if (caller.schools().contains(schoolId)) {
      throw new ApiException.Forbidden("privacy.accessLog.dpoOnly");
    }
    throw new ApiException.NotFound();
  }

  /**
   * A pupil of the DPO's school named by the school view's {@code studentId} filter (the read is
   * logged on the pupil, as through the pupil's own route); empty for an unknown pupil.
   */
  Optional<Student> filteredPupil(Caller caller, String schoolId, String studentId, ApiRequest request) {
    Optional<Student> student = roster.student(schoolId, studentId);
    student.ifPresent(s -> log.pupil(request, caller, schoolId, studentId, s.classId(), AccessLog.What.ACCESS_LOG));
    return student;
  }
}
