package vn.lienlac.functions.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.Violation;

/**
 * The opaque paging cursor of a conversation's messages: base64url of {@code m1.{seq}.{mac}}, where
 * {@code seq} is the number of the last message of the page and {@code mac} the first 16 bytes (hex)
 * of HMAC-SHA256 over {@code {conversation}.{seq}} with the conversation's own random cursor key
 * (kept on the conversation item, never sent). So a cursor cannot be made or changed by a client:
 * anything but a cursor this conversation handed out (another conversation's, an edited number,
 * bad base64, extra characters) is a 400, never a read of something else; and the key it names is
 * rebuilt from the conversation of the path.
 */
final class Cursor {
  static final int MAX_LENGTH = 200;
  private static final Pattern FORM = Pattern.compile("m1\\.([1-9][0-9]{0,9})\\.([0-9a-f]{32})");

  private Cursor() {}

  /** The cursor that continues after message {@code seq} (older ones next). */
  static String encode(String conversationId, String key, long seq) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("m1." + seq + "." + mac(key, conversationId, seq)).getBytes(StandardCharsets.US_ASCII));
  }

  /** The message number a cursor of this conversation names; a 400 for anything else. */
  static long decode(String cursor, String conversationId, String key) {
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
    if (!matcher.matches()) {
      throw bad(cursor);
    }
    long seq = Long.parseLong(matcher.group(1));
    byte[] expected = mac(key, conversationId, seq).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, matcher.group(2).getBytes(StandardCharsets.US_ASCII))) {
      throw bad(cursor);
    }
    return seq;
  }

  private static String mac(String key, String conversationId, long seq) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      byte[] digest = mac.doFinal((conversationId + "." + seq).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static ApiException bad(String cursor) {
    return new ApiException.BadRequest(List.of(Violation.of("cursor", "messaging.badCursor", cursor)),
        "request.badParameter", "cursor");
  }
}
