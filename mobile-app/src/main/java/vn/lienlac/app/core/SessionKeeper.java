package vn.lienlac.app.core;

import java.time.Clock;
import java.util.List;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.CognitoException;
import vn.lienlac.client.CognitoSignIn;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.identity.Me;

/**
 * A Cognito session while the app runs: gives the API client the ID token, refreshes it with the
 * refresh token when it has expired on the clock (or when the API answers 401), keeps every new token
 * in the {@link SessionStore}, and ends the session (store cleared, {@code ended} told) when the
 * refresh token no longer works. A refresh that finds no network leaves the session as it is: the
 * screens show their cached data and offer to retry.
 */
public final class SessionKeeper implements LienlacClient.Credentials {
  private final CognitoSignIn cognito;
  private final SessionStore store;
  private final Clock clock;
  private final Runnable ended;
  private SessionStore.Stored current;

  public SessionKeeper(CognitoSignIn cognito, SessionStore store, Clock clock, SessionStore.Stored start,
      Runnable ended) {
    this.cognito = cognito;
    this.store = store;
    this.clock = clock;
    this.current = start;
    this.ended = ended;
  }

  /** The session as kept now (null once ended). */
  public synchronized SessionStore.Stored current() {
    return current;
  }

  /** Records who signed in (read from {@code /v1/me}) with the tokens. */
  public synchronized void signedInAs(Me me, String role) {
    if (current != null) {
      current = new SessionStore.Stored(current.idToken(), current.refreshToken(), current.expiresAt(),
          current.phone(), role, me);
      store.save(current);
    }
  }

  @Override
  public synchronized String bearerToken() {
    if (current == null) {
      throw signedOut();
    }
    if (!clock.instant().isBefore(current.expiresAt())) {
      refreshNow();
    }
    return current.idToken();
  }

  @Override
  public synchronized boolean renew() {
    if (current == null) {
      return false;
    }
    try {
      refreshNow();
      return true;
    } catch (ApiProblem expired) {
      return false;
    }
  }

  @Override
  public void rejected() {
    end();
  }

  /** Signs out: forgets the tokens here and on the device (Cognito's refresh token simply goes unused). */
  public void end() {
    synchronized (this) {
      if (current == null) {
        return;
      }
      current = null;
      store.clear();
    }
    ended.run();
  }

  private void refreshNow() {
    CognitoSignIn.Tokens tokens;
    try {
      tokens = cognito.refresh(current.refreshToken());
    } catch (CognitoException e) {
      if (e.reason() == CognitoException.Reason.SESSION_EXPIRED) {
        end();
        throw signedOut();
      }
      throw e;
    }
    current = new SessionStore.Stored(tokens.idToken(), tokens.refreshToken(), tokens.expiresAt(), current.phone(),
        current.role(), current.me());
    store.save(current);
  }

  /** What a call gets once the session is over: a 401, which screens show as "Phiên đăng nhập đã hết hạn". */
  static ApiProblem signedOut() {
    return new ApiProblem(new Problem(null, "Unauthorized", 401, null, null, List.of(), null));
  }
}
