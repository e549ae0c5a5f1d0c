package vn.lienlac.model.common;

import java.util.List;

/**
 * One thing wrong with an input, as data: where ({@code field}, a JSON-pointer-like path such as
 * {@code rows/3/regular/1}), what ({@code code}, a message key in the {@code messages} bundle) and
 * the values the message needs. The server renders it in the caller's language; the app can
 * render the same violation offline with the same bundle.
 */
public record Violation(String field, String code, List<Object> args) {
  /**
   * The field and text arguments are shown to people and often echo what the caller sent: longer ones are cut
   * to this many characters (ending in an ellipsis), so a hostile input is never echoed in full.
   */
  public static final int MAX_SHOWN_LENGTH = 40;

  public Violation {
    field = field == null ? null : (String) shown(field);
    args = args.stream().map(Violation::shown).toList();
  }

  public static Violation of(String field, String code, Object... args) {
    return new Violation(field, code, List.of(args));
  }

  private static Object shown(Object arg) {
    if (arg instanceof CharSequence text && text.length() > MAX_SHOWN_LENGTH) {
      String value = text.toString();
      if (value.codePointCount(0, value.length()) > MAX_SHOWN_LENGTH) {
        return value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_LENGTH - 1)) + "…";
      }
    }
    return arg;
  }

  /** The same violation, placed under a parent path: {@code regular/1} under {@code rows/3}. */
  public Violation under(String parent) {
    return new Violation(field == null || field.isEmpty() ? parent : parent + "/" + field, code, args);
  }
}
