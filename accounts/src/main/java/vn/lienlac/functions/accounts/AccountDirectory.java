package vn.lienlac.functions.accounts;

import java.util.Optional;

/**
 * Sign-in accounts of parents and teachers, keyed by their mobile number in E.164. In AWS the
 * Cognito user pool ({@link CognitoAccountDirectory}); locally the dev issuer's list
 * ({@link LocalAccountDirectory}). Every method is idempotent, so an import chunk that is run again
 * after a crash changes nothing.
 */
public interface AccountDirectory {

  /** An account: its stable subject id (the token's {@code sub}), phone, display name, whether it may sign in. */
  record Account(String sub, String phone, String name, boolean enabled) {}

  /**
   * Makes sure an account exists for {@code phone} (E.164) and returns its {@code sub}. Creates it
   * (no invitation message: the first sign-in uses a one-time code by SMS) or finds the existing
   * one; an existing account keeps its name and enabled state (see {@link #enable}).
   */
  String ensure(String phone, String displayName);

  /** The account for {@code phone}, if there is one. */
  Optional<Account> find(String phone);

  /** Stops the account from signing in (a parent removed from every roster); no-op when absent. */
  void disable(String phone);

  /** Lets the account sign in again; no-op when absent. */
  void enable(String phone);

  /**
   * Deletes the account for good (erasure, {@code DELETE /v1/me}): it can no longer sign in and its
   * tokens stop being renewed; no-op when absent, so an erasure that is run again changes nothing.
   * A later roster import naming the same phone creates a new account (the school's decision).
   */
  void delete(String phone);
}
