package vn.lienlac.app.messages;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.privacy.PrivacyNotice;

/** The school's personal-data notice a consent-required refusal links, in the app's language. */
public final class NoticeViewModel extends ScreenModel {
  private final String link;
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty body = new SimpleStringProperty();

  public NoticeViewModel(AppContext context, String link) {
    super(context);
    this.link = link;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty bodyProperty() {
    return body;
  }

  public void load() {
    if (link == null || link.isBlank()) {
      title.set(text.get("messages.notice.title"));
      body.set(text.get("messages.notice.none"));
      return;
    }
    boolean english = "en".equals(text.locale().getLanguage());
    load(() -> context.client().privacyNoticeAt(link), (PrivacyNotice notice) -> {
      title.set(english ? notice.titleEn() : notice.titleVi());
      body.set((english ? notice.bodyEn() : notice.bodyVi()) + "\n\n" + notice.dpoContact());
    }, this::load);
  }
}
