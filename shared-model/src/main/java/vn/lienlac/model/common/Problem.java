package vn.lienlac.model.common;

import java.util.List;

/**
 * An error answer (RFC 9457 problem details, {@code application/problem+json}). {@code type} names
 * the kind of problem and is stable; {@code title} and {@code detail} are for people, in the
 * caller's language; {@code errors} lists each invalid field for validation problems;
 * {@code currentVersion} (a 409 on a versioned resource) is the version now stored, to re-read;
 * {@code notice} and {@code studentId} (a 403 consent-required) name the child whose guardian has
 * not consented and link the school's purpose notice.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
    Long currentVersion, String notice, String studentId) {

  /** A problem without consent details (every type but consent-required). */
  public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
      Long currentVersion) {
    this(type, title, status, detail, instance, errors, currentVersion, null, null);
  }

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://lienlac.vn/problems/";

  /** One invalid field: where (a path such as {@code rows/3/midterm}), a stable code, and a message. */
  public record FieldError(String field, String code, String message) {}
}
