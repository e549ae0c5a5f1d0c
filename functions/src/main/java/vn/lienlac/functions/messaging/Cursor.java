package vn.lienlac.functions.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.Violation;

/**
 * The opaque paging cursor of a conversation's messages: base64url of {@code m1.{conversation}.{seq}},
 * the number of the last message of the page. Decoding is strict: anything but a cursor this
 * conversation handed out (another conversation's, a number out of range, bad base64, extra
 * characters) is a 400, never a read of something else. The key it names is rebuilt from the
 * conversation of the path, so a cursor can only move within a conversation the caller may read.
 */
final class Cursor {
  static final int MAX_LENGTH = 200;
  private static final Pattern FORM = Pattern.compile("m1\\.([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.([1-9][0-9]{0,9})");

  private Cursor() {}

  /** The cursor that continues after message {@code seq} (older ones next). */
  static String encode(String conversationId, long seq) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("m1." + conversationId + "." + seq).getBytes(StandardCharsets.US_ASCII));
  }

  /** The message number a cursor of {@code conversationId} names; a 400 for anything else. */
  static long decode(String cursor, String conversationId) {
    if (cursor.length() > MAX_LENGTH || !cursor.matches("[A-Za-z0-9_-]+")) {
      throw bad(cursor);
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw bad(cursor);
    }
    Matcher matcher = FORM.matcher(plain);
    if (!matcher.matches() || !matcher.group(1).equals(conversationId)) {
      throw bad(cursor);
    }
    long seq = Long.parseLong(matcher.group(2));
    // Round trip: only the exact text encode() makes is accepted (no alternative spellings).
    if (!encode(conversationId, seq).equals(cursor)) {
      throw bad(cursor);
    }
    return seq;
  }

  private static ApiException bad(String cursor) {
    return new ApiException.BadRequest(List.of(Violation.of("cursor", "messaging.badCursor", cursor)),
        "request.badParameter", "cursor");
  }
}
