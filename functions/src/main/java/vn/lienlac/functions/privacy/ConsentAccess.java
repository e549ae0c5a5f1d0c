package vn.lienlac.functions.privacy;

import java.util.Collection;
import java.util.Map;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * Who may do what with a school's purpose notice and with consent, and the one check every feature
 * makes before it opens a child's optional data (messages, payments by app) to a guardian.
 *
 * <ul>
 *   <li>The notice: read by anyone with a grant in the school; published by its office staff (its
 *       other people get 403); anyone else 404.
 *   <li>Consent: a guardian gives and withdraws their own, for their own children (another pupil: 404).
 *   <li>Optional data: a guardian of the child without consent gets 403 consent-required naming the
 *       child and linking the notice. Statutory records (grades, attendance, leave, reports, the
 *       record book, announcements) never ask.
 * </ul>
 */
public final class ConsentAccess {
  private ConsentAccess() {}

  /** The notice of a school the caller belongs to (any grant there); anyone else 404. */
  public static void readNotice(Caller caller, String schoolId) {
    if (!caller.schools().contains(schoolId)) {
      throw new ApiException.NotFound();
    }
  }

  /** Office staff publish their school's notice; its other people get 403; anyone else 404. */
  public static void publishNotice(Caller caller, String schoolId) {
    readNotice(caller, schoolId);
    if (!caller.hasRole(schoolId, Role.STAFF)) {
      throw new ApiException.Forbidden("privacy.notStaff");
    }
  }

  /** The caller's grant for their own child; another pupil (or none) is 404. */
  public static Caller.ChildGrant child(Caller caller, String studentId) {
    return caller.grants().stream()
        .filter(g -> g instanceof Caller.ChildGrant c && c.studentId().equals(studentId))
        .map(Caller.ChildGrant.class::cast)
        .findFirst()
        .orElseThrow(ApiException.NotFound::new);
  }

  /**
   * Before a guardian touches the child's optional data: 403 consent-required while they have not
   * consented. A caller who is not a guardian of the child (a teacher, staff) passes: their access
   * is decided by the feature's own rules.
   */
  public static void requireConsent(Caller caller, String schoolId, String studentId) {
    if (closed(caller, schoolId, studentId)) {
      throw required(schoolId, studentId);
    }
  }

  /** True when the caller is a guardian of the child and has not consented for them. */
  public static boolean closed(Caller caller, String schoolId, String studentId) {
    return caller.grants().stream().anyMatch(g -> g instanceof Caller.ChildGrant c && c.schoolId().equals(schoolId)
        && c.studentId().equals(studentId)) && !caller.hasConsent(schoolId, studentId);
  }

  /**
   * A school-side person (teacher, staff) opening a FAMILY conversation about a pupil none of whose
   * guardians has consented: 403 consent-required (there is nobody the message could lawfully reach).
   */
  public static void requireSomeGuardianConsent(Collection<Boolean> guardiansConsented, String schoolId,
      String studentId) {
    if (!guardiansConsented.contains(Boolean.TRUE)) {
      throw new ApiException.ConsentRequired("privacy.consentRequired.guardians", PrivacyNotice.link(schoolId),
          studentId);
    }
  }

  /** The header that tells a guardian without consent that it is missing (statutory records' answers). */
  public static final String CONSENT_HEADER = "lienlac-consent";

  /**
   * A statutory record's extra headers for a guardian who has not consented for the child:
   * {@code Lienlac-Consent: missing} and {@code Link: <notice>; rel="privacy-notice"}; none otherwise.
   */
  public static Map<String, String> statutoryHeaders(Caller caller, String schoolId, String studentId) {
    if (!closed(caller, schoolId, studentId)) {
      return Map.of();
    }
    return Map.of(CONSENT_HEADER, "missing", "link", "<" + PrivacyNotice.link(schoolId) + ">; rel=\"privacy-notice\"");
  }

  /** The 403 consent-required problem for a child of the school. */
  public static ApiException required(String schoolId, String studentId) {
    return new ApiException.ConsentRequired(PrivacyNotice.link(schoolId), studentId);
  }
}
