package vn.lienlac.functions.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.privacy.PrivacyNotice;
import vn.lienlac.model.records.TermId;

/** Who the caller is, per school: reads the directory and names things with the roster. */
public final class IdentityService {
  private final DirectoryRepository directory;
  private final RosterRepository roster;
  private final Clock clock;

  public IdentityService(DirectoryRepository directory, RosterRepository roster, Clock clock) {
    this.directory = directory;
    this.roster = roster;
    this.clock = clock;
  }

  public Caller caller(String subject) {
    return directory.caller(subject);
  }

  /** One Query for the grants, then one BatchGetItem per kind of name needed (schools, pupils, classes). */
  public Me me(Caller caller) {
    Map<String, List<Caller.Grant>> bySchool = new LinkedHashMap<>();
    caller.grants().forEach(g -> bySchool.computeIfAbsent(g.schoolId(), k -> new ArrayList<>()).add(g));
    Map<String, School> schools = roster.schools(bySchool.keySet());

    String currentTerm = TermId.containing(SchoolTime.today(clock)).toString();
    List<Me.SchoolMembership> memberships = new ArrayList<>();
    for (var entry : bySchool.entrySet()) {
      String schoolId = entry.getKey();
      List<Caller.Grant> grants = entry.getValue();
      School school = schools.get(schoolId);
      if (school == null) {
        continue; // grants that name a school that does not exist give nothing
      }
      List<Role> roles = grants.stream()
          .filter(Caller.RoleGrant.class::isInstance).map(g -> ((Caller.RoleGrant) g).role()).distinct().sorted().toList();

      List<String> childIds = grants.stream()
          .filter(Caller.ChildGrant.class::isInstance).map(g -> ((Caller.ChildGrant) g).studentId()).toList();
      Map<String, Student> children = roster.students(schoolId, childIds);

      // Classes taught, with subjects and homeroom, in a stable order.
      Map<String, Set<String>> subjectsByClass = new TreeMap<>();
      Set<String> homerooms = new LinkedHashSet<>();
      for (Caller.Grant g : grants) {
        if (g instanceof Caller.TeachingGrant t) {
          subjectsByClass.computeIfAbsent(t.classId(), k -> new LinkedHashSet<>()).add(t.subject());
        } else if (g instanceof Caller.HomeroomGrant h) {
          subjectsByClass.computeIfAbsent(h.classId(), k -> new LinkedHashSet<>());
          homerooms.add(h.classId());
        }
      }
      Set<String> classIds = new LinkedHashSet<>(subjectsByClass.keySet());
      children.values().forEach(s -> classIds.add(s.classId()));
      Map<String, SchoolClass> classes = roster.classes(schoolId, classIds);

      // The children's teachers, named in one BatchGetItem for the school.
      Set<String> teacherIds = new LinkedHashSet<>();
      children.values().forEach(s -> teachersOf(classes.get(s.classId())).keySet().forEach(teacherIds::add));
      Map<String, String> teacherNames = teacherIds.isEmpty() ? Map.of()
          : directory.names(schoolId, Role.TEACHER, teacherIds);
      List<Me.Child> childViews = childIds.stream()
          .map(children::get)
          .filter(java.util.Objects::nonNull)
          .map(s -> new Me.Child(s.id(), s.fullName(), s.classId(), className(classes, s.classId()),
              caller.hasConsent(schoolId, s.id()), PrivacyNotice.link(schoolId),
              childTeachers(classes.get(s.classId()), teacherNames)))
          .toList();
      List<Me.TaughtClass> taught = subjectsByClass.entrySet().stream()
          .filter(e -> classes.containsKey(e.getKey()))
          .map(e -> new Me.TaughtClass(e.getKey(), className(classes, e.getKey()), homerooms.contains(e.getKey()),
              List.copyOf(e.getValue())))
          .toList();
      memberships.add(new Me.SchoolMembership(schoolId, school.name(), roles, childViews, taught, school.level(),
          currentTerm));
    }
    String displayName = memberships.isEmpty() ? null
        : caller.displayName(memberships.get(0).schoolId()).orElse(null);
    return new Me(caller.subject(), displayName, memberships);
  }

  /** Teacher → the subjects they teach the class (empty for a homeroom teacher who teaches none), homeroom first. */
  private static Map<String, List<String>> teachersOf(SchoolClass schoolClass) {
    Map<String, List<String>> teachers = new LinkedHashMap<>();
    if (schoolClass == null) {
      return teachers;
    }
    if (schoolClass.homeroomTeacherId() != null) {
      teachers.put(schoolClass.homeroomTeacherId(), new ArrayList<>());
    }
    new TreeMap<>(schoolClass.subjectTeachers()).forEach((subject, teacher) -> {
      if (teacher != null) {
        teachers.computeIfAbsent(teacher, k -> new ArrayList<>()).add(subject);
      }
    });
    return teachers;
  }

  private static List<Me.ChildTeacher> childTeachers(SchoolClass schoolClass, Map<String, String> names) {
    return teachersOf(schoolClass).entrySet().stream()
        .filter(e -> names.containsKey(e.getKey())) // a teacher no longer in the directory is not offered
        .map(e -> new Me.ChildTeacher(e.getKey(), names.get(e.getKey()),
            e.getKey().equals(schoolClass.homeroomTeacherId()), List.copyOf(e.getValue())))
        .toList();
  }

  private static String className(Map<String, SchoolClass> classes, String classId) {
    SchoolClass c = classes.get(classId);
    return c == null ? null : c.name();
  }
}
