package vn.lienlac.functions.roster;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;

/**
 * Deterministic ids: the same file gives the same ids, in every run and after a crash. A pupil's
 * id derives from the school and the national learner id (else the school's pupil code) through a
 * hash, so the national id never appears in a URL or a log; a class's id from the school year and
 * its name, so each year's classes are distinct.
 */
final class RosterIds {
  private RosterIds() {}

  /**
   * {@code hs-} and 20 hex digits of SHA-256(school, kind, value): by the learner id, else the pupil
   * code, else (a school-made list without ids) the name and date of birth.
   */
  static String student(String schoolId, String learnerId, String pupilCode, String fullName, LocalDate born) {
    String basis = learnerId != null ? "learner:" + learnerId : pupilCode != null ? "code:" + pupilCode
        : "name:" + nameKey(fullName) + ":" + born;
    return "hs-" + Hashes.sha256(schoolId + "\u001f" + basis).substring(0, 20);
  }

  /** The reference partition of a learner id ({@code S#{school}#LEARNER#{id}}; hashed when not a plain id). */
  static String learnerRef(String schoolId, String learnerId) {
    return Keys.learner(schoolId, plain(learnerId));
  }

  static String codeRef(String schoolId, String pupilCode) {
    return Keys.pupilCode(schoolId, plain(pupilCode));
  }

  private static String plain(String value) {
    return Ids.isValid(value) && value.length() <= 40 ? value : "h-" + Hashes.sha256(value).substring(0, 40);
  }

  /** {@code 2026-7a1} for class "7A1" of 2026-2027 (diacritics dropped, lower case). */
  static String schoolClass(String schoolYear, String className) {
    String slug = slug(className);
    String id = schoolYear.substring(0, 4) + "-" + slug;
    return !slug.isEmpty() && Ids.isValid(id) && id.length() <= 40 ? id
        : schoolYear.substring(0, 4) + "-c" + Hashes.sha256(className).substring(0, 16);
  }

  /** How class names compare: "Lớp 7A1", "7a1" and "7A1 " are the same class. */
  static String classKey(String className) {
    String slug = slug(className);
    return slug.startsWith("lop-") ? slug.substring(4) : slug;
  }

  static String slug(String text) {
    String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** The grade a class name starts with ("7A1" → 7, "12.6" → 12), or null. */
  static Integer gradeOf(String className) {
    String key = classKey(className);
    int end = 0;
    while (end < key.length() && end < 2 && Character.isDigit(key.charAt(end))) {
      end++;
    }
    if (end == 0) {
      return null;
    }
    int grade = Integer.parseInt(key.substring(0, end));
    return grade >= 1 && grade <= 12 ? grade : null;
  }

  /** How person names compare (two rows naming one phone's owner): NFC-insensitive, case- and space-insensitive. */
  static String nameKey(String name) {
    return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
