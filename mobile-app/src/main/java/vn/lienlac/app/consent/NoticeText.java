package vn.lienlac.app.consent;

import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Formats;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * A school's purpose notice as the app shows it: title and body in the app's language (the API sends
 * both), "Bản 1, công bố 21/11/2026", and the data-protection contact.
 */
public record NoticeText(String title, String body, String version, String contact) {

  public static NoticeText of(PrivacyNotice notice, AppText text) {
    boolean english = Messages.ENGLISH.equals(text.locale());
    String published = notice.publishedAt() == null ? "" : Formats.date(notice.publishedAt().toLocalDate());
    return new NoticeText(english ? notice.titleEn() : notice.titleVi(), english ? notice.bodyEn() : notice.bodyVi(),
        text.format("consent.notice.version", String.valueOf(notice.version()), published),
        text.format("consent.notice.dpo", notice.dpoContact()));
  }
}
