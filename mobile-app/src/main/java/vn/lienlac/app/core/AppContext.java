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
  private LienlacClient client;
  private Me me;
  private String role;

  public AppContext(AppText text, Tasks tasks, Clock clock, OfflineCache cache, Browser browser,
      LienlacClient anonymous) {
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
}
