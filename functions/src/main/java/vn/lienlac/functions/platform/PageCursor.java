package vn.lienlac.functions.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import vn.lienlac.model.common.Violation;

/**
 * Opaque page cursors: a position in one list (an id, an offset, a sort key), bound to the list and
 * the caller by a SHA-256 check, base64url-encoded. A cursor that was changed, or comes from another
 * list or person, is a 400 (with the feature's message {@code badCursorKey}); and it carries no
 * key, so at most it moves within the caller's own list. (Announcements' lists, the access log.)
 */
public final class PageCursor {
  public static final int MAX_LENGTH = 200;

  private PageCursor() {}

  public static String of(String list, String subject, String position) {
    String text = position + "." + check(list, subject, position);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor of this list and caller holds; a 400 naming {@code badCursorKey} for anything else. */
  public static String position(String cursor, String list, String subject, String badCursorKey) {
    if (cursor.length() > MAX_LENGTH) {
      throw bad(badCursorKey);
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw bad(badCursorKey);
    }
    int dot = text.lastIndexOf('.');
    if (dot <= 0 || !text.substring(dot + 1).equals(check(list, subject, text.substring(0, dot)))) {
      throw bad(badCursorKey);
    }
    return text.substring(0, dot);
  }

  private static String check(String list, String subject, String position) {
    return Hashes.sha256("lienlac-cursor\n" + list + "\n" + subject + "\n" + position).substring(0, 16)
        .toLowerCase(Locale.ROOT);
  }

  public static ApiException bad(String badCursorKey) {
    return new ApiException.BadRequest(List.of(Violation.of("cursor", badCursorKey)), "request.badParameter", "cursor");
  }
}
