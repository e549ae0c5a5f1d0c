package vn.lienlac.functions.announcements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.announcements.Announcement.Scope;
import vn.lienlac.model.identity.Role;

/**
 * Who may do what with announcements. A resource the caller has no relation to answers 404,
 * exactly like one that does not exist; 403 only when they can see it but not do this to it.
 *
 * <ul>
 *   <li>Publish: office staff to their school, one of its grades or one of its classes; teachers to
 *       the classes they teach (homeroom or a subject). Who can see the scope's announcements but
 *       not publish there gets 403 (a parent of the class; a teacher aiming at the school or a
 *       grade); a teacher aiming at a class they do not teach, 404.
 *   <li>See one: the families (guardians) whose children are in its scope, its author, the school's
 *       staff, and for a class announcement the class's teachers.
 *   <li>Mark read and acknowledge: the families in scope only (the others who can see it: 403).
 *   <li>Statistics: its author and the school's staff (the others who can see it: 403).
 *   <li>A school's sent list: staff (all of it) and teachers (their own); its parents 403.
 * </ul>
 */
public final class AnnouncementsAccess {
  private final RosterRepository roster;

  public AnnouncementsAccess(RosterRepository roster) {
    this.roster = roster;
  }

  /** Where an announcement goes: the scope, resolved (the class's name for a class). */
  public record Target(String schoolId, Scope scope, Integer grade, String classId, String className) {
    /** The scope's partition: {@code S#{school}#ANN#SCHOOL | G#{grade} | C#{class}}. */
    String partition() {
      return partition(schoolId, scope, grade, classId);
    }

    static String partition(String schoolId, Scope scope, Integer grade, String classId) {
      return Keys.announcementScope(schoolId, switch (scope) {
        case SCHOOL -> Keys.SCOPE_SCHOOL;
        case GRADE -> Keys.SCOPE_GRADE + grade;
        case CLASS -> Keys.SCOPE_CLASS + classId;
      });
    }
  }

  /** A family's children, with their classes, and the scope partitions they are in (all schools). */
  record Family(Map<String, List<Child>> childrenBySchool, Set<String> partitions) {}

  record Child(Student student, SchoolClass schoolClass) {}

  /**
   * The caller's children and the partitions of their feed: per school one BatchGetItem of the
   * pupils and one of their classes (A3), then school, grade and class of each child.
   */
  Family family(Caller caller) {
    Map<String, List<String>> childIds = new LinkedHashMap<>();
    for (Caller.Grant grant : caller.grants()) {
      if (grant instanceof Caller.ChildGrant c) {
        childIds.computeIfAbsent(c.schoolId(), k -> new ArrayList<>()).add(c.studentId());
      }
    }
    Map<String, List<Child>> children = new LinkedHashMap<>();
    Set<String> partitions = new LinkedHashSet<>();
    childIds.forEach((schoolId, ids) -> {
      Map<String, Student> students = roster.students(schoolId, ids);
      Map<String, SchoolClass> classes = roster.classes(schoolId,
          students.values().stream().map(Student::classId).distinct().toList());
      List<Child> kids = new ArrayList<>();
      for (Student student : students.values()) {
        SchoolClass schoolClass = classes.get(student.classId());
        if (schoolClass == null) {
          continue; // a pupil without a class is in no scope but the school's
        }
        kids.add(new Child(student, schoolClass));
        partitions.add(Target.partition(schoolId, Scope.SCHOOL, null, null));
        partitions.add(Target.partition(schoolId, Scope.GRADE, schoolClass.grade(), null));
        partitions.add(Target.partition(schoolId, Scope.CLASS, null, schoolClass.id()));
      }
      children.put(schoolId, kids);
    });
    return new Family(children, partitions);
  }

  /** The scope, when the caller may publish there (see the class comment). */
  public Target publishTarget(Caller caller, String schoolId, Scope scope, Integer grade, String classId) {
    boolean staff = caller.hasRole(schoolId, Role.STAFF);
    switch (scope) {
      case CLASS -> {
        SchoolClass schoolClass = roster.schoolClass(schoolId, classId).orElseThrow(ApiException.NotFound::new);
        Target target = new Target(schoolId, scope, null, classId, schoolClass.name());
        if (staff || caller.teachesIn(schoolId, classId)) {
          return target;
        }
        if (family(caller).partitions().contains(target.partition())) {
          throw new ApiException.Forbidden("announcements.publishClass", schoolClass.name());
        }
        throw new ApiException.NotFound();
      }
      case GRADE -> {
        Target target = new Target(schoolId, scope, grade, null, null);
        if (staff) {
          return target;
        }
        if (caller.hasRole(schoolId, Role.TEACHER) || family(caller).partitions().contains(target.partition())) {
          throw new ApiException.Forbidden("announcements.staffOnly");
        }
        throw new ApiException.NotFound();
      }
      default -> {
        if (staff) {
          return new Target(schoolId, scope, null, null, null);
        }
        if (caller.schools().contains(schoolId)) {
          throw new ApiException.Forbidden("announcements.staffOnly");
        }
        throw new ApiException.NotFound();
      }
    }
  }

  /** How the caller relates to one announcement; none at all is a 404. */
  record Relation(boolean family, boolean author, boolean staff, boolean teacher) {}

  Relation relation(Caller caller, String schoolId, String partition, String authorId, String classId) {
    Relation relation = new Relation(
        family(caller).partitions().contains(partition),
        caller.subject().equals(authorId),
        caller.hasRole(schoolId, Role.STAFF),
        classId != null && caller.teachesIn(schoolId, classId));
    if (!relation.family() && !relation.author() && !relation.staff() && !relation.teacher()) {
      throw new ApiException.NotFound();
    }
    return relation;
  }

  /** Read and acknowledge: a family in scope; whoever else sees it, 403. */
  void mayMark(Relation relation) {
    if (!relation.family()) {
      throw new ApiException.Forbidden("announcements.familiesOnly");
    }
  }

  /** Statistics: the author and the school's staff; whoever else sees it, 403. */
  void mayReadStats(Relation relation) {
    if (!relation.author() && !relation.staff()) {
      throw new ApiException.Forbidden("announcements.statsStaffOnly");
    }
  }

  /**
   * A school's sent list: true when the caller sees all of it (staff), false when only their own
   * (a teacher); its parents 403; anyone else 404.
   */
  boolean sentList(Caller caller, String schoolId) {
    if (caller.hasRole(schoolId, Role.STAFF)) {
      return true;
    }
    if (caller.hasRole(schoolId, Role.TEACHER)) {
      return false;
    }
    if (caller.schools().contains(schoolId)) {
      throw new ApiException.Forbidden("announcements.staffOnly");
    }
    throw new ApiException.NotFound();
  }
}
