package vn.lienlac.app.core;

import java.time.Clock;
import java.util.Objects;
import vn.lienlac.app.AppText;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.TermId;

/** What the screens share: text, threads, clock, cache, browser, and who is signed in. */
public final class AppContext {
  private final AppText text;
  private final Tasks tasks;
  private final Clock clock;
  private final OfflineCache cache;
  private final Browser browser;
  private final LienlacClient anonymous;
  private final SignInOptions signIn;
  private final SessionStore sessions;
  private java.util.function.Consumer<String> signedOutHandler = notice -> {};
  private SessionKeeper session;
  private LienlacClient client;
  private Me me;
  private String role;

  public AppContext(AppText text, Tasks tasks, Clock clock, OfflineCache cache, Browser browser,
      LienlacClient anonymous) {
    this(text, tasks, clock, cache, browser, anonymous, SignInOptions.demoOnly(), SessionStore.inMemory());
  }

  /** With the ways to sign in and where the session is kept. */
  public AppContext(AppText text, Tasks tasks, Clock clock, OfflineCache cache, Browser browser,
      LienlacClient anonymous, SignInOptions signIn, SessionStore sessions) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.text = text;
    this.tasks = tasks;
    this.clock = clock;
    this.cache = cache;
    this.browser = browser;
    this.anonymous = anonymous.withLanguage(text.locale().getLanguage());
  }

  public AppText text() {
    return text;
  }

  public Tasks tasks() {
    return tasks;
  }

  public Clock clock() {
    return clock;
  }

  public OfflineCache cache() {
    return cache;
  }

  public Browser browser() {
    return browser;
  }

  public LienlacClient anonymous() {
    return anonymous;
  }

  /** The signed-in client (call only after sign-in). */
  public LienlacClient client() {
    return Objects.requireNonNull(client, "not signed in");
  }

  public Me me() {
    return me;
  }

  /** PARENT, TEACHER or STAFF. */
  public String role() {
    return role;
  }

  /**
   * The term the screens show first: the one {@code /v1/me} says today falls in (the first school's;
   * every school answers the same, Vietnam's date), else the one today's date falls in.
   */
  public String currentTerm() {
    if (me != null) {
      for (Me.SchoolMembership school : me.schools()) {
        if (school.currentTerm() != null) {
          return school.currentTerm();
        }
      }
    }
    return TermId.containing(SchoolTime.today(clock)).toString();
  }

  public void signedIn(LienlacClient client, Me me, String role) {
    this.client = client;
    this.me = me;
    this.role = role;
  }

  // --- sign-in and session (G) ----------------------------------------------------------------

  public SignInOptions signInOptions() {
    return signIn;
  }

  public SessionStore sessions() {
    return sessions;
  }

  /** Signed in with Cognito: the session that keeps the tokens fresh. */
  public void signedIn(SessionKeeper keeper, Me me, String role) {
    this.session = keeper;
    signedIn(anonymous.withCredentials(keeper), me, role);
  }

  /** What the app does when the user is signed out: show sign-in, with a notice (null: none). */
  public void onSignedOut(java.util.function.Consumer<String> handler) {
    this.signedOutHandler = handler;
  }

  /** Signs out (the settings screen's button): the stored session is cleared, sign-in shows. */
  public void signOut() {
    SessionKeeper ending = session;
    forget();
    if (ending != null) {
      ending.end(); // its "ended" callback sees the context already signed out and does nothing more
    }
    sessions.clear();
    signedOutHandler.accept(null);
  }

  /**
   * The session ended under the user (the refresh token no longer works, or the API refused a fresh
   * token): back to sign-in with "Phiên đăng nhập đã hết hạn". Called from any thread.
   */
  public void sessionExpired() {
    sessions.clear(); // the keeper has cleared it already; whoever else calls this means it too
    tasks.run(() -> null, nothing -> {
      if (client != null) {
        forget();
        signedOutHandler.accept(text.get("error.signedOut"));
      }
    }, failure -> {});
  }

  private void forget() {
    session = null;
    client = null;
    me = null;
    role = null;
  }
}
