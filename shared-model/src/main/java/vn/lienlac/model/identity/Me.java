package vn.lienlac.model.identity;

import java.util.List;

/**
 * {@code GET /v1/me}: the signed-in person and, per school, what they are there: the children
 * they may follow (parents) and the classes they teach (teachers).
 */
public record Me(String userId, String displayName, List<SchoolMembership> schools) {

  public record SchoolMembership(String schoolId, String schoolName, List<Role> roles, List<Child> children,
      List<TaughtClass> classes) {}

  public record Child(String studentId, String fullName, String classId, String className) {}

  /** A class the teacher works in: as homeroom teacher (giáo viên chủ nhiệm) and/or for subjects. */
  public record TaughtClass(String classId, String className, boolean homeroom, List<String> subjects) {}
}
