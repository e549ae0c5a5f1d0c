package vn.lienlac.functions.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * A class in a school year (e.g. 6A1, 2026-2027): its homeroom teacher, the subjects it is taught
 * and assessed in, and who teaches each subject.
 */
public record SchoolClass(String schoolId, String id, String name, int grade, String schoolYear,
    String homeroomTeacherId, List<SubjectPlan> subjects, Map<String, String> subjectTeachers) {

  public SchoolClass {
    subjects = List.copyOf(subjects);
    subjectTeachers = Map.copyOf(subjectTeachers);
  }

  public Optional<SubjectPlan> subject(String code) {
    return subjects.stream().filter(s -> s.subject().equals(code)).findFirst();
  }
}
