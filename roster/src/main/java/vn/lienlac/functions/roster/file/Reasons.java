package vn.lienlac.functions.roster.file;

/**
 * Why a row is rejected or a file refused: message keys, each in both bundles
 * ({@code messages.properties} and {@code messages_en.properties}). Phone reasons are in {@link Phones}.
 */
public final class Reasons {
  private Reasons() {}

  // --- the file as a whole (ApiException.BadRequest) ---
  public static final String FILE_UNREADABLE = "roster.file.unreadable";
  public static final String FILE_TOO_LARGE = "roster.file.tooLarge";
  /** {0}: the limit. */
  public static final String FILE_TOO_MANY_ROWS = "roster.file.tooManyRows";
  public static final String FILE_NO_HEADER = "roster.file.noHeader";
  public static final String FILE_OLD_EXCEL = "roster.file.oldExcel";

  // --- a row ---
  public static final String NAME_MISSING = "roster.row.nameMissing";
  /** {0}: the limit. */
  public static final String NAME_TOO_LONG = "roster.row.nameTooLong";
  public static final String NAME_BAD_CHARACTER = "roster.row.nameBadCharacter";
  public static final String BIRTH_MISSING = "roster.row.birthMissing";
  /** {0}: the text. */
  public static final String BIRTH_MALFORMED = "roster.row.birthMalformed";
  /** {0}: the text (31/02/2012). */
  public static final String BIRTH_IMPOSSIBLE = "roster.row.birthImpossible";
  /** {0}: the date. */
  public static final String BIRTH_FUTURE = "roster.row.birthFuture";
  /** {0}: age at the start of the school year, {1}: the start, {2}: minimum age, {3}: maximum age. */
  public static final String BIRTH_AGE = "roster.row.birthAge";
  /** {0}: the text. */
  public static final String GENDER_UNKNOWN = "roster.row.genderUnknown";
  public static final String CLASS_MISSING = "roster.row.classMissing";
  /** {0}: the class. */
  public static final String CLASS_UNKNOWN = "roster.row.classUnknown";
  /** {0}: the text. */
  public static final String GRADE_MALFORMED = "roster.row.gradeMalformed";
  /** {0}: the grade column, {1}: the class. */
  public static final String GRADE_MISMATCH = "roster.row.gradeMismatch";
  /** {0}: the text. */
  public static final String STATUS_UNKNOWN = "roster.row.statusUnknown";
  /** {0}: the text. */
  public static final String LEARNER_ID_MALFORMED = "roster.row.learnerIdMalformed";
  /** {0}: the id, {1}: the row that has it first. */
  public static final String LEARNER_ID_DUPLICATE = "roster.row.learnerIdDuplicate";
  /** {0}: the text. */
  public static final String SCHOOL_CODE_MALFORMED = "roster.row.schoolCodeMalformed";
  /** No argument: the personal id is never echoed. */
  public static final String PERSONAL_ID_MALFORMED = "roster.row.personalIdMalformed";
  /** {0}: the phone, {1}: the name on this row, {2}: the name already on it, {3}: that row. */
  public static final String PHONE_NAME_CONFLICT = "roster.row.phoneNameConflict";
  /** {0}: the class, {1}: the homeroom teacher already given. */
  public static final String HOMEROOM_CONFLICT = "roster.row.homeroomConflict";
  /** A teacher's phone without the teacher's name, or a subject without a teacher. */
  public static final String TEACHER_NAME_MISSING = "roster.row.teacherNameMissing";
}
