package vn.lienlac.model.common;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese personal names: family name first, given name last ("Nguyễn Thị Hà": given name Hà).
 * Class lists are ordered by given name, then by the whole name, with Vietnamese collation (so
 * "Đ" sorts after "D", and tones after the bare letter).
 */
public final class PersonNames {
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private PersonNames() {}

  /**
   * Roster order: given name, then full name; Vietnamese collation. A new comparator for each sort:
   * it holds one Collator, which is not thread-safe.
   */
  public static Comparator<String> rosterOrder() {
    Collator collator = Collator.getInstance(VIETNAMESE);
    return Comparator.comparing(PersonNames::givenName, collator).thenComparing(collator);
  }

  /** The last word of the name. */
  public static String givenName(String fullName) {
    String trimmed = fullName.strip();
    int space = trimmed.lastIndexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(space + 1);
  }
}
