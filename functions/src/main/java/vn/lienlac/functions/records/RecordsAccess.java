package vn.lienlac.functions.records;

import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.identity.Role;

/**
 * Who may do what with records. A resource the caller has no relation to answers 404, exactly
 * like one that does not exist; 403 only when they can see it but not do this to it.
 *
 * <ul>
 *   <li>A pupil's records: their parents, the teachers of their class, their school's staff.
 *   <li>A gradebook: read by the subject's teacher, the homeroom teacher and staff; written by the
 *       subject's teacher only.
 *   <li>A class's attendance: read by its teachers and staff; marked by its teachers.
 *   <li>A class's leave requests: read by its homeroom teacher and staff; decided by the homeroom
 *       teacher only (anyone else who can read the pupil's records gets 403 when deciding).
 *   <li>A primary class's subject marks (evaluations): as the gradebook. Its qualities and
 *       competencies: read by its teachers and staff; rated by its homeroom teacher only.
 *   <li>A class's conduct: read by its teachers and staff; rated by its homeroom teacher only.
 *   <li>A class's year summary: its homeroom teacher and staff (its other teachers get 403).
 *   <li>A school's grading settings: read by its staff and teachers, changed by its staff; the
 *       school's parents (and its teachers, for a change) get 403.
 * </ul>
 */
final class RecordsAccess {
  private final RosterRepository roster;

  RecordsAccess(RosterRepository roster) {
    this.roster = roster;
  }

  /** What a caller wants to do with a class. */
  enum ClassAction {
    READ_GRADEBOOK, WRITE_GRADEBOOK, READ_ATTENDANCE, MARK_ATTENDANCE, READ_LEAVE, DECIDE_LEAVE,
    // Primary (Circular 27/2020): the qualities and competencies.
    READ_COMPETENCIES, WRITE_COMPETENCIES,
    // secondary e-records (issue 16)
    READ_CONDUCT, WRITE_CONDUCT, READ_YEAR_SUMMARY
  }

  /** What a caller wants to do with a school's records settings (issue 16). */
  enum SchoolAction { READ_SETTINGS, WRITE_SETTINGS }

  /** The school, when the caller may do {@code action} with its settings; 404 for a school they have no grant in. */
  School school(Caller caller, String schoolId, SchoolAction action) {
    if (!caller.schools().contains(schoolId)) {
      throw new ApiException.NotFound();
    }
    School school = roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
    boolean staff = caller.hasRole(schoolId, Role.STAFF);
    boolean allowed = switch (action) {
      case READ_SETTINGS -> staff || caller.hasRole(schoolId, Role.TEACHER);
      case WRITE_SETTINGS -> staff;
    };
    if (!allowed) {
      throw new ApiException.Forbidden("access." + action.name().toLowerCase(java.util.Locale.ROOT), school.name());
    }
    return school;
  }

  /** The pupil, when the caller may read their records. */
  Student readableStudent(Caller caller, String studentId) {
    for (String schoolId : caller.schoolsForStudent(studentId)) {
      Optional<Student> student = roster.student(schoolId, studentId);
      if (student.isPresent() && mayRead(caller, student.get())) {
        return student.get();
      }
    }
    throw new ApiException.NotFound();
  }

  /** The pupil, when the caller is their parent: only parents speak for a child (leave requests). */
  Student childOf(Caller caller, String studentId) {
    Student student = readableStudent(caller, studentId);
    if (caller.schoolOfChild(studentId).filter(student.schoolId()::equals).isEmpty()) {
      throw new ApiException.Forbidden("access.parentsOnly");
    }
    return student;
  }

  /** The class, when the caller may do {@code action} with it ({@code subject} for gradebook actions). */
  SchoolClass schoolClass(Caller caller, String classId, ClassAction action, String subject) {
    for (String schoolId : caller.schoolsForClass(classId)) {
      Optional<SchoolClass> found = roster.schoolClass(schoolId, classId);
      if (found.isEmpty()) {
        continue;
      }
      SchoolClass schoolClass = found.get();
      boolean staff = caller.hasRole(schoolId, Role.STAFF);
      boolean teaches = caller.teachesIn(schoolId, classId);
      if (!staff && !teaches) {
        continue;
      }
      boolean homeroom = caller.isHomeroomTeacher(schoolId, classId);
      boolean teachesSubject = subject != null && caller.teachesSubject(schoolId, classId, subject);
      boolean allowed = switch (action) {
        case READ_GRADEBOOK -> teachesSubject || homeroom || staff;
        case WRITE_GRADEBOOK -> teachesSubject;
        case READ_ATTENDANCE -> teaches || staff;
        case MARK_ATTENDANCE -> teaches;
        case READ_LEAVE -> homeroom || staff;
        case DECIDE_LEAVE -> homeroom;
        case READ_COMPETENCIES -> teaches || staff;
        case WRITE_COMPETENCIES -> homeroom;
        case READ_CONDUCT -> teaches || staff;
        case WRITE_CONDUCT -> homeroom;
        case READ_YEAR_SUMMARY -> homeroom || staff;
      };
      if (!allowed) {
        throw forbidden(action, schoolClass.name());
      }
      return schoolClass;
    }
    throw new ApiException.NotFound();
  }

  /**
   * Whether the caller may decide a leave request of this pupil and class: its homeroom teacher
   * may. Whoever else may read the pupil's records (parents, the class's teachers, staff) sees the
   * request and gets 403; anyone else 404.
   */
  void leaveToDecide(Caller caller, String schoolId, String studentId, String classId) {
    if (caller.isHomeroomTeacher(schoolId, classId)) {
      return;
    }
    Optional<Student> student = roster.student(schoolId, studentId);
    if (student.isEmpty() || !mayRead(caller, student.get())) {
      throw new ApiException.NotFound();
    }
    String className = roster.schoolClass(schoolId, classId).map(SchoolClass::name).orElse(classId);
    throw forbidden(ClassAction.DECIDE_LEAVE, className);
  }

  /** 403 for a class the caller can see: names the action ({@code access.decide_leave}) and the class. */
  private static ApiException.Forbidden forbidden(ClassAction action, String className) {
    return new ApiException.Forbidden("access." + action.name().toLowerCase(java.util.Locale.ROOT), className);
  }

  private static boolean mayRead(Caller caller, Student student) {
    String schoolId = student.schoolId();
    return caller.schoolOfChild(student.id()).filter(schoolId::equals).isPresent()
        || caller.hasRole(schoolId, Role.STAFF)
        || caller.teachesIn(schoolId, student.classId());
  }
}
