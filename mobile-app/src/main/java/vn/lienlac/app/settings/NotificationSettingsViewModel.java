package vn.lienlac.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.push.NotificationSettings;

/**
 * The person's push settings ({@code /v1/me/notification-settings}): quiet hours, and whether the
 * lock screen may show details (a child's name, a mark, an amount; opt-in, off by default).
 * Changes are kept on the screen until "Lưu" sends them all at once.
 */
public final class NotificationSettingsViewModel extends ScreenModel {
  /** The times offered for quiet hours: every half hour. */
  public static final List<String> TIMES;

  static {
    List<String> times = new ArrayList<>();
    for (int minutes = 0; minutes < 24 * 60; minutes += 30) {
      times.add("%02d:%02d".formatted(minutes / 60, minutes % 60));
    }
    TIMES = List.copyOf(times);
  }

  private final BooleanProperty loaded = new SimpleBooleanProperty();
  private final BooleanProperty quietHoursEnabled = new SimpleBooleanProperty();
  private final StringProperty quietHoursStart = new SimpleStringProperty();
  private final StringProperty quietHoursEnd = new SimpleStringProperty();
  private final BooleanProperty detailedPreviews = new SimpleBooleanProperty();
  private final StringProperty saved = new SimpleStringProperty();

  public NotificationSettingsViewModel(AppContext context) {
    super(context);
    quietHoursEnabled.addListener((o, was, now) -> saved.set(null));
    quietHoursStart.addListener((o, was, now) -> saved.set(null));
    quietHoursEnd.addListener((o, was, now) -> saved.set(null));
    detailedPreviews.addListener((o, was, now) -> saved.set(null));
  }

  /** True once the settings were read (the controls are enabled then). */
  public BooleanProperty loadedProperty() {
    return loaded;
  }

  public BooleanProperty quietHoursEnabledProperty() {
    return quietHoursEnabled;
  }

  /** {@code HH:mm}. */
  public StringProperty quietHoursStartProperty() {
    return quietHoursStart;
  }

  public StringProperty quietHoursEndProperty() {
    return quietHoursEnd;
  }

  public BooleanProperty detailedPreviewsProperty() {
    return detailedPreviews;
  }

  /** "Đã lưu cài đặt thông báo." after a save; null again once something changes. */
  public StringProperty savedProperty() {
    return saved;
  }

  public void load() {
    load(() -> context.client().notificationSettings(), this::show, this::load);
  }

  public void save() {
    NotificationSettings changed = new NotificationSettings(quietHoursEnabled.get(), quietHoursStart.get(),
        quietHoursEnd.get(), detailedPreviews.get());
    load(() -> context.client().saveNotificationSettings(changed), stored -> {
      show(stored);
      saved.set(text.get("settings.notifications.saved"));
    }, this::save, failure -> {
      // A refusal names what is wrong per field (e.g. the end equal to the start): show that, not the summary.
      if (failure instanceof ApiProblem problem && !problem.errors().isEmpty()) {
        errorProperty().set(fieldMessages(problem));
      }
    });
  }

  /** The messages of a refusal's field errors, in the API's (the app's) language. */
  public static String fieldMessages(ApiProblem problem) {
    return problem.errors().stream().map(Problem.FieldError::message).distinct().collect(Collectors.joining(" "));
  }

  private void show(NotificationSettings settings) {
    NotificationSettings defaults = NotificationSettings.defaults();
    quietHoursEnabled.set(settings.quietHoursEnabled() == null ? defaults.quietHoursEnabled()
        : settings.quietHoursEnabled());
    quietHoursStart.set(settings.quietHoursStart() == null ? defaults.quietHoursStart() : settings.quietHoursStart());
    quietHoursEnd.set(settings.quietHoursEnd() == null ? defaults.quietHoursEnd() : settings.quietHoursEnd());
    detailedPreviews.set(Boolean.TRUE.equals(settings.detailedPreviews()));
    loaded.set(true);
  }
}
