package vn.lienlac.app.core;

import vn.lienlac.client.CognitoSignIn;

/**
 * How people sign in: with Cognito (phone number and SMS code) when {@code cognito} is set, and by
 * picking a demo user when {@code demoUsers} (the local stack only). Against AWS only the phone sign-in
 * shows.
 */
public record SignInOptions(CognitoSignIn cognito, boolean demoUsers) {
  /** The local stack's demo users only (no Cognito). */
  public static SignInOptions demoOnly() {
    return new SignInOptions(null, true);
  }

  /** Both ways against the local stack; only the phone against AWS. */
  public static SignInOptions of(CognitoSignIn cognito) {
    return new SignInOptions(cognito, cognito == null || !cognito.onAws());
  }
}
