package vn.lienlac.functions.roster.file;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises header texts. Texts are compared {@link #fold folded} (no diacritics, đ → d, lower
 * case, punctuation as spaces), so "Mã định danh Bộ GD&ĐT", "Ma dinh danh Bo GD&DT" and its NFD
 * spelling are one text. First an exact list of known headers (Vietnamese and English), then rules
 * by words for the many spellings of the parents' and teachers' columns ("Họ và tên mẹ", "SĐT
 * cha", "Điện thoại bố", a "Cha" group over "Họ tên" and "Điện thoại" sub-headers).
 */
final class Headers {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  private static final Map<String, Field> EXACT = new HashMap<>();

  static {
    exact(Field.STT, "stt", "tt", "so tt", "so thu tu", "no", "order", "#");
    exact(Field.LEARNER_ID, "ma dinh danh bo gd dt", "ma dinh danh bo gddt", "ma dinh danh", "ma dinh danh hoc sinh",
        "ma dinh danh hs", "ma dd", "ma ddhs", "ma dinh danh bo giao duc", "ma dinh danh bo gd", "learner id",
        "national learner id", "moet id", "ministry id", "ministry learner id");
    exact(Field.SCHOOL_CODE, "ma hoc sinh", "ma hs", "ma so hoc sinh", "ma so hs", "student code", "student id",
        "pupil id", "pupil code", "school student id");
    exact(Field.PERSONAL_ID, "so dinh danh ca nhan", "ma dinh danh ca nhan", "so dinh danh", "so cccd", "cccd",
        "can cuoc cong dan", "so can cuoc", "so can cuoc cong dan", "personal id", "citizen id", "national id");
    exact(Field.FULL_NAME, "ho va ten", "ho ten", "ho va ten hoc sinh", "ho ten hoc sinh", "ten hoc sinh",
        "ho va ten hs", "ho ten hs", "full name", "name", "student name", "pupil name", "student full name");
    exact(Field.FAMILY_NAME, "ho", "ho dem", "ho va dem", "ho va ten dem", "ho va chu dem", "family name",
        "last name", "surname");
    exact(Field.GIVEN_NAME, "ten", "given name", "first name");
    exact(Field.DATE_OF_BIRTH, "ngay sinh", "ngay thang nam sinh", "ngay sinh hs", "ngay sinh hoc sinh", "date of birth",
        "dob", "birth date", "birthday", "birthdate");
    exact(Field.GENDER, "gioi tinh", "gt", "gender", "sex");
    exact(Field.CLASS, "lop", "lop hoc", "ten lop", "ten lop hoc", "lop hien tai", "class", "class name", "classroom");
    exact(Field.GRADE, "khoi", "khoi hoc", "khoi lop", "grade", "grade level", "year group");
    exact(Field.STATUS, "trang thai", "trang thai hs", "trang thai hoc sinh", "tinh trang", "tinh trang hoc tap",
        "status", "student status");
    exact(Field.CONTACT_PHONE, "dien thoai sll", "sdt sll", "so dien thoai sll", "sdt lien he", "so dien thoai lien he",
        "dien thoai lien he", "dien thoai", "sdt", "so dien thoai", "so dt", "dt", "dt lien he", "dien thoai di dong",
        "phone", "phone number", "contact phone", "mobile", "contact number");
    exact(Field.GUARDIAN_NAME, "nguoi giam ho", "giam ho", "ten nguoi giam ho", "ho ten nguoi giam ho",
        "ho va ten nguoi giam ho", "guardian", "guardian name", "guardian s name");
    exact(Field.HOMEROOM_TEACHER, "giao vien chu nhiem", "gvcn", "ho ten gvcn", "ho va ten gvcn", "ten gvcn",
        "ho ten giao vien chu nhiem", "homeroom teacher", "homeroom", "form teacher");
    exact(Field.SUBJECT, "mon", "mon hoc", "ten mon", "ten mon hoc", "subject");
    exact(Field.SUBJECT_TEACHER, "giao vien bo mon", "gvbm", "giao vien", "ho ten giao vien", "ho va ten giao vien",
        "ten giao vien", "giao vien day", "subject teacher", "teacher", "teacher name");
  }

  private static final Set<String> FATHER = Set.of("cha", "bo", "father", "dad");
  private static final Set<String> MOTHER = Set.of("me", "mother", "mom");
  private static final Set<String> GUARDIAN = Set.of("giam", "guardian", "huynh", "parent");
  private static final Set<String> TEACHER = Set.of("gv", "gvcn", "gvbm", "teacher", "homeroom");
  private static final Set<String> HOMEROOM = Set.of("gvcn", "homeroom");
  private static final Set<String> NAME = Set.of("ten", "name");
  private static final Set<String> PHONE = Set.of("sdt", "dt", "phone", "mobile", "sll", "didong");
  /** Words that make a parent's column something else (occupation, birth year, address, id). */
  private static final Set<String> OTHER = Set.of("nghe", "nghiep", "nam", "sinh", "dia", "chi", "cccd", "cmnd",
      "email", "noi", "lam", "viec", "occupation", "job", "year", "birth", "address", "id", "dan", "toc");

  private Headers() {}

  private static void exact(Field field, String... headers) {
    for (String header : headers) {
      EXACT.put(header, field);
    }
  }

  /** Folded for comparison: NFD without marks, đ → d, lower case, anything but letters and digits as one space. */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
        .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(bare).replaceAll(" ").strip();
  }

  /** The field a single header cell names, or null. */
  static Field match(String header) {
    return match(null, header);
  }

  /**
   * The field of a column under a two-row header: {@code group} is the merged cell above (null when
   * none), {@code sub} the cell of the second row. The sub-header decides when it is specific
   * ("Điện thoại" under "Cha": father's phone; "Cha" under "Họ tên cha mẹ": father's name).
   */
  static Field match(String group, String sub) {
    String s = fold(sub);
    String g = fold(group);
    if (g.isEmpty()) {
      Field exact = EXACT.get(s);
      return exact != null ? exact : byWords(words(s), null);
    }
    Field combined = EXACT.get((g + " " + s).strip());
    if (combined != null) {
      return combined;
    }
    Field byWords = byWords(words(s), words(g));
    if (byWords != null) {
      return byWords;
    }
    return EXACT.get(s);
  }

  private static List<String> words(String folded) {
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /** The rules by words; {@code group} words fill in what the sub-header does not say. */
  private static Field byWords(List<String> sub, List<String> group) {
    List<String> g = group == null ? List.of() : group;
    if (sub.stream().anyMatch(OTHER::contains)) {
      return null;
    }
    Who who = who(sub);
    if (who == null) {
      who = who(g);
    }
    Kind kind = kind(sub);
    if (kind == null) {
      kind = kind(g);
    }
    if (who == null && kind == Kind.PHONE && !g.isEmpty() && g.stream().anyMatch(OTHER::contains)) {
      return null;
    }
    if (who == null) {
      return kind == Kind.PHONE ? Field.CONTACT_PHONE : null;
    }
    return switch (who) {
      case FATHER -> kind == Kind.PHONE ? Field.FATHER_PHONE : kind == Kind.NAME || sub.size() == 1 ? Field.FATHER_NAME : null;
      case MOTHER -> kind == Kind.PHONE ? Field.MOTHER_PHONE : kind == Kind.NAME || sub.size() == 1 ? Field.MOTHER_NAME : null;
      case GUARDIAN -> kind == Kind.PHONE ? Field.GUARDIAN_PHONE : kind == Kind.NAME ? Field.GUARDIAN_NAME : null;
      case HOMEROOM -> kind == Kind.PHONE ? Field.HOMEROOM_PHONE : kind == Kind.NAME ? Field.HOMEROOM_TEACHER : null;
      case TEACHER -> kind == Kind.PHONE ? Field.SUBJECT_TEACHER_PHONE : kind == Kind.NAME ? Field.SUBJECT_TEACHER : null;
      case AMBIGUOUS -> null;
    };
  }

  private enum Who { FATHER, MOTHER, GUARDIAN, HOMEROOM, TEACHER, AMBIGUOUS }

  private enum Kind { NAME, PHONE }

  private static Who who(List<String> words) {
    String joined = " " + String.join(" ", words) + " ";
    if (words.stream().anyMatch(HOMEROOM::contains) || joined.contains(" chu nhiem ")) {
      return Who.HOMEROOM;
    }
    if (words.stream().anyMatch(TEACHER::contains) || joined.contains(" giao vien ")) {
      return Who.TEACHER;
    }
    if (words.stream().anyMatch(GUARDIAN::contains)) {
      return Who.GUARDIAN;
    }
    boolean father = words.stream().anyMatch(FATHER::contains);
    boolean mother = words.stream().anyMatch(MOTHER::contains);
    if (father && mother) {
      return Who.AMBIGUOUS;
    }
    return father ? Who.FATHER : mother ? Who.MOTHER : null;
  }

  private static Kind kind(List<String> words) {
    String joined = " " + String.join(" ", words) + " ";
    if (words.stream().anyMatch(PHONE::contains) || joined.contains(" dien thoai ") || joined.contains(" di dong ")
        || joined.contains(" so dt ")) {
      return Kind.PHONE;
    }
    if (words.stream().anyMatch(NAME::contains) || joined.contains(" ho ten ")) {
      return Kind.NAME;
    }
    return null;
  }
}
