package vn.lienlac.client;

/**
 * Cognito said no. {@link #reason()} is what the app tells the user (each reason has a message in
 * the app's bundles, {@code signin.error.<REASON>}); {@link #type()} is Cognito's own error type
 * ({@code CodeMismatchException}…), for logs and tests.
 */
public final class CognitoException extends RuntimeException {
  /** What went wrong, as the user needs to know it. */
  public enum Reason {
    /** Not a Vietnamese mobile number (checked before any call, or Cognito's InvalidParameter). */
    INVALID_PHONE(false),
    /** The code does not match; the same challenge may be answered again. */
    WRONG_CODE(false),
    /** The code (the sign-in session) expired: ask for a new one. */
    CODE_EXPIRED(false),
    /** Too many wrong codes ended the sign-in session: ask for a new code. */
    SESSION_ENDED(false),
    /** The refresh token no longer works: sign in again. */
    SESSION_EXPIRED(false),
    /** Too many codes or tries for now: wait, then try again. */
    TOO_MANY_ATTEMPTS(true),
    /** No account for the number (only when the pool reveals it). */
    NO_ACCOUNT(false),
    /** The account may not sign in (disabled: removed from every roster). */
    ACCOUNT_DISABLED(false),
    /** Cognito could not send the SMS. */
    SMS_NOT_SENT(true),
    /** Cognito failed (5xx). */
    SERVICE_DOWN(true),
    /** Anything else (a setting of the pool or app client). */
    UNEXPECTED(true);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether the same request may work later as it is. */
    public boolean retryable() {
      return retryable;
    }
  }

  private final Reason reason;
  private final String type;

  public CognitoException(Reason reason, String type, String message) {
    super(type + ": " + message);
    this.reason = reason;
    this.type = type;
  }

  public Reason reason() {
    return reason;
  }

  public String type() {
    return type;
  }
}
