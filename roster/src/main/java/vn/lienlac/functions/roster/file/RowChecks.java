package vn.lienlac.functions.roster.file;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.Text;
import vn.lienlac.model.common.Violation;

/**
 * Turns the data rows of recognised tables into {@link RosterRow}s, {@link ClassRow}s and
 * {@link RejectedRow}s. Holds what spans rows: learner ids and parents' phones seen so far (for
 * duplicates and name conflicts), the classes of the classes sheet, the counts of skipped rows.
 */
final class RowChecks {
  static final int MIN_AGE = 5;
  static final int MAX_AGE = 25;
  static final int MAX_NAME = 100;
  static final int MAX_CODE = 40;
  /** Excel's day 0 in the 1900 date system (serial 1 is 1900-01-01, counting its phantom 29 February). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
  private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
  private static final Pattern GRADE = Pattern.compile("^(?:\\D{0,12}?)(1[0-2]|[1-9])$");
  private static final Pattern LEARNER_ID = Pattern.compile("\\d{10}");
  private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
  private static final Pattern SCHOOL_CODE = Pattern.compile("[\\p{L}\\p{N}._/\\-]+");
  private static final Set<String> EXAMPLE = Set.of("vd", "vidu", "example", "eg", "mau", "sample");
  private static final Pattern FOOTER = Pattern.compile(
      "^(tong cong|tong so|tong|cong|total|nguoi lap|hieu truong|pho hieu truong|ky ten|xac nhan|ghi chu|principal|prepared by)( .*)?$"
          + "|.*\\b(ngay \\d* ?thang \\d* ?nam)\\b.*|.*\\bky ghi ro ho ten\\b.*|.*\\bky va ghi ro ho ten\\b.*");

  private final RosterReader.Options options;
  private final List<RosterRow> rows = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private final Map<String, ClassBuilder> classes = new LinkedHashMap<>();
  private final Map<String, Integer> learnerIds = new HashMap<>();
  private final Map<String, PhoneOwner> phones = new HashMap<>();
  private int exampleRows;
  private int ignoredRows;
  private int dataRows;

  private record PhoneOwner(String name, String folded, int row) {}

  RowChecks(RosterReader.Options options) {
    this.options = options;
  }

  List<RosterRow> rows() {
    return rows;
  }

  List<RejectedRow> rejected() {
    return rejected;
  }

  List<ClassRow> classRows() {
    return classes.values().stream().map(ClassBuilder::build).toList();
  }

  int exampleRows() {
    return exampleRows;
  }

  int ignoredRows() {
    return ignoredRows;
  }

  // --- walking a table ----------------------------------------------------------------------------

  /** Something to do with each data row of a table, given the class named above its block. */
  private interface RowHandler {
    void row(Grid.Row row, String blockClass);
  }

  /**
   * The data rows of a table: below the header, without example rows, blank rows, a repeated header
   * (a new block: the class named above it applies from there), and the totals and signatures that
   * end a block.
   */
  private void walk(Tables.Table table, RowHandler handler) {
    List<Grid.Row> all = table.grid().rows();
    Map<Field, Integer> columns = table.columns();
    String blockClass = table.titleClass();
    List<Grid.Row> sinceData = new ArrayList<>();
    boolean ended = false;
    for (int i = table.headerIndex() + table.headerRows(); i < all.size(); i++) {
      Grid.Row row = all.get(i);
      if (repeatsHeader(table, row)) {
        String named = Tables.titleClass(sinceData, null);
        blockClass = named != null ? named : blockClass;
        sinceData.clear();
        ended = false;
        i += table.headerRows() - 1;
        continue;
      }
      if (row.isBlank()) {
        continue;
      }
      if (ended) {
        ignoredRows++;
        sinceData.add(row);
        continue;
      }
      if (isExample(row, columns)) {
        exampleRows++;
        continue;
      }
      if (isFooter(row, columns)) {
        ended = true;
        ignoredRows++;
        sinceData.add(row);
        continue;
      }
      if (!isData(row, columns, table.kind())) {
        ignoredRows++;
        sinceData.add(row);
        continue;
      }
      if (++dataRows > options.maxRows()) {
        throw new ApiException.BadRequest(Reasons.FILE_TOO_MANY_ROWS, options.maxRows());
      }
      sinceData.clear();
      handler.row(row, blockClass);
    }
  }

