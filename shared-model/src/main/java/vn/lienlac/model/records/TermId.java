package vn.lienlac.model.records;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.model.common.SchoolTime;

/**
 * A term (học kì) of a school year: {@code 2026-2027-HK1} or {@code 2026-2027-HK2}. A Vietnamese
 * school year starts in September; HK1 runs to mid-January, HK2 to May.
 */
public record TermId(int startYear, int semester) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})-HK([12])");

  public TermId {
    if (semester != 1 && semester != 2) {
      throw new IllegalArgumentException("semester must be 1 or 2");
    }
  }

  /**
   * The term for text like {@code 2026-2027-HK1}; empty when it is not one: four ASCII digits each,
   * the second year the first plus one, both within the supported years
   * ({@link SchoolTime#FIRST_YEAR} to {@link SchoolTime#LAST_YEAR}). What parses prints back the same.
   */
  public static Optional<TermId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    int end = Integer.parseInt(m.group(2));
    if (end != start + 1 || start < SchoolTime.FIRST_YEAR || end > SchoolTime.LAST_YEAR) {
      return Optional.empty();
    }
    return Optional.of(new TermId(start, Integer.parseInt(m.group(3))));
  }

  /**
   * The term a date falls in, approximately: August to December is HK1, January to July HK2 of the
   * year that started the September before. Used only as the default when a caller names no term.
   */
  public static TermId containing(LocalDate date) {
    return date.getMonthValue() >= 8 ? new TermId(date.getYear(), 1) : new TermId(date.getYear() - 1, 2);
  }

  /** {@code 2026-2027}. */
  public String schoolYear() {
    return startYear + "-" + (startYear + 1);
  }

  @Override
  public String toString() {
    return schoolYear() + "-HK" + semester;
  }
}
