package vn.lienlac.client;

/**
 * The API could not be reached or did not answer (no connection, timeout, connection reset, an
 * answer that is not the API's). Always retryable: the screen offers "thử lại" (retry). Distinct from
 * {@link ApiProblem}, where the API did answer and said no.
 */
public final class NetworkException extends RuntimeException {
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }

  public boolean retryable() {
    return true;
  }
}
