package vn.lienlac.model.privacy;

import java.time.OffsetDateTime;

/**
 * {@code GET /v1/schools/{schoolId}/privacy-notice}: the school's current purpose notice (Law
 * 91/2025/QH15 on personal data protection): what data the school processes, for which purposes,
 * which of them are statutory records kept by law and which are optional with the guardian's
 * consent, the family's rights and how to exercise them, and how to reach the data-protection
 * officer. Vietnamese first, English beside it. {@code link} is the notice's own path.
 */
public record PrivacyNotice(String schoolId, String schoolName, int version, String titleVi, String bodyVi,
    String titleEn, String bodyEn, String dpoContact, OffsetDateTime publishedAt, String link) {

  public static final int TITLE_MAX = 200;
  public static final int BODY_MAX = 20_000;
  public static final int CONTACT_MAX = 300;
  /** Versions have four digits in keys ({@code NOTICE#0001}). */
  public static final int VERSION_MAX = 9999;

  /** The path of a school's notice: what a consent-required problem links to. */
  public static String link(String schoolId) {
    return "/v1/schools/" + schoolId + "/privacy-notice";
  }

  /**
   * The PUT body: every text required. {@code baseVersion} is the version the author read (0 before
   * the first); the new one is {@code baseVersion + 1}.
   */
  public record Draft(Integer baseVersion, String titleVi, String bodyVi, String titleEn, String bodyEn,
      String dpoContact) {}
}
