package vn.lienlac.model.identity;

import java.util.List;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * {@code GET /v1/me}: the signed-in person and, per school, what they are there: the children
 * they may follow (parents) and the classes they teach (teachers).
 */
public record Me(String userId, String displayName, List<SchoolMembership> schools) {

  /**
   * The person's place in one school. {@code schoolLevel} decides which grading circular the
   * school's reports follow; {@code currentTerm} is the term today falls in (Vietnam's date, as
   * {@link vn.lienlac.model.records.TermId#containing}), the one a client shows first.
   */
  public record SchoolMembership(String schoolId, String schoolName, List<Role> roles, List<Child> children,
      List<TaughtClass> classes, SchoolLevel schoolLevel, String currentTerm) {

    public SchoolMembership(String schoolId, String schoolName, List<Role> roles, List<Child> children,
        List<TaughtClass> classes) {
      this(schoolId, schoolName, roles, children, classes, null, null);
    }
  }

  /**
   * A child the person follows. {@code consentGiven} (issue 18): whether they consented for the
   * child (the child's messages, payments by app and pushes wait for it); {@code privacyNotice}:
   * the school's notice to read and consent to.
   */
  public record Child(String studentId, String fullName, String classId, String className, boolean consentGiven,
      String privacyNotice, List<ChildTeacher> teachers) {

    public Child {
      teachers = teachers == null ? List.of() : List.copyOf(teachers);
    }

    public Child(String studentId, String fullName, String classId, String className, boolean consentGiven,
        String privacyNotice) {
      this(studentId, fullName, classId, className, consentGiven, privacyNotice, List.of());
    }

    public Child(String studentId, String fullName, String classId, String className) {
      this(studentId, fullName, classId, className, false, null, List.of());
    }
  }

  /**
   * A teacher of the child's class, whom the guardian may write to ({@code POST /v1/conversations}
   * with this {@code teacherId}): the homeroom teacher and each subject teacher, with the subjects
   * (codes) they teach the class, homeroom teacher first.
   */
  public record ChildTeacher(String teacherId, String displayName, boolean homeroom, List<String> subjects) {}

  /** A class the teacher works in: as homeroom teacher (giáo viên chủ nhiệm) and/or for subjects. */
  public record TaughtClass(String classId, String className, boolean homeroom, List<String> subjects) {}
}
