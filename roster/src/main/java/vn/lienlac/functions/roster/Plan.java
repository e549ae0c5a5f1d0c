package vn.lienlac.functions.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienlac.functions.identity.RosterEntries;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.roster.ImportRow.Action;

/**
 * What an import does, row by row, as the dry run computed it and stored it in the import's
 * chunks: each row carries the state it expects to find ({@code before}) and the state it leaves
 * ({@code after}), so that the job applies exactly what staff confirmed, re-applies a half-done
 * chunk without duplicating anything, and notices when the table moved on meanwhile.
 */
final class Plan {
  private Plan() {}

  /** How a chunk is applied: the classes sheet, pupils, then the guardians who lost every child. */
  enum ChunkKind { CLASSES, PUPILS, ACCOUNTS }

  /** What a row is about. ACCOUNT rows are internal (the final check of guardians who lost every child). */
  enum RowKind { PUPIL, CLASS, ACCOUNT }

  /**
   * One row of the plan. {@code reasons} are message keys with arguments (rendered in the reader's
   * language when the report is read). {@code moveDate}: the first day in the new class (a move).
   */
  record Row(Integer row, String sheet, RowKind kind, Action action, String studentId, String fullName,
      String className, String fromClassName, List<Violation> reasons, PupilState before, PupilState after,
      ClassPlan classPlan, String moveDate, String phone) {

    boolean applies() {
      return action != Action.REJECTED && action != Action.UNCHANGED;
    }
  }

  /**
   * A pupil as the roster entry holds them. {@code guardians} are {@code phone|relationship|name},
   * sorted; {@code enrolFrom} the start of the open enrolment period ({@code 0000-00-00} unknown).
   */
  record PupilState(String learnerId, String pupilCode, String fullName, String dateOfBirth, String gender,
      String classId, String className, String schoolYear, String enrolFrom, List<String> guardians, String status,
      String leftAt) {

    static final String ACTIVE = "ACTIVE";
    static final String LEFT = "LEFT";

    /** What decides "unchanged": everything the file says and where the pupil is (not when they left). */
    String fingerprint() {
      return RosterEntries.fingerprint(learnerId, pupilCode, fullName, dateOfBirth, gender, classId, className,
          schoolYear, guardians, status);
    }

    static String guardian(String phone, String relationship, String name) {
      return RosterEntries.guardian(phone, relationship, name);
    }

    static String phoneOf(String guardian) {
      return RosterEntries.phoneOf(guardian);
    }

    static String relationshipOf(String guardian) {
      String[] parts = guardian.split("\\|", 3);
      return parts[1].isEmpty() ? null : parts[1];
    }

    static String nameOf(String guardian) {
      String[] parts = guardian.split("\\|", 3);
      return parts.length < 3 || parts[2].isEmpty() ? null : parts[2];
    }

    List<String> phones() {
      List<String> phones = new ArrayList<>();
      guardians.forEach(g -> phones.add(phoneOf(g)));
      return phones;
    }
  }

  /** A class of the year and its teachers (subject code → phone); {@code before*} what the class item held (subs). */
  record ClassPlan(String classId, String name, int grade, String schoolYear, String homeroomPhone,
      String homeroomName, Map<String, String> subjectPhones, Map<String, String> teacherNames,
      String beforeHomeroomSub, Map<String, String> beforeSubjectTeachers, boolean exists) {

    ClassPlan {
      subjectPhones = subjectPhones == null ? Map.of() : new TreeMap<>(subjectPhones);
      teacherNames = teacherNames == null ? Map.of() : new TreeMap<>(teacherNames);
      beforeSubjectTeachers = beforeSubjectTeachers == null ? Map.of() : new TreeMap<>(beforeSubjectTeachers);
    }
  }
}
