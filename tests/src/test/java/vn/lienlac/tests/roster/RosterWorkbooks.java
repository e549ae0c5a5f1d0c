package vn.lienlac.tests.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.lienlac.functions.roster.file.Gender;
import vn.lienlac.functions.roster.file.Phones;
import vn.lienlac.functions.roster.file.PupilStatus;
import vn.lienlac.functions.roster.file.Reasons;

/**
 * Roster workbooks for tests, made with POI the way schools' files look: title rows above the
 * header (on row {@value #HEADER_ROW}), some header cells in NFD and with line breaks, an example
 * {@code VD} row, a total and a signature row at the bottom, Vietnamese names with diacritics,
 * phones in every spelling schools use (number cells that lost the leading 0 included), dates as
 * text, as date cells and as serial numbers, siblings sharing a parent (same name, same phone in
 * another spelling), and exactly the planted bad rows asked for, with the row numbers and reasons
 * the reader must report. Deterministic: the same arguments give the same workbook.
 */
public final class RosterWorkbooks {
  /** The header's row (1-based) on the pupils' sheet; row 5 is the VD example, data starts on row 6. */
  public static final int HEADER_ROW = 4;
  public static final int FIRST_DATA_ROW = HEADER_ROW + 2;
  /** The pupils' sheet and the classes' sheet. */
  public static final String PUPILS_SHEET = "Danh sách học sinh";
  public static final String CLASSES_SHEET = "Lớp";
  /** About this many pupils a class. */
  public static final int CLASS_SIZE = 40;
  /** Every this-many-th pupil is a younger sibling of an earlier pupil (same parents). */
  public static final int SIBLING_EVERY = 25;

