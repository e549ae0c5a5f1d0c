package vn.lienlac.model.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.lienlac.model.common.Violation;

/**
 * User-facing text, Vietnamese first, English second. The base bundle ({@code messages.properties})
 * is Vietnamese; {@code messages_en.properties} holds English. Fallback never goes through the JVM's
 * default locale, so a server in an English locale still answers Vietnamese by default.
 */
public final class Messages {
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  public static final Locale ENGLISH = Locale.ENGLISH;
  /** Supported languages in order of preference when the caller states none. */
  public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);
  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  private static final String BUNDLE = "vn.lienlac.model.i18n.messages";
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  public static ResourceBundle bundle(Locale locale) {
    Locale supported = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
    return ResourceBundle.getBundle(BUNDLE, supported, Messages.class.getClassLoader(), NO_DEFAULT_LOCALE_FALLBACK);
  }

  /**
   * The message for {@code key} in {@code locale}, with {@link MessageFormat} arguments. A missing
   * key is a programming error, caught by the bundle test; at run time it shows the key itself.
   */
  public static String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    // Dates the way people in Vietnam write them (26/11/2026), in both languages, never ISO.
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof java.time.LocalDate date) {
        shown[i] = DATE.format(date);
      }
    }
    // Always through MessageFormat, so that quoting ('') means the same with and without arguments.
    return new MessageFormat(pattern, locale).format(shown);
  }

  public static String describe(Locale locale, Violation violation) {
    return get(locale, violation.code(), violation.args().toArray());
  }

  /**
   * The best supported language for an HTTP {@code Accept-Language} header; Vietnamese when the
   * header is absent, malformed or names nothing we support.
   */
  public static Locale negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return VIETNAMESE;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      Locale match = Locale.lookup(ranges, SUPPORTED);
      return match == null ? VIETNAMESE : match;
    } catch (IllegalArgumentException malformed) {
      return VIETNAMESE;
    }
  }
}
