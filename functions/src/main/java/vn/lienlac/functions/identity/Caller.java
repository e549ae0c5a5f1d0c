package vn.lienlac.functions.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lienlac.model.identity.Role;

/**
 * The signed-in person and everything they are entitled to, loaded once per request from the
 * identity directory (one Query). Authorization decisions are made against this, never against
 * claims in the token: the token says who, the directory says what they may do. No grant, no access.
 */
public record Caller(String subject, List<Grant> grants) {

  public Caller {
    grants = List.copyOf(grants);
  }

  /** One entitlement in one school. */
  public sealed interface Grant permits RoleGrant, ChildGrant, TeachingGrant, HomeroomGrant {
    String schoolId();
  }

  /** The person holds {@code role} in the school, under the name the school knows them by. */
  public record RoleGrant(String schoolId, Role role, String displayName) implements Grant {}

  /**
   * The person is a legal representative of the pupil. {@code consentVersion} (issue 18): the
   * version of the school's purpose notice they consented to for this child; null while they have
   * not (or withdrew): then the child's optional data (messages, payments by app, push) is closed to them.
   */
  public record ChildGrant(String schoolId, String studentId, String relationship, Integer consentVersion)
      implements Grant {

    /** A grant as the roster and the seed create it: no consent yet (silence is not consent). */
    public ChildGrant(String schoolId, String studentId, String relationship) {
      this(schoolId, studentId, relationship, null);
    }

    public boolean consented() {
      return consentVersion != null;
    }
  }

  /** The person teaches {@code subject} in the class. */
  public record TeachingGrant(String schoolId, String classId, String subject) implements Grant {}

  /** The person is the class's homeroom teacher (giáo viên chủ nhiệm). */
  public record HomeroomGrant(String schoolId, String classId) implements Grant {}

  /** The school of a pupil this person is a parent of, if they are. */
  public Optional<String> schoolOfChild(String studentId) {
    return grants.stream()
        .filter(g -> g instanceof ChildGrant c && c.studentId().equals(studentId))
        .map(Grant::schoolId)
        .findFirst();
  }

  /** Consent (issue 18): true when this person is a guardian of the pupil and has consented for them. */
  public boolean hasConsent(String schoolId, String studentId) {
    return grants.stream().anyMatch(g -> g instanceof ChildGrant c && c.schoolId().equals(schoolId)
        && c.studentId().equals(studentId) && c.consented());
  }

  /** Where a pupil of this id could be one this person sees: their child's school, then where they teach or work. */
  public Set<String> schoolsForStudent(String studentId) {
    Set<String> schools = new LinkedHashSet<>();
    schoolOfChild(studentId).ifPresent(schools::add);
    schools.addAll(schoolsWithRole(Role.TEACHER));
    schools.addAll(schoolsWithRole(Role.STAFF));
    return schools;
  }

  /** Where a class of this id could be one this person sees: where they teach it, then where they work in the office. */
  public Set<String> schoolsForClass(String classId) {
    Set<String> schools = schoolsTeaching(classId);
    schools.addAll(schoolsWithRole(Role.STAFF));
    return schools;
  }

  /** Every school where this person has any grant. */
  public Set<String> schools() {
    Set<String> schools = new LinkedHashSet<>();
    grants.forEach(g -> schools.add(g.schoolId()));
    return schools;
  }

  public boolean hasRole(String schoolId, Role role) {
    return grants.stream().anyMatch(g -> g instanceof RoleGrant r && r.schoolId().equals(schoolId) && r.role() == role);
  }

  /** Schools where this person holds {@code role}. */
  public Set<String> schoolsWithRole(Role role) {
    Set<String> schools = new LinkedHashSet<>();
    grants.stream().filter(g -> g instanceof RoleGrant r && r.role() == role).forEach(g -> schools.add(g.schoolId()));
    return schools;
  }

  /** Teaches in the class at all: a subject, or as homeroom teacher. */
  public boolean teachesIn(String schoolId, String classId) {
    return isHomeroomTeacher(schoolId, classId) || grants.stream()
        .anyMatch(g -> g instanceof TeachingGrant t && t.schoolId().equals(schoolId) && t.classId().equals(classId));
  }

  public boolean teachesSubject(String schoolId, String classId, String subject) {
    return grants.stream().anyMatch(g -> g instanceof TeachingGrant t
        && t.schoolId().equals(schoolId) && t.classId().equals(classId) && t.subject().equals(subject));
  }

  public boolean isHomeroomTeacher(String schoolId, String classId) {
    return grants.stream()
        .anyMatch(g -> g instanceof HomeroomGrant h && h.schoolId().equals(schoolId) && h.classId().equals(classId));
  }

  /** The schools of the classes this person teaches in, with a class id: usually exactly one. */
  public Set<String> schoolsTeaching(String classId) {
    Set<String> schools = new LinkedHashSet<>();
    for (Grant g : grants) {
      if ((g instanceof TeachingGrant t && t.classId().equals(classId))
          || (g instanceof HomeroomGrant h && h.classId().equals(classId))) {
        schools.add(g.schoolId());
      }
    }
    return schools;
  }

  /** The name this person has in the school, or in any school if not that one. */
  public Optional<String> displayName(String schoolId) {
    Optional<String> inSchool = grants.stream()
        .filter(g -> g instanceof RoleGrant r && r.schoolId().equals(schoolId))
        .map(g -> ((RoleGrant) g).displayName())
        .findFirst();
    return inSchool.isPresent() ? inSchool : grants.stream()
        .filter(RoleGrant.class::isInstance).map(g -> ((RoleGrant) g).displayName()).findFirst();
  }
}
