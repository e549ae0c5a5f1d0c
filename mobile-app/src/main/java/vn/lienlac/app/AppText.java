package vn.lienlac.app;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import vn.lienlac.model.i18n.Messages;

/**
 * The client's own text (bundle {@code vn/lienlac/app/app*.properties}), Vietnamese first: English
 * only when the system language is English. Plain Java, so it is tested without the JavaFX toolkit.
 */
public final class AppText {
  static final String BUNDLE = "vn.lienlac.app.app";
  static final String TITLE = "app.title";
  static final String UNDER_CONSTRUCTION = "app.underConstruction";

  // The base bundle is Vietnamese; never fall back through the JVM's default locale.
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private AppText(Locale locale) {
    this.locale = locale;
    Locale bundleLocale = Messages.ENGLISH.equals(locale) ? Messages.ENGLISH : Locale.ROOT;
    this.bundle =
        ResourceBundle.getBundle(BUNDLE, bundleLocale, AppText.class.getClassLoader(), NO_DEFAULT_LOCALE_FALLBACK);
  }

  /** Text in the language of the device (the JVM's default locale on the desktop). */
  public static AppText forSystemLocale() {
    return forLocale(Locale.getDefault());
  }

  /**
   * Text for a language asked for on the command line ({@code --lang=vi}, {@code --lang=en}); the
   * system's language when none (null or blank) is given.
   */
  public static AppText forRequestedLanguage(String languageTag) {
    if (languageTag == null || languageTag.isBlank()) {
      return forSystemLocale();
    }
    return forLocale(Locale.forLanguageTag(languageTag.strip()));
  }

  /** Text for a system locale: English when its language is English, otherwise Vietnamese. */
  public static AppText forLocale(Locale systemLocale) {
    Objects.requireNonNull(systemLocale, "systemLocale");
    boolean english = Messages.ENGLISH.getLanguage().equals(systemLocale.getLanguage());
    return new AppText(english ? Messages.ENGLISH : Messages.VIETNAMESE);
  }

  /** The language chosen: {@link Messages#VIETNAMESE} or {@link Messages#ENGLISH}. */
  public Locale locale() {
    return locale;
  }

  /** Product name and what it is, e.g. "Lienlac — Sổ liên lạc điện tử". */
  public String title() {
    return bundle.getString(TITLE);
  }

  /** The placeholder's honest status line (screens not built yet say this). */
  public String underConstruction() {
    return bundle.getString(UNDER_CONSTRUCTION);
  }

  /** The text of a key. */
  public String get(String key) {
    return bundle.getString(key);
  }

  /** The text of a key with {@link java.text.MessageFormat} arguments ({0}, {1}...). */
  public String format(String key, Object... args) {
    java.text.MessageFormat format = new java.text.MessageFormat(bundle.getString(key), locale);
    return format.format(args);
  }

  /** A subject's name (shared-model's {@code subject.<code>} message, e.g. "Toán"), or its code when unknown. */
  public String subjectName(String code) {
    String key = "subject." + code;
    String name = Messages.get(locale, key);
    return name.equals(key) ? code : name;
  }

  ResourceBundle bundle() {
    return bundle;
  }
}
