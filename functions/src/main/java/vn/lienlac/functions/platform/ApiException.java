package vn.lienlac.functions.platform;

import java.util.List;
import vn.lienlac.model.common.Violation;

/**
 * A request that cannot be served, for a reason the caller can act on. It carries message keys,
 * not text: {@link Problems} renders it in the caller's language. Throw one of the subclasses.
 */
public abstract class ApiException extends RuntimeException {
  private final int status;
  private final String problemType;
  private final String messageKey;
  private final transient List<Object> args;

  protected ApiException(int status, String problemType, String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.status = status;
    this.problemType = problemType;
    this.messageKey = messageKey;
    this.args = List.of(args);
  }

  public int status() {
    return status;
  }

  /** The slug of the problem type URI, e.g. {@code not-found}. */
  public String problemType() {
    return problemType;
  }

  public String messageKey() {
    return messageKey;
  }

  public List<Object> args() {
    return args;
  }

  /** The version of the resource now stored, for a conflict on a versioned resource; else null. */
  public Long currentVersion() {
    return null;
  }

  /** Consent (issue 18): the purpose notice to consent to, for a consent-required problem; else null. */
  public String notice() {
    return null;
  }

  /** Consent (issue 18): the child whose guardian's consent is missing, for a consent-required problem; else null. */
  public String studentId() {
    return null;
  }

  /** Field-level details; empty unless this is a validation problem. */
  public List<Violation> violations() {
    return List.of();
  }

  /** 400: the request cannot be read (not JSON, wrong type, a malformed parameter). */
  public static final class BadRequest extends ApiException {
    private final transient List<Violation> violations;

    public BadRequest(String messageKey, Object... args) {
      this(List.of(), messageKey, args);
    }

    public BadRequest(List<Violation> violations, String messageKey, Object... args) {
      super(400, "bad-request", messageKey, args);
      this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
      return violations;
    }
  }

  /** 422: the request is well formed but its content breaks a rule; nothing was written. */
  public static final class Invalid extends ApiException {
    private final transient List<Violation> violations;

    public Invalid(List<Violation> violations) {
      super(422, "validation", "problem.validation.detail", violations.size());
      this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
      return violations;
    }
  }

  /** 415: the body is not JSON. */
  public static final class UnsupportedMediaType extends ApiException {
    public UnsupportedMediaType() {
      super(415, "unsupported-media-type", "problem.unsupported-media-type.detail");
    }
  }

  /** 401: no verified caller (the gateway normally answers this before the function runs). */
  public static final class Unauthenticated extends ApiException {
    public Unauthenticated() {
      super(401, "unauthenticated", "problem.unauthenticated.detail");
    }
  }

  /**
   * 404: the resource does not exist <em>or the caller may not see it</em>. Both answer alike so
   * that ids cannot be probed.
   */
  public static final class NotFound extends ApiException {
    public NotFound() {
      super(404, "not-found", "problem.not-found.detail");
    }
  }

  /** 403: the caller may see the resource but not do this to it. */
  public static final class Forbidden extends ApiException {
    public Forbidden(String messageKey, Object... args) {
      super(403, "forbidden", messageKey, args);
    }
  }

  /** 409: the resource changed or is in a state that does not allow this; reload and retry. */
  public static final class Conflict extends ApiException {
    private final Long currentVersion;

    public Conflict(String messageKey, Object... args) {
      this((Long) null, messageKey, args);
    }

    /** A stale write to a versioned resource: the answer names the version now stored. */
    public Conflict(Long currentVersion, String messageKey, Object... args) {
      super(409, "conflict", messageKey, args);
      this.currentVersion = currentVersion;
    }

    @Override
    public Long currentVersion() {
      return currentVersion;
    }
  }

  /**
   * 403 (issue 18): the child's optional data (messages, payments by app, push) needs the
   * guardian's consent first; the problem names the child and links the school's purpose notice.
   */
  public static final class ConsentRequired extends ApiException {
    private final String notice;
    private final String studentId;

    public ConsentRequired(String notice, String studentId) {
      this("problem.consent-required.detail", notice, studentId);
    }

    /** With another explanation (its first argument is the notice link). */
    public ConsentRequired(String messageKey, String notice, String studentId) {
      super(403, "consent-required", messageKey, notice);
      this.notice = notice;
      this.studentId = studentId;
    }

    @Override
    public String notice() {
      return notice;
    }

    @Override
    public String studentId() {
      return studentId;
    }
  }
}
