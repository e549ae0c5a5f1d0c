package vn.lienlac.model.privacy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One guardian's consent for one child ({@code GET /v1/me/consents}): the school, the pupil, the
 * status, the notice version agreed to beside the school's current one, when, through which
 * channel, and the notice's link.
 */
public record Consent(String schoolId, String schoolName, String studentId, String studentName, Status status,
    Integer noticeVersion, Integer currentNoticeVersion, OffsetDateTime at, Channel channel, String notice) {

  /** Never given (silence is not consent), given, or given then withdrawn. */
  public enum Status { GIVEN, NOT_GIVEN, WITHDRAWN }

  /** Where it was given: the app, the web, or a paper form the school records. */
  public enum Channel { APP, WEB, PAPER }

  /** {@code POST /v1/me/consents}: consent for one child to the school's current notice. */
  public record Grant(String studentId, Integer noticeVersion, Channel channel) {}

  /** The caller's consents, one per child grant. */
  public record Page(List<Consent> items) {}
}
