package vn.lienlac.functions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.ApiException;

class CursorTest {
  private static final String CONVERSATION = "0F3KQ7M2X9ABCDEFGHJKMNPQRS";

  @Test
  void decode_should_return_the_message_number_encode_wrote() {
    for (long seq : new long[] {1, 30, 9_999_999_999L}) {
      assertThat(Cursor.decode(Cursor.encode(CONVERSATION, seq), CONVERSATION)).isEqualTo(seq);
    }
  }

  @Test
  void decode_should_refuse_another_conversations_cursor_with_a_400() {
    String other = Cursor.encode("ANOTHERCONVERSATION0000000", 5);

    assertBad(other);
  }

  @Test
  void decode_should_refuse_forged_and_malformed_cursors_with_a_400() {
    assertBad("");
    assertBad("not base64!");
    assertBad("%%%");
    assertBad("x".repeat(Cursor.MAX_LENGTH + 1));
    assertBad(b64("m1." + CONVERSATION + ".0"));           // message 0 does not exist
    assertBad(b64("m1." + CONVERSATION + ".-1"));
    assertBad(b64("m1." + CONVERSATION + ".01"));          // another spelling of 1
    assertBad(b64("m1." + CONVERSATION + ".99999999999")); // more than 10 digits
    assertBad(b64("m1." + CONVERSATION + ".5#MSG"));       // trying to inject a key
    assertBad(b64("m2." + CONVERSATION + ".5"));
    assertBad(Cursor.encode(CONVERSATION, 5) + "=");        // padding: not the spelling encode makes
    assertBad("bTEu+w");                                    // a character base64url does not have
  }

  private static String b64(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertBad(String cursor) {
    assertThatThrownBy(() -> Cursor.decode(cursor, CONVERSATION))
        .isInstanceOfSatisfying(ApiException.BadRequest.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("messaging.badCursor"));
        });
  }
}
