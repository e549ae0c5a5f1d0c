package vn.lienlac.functions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.ApiException;

class CursorTest {
  private static final String CONVERSATION = "0F3KQ7M2X9ABCDEFGHJKMNPQRS";
  private static final String KEY = "01KAB3Z7Q4M2X9ABCDEFGHJKMN01KAB3Z7Q4M2X9ABCDEFGHJKMN";

  @Test
  void decode_should_return_the_message_number_encode_wrote() {
    for (long seq : new long[] {1, 30, 9_999_999_999L}) {
      assertThat(Cursor.decode(Cursor.encode(CONVERSATION, KEY, seq), CONVERSATION, KEY)).isEqualTo(seq);
    }
  }

  @Test
  void decode_should_refuse_another_conversations_cursor_with_a_400() {
    assertBad(Cursor.encode("ANOTHERCONVERSATION0000000", KEY, 5));
    assertBad(Cursor.encode(CONVERSATION, "another-key-of-another-conversation", 5));
  }

  @Test
  void decode_should_refuse_an_edited_number_even_when_well_formed() {
    String honest = new String(Base64.getUrlDecoder().decode(Cursor.encode(CONVERSATION, KEY, 19)), StandardCharsets.US_ASCII);

    assertBad(b64(honest.replace("m1.19.", "m1.10.")));
    assertBad(b64(honest.substring(0, honest.length() - 1) + (honest.endsWith("0") ? "1" : "0")));
  }

  @Test
  void decode_should_refuse_forged_and_malformed_cursors_with_a_400() {
    assertBad("");
    assertBad("not base64!");
    assertBad("%%%");
    assertBad("x".repeat(Cursor.MAX_LENGTH + 1));
    assertBad(b64("m1.0." + "0".repeat(32)));
    assertBad(b64("m1.-1." + "0".repeat(32)));
    assertBad(b64("m1.5"));
    assertBad(b64("m1.5#MSG." + "0".repeat(32)));
    assertBad("bTEu+w");                                    // a character base64url does not have
    assertBad(Cursor.encode(CONVERSATION, KEY, 5) + "=");   // padding
  }

  private static String b64(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertBad(String cursor) {
    assertThatThrownBy(() -> Cursor.decode(cursor, CONVERSATION, KEY))
        .isInstanceOfSatisfying(ApiException.BadRequest.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("messaging.badCursor"));
        });
  }
}