  private static boolean repeatsHeader(Tables.Table table, Grid.Row row) {
    Integer name = table.columns().get(table.kind() == SheetMapping.Kind.PUPILS ? Field.FULL_NAME : Field.CLASS);
    if (name != null && row.text(name) != null
        && !Headers.fold(row.text(name)).equals(table.headerTexts().get(name))) {
      return false; // the usual case, decided by one cell
    }
    int same = 0;
    int compared = 0;
    for (int column : table.columns().values()) {
      String header = table.headerTexts().get(column);
      if (header == null || header.isEmpty()) {
        continue;
      }
      compared++;
      if (header.equals(Headers.fold(row.text(column)))) {
        same++;
      }
    }
    return compared >= 2 && same * 2 > compared;
  }

  /** {@code VD} / {@code Ví dụ} in the STT column (never judged by the name: "Vi" is a surname). */
  private static boolean isExample(Grid.Row row, Map<Field, Integer> columns) {
    Integer stt = columns.get(Field.STT);
    if (stt == null) {
      stt = columns.containsValue(0) ? null : 0;
    }
    return stt != null && EXAMPLE.contains(Headers.fold(row.text(stt)).replace(" ", ""));
  }

  /** A total or signature row ("Tổng cộng: 40 học sinh", "Hiệu trưởng", "Hà Nội, ngày … tháng … năm …"). */
  private static boolean isFooter(Grid.Row row, Map<Field, Integer> columns) {
    Integer birth = columns.get(Field.DATE_OF_BIRTH);
    if (birth != null && row.cell(birth) != null && looksLikeDate(row.cell(birth))) {
      return false; // a pupil's row (totals and signatures have no birth date), decided without folding every cell
    }
    Integer name = columns.get(Field.FULL_NAME);
    for (int c = 0; c < row.cells().length; c++) {
      String text = row.text(c);
      if (text == null) {
        continue;
      }
      String folded = Headers.fold(text);
      if (name != null && c == name && !folded.startsWith("tong cong") && !folded.startsWith("tong so")) {
        continue; // "Tống Văn An" is a pupil; only an explicit total in the name column ends the list
      }
      if (FOOTER.matcher(folded).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeDate(Grid.Cell cell) {
    try {
      return date(cell) != null;
    } catch (DateTimeException impossible) {
      return true;
    }
  }

  /** A row that names someone, or holds at least two of the table's fields besides STT. */
  private static boolean isData(Grid.Row row, Map<Field, Integer> columns, SheetMapping.Kind kind) {
    for (Field f : kind == SheetMapping.Kind.PUPILS ? List.of(Field.FULL_NAME, Field.GIVEN_NAME) : List.of(Field.CLASS)) {
      Integer c = columns.get(f);
      if (c != null && row.text(c) != null) {
        return true;
      }
    }
    long filled = columns.entrySet().stream()
        .filter(e -> e.getKey() != Field.STT && row.text(e.getValue()) != null).count();
    return filled >= 2;
  }

  // --- classes ------------------------------------------------------------------------------------

  void classes(Tables.Table table) {
    walk(table, (row, blockClass) -> classRow(table, row, blockClass));
  }

  private static final class ClassBuilder {
    final String sheet;
    final int row;
    final String name;
    Integer grade;
    ClassRow.Teacher homeroom;
    final List<ClassRow.SubjectTeacher> subjects = new ArrayList<>();

    ClassBuilder(String sheet, int row, String name) {
      this.sheet = sheet;
      this.row = row;
      this.name = name;
    }

    ClassRow build() {
      return new ClassRow(sheet, row, name, grade, homeroom, subjects);
    }
  }

  private void classRow(Tables.Table table, Grid.Row row, String blockClass) {
    Map<Field, Integer> columns = table.columns();
    List<Violation> reasons = new ArrayList<>();
    String className = ClassNames.clean(text(row, columns, Field.CLASS));
    if (className == null) {
      className = blockClass;
    }
    if (className == null) {
      reasons.add(Violation.of(Field.CLASS.key(), Reasons.CLASS_MISSING));
    }
    Integer grade = grade(row, columns, className, reasons);
    ClassRow.Teacher homeroom = teacher(table, row, Field.HOMEROOM_TEACHER, Field.HOMEROOM_PHONE, reasons);
    String subject = oneLine(text(row, columns, Field.SUBJECT));
    ClassRow.Teacher subjectTeacher = teacher(table, row, Field.SUBJECT_TEACHER, Field.SUBJECT_TEACHER_PHONE, reasons);
    if (subject != null && subjectTeacher == null && reasons.isEmpty()) {
      reasons.add(Violation.of(Field.SUBJECT_TEACHER.key(), Reasons.TEACHER_NAME_MISSING));
    }
    ClassBuilder existing = className == null ? null : classes.get(ClassNames.key(className));
    if (existing != null && homeroom != null && existing.homeroom != null
        && !Headers.fold(existing.homeroom.name()).equals(Headers.fold(homeroom.name()))) {
      reasons.add(Violation.of(Field.HOMEROOM_TEACHER.key(), Reasons.HOMEROOM_CONFLICT, className,
          existing.homeroom.name()));
    }
    if (!reasons.isEmpty()) {
      rejected.add(new RejectedRow(table.grid().sheet(), row.number(), reasons));
      return;
    }
    String name = className;
    ClassBuilder built = classes.computeIfAbsent(ClassNames.key(name),
        k -> new ClassBuilder(table.grid().sheet(), row.number(), name));
    if (built.grade == null) {
      built.grade = grade;
    }
    if (homeroom != null) {
      built.homeroom = homeroom;
    }
    if (subject != null) {
      built.subjects.add(new ClassRow.SubjectTeacher(subject, subjectTeacher.name(), subjectTeacher.phone()));
    }
  }

  /** A teacher's name and phone; null when both are empty. */
  private ClassRow.Teacher teacher(Tables.Table table, Grid.Row row, Field nameField, Field phoneField,
      List<Violation> reasons) {
    String name = personName(text(row, table.columns(), nameField));
    String rawPhone = text(row, table.columns(), phoneField);
    if (name == null && rawPhone == null) {
      return null;
    }
    if (name == null) {
      reasons.add(Violation.of(nameField.key(), Reasons.TEACHER_NAME_MISSING));
      return null;
    }
    String phone = null;
    if (rawPhone != null) {
      Phones.Parsed parsed = Phones.parse(rawPhone);
      if (parsed.ok()) {
        phone = parsed.e164();
      } else {
        reasons.add(Violation.of(phoneField.key(), parsed.problem(), rawPhone, header(table, phoneField)));
      }
    }
    return new ClassRow.Teacher(name, phone);
  }

  // --- pupils -------------------------------------------------------------------------------------

  void pupils(Tables.Table table) {
    walk(table, (row, blockClass) -> pupilRow(table, row, blockClass));
  }

  private void pupilRow(Tables.Table table, Grid.Row row, String blockClass) {
    Map<Field, Integer> columns = table.columns();
    List<Violation> reasons = new ArrayList<>();

    String learnerId = null;
    RosterRow.LearnerIdKind idKind = null;
    String ministry = idText(row, columns, Field.LEARNER_ID, 10);
    if (ministry != null) {
      if (LEARNER_ID.matcher(ministry).matches()) {
        learnerId = ministry;
        idKind = RosterRow.LearnerIdKind.MINISTRY;
      } else {
        reasons.add(Violation.of(Field.LEARNER_ID.key(), Reasons.LEARNER_ID_MALFORMED, ministry));
      }
    }
    String code = oneLine(text(row, columns, Field.SCHOOL_CODE));
    if (code != null && learnerId == null && ministry == null) {
      if (Text.length(code) <= MAX_CODE && SCHOOL_CODE.matcher(code).matches()) {
        learnerId = code;
        idKind = RosterRow.LearnerIdKind.SCHOOL;
      } else {
        reasons.add(Violation.of(Field.SCHOOL_CODE.key(), Reasons.SCHOOL_CODE_MALFORMED, code));
      }
    }

    String fullName = pupilName(row, columns, reasons);
    LocalDate birth = birth(row, columns, reasons);
    Gender gender = gender(text(row, columns, Field.GENDER), reasons);

    String className = ClassNames.clean(text(row, columns, Field.CLASS));
    if (className == null) {
      className = blockClass;
    }
    if (className == null) {
      reasons.add(Violation.of(Field.CLASS.key(), Reasons.CLASS_MISSING));
    } else {
      Set<String> known = knownClasses();
      if (known != null && !known.contains(ClassNames.key(className))) {
        reasons.add(Violation.of(Field.CLASS.key(), Reasons.CLASS_UNKNOWN, className));
      }
    }
    Integer grade = grade(row, columns, className, reasons);
    PupilStatus status = status(text(row, columns, Field.STATUS), reasons);

    String personalId = idText(row, columns, Field.PERSONAL_ID, 12);
    if (personalId != null && !PERSONAL_ID.matcher(personalId).matches()) {
      reasons.add(Violation.of(Field.PERSONAL_ID.key(), Reasons.PERSONAL_ID_MALFORMED));
      personalId = null;
    }

    List<Guardian> guardians = guardians(table, row, reasons);

    if (learnerId != null) {
      String key = idKind + ":" + learnerId;
      Integer first = learnerIds.putIfAbsent(key, row.number());
      if (first != null) {
        reasons.add(Violation.of(idKind == RosterRow.LearnerIdKind.MINISTRY ? Field.LEARNER_ID.key()
            : Field.SCHOOL_CODE.key(), Reasons.LEARNER_ID_DUPLICATE, learnerId, first));
      }
    }
    for (Guardian g : guardians) {
      PhoneOwner owner = phones.get(g.phone());
      if (owner != null && g.name() != null && !owner.folded().equals(Headers.fold(g.name()))) {
        reasons.add(Violation.of(phoneField(g.relationship()).key(), Reasons.PHONE_NAME_CONFLICT, g.phone(), g.name(),
            owner.name(), owner.row()));
      }
    }

    if (!reasons.isEmpty()) {
      rejected.add(new RejectedRow(table.grid().sheet(), row.number(), reasons));
      return;
    }
    for (Guardian g : guardians) {
      if (g.name() != null) {
        phones.putIfAbsent(g.phone(), new PhoneOwner(g.name(), Headers.fold(g.name()), row.number()));
      }
    }
    rows.add(new RosterRow(table.grid().sheet(), row.number(), learnerId, idKind, fullName, birth, gender, className,
        grade, status, guardians, personalId));
  }

  /** The class keys pupils must be in: the options' list, else the classes sheet's, else any (null). */
  private Set<String> knownClasses() {
    if (options.knownClasses() != null) {
      return options.knownClasses().stream().map(ClassNames::key).collect(Collectors.toSet());
    }
    return classes.isEmpty() ? null : classes.keySet();
  }

  private String pupilName(Grid.Row row, Map<Field, Integer> columns, List<Violation> reasons) {
    String raw = text(row, columns, Field.FULL_NAME);
    if (raw == null) {
      String family = text(row, columns, Field.FAMILY_NAME);
      String given = text(row, columns, Field.GIVEN_NAME);
      raw = given == null ? null : family == null ? given : family + " " + given;
    }
    String name = oneLine(Text.clean(raw));
    if (name == null || name.isEmpty()) {
      reasons.add(Violation.of(Field.FULL_NAME.key(), Reasons.NAME_MISSING));
      return null;
    }
    if (Text.length(name) > MAX_NAME) {
      reasons.add(Violation.of(Field.FULL_NAME.key(), Reasons.NAME_TOO_LONG, MAX_NAME));
    } else if (Text.firstForbiddenCodePoint(name).isPresent() || name.chars().anyMatch(Character::isDigit)) {
      reasons.add(Violation.of(Field.FULL_NAME.key(), Reasons.NAME_BAD_CHARACTER, name));
    }
    return name;
  }

  /** A parent's or teacher's name: NFC, one line, at most {@value #MAX_NAME} characters; null when blank. */
  private static String personName(String raw) {
    String name = oneLine(Text.clean(raw));
    if (name == null || name.isEmpty()) {
      return null;
    }
    return Text.length(name) <= MAX_NAME ? name : name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
  }

  // --- dates --------------------------------------------------------------------------------------

  private LocalDate birth(Grid.Row row, Map<Field, Integer> columns, List<Violation> reasons) {
    Integer column = columns.get(Field.DATE_OF_BIRTH);
    Grid.Cell cell = column == null ? null : row.cell(column);
    if (cell == null || cell.text().isEmpty()) {
      reasons.add(Violation.of(Field.DATE_OF_BIRTH.key(), Reasons.BIRTH_MISSING));
      return null;
    }
    LocalDate date;
    try {
      date = date(cell);
    } catch (DateTimeException impossible) {
      reasons.add(Violation.of(Field.DATE_OF_BIRTH.key(), Reasons.BIRTH_IMPOSSIBLE, cell.text()));
      return null;
    }
    if (date == null) {
      reasons.add(Violation.of(Field.DATE_OF_BIRTH.key(), Reasons.BIRTH_MALFORMED, cell.text()));
      return null;
    }
    if (date.isAfter(options.today())) {
      reasons.add(Violation.of(Field.DATE_OF_BIRTH.key(), Reasons.BIRTH_FUTURE, show(date)));
      return null;
    }
    int age = Period.between(date, options.schoolYearStart()).getYears();
    if (age < MIN_AGE || age > MAX_AGE) {
      reasons.add(Violation.of(Field.DATE_OF_BIRTH.key(), Reasons.BIRTH_AGE, age, show(options.schoolYearStart()),
          MIN_AGE, MAX_AGE));
      return null;
    }
    return date;
  }

  private static String show(LocalDate date) {
    return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  /**
   * A date cell, an Excel serial number (a number cell, or its text), or text day first
   * ({@code dd/mm/yyyy}, {@code d/m/yyyy}, with dots or dashes) or ISO; null when it is none of
   * these. A day that does not exist (31/02) throws {@link DateTimeException}.
   */
  static LocalDate date(Grid.Cell cell) {
    if (cell.kind() == Grid.Cell.Kind.DATE || cell.kind() == Grid.Cell.Kind.NUMBER) {
      return serial(cell.number());
    }
    String text = cell.text().strip();
    Matcher m = DMY.matcher(text);
    if (m.matches()) {
      return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    m = ISO.matcher(text);
    if (m.matches()) {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    if (SERIAL.matcher(text).matches()) {
      return serial(Double.parseDouble(text));
    }
    return null;
  }

  private static LocalDate serial(double serial) {
    if (!(serial >= 1 && serial < 2_958_466)) { // Excel's last day is 9999-12-31
      return null;
    }
    return EXCEL_EPOCH.plusDays((long) Math.floor(serial));
  }

  // --- the other columns --------------------------------------------------------------------------

  private static Gender gender(String raw, List<Violation> reasons) {
    if (raw == null) {
      return null;
    }
    return switch (Headers.fold(raw)) {
      case "nam", "male", "m", "trai", "boy" -> Gender.MALE;
      case "nu", "female", "f", "gai", "girl" -> Gender.FEMALE;
      default -> {
        reasons.add(Violation.of(Field.GENDER.key(), Reasons.GENDER_UNKNOWN, raw));
        yield null;
      }
    };
  }

  private static PupilStatus status(String raw, List<Violation> reasons) {
    if (raw == null) {
      return PupilStatus.STUDYING;
    }
    return switch (Headers.fold(raw)) {
      case "dang hoc", "dang hoc tap", "hoc", "binh thuong", "chuyen den", "moi chuyen den", "studying", "enrolled",
           "active", "dang theo hoc" -> PupilStatus.STUDYING;
      case "da chuyen di", "chuyen di", "chuyen truong", "da chuyen truong", "transferred", "transferred out",
           "moved" -> PupilStatus.TRANSFERRED_OUT;
      case "thoi hoc", "da thoi hoc", "nghi hoc", "da nghi hoc", "bo hoc", "left", "dropped out", "withdrawn" ->
          PupilStatus.LEFT;
      default -> {
        reasons.add(Violation.of(Field.STATUS.key(), Reasons.STATUS_UNKNOWN, raw));
        yield null;
      }
    };
  }

  /** The grade from the Khối column, else from the class name; a contradiction is a reason. */
  private static Integer grade(Grid.Row row, Map<Field, Integer> columns, String className, List<Violation> reasons) {
    Integer fromClass = className == null ? null : ClassNames.grade(className);
    String raw = oneLine(text(row, columns, Field.GRADE));
    if (raw == null) {
      return fromClass;
    }
    Matcher m = GRADE.matcher(Headers.fold(raw).replace(" ", ""));
    if (!m.matches()) {
      reasons.add(Violation.of(Field.GRADE.key(), Reasons.GRADE_MALFORMED, raw));
      return null;
    }
    int grade = Integer.parseInt(m.group(1));
    if (fromClass != null && fromClass != grade) {
      reasons.add(Violation.of(Field.GRADE.key(), Reasons.GRADE_MISMATCH, raw, className));
      return null;
    }
    return grade;
  }

  // --- parents ------------------------------------------------------------------------------------

  private static Field phoneField(Guardian.Relationship relationship) {
    return switch (relationship) {
      case FATHER -> Field.FATHER_PHONE;
      case MOTHER -> Field.MOTHER_PHONE;
      case GUARDIAN -> Field.GUARDIAN_PHONE;
    };
  }

  /**
   * The row's guardians, one per phone: the father, mother and guardian with their own phone columns,
   * then the contact phone (SLL), given to the one named parent or guardian without a phone when there
   * is exactly one, else to an unnamed guardian. A phone given twice on one row (a family's shared
   * phone) is one guardian: the first named.
   */
  private List<Guardian> guardians(Tables.Table table, Grid.Row row, List<Violation> reasons) {
    Map<Field, Integer> columns = table.columns();
    String father = personName(text(row, columns, Field.FATHER_NAME));
    String mother = personName(text(row, columns, Field.MOTHER_NAME));
    String guardian = personName(text(row, columns, Field.GUARDIAN_NAME));
    String fatherPhone = phone(table, row, Field.FATHER_PHONE, reasons);
    String motherPhone = phone(table, row, Field.MOTHER_PHONE, reasons);
    String guardianPhone = phone(table, row, Field.GUARDIAN_PHONE, reasons);
    String contact = phone(table, row, Field.CONTACT_PHONE, reasons);
    if (contact != null && !contact.equals(fatherPhone) && !contact.equals(motherPhone)
        && !contact.equals(guardianPhone)) {
      List<Guardian.Relationship> without = new ArrayList<>();
      if (guardian != null && guardianPhone == null) {
        without.add(Guardian.Relationship.GUARDIAN);
      }
      if (mother != null && motherPhone == null) {
        without.add(Guardian.Relationship.MOTHER);
      }
      if (father != null && fatherPhone == null) {
        without.add(Guardian.Relationship.FATHER);
      }
      if (without.size() == 1) {
        switch (without.get(0)) {
          case GUARDIAN -> guardianPhone = contact;
          case MOTHER -> motherPhone = contact;
          case FATHER -> fatherPhone = contact;
        }
        contact = null;
      }
    } else {
      contact = null;
    }
    Map<String, Guardian> byPhone = new LinkedHashMap<>();
    add(byPhone, father, Guardian.Relationship.FATHER, fatherPhone);
    add(byPhone, mother, Guardian.Relationship.MOTHER, motherPhone);
    add(byPhone, guardian, Guardian.Relationship.GUARDIAN, guardianPhone);
    add(byPhone, null, Guardian.Relationship.GUARDIAN, contact);
    return List.copyOf(byPhone.values());
  }

  private static void add(Map<String, Guardian> byPhone, String name, Guardian.Relationship relationship, String phone) {
    if (phone != null) {
      byPhone.putIfAbsent(phone, new Guardian(name, relationship, phone));
    }
  }

  /** The E.164 phone of a column, null when empty; a bad phone adds its reason. */
  private static String phone(Tables.Table table, Grid.Row row, Field field, List<Violation> reasons) {
    String raw = text(row, table.columns(), field);
    if (raw == null) {
      return null;
    }
    Phones.Parsed parsed = Phones.parse(raw);
    if (!parsed.ok()) {
      reasons.add(Violation.of(field.key(), parsed.problem(), raw, header(table, field)));
      return null;
    }
    return parsed.e164();
  }

  // --- cells --------------------------------------------------------------------------------------

  private static String header(Tables.Table table, Field field) {
    return table.mapping().columns().stream().filter(c -> c.field() == field).map(ColumnMapping::header)
        .findFirst().orElse(field.key());
  }

  private static String text(Grid.Row row, Map<Field, Integer> columns, Field field) {
    Integer column = columns.get(field);
    return column == null ? null : row.text(column);
  }

  /**
   * An id column's text without spaces, dots or dashes (ids are often typed in groups); null when
   * empty. A number cell lost its leading zeros: they are put back up to {@code digits}.
   */
  private static String idText(Grid.Row row, Map<Field, Integer> columns, Field field, int digits) {
    Integer column = columns.get(field);
    Grid.Cell cell = column == null ? null : row.cell(column);
    if (cell == null || cell.text().isEmpty()) {
      return null;
    }
    if (cell.kind() == Grid.Cell.Kind.NUMBER && cell.text().matches("\\d{1," + digits + "}")) {
      return "0".repeat(digits - cell.text().length()) + cell.text();
    }
    String compact = cell.text().replaceAll("[\\s.\\-]", "");
    return compact.isEmpty() ? null : compact;
  }

  private static String oneLine(String text) {
    return Tables.oneLine(text);
  }
}
