package vn.lienlac.app.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Browser;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.core.Tasks;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;

/**
 * The one way ViewModel tests make an {@link AppContext}: Vietnamese, {@link Tasks#direct()} (no
 * toolkit), the demo world's clock ({@link #NOW}) unless told, the offline cache in the test's folder,
 * a browser that opens nothing unless told, and signed in with a token "t".
 */
public final class TestContexts {
  /** The demo world's "now": Saturday 21 November 2026, 10:00 in Hà Nội. */
  public static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

  private final URI api;
  private final Path cache;
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private Browser browser = page -> {};

  private TestContexts(URI api, Path cache) {
    this.api = api;
    this.cache = cache;
  }

  /** A context against {@code api}, the offline cache in {@code cache}. */
  public static TestContexts against(FakeApi api, Path cache) {
    return against(api.uri(), cache);
  }

  public static TestContexts against(URI api, Path cache) {
    return new TestContexts(api, cache);
  }

  public TestContexts clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Where pages the app opens in the browser go. */
  public TestContexts browser(Browser browser) {
    this.browser = browser;
    return this;
  }

  /** Not signed in. */
  public AppContext anonymous() {
    return new AppContext(AppText.forLocale(Messages.VIETNAMESE), Tasks.direct(), clock, new OfflineCache(cache),
        browser, LienlacClient.create(api));
  }

  /** Signed in as {@code me} in {@code role} (PARENT, TEACHER, STAFF). */
  public AppContext signedIn(Me me, String role) {
    AppContext context = anonymous();
    context.signedIn(context.anonymous().withToken("t"), me, role);
    return context;
  }
}
