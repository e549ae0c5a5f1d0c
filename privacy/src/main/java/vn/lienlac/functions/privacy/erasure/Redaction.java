package vn.lienlac.functions.privacy.erasure;

import java.text.Normalizer;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes an erased guardian's phone numbers (in any spelling: {@code +84912345678},
 * {@code 0912 345 678}, {@code 84.912.345.678}) and names from a text they wrote, a message or a
 * leave reason: the text stays (docs/privacy/erasure.md says why), their identifiers do not.
 */
final class Redaction {
  /** What stands where a phone number or the name was. */
  static final String REDACTED = "[đã xoá]";

  private Redaction() {}

  static String redact(String text, Collection<String> phones, Collection<String> names) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = Normalizer.normalize(text, Normalizer.Form.NFC);
    for (String phone : phones) {
      out = phonePattern(phone).matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
    for (String name : names) {
      if (name != null && name.strip().length() >= 2) {
        out = Pattern.compile(Pattern.quote(Normalizer.normalize(name.strip(), Normalizer.Form.NFC)),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
      }
    }
    return out;
  }

  /** The national significant number of a Vietnamese E.164 phone, after {@code +84} or {@code 0}, digits separated or not. */
  static Pattern phonePattern(String e164) {
    String digits = e164.startsWith("+84") ? e164.substring(3) : e164.replaceAll("[^0-9]", "");
    StringBuilder regex = new StringBuilder("(?<![0-9])(?:\\(?(?:\\+\\s*)?84\\)?|0)?[\\s.\\-]*");
    for (int i = 0; i < digits.length(); i++) {
      regex.append(i == 0 ? "" : "[\\s.\\-]?").append(digits.charAt(i));
    }
    regex.append("(?![0-9])");
    return Pattern.compile(regex.toString());
  }
}
