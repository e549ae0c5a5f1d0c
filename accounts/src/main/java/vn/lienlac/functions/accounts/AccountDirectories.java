package vn.lienlac.functions.accounts;

import vn.lienlac.functions.platform.Environment;

/**
 * Which account directory a function uses: the Cognito user pool named by
 * {@value CognitoAccountDirectory#USER_POOL_ID}, or the local stack's directory when that variable
 * is {@value #LOCAL_POOL} (what the local stack resolves {@code !Ref UserPool} to) or absent.
 */
public final class AccountDirectories {
  /** The user pool id the local stack gives functions instead of a Cognito pool. */
  public static final String LOCAL_POOL = "local-dev-issuer";

  private AccountDirectories() {}

  public static AccountDirectory fromEnvironment(Environment environment) {
    String pool = environment.optional(CognitoAccountDirectory.USER_POOL_ID).orElse(LOCAL_POOL);
    return LOCAL_POOL.equals(pool) ? LocalAccountDirectory.shared() : CognitoAccountDirectory.fromEnvironment(environment);
  }
}
