package vn.lienlac.model.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Free text as people type it. Vietnamese can arrive composed (NFC) or decomposed (NFD, e.g. from
 * macOS and some Android keyboards): "Nguyễn" in the two forms compares unequal and sorts apart, so
 * every text that enters the system is normalised to NFC once, here.
 */
public final class Text {
  private Text() {}

  /** NFC-normalised and stripped of surrounding white space; null stays null. */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    return Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
  }

  /**
   * The text these bytes encode, when they are valid UTF-8; empty when they are not. Strict, unlike
   * {@code new String(bytes, UTF_8)}, which silently turns bad bytes into U+FFFD.
   */
  public static Optional<String> fromUtf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }

  /** Length as a person counts it: in code points, so an emoji or a combined letter counts once. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * The first character that has no place in user text (control and format characters other than
   * line breaks and tabs, unpaired surrogates, private-use and unassigned code points), if any.
   */
  public static Optional<Integer> firstForbiddenCodePoint(String text) {
    return text.codePoints().filter(Text::isForbidden).boxed().findFirst();
  }

  private static boolean isForbidden(int cp) {
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
      // Zero-width joiner belongs inside emoji sequences; other format characters (bidi overrides,
      // zero-width spaces) are used to disguise text.
      case Character.FORMAT -> cp != 0x200D;
      default -> false;
    };
  }
}
