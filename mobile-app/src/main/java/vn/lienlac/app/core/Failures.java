package vn.lienlac.app.core;

import vn.lienlac.app.AppText;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.CognitoException;
import vn.lienlac.client.NetworkException;

/** What a screen says when a call fails, and whether it offers to retry. */
public record Failures(String message, boolean retryable) {
  public static Failures of(Exception failure, AppText text) {
    if (failure instanceof NetworkException) {
      return new Failures(text.get("error.network"), true);
    }
    if (failure instanceof CognitoException refused) {
      return new Failures(text.get("signin.error." + refused.reason().name()), refused.reason().retryable());
    }
    if (failure instanceof ApiProblem problem) {
      if (problem.status() == 401) {
        return new Failures(text.get("error.signedOut"), false);
      }
      return new Failures(problem.getMessage(), problem.retryable());
    }
    return new Failures(text.get("error.unexpected"), true);
  }
}
