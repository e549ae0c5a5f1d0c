package vn.lienlac.app.core;

import java.time.Clock;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.lienlac.app.AppText;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.TermId;

/** What the screens share: text, threads, clock, cache, browser, and who is signed in. */
public final class AppContext {
  /** Cache keys with this prefix are the device's own settings, not personal data: sign-out keeps them. */
  public static final String DEVICE_KEY_PREFIX = "device-";

  private final SimpleObjectProperty<AppText> text;
  private final Tasks tasks;
  private final Clock clock;
  private final OfflineCache cache;
  private final Browser browser;
  private LienlacClient anonymous;
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
    this.text = new SimpleObjectProperty<>(text);
    this.tasks = tasks;
    this.clock = clock;
    this.cache = cache;
    this.browser = browser;
    this.anonymous = anonymous.withLanguage(text.locale().getLanguage());
  }

  public AppText text() {
    return text.get();
  }

  /** The text in use: it changes when the user switches language in settings; the app then rebuilds its screens. */
  public ReadOnlyObjectProperty<AppText> textProperty() {
    return text;
  }

  /** Switches the app's language: its text and the API's Accept-Language (signed in or not). */
  public void useText(AppText newText) {
    String language = newText.locale().getLanguage();
    anonymous = anonymous.withLanguage(language);
    if (client != null) {
      client = client.withLanguage(language);
    }
    text.set(newText);
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

  // Payments (receipts): the device's share sheet; none until the app sets it (the desktop, tests).
  private ShareSheet shareSheet = ShareSheet.none();

  /** Hands a saved file (a receipt's PDF) to the phone's share sheet; answers false where there is none. */
  public ShareSheet shareSheet() {
    return shareSheet;
  }

  public void useShareSheet(ShareSheet shareSheet) {
    this.shareSheet = Objects.requireNonNull(shareSheet, "shareSheet");
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

  /** A fresh {@code /v1/me} of the same person (after a consent changed: {@code consentGiven}). */
  public void updateMe(Me me) {
    this.me = Objects.requireNonNull(me, "me");
  }

  // --- sign-in and session ----------------------------------------------------------------------

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

  /**
   * Signs out (the settings screen's button): forgets the token and the person, clears the kept
   * session, removes the cached personal data from the device (entries named {@code device-...},
   * such as the language chosen, stay), then shows sign-in.
   */
  public void signOut() {
    SessionKeeper ending = session;
    forget();
    if (ending != null) {
      ending.end(); // its "ended" callback sees the context already signed out and does nothing more
    }
    sessions.clear();
    cache.clearExcept(DEVICE_KEY_PREFIX);
    signedOutHandler.accept(null);
  }

  /**
   * The session ended under the user (the refresh token no longer works, or the API refused a fresh
   * token): back to sign-in with "Phiên đăng nhập đã hết hạn". Called from any thread. The cached
   * data stays (the same person signs in again; a sign-out clears it).
   */
  public void sessionExpired() {
    sessions.clear(); // the keeper has cleared it already; whoever else calls this means it too
    tasks.run(() -> null, nothing -> {
      if (client != null) {
        forget();
        signedOutHandler.accept(text().get("error.signedOut"));
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
