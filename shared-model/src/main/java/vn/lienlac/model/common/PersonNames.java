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

  /** Roster order: given name, then full name; Vietnamese collation. */
  public static final Comparator<String> ROSTER_ORDER = (a, b) -> {
    Collator collator = Collator.getInstance(VIETNAMESE); // not thread-safe: one per comparison
    int byGiven = collator.compare(givenName(a), givenName(b));
    return byGiven != 0 ? byGiven : collator.compare(a, b);
  };

  private PersonNames() {}

  /** The last word of the name. */
  public static String givenName(String fullName) {
    String trimmed = fullName.strip();
    int space = trimmed.lastIndexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(space + 1);
  }
}