  /** The kinds of planted bad rows, in the order they cycle; each is the row's only reason. */
  public static final List<String> BAD_KINDS = List.of(Reasons.NAME_MISSING, Reasons.BIRTH_IMPOSSIBLE,
      Reasons.BIRTH_FUTURE, Reasons.BIRTH_AGE, Reasons.CLASS_UNKNOWN, Phones.MALFORMED, Phones.NOT_MOBILE,
      Phones.OLD_NUMBER, Reasons.LEARNER_ID_DUPLICATE, Reasons.PHONE_NAME_CONFLICT);

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  private static final String[] MIDDLE = {"Minh", "Ngọc", "Quốc", "Thu", "Gia", "Bảo", "Khánh", "Đức", "Thanh", "Hữu"};
  private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hà", "Hạnh", "Khoa", "Linh", "Mai", "Nam",
      "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Việt", "Yến", "Ánh", "Đạt", "Ngân", "Trúc", "Tú", "Huy",
      "Nhật", "Ly", "Vy", "Hiếu", "Trang", "Giang", "Phương"};
  private static final String[] MOBILE_PREFIXES = {"090", "091", "093", "094", "096", "097", "098", "032", "033",
      "035", "038", "070", "076", "077", "079", "081", "083", "084", "085", "056", "058", "086", "088", "039"};

  private RosterWorkbooks() {}

  /** A pupil as the file has them, with what the reader must make of them (phones in E.164). */
  public record Pupil(int row, String learnerId, String fullName, LocalDate dateOfBirth, Gender gender,
      String className, int grade, PupilStatus status, String fatherName, String fatherPhone, String motherName,
      String motherPhone) {}

  /** A planted bad row: its row number and the {@code roster.*} key the reader must give as its only reason. */
  public record Bad(int row, String code) {}

  /** A class of the classes sheet. */
  public record SchoolClass(String name, int grade, String homeroomTeacher, String homeroomPhone) {}

  /**
   * A generated workbook and what reading it must give.
   *
   * @param pupils the good rows, in file order (what the reader must accept)
   * @param bad the planted bad rows, in file order
   * @param parentPhones every distinct parent phone of the good rows (one account each), E.164, in order of first use
   */
  public record Roster(byte[] xlsx, List<Pupil> pupils, List<Bad> bad, List<SchoolClass> classes,
      List<String> parentPhones) {}

  /** One line of the pupils' sheet before it is written: a good pupil, or a bad one with its planted reason. */
  private record Line(Pupil pupil, String bad, Object[] cells) {}

  /**
   * A school's roster: {@code pupils} good rows across classes of grades 6–9 (about {@value #CLASS_SIZE}
   * a class), plus {@code bad} planted bad rows spread through the file (cycling through
   * {@link #BAD_KINDS}), for the school year starting {@code schoolYearStart}.
   */
  public static Roster roster(int pupils, int bad, LocalDate schoolYearStart) {
    Random random = new Random(15);
    int classesPerGrade = Math.max(1, (int) Math.ceil(pupils / 4.0 / CLASS_SIZE));
    List<SchoolClass> classes = classes(classesPerGrade, random);
    Families families = new Families();
    List<Pupil> good = new ArrayList<>();
    for (int i = 0; i < pupils; i++) {
      int grade = 6 + i % 4;
      String className = grade + "A" + (1 + (i / 4) % classesPerGrade);
      String learnerId = String.format("79%08d", 100_000 + i);
      Gender gender = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
      String fullName = name(i, gender);
      LocalDate birth = LocalDate.of(schoolYearStart.getYear() - grade - 6, 1, 1).plusDays(random.nextInt(365));
      Family family = i % SIBLING_EVERY == SIBLING_EVERY - 1 && i >= 13 ? families.of(good.get(i - 13))
          : families.next(fullName);
      String surname = fullName.substring(0, fullName.indexOf(' '));
      fullName = family.surname() + fullName.substring(surname.length());
      good.add(new Pupil(0, learnerId, fullName, birth, gender, className, grade, PupilStatus.STUDYING,
          family.father(), family.fatherPhone(), family.mother(), family.motherPhone()));
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      lines.add(new Line(good.get(i), null, null));
    }
    // Bad rows spread evenly, each after a good row it may borrow from (duplicate id, phone conflict).
    int step = Math.max(1, (pupils + bad) / Math.max(1, bad));
    for (int b = 0; b < bad; b++) {
      int position = Math.min(lines.size(), (b + 1) * step - 1 + b);
      position = Math.max(1, position);
      Pupil before = lastGood(lines, position);
      String kind = BAD_KINDS.get(b % BAD_KINDS.size());
      lines.add(position, new Line(null, kind, badCells(kind, b, before, schoolYearStart, families)));
    }
    return write(lines, classes, schoolYearStart.getYear(), 0);
  }

  /**
   * Next year's file for {@code previous}: the same learner ids, each pupil a grade up in the class of
   * the same letter ("6A1" → "7A1"); grade 9 left the school and are absent; every {@code leaveEvery}-th
   * remaining pupil is marked "Đã chuyển đi" (transferred out); {@code newPupils} new grade-6 pupils
   * with new families. No bad rows.
   */
  public static Roster nextYear(Roster previous, int leaveEvery, int newPupils, LocalDate schoolYearStart) {
    Random random = new Random(16);
    int classesPerGrade = (int) previous.classes().stream().filter(c -> c.grade() == 6).count();
    List<SchoolClass> classes = classes(classesPerGrade, random);
    List<Line> lines = new ArrayList<>();
    int kept = 0;
    for (Pupil p : previous.pupils()) {
      if (p.grade() >= 9) {
        continue;
      }
      kept++;
      PupilStatus status = leaveEvery > 0 && kept % leaveEvery == 0 ? PupilStatus.TRANSFERRED_OUT : PupilStatus.STUDYING;
      int grade = p.grade() + 1;
      String className = grade + p.className().substring(String.valueOf(p.grade()).length());
      lines.add(new Line(new Pupil(0, p.learnerId(), p.fullName(), p.dateOfBirth(), p.gender(), className, grade,
          status, p.fatherName(), p.fatherPhone(), p.motherName(), p.motherPhone()), null, null));
    }
    Families families = new Families(500_000);
    for (int i = 0; i < newPupils; i++) {
      Gender gender = i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
      String fullName = name(10_000 + i, gender);
      Family family = families.next(fullName);
      String surname = fullName.substring(0, fullName.indexOf(' '));
      lines.add(new Line(new Pupil(0, String.format("79%08d", 900_000 + i), family.surname()
          + fullName.substring(surname.length()), LocalDate.of(schoolYearStart.getYear() - 12, 1, 1)
          .plusDays(random.nextInt(365)), gender, "6A" + (1 + i % classesPerGrade), 6, PupilStatus.STUDYING,
          family.father(), family.fatherPhone(), family.mother(), family.motherPhone()), null, null));
    }
    return write(lines, classes, schoolYearStart.getYear(), 1);
  }

  // --- people ---------------------------------------------------------------------------------------

  private static String name(int i, Gender gender) {
    String middle = gender == Gender.FEMALE && i % 3 == 0 ? "Thị" : MIDDLE[(i / 7) % MIDDLE.length];
    return FAMILY[i % FAMILY.length] + " " + middle + " " + GIVEN[(i / 3) % GIVEN.length];
  }

  private record Family(String surname, String father, String fatherPhone, String mother, String motherPhone) {}

  /** Families with distinct phones: a counter turned into mobile numbers of every carrier. */
  private static final class Families {
    private int next;

    Families() {
      this(0);
    }

    Families(int start) {
      this.next = start;
    }

    Family next(String childName) {
      int n = next++;
      String surname = childName.substring(0, childName.indexOf(' '));
      String father = surname + " Văn " + GIVEN[(n + 5) % GIVEN.length];
      String mother = FAMILY[(n + 3) % FAMILY.length] + " Thị " + GIVEN[(n + 11) % GIVEN.length];
      return new Family(surname, father, phone(2 * n), mother, phone(2 * n + 1));
    }

    Family of(Pupil sibling) {
      String surname = sibling.fullName().substring(0, sibling.fullName().indexOf(' '));
      return new Family(surname, sibling.fatherName(), sibling.fatherPhone(), sibling.motherName(),
          sibling.motherPhone());
    }

    /** A fresh phone that no family uses (for bad rows). */
    String freshPhone() {
      return phone(2 * (next++) + 1);
    }

    static String phone(int n) {
      String prefix = MOBILE_PREFIXES[n % MOBILE_PREFIXES.length];
      return "+84" + prefix.substring(1) + String.format("%07d", 1_000_000 + n / MOBILE_PREFIXES.length);
    }
  }

  /** An E.164 number as a school might have typed it; {@code style} picks one of the spellings. */
  static Object spelled(String e164, int style) {
    String national = "0" + e164.substring(3); // 0912345678
    return switch (Math.floorMod(style, 7)) {
      case 0 -> national;
      case 1 -> national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
      case 2 -> national.substring(0, 4) + "." + national.substring(4, 7) + "." + national.substring(7);
      case 3 -> e164;
      case 4 -> e164.substring(1);
      case 5 -> Double.valueOf(national.substring(1)); // a number cell: the leading 0 is gone
      default -> "(+84) " + national.substring(1, 4) + "-" + national.substring(4, 7) + "-" + national.substring(7);
    };
  }

  private static Pupil lastGood(List<Line> lines, int position) {
    for (int i = Math.min(position, lines.size()) - 1; i >= 0; i--) {
      if (lines.get(i).pupil() != null) {
        return lines.get(i).pupil();
      }
    }
    throw new IllegalStateException("no good row before " + position);
  }

  /** The cells of a planted bad row: a plausible pupil with exactly one thing wrong. */
  private static Object[] badCells(String kind, int b, Pupil before, LocalDate start, Families families) {
    String learnerId = String.format("79%08d", 800_000 + b);
    String name = "Lỗi " + GIVEN[b % GIVEN.length] + " Thứ " + (char) ('A' + b % 26);
    Object birth = "15/03/" + (start.getYear() - 12);
    String className = "6A1";
    Object fatherPhone = families.freshPhone();
    String fatherName = "Cha Lỗi Số " + (char) ('A' + b % 26);
    switch (kind) {
      case Reasons.NAME_MISSING -> name = null;
      case Reasons.BIRTH_IMPOSSIBLE -> birth = "31/02/" + (start.getYear() - 12);
      case Reasons.BIRTH_FUTURE -> birth = "01/01/" + (start.getYear() + 2);
      case Reasons.BIRTH_AGE -> birth = "01/06/" + (start.getYear() - 3);
      case Reasons.CLASS_UNKNOWN -> className = "6Z" + (9 - b % 9);
      case Phones.MALFORMED -> fatherPhone = "0912 34" + b;
      case Phones.NOT_MOBILE -> fatherPhone = "0243 8" + String.format("%06d", 100_000 + b);
      case Phones.OLD_NUMBER -> fatherPhone = "0168 " + String.format("%07d", 1_000_000 + b);
      case Reasons.LEARNER_ID_DUPLICATE -> learnerId = before.learnerId();
      case Reasons.PHONE_NAME_CONFLICT -> {
        fatherPhone = before.fatherPhone();
        fatherName = "Người Khác " + (char) ('A' + b % 26);
      }
      default -> throw new IllegalArgumentException(kind);
    }
    if (fatherPhone instanceof String phone && phone.startsWith("+84")) {
      fatherPhone = spelled(phone, b);
    }
    String grade = Reasons.CLASS_UNKNOWN.equals(kind) ? "6" : null;
    return new Object[] {null, learnerId, name, birth, "Nữ", "Kinh", className, grade, "Đang học", fatherName,
        fatherPhone, null, null};
  }

  // --- the workbook -------------------------------------------------------------------------------

  private static String nfd(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD);
  }

  private static List<SchoolClass> classes(int perGrade, Random random) {
    List<SchoolClass> classes = new ArrayList<>();
    int n = 0;
    for (int grade = 6; grade <= 9; grade++) {
      for (int k = 1; k <= perGrade; k++) {
        String teacher = FAMILY[(n + 7) % FAMILY.length] + " Thị " + GIVEN[(n * 5 + random.nextInt(3)) % GIVEN.length];
        classes.add(new SchoolClass(grade + "A" + k, grade, teacher, "+8493" + String.format("%07d", 5_000_000 + n)));
        n++;
      }
    }
    return classes;
  }

  private static Roster write(List<Line> lines, List<SchoolClass> classes, int year, int variant) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      Sheet sheet = workbook.createSheet(PUPILS_SHEET);
      set(sheet.createRow(0), 0, "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH", null);
      set(sheet.createRow(1), 0, "DANH SÁCH HỌC SINH NĂM HỌC " + year + "-" + (year + 1), null);
      sheet.addMergedRegion(CellRangeAddress.valueOf("A2:M2"));
      Object[] header = {"STT", nfd("Mã định danh Bộ GD&ĐT"), "Họ và\ntên", nfd("Ngày sinh"), "Giới tính", "Dân tộc",
          "Lớp", "Khối", "Trạng thái", "Họ tên cha", "Điện thoại bố", nfd("Họ tên mẹ"), "SĐT mẹ"};
      Row headerRow = sheet.createRow(HEADER_ROW - 1);
      for (int c = 0; c < header.length; c++) {
        set(headerRow, c, header[c], c == 2 ? wrap : null);
      }
      Object[] example = {"VD", "7900000000", "Nguyễn Văn Mẫu", "01/01/" + (year - 11), "Nam", "Kinh", "6A1", "6",
          "Đang học", "Nguyễn Văn Bố", "0900000000", "Trần Thị Mẹ", "0900000001"};
      Row exampleRow = sheet.createRow(HEADER_ROW);
      for (int c = 0; c < example.length; c++) {
        set(exampleRow, c, example[c], null);
      }
      List<Pupil> pupils = new ArrayList<>();
      List<Bad> bad = new ArrayList<>();
      Set<String> phones = new LinkedHashSet<>();
      int r = FIRST_DATA_ROW;
      int stt = 0;
      for (Line line : lines) {
        Object[] cells;
        if (line.pupil() != null) {
          Pupil p = line.pupil();
          cells = cells(p, r + variant);
          pupils.add(new Pupil(r, p.learnerId(), p.fullName(), p.dateOfBirth(), p.gender(), p.className(), p.grade(),
              p.status(), p.fatherName(), p.fatherPhone(), p.motherName(), p.motherPhone()));
          phones.add(p.fatherPhone());
          phones.add(p.motherPhone());
        } else {
          cells = line.cells();
          bad.add(new Bad(r, line.bad()));
        }
        cells[0] = ++stt;
        Row row = sheet.createRow(r - 1);
        for (int c = 0; c < cells.length; c++) {
          set(row, c, cells[c], cells[c] instanceof LocalDate ? dateStyle : null);
        }
        r++;
      }
      set(sheet.createRow(r), 0, "Tổng cộng: " + stt + " học sinh", null);
      set(sheet.createRow(r + 2), 9, "Thành phố Hồ Chí Minh, ngày 20 tháng 8 năm " + year, null);
      set(sheet.createRow(r + 3), 9, "HIỆU TRƯỞNG", null);
      set(sheet.createRow(r + 6), 9, "Lâm Văn Hiệu", null);

      Sheet classSheet = workbook.createSheet(CLASSES_SHEET);
      Object[] classHeader = {"Lớp", "Khối", "Giáo viên chủ nhiệm", "SĐT GVCN"};
      Row classHeaderRow = classSheet.createRow(0);
      for (int c = 0; c < classHeader.length; c++) {
        set(classHeaderRow, c, classHeader[c], null);
      }
      for (int k = 0; k < classes.size(); k++) {
        SchoolClass sc = classes.get(k);
        Row row = classSheet.createRow(k + 1);
        set(row, 0, sc.name(), null);
        set(row, 1, (double) sc.grade(), null);
        set(row, 2, sc.homeroomTeacher(), null);
        set(row, 3, spelled(sc.homeroomPhone(), k), null);
      }
      workbook.write(out);
      return new Roster(out.toByteArray(), pupils, bad, classes, List.copyOf(phones));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A good pupil's cells, in the header's order; {@code style} varies dates, phones and case. */
  private static Object[] cells(Pupil p, int style) {
    LocalDate b = p.dateOfBirth();
    Object birth = switch (style % 4) {
      case 0 -> String.format("%02d/%02d/%04d", b.getDayOfMonth(), b.getMonthValue(), b.getYear());
      case 1 -> b.getDayOfMonth() + "/" + b.getMonthValue() + "/" + b.getYear();
      case 2 -> b; // a date cell
      default -> (double) (b.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay()); // a serial in a plain cell
    };
    String gender = p.gender() == Gender.MALE ? (style % 3 == 0 ? "nam" : "Nam") : (style % 3 == 0 ? "NỮ" : "Nữ");
    String status = switch (p.status()) {
      case STUDYING -> style % 5 == 0 ? null : "Đang học";
      case TRANSFERRED_OUT -> "Đã chuyển đi";
      case LEFT -> "Thôi học";
    };
    String fullName = style % 11 == 0 ? nfd(p.fullName()) : p.fullName();
    Object grade = style % 2 == 0 ? String.valueOf(p.grade()) : (Object) (double) p.grade();
    return new Object[] {null, p.learnerId(), fullName, birth, gender, "Kinh", p.className(), grade, status,
        p.fatherName(), spelled(p.fatherPhone(), style), p.motherName(), spelled(p.motherPhone(), style + 3)};
  }

  private static void set(Row row, int column, Object value, CellStyle style) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(column);
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof LocalDate d) {
      cell.setCellValue(d);
    } else {
      cell.setCellValue(value.toString());
    }
    if (style != null) {
      cell.setCellStyle(style);
    }
  }
}
