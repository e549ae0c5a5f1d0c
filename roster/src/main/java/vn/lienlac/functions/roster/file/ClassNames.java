package vn.lienlac.functions.roster.file;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.model.common.Text;

/**
 * Class names as schools write them ("6A1", "Lớp 6A1", "lớp 6a1", "12.6", "10 A2"): the cleaned
 * name to show, the key to compare two names, and the grade a name implies.
 */
public final class ClassNames {
  private static final Pattern PREFIX = Pattern.compile("^(?iu)(l[ớơo]p|class)\\s*:?\\s*");
  private static final Pattern LEADING_GRADE = Pattern.compile("^(1[0-2]|[1-9])(?![0-9])");

  private ClassNames() {}

  /** The name to show: NFC, single spaces, without a leading "Lớp"/"Class"; null when blank. */
  public static String clean(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return null;
    }
    text = PREFIX.matcher(text.replaceAll("\\s+", " ")).replaceFirst("").strip();
    return text.isEmpty() ? null : text;
  }

  /** The comparison key: {@link #clean}, upper case, without spaces ("lớp 6 a1" and "6A1" are one class). */
  public static String key(String raw) {
    String clean = clean(raw);
    return clean == null ? null : clean.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** The grade (1–12) a class name starts with ("12.6" → 12, "6A1" → 6), or null. */
  public static Integer grade(String raw) {
    String clean = clean(raw);
    if (clean == null) {
      return null;
    }
    Matcher m = LEADING_GRADE.matcher(clean);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
