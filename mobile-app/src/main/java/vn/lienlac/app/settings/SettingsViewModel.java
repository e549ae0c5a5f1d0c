package vn.lienlac.app.settings;

import java.util.Locale;
import java.util.Optional;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.i18n.Messages;

/**
 * The settings screen's own part: the language (switched live: the app rebuilds its text, the API
 * answers in it, the choice is remembered on the device), who is signed in, and signing out. The
 * sections with I/O have their own models ({@link NotificationSettingsViewModel},
 * {@link ConsentsViewModel}, {@link MyDataViewModel}).
 */
public final class SettingsViewModel extends ScreenModel {
  /** Where the chosen language is kept on the device (a device setting: sign-out keeps it). */
  public static final String LANGUAGE_KEY = AppContext.DEVICE_KEY_PREFIX + "language";


  public SettingsViewModel(AppContext context) {
    super(context);
  }

  /** {@code vi} or {@code en}: the language in use. */
  public String language() {
    return context.text().locale().getLanguage();
  }

  /** Switches to {@code vi} or {@code en} (nothing when already in it) and remembers it on the device. */
  public void useLanguage(String language) {
    Locale chosen = Messages.ENGLISH.getLanguage().equals(language) ? Messages.ENGLISH : Messages.VIETNAMESE;
    if (chosen.getLanguage().equals(language())) {
      return;
    }
    context.cache().put(LANGUAGE_KEY, chosen.getLanguage(), context.clock().instant());
    context.useText(AppText.forLocale(chosen));
  }

  /** The language chosen earlier on this device, if any. */
  public static Optional<String> rememberedLanguage(OfflineCache cache) {
    return cache.get(LANGUAGE_KEY, String.class).map(OfflineCache.Entry::value);
  }

  /** Whether the person follows children (then consent and "my data" are shown). */
  public boolean isGuardian() {
    return context.me() != null && context.me().schools().stream().anyMatch(s -> !s.children().isEmpty());
  }

  /** "Đang đăng nhập: Trần Bình". */
  public String signedInAs() {
    return text.format("settings.account.signedInAs", context.me() == null ? "" : context.me().displayName());
  }

  public void signOut() {
    context.signOut();
  }
}
