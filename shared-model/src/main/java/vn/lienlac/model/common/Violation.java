package vn.lienlac.model.common;

import java.util.List;

/**
 * One thing wrong with an input, as data: where ({@code field}, a JSON-pointer-like path such as
 * {@code rows/3/regular/1}), what ({@code code}, a message key in the {@code messages} bundle) and
 * the values the message needs. The server renders it in the caller's language; the app can
 * render the same violation offline with the same bundle.
 */
public record Violation(String field, String code, List<Object> args) {

  public Violation {
    args = List.copyOf(args);
  }

  public static Violation of(String field, String code, Object... args) {
    return new Violation(field, code, List.of(args));
  }

  /** The same violation, placed under a parent path: {@code regular/1} under {@code rows/3}. */
  public Violation under(String parent) {
    return new Violation(field == null || field.isEmpty() ? parent : parent + "/" + field, code, args);
  }
}
