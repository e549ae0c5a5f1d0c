package vn.lienlac.functions.records;

import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.functions.privacy.AccessLog.What;
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
 *
 * <p>Every grant to a teacher, staff member or the DPO of a pupil's or a class's records appends an
 * access-log entry ({@link AccessLog}: one per request, before the records are read or changed; a
 * parent's access to their own child is not logged). A request of {@code null} (the demo seed
 * writing through the services) logs nothing.
 */
final class RecordsAccess {
  private final RosterRepository roster;
  private final AccessLog log;

  RecordsAccess(RosterRepository roster, AccessLog log) {
    this.roster = roster;
    this.log = log;
  }

  /** What a caller wants to do with a class. */
  enum ClassAction {
    READ_GRADEBOOK, WRITE_GRADEBOOK, READ_ATTENDANCE, MARK_ATTENDANCE, READ_LEAVE, DECIDE_LEAVE,
    // Primary (Circular 27/2020): the qualities and competencies.
    READ_COMPETENCIES, WRITE_COMPETENCIES,
    // secondary e-records (issue 16)
    READ_CONDUCT, WRITE_CONDUCT, READ_YEAR_SUMMARY,
    // the class's record books (the year summary's readers), logged as record-book reads (issue 18)
    PRINT_RECORD_BOOKS;

    /** What the access log says was read or changed. */
    What what() {
      return switch (this) {
        case READ_GRADEBOOK, WRITE_GRADEBOOK -> What.GRADES;
        case READ_ATTENDANCE, MARK_ATTENDANCE -> What.ATTENDANCE;
        case READ_LEAVE, DECIDE_LEAVE -> What.LEAVE;
        case READ_COMPETENCIES, WRITE_COMPETENCIES -> What.COMPETENCIES;
        case READ_CONDUCT, WRITE_CONDUCT -> What.CONDUCT;
        case READ_YEAR_SUMMARY -> What.YEAR_SUMMARY;
        case PRINT_RECORD_BOOKS -> What.RECORD_BOOK;
      };
    }
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

  /** The pupil, when the caller may read their records ({@code what}: logged for anyone but their parents). */
  Student readableStudent(Caller caller, String studentId, ApiRequest request, What what) {
    Student student = readable(caller, studentId);
    log.pupil(request, caller, student.schoolId(), student.id(), student.classId(), what);
    return student;
  }

  private Student readable(Caller caller, String studentId) {
    for (String schoolId : caller.schoolsForStudent(studentId)) {
      Optional<Student> student = roster.student(schoolId, studentId);
      if (student.isPresent() && mayRead(caller, student.get())) {
        return student.get();
      }
    }
    throw new ApiException.NotFound();
  }

  // Record book (issue 16, record-book-fn): the family, the homeroom teacher, the school's staff.
  /**
   * The pupil, when the caller may read and print their record book of {@code schoolYear}: their
   * parents, the school's staff, and the homeroom teacher of their class that year (enrolment
   * periods) or of their current class (who keeps the book now). Anyone else, a subject teacher
   * included (they see the marks, not the book), and an unknown pupil: 404.
   */
  Student recordBookStudent(Caller caller, String studentId, String schoolYear, ApiRequest request) {
    for (String schoolId : caller.schoolsForStudent(studentId)) {
      Optional<Student> found = roster.student(schoolId, studentId);
      if (found.isEmpty()) {
        continue;
      }
      Student student = found.get();
      if (caller.schoolOfChild(studentId).filter(schoolId::equals).isPresent() || caller.hasRole(schoolId, Role.STAFF)
          || caller.isHomeroomTeacher(schoolId, student.classId())
          || roster.enrolmentIn(schoolId, studentId, schoolYear)
              .filter(e -> caller.isHomeroomTeacher(schoolId, e.classId())).isPresent()) {
        log.pupil(request, caller, schoolId, studentId, student.classId(), What.RECORD_BOOK);
        return student;
      }
    }
    throw new ApiException.NotFound();
  }

  /** The pupil, when the caller is their parent: only parents speak for a child (leave requests). */
  Student childOf(Caller caller, String studentId) {
    Student student = readable(caller, studentId);
    if (caller.schoolOfChild(studentId).filter(student.schoolId()::equals).isEmpty()) {
      throw new ApiException.Forbidden("access.parentsOnly");
    }
    return student;
  }

  /** The class, when the caller may do {@code action} with it ({@code subject} for gradebook actions). */
  SchoolClass schoolClass(Caller caller, String classId, ClassAction action, String subject, ApiRequest request) {
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
        case READ_YEAR_SUMMARY, PRINT_RECORD_BOOKS -> homeroom || staff;
      };
      if (!allowed) {
        throw forbidden(action, schoolClass.name());
      }
      log.schoolClass(request, caller, schoolId, classId, action.what());
      return schoolClass;
    }
    throw new ApiException.NotFound();
  }

  /**
   * Whether the caller may decide a leave request of this pupil and class: its homeroom teacher
   * may. Whoever else may read the pupil's records (parents, the class's teachers, staff) sees the
   * request and gets 403; anyone else 404.
   */
  void leaveToDecide(Caller caller, String schoolId, String studentId, String classId, ApiRequest request) {
    if (caller.isHomeroomTeacher(schoolId, classId)) {
      log.pupil(request, caller, schoolId, studentId, classId, What.LEAVE);
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
