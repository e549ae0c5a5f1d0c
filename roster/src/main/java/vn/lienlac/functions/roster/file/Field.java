package vn.lienlac.functions.roster.file;

/**
 * What a column of a roster holds, once its header is recognised. {@link #key()} is the name shown
 * back to staff and used in JSON (lower camel case).
 */
public enum Field {
  // --- the pupils' sheet ---
  /** Số thứ tự; also where example rows say {@code VD}. */
  STT("stt"),
  /** Mã định danh Bộ GD&ĐT: the ministry's learner id, 10 digits. */
  LEARNER_ID("learnerId"),
  /** Mã học sinh: the school's (or its software's) own pupil code. */
  SCHOOL_CODE("schoolCode"),
  FULL_NAME("fullName"),
  /** Họ (đệm), when a file splits the name in two columns. */
  FAMILY_NAME("familyName"),
  /** Tên, when a file splits the name in two columns. */
  GIVEN_NAME("givenName"),
  DATE_OF_BIRTH("dateOfBirth"),
  GENDER("gender"),
  CLASS("className"),
  GRADE("grade"),
  STATUS("status"),
  FATHER_NAME("fatherName"),
  FATHER_PHONE("fatherPhone"),
  MOTHER_NAME("motherName"),
  MOTHER_PHONE("motherPhone"),
  GUARDIAN_NAME("guardianName"),
  GUARDIAN_PHONE("guardianPhone"),
  /** Điện thoại SLL / SĐT liên hệ: the family's contact number, not tied to a named parent. */
  CONTACT_PHONE("contactPhone"),
  /** Số định danh cá nhân (CCCD), 12 digits: sensitive, never logged. */
  PERSONAL_ID("personalId"),
  // --- the classes' sheet (CLASS and GRADE too) ---
  HOMEROOM_TEACHER("homeroomTeacher"),
  HOMEROOM_PHONE("homeroomPhone"),
  SUBJECT("subject"),
  SUBJECT_TEACHER("subjectTeacher"),
  SUBJECT_TEACHER_PHONE("subjectTeacherPhone");

  private final String key;

  Field(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
