package vn.lienlac.tests;

import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.lienlac.local.LocalStack;

/**
 * One {@link LocalStack} per test JVM (in memory, on a free port), shared by every test class that
 * uses this extension and by {@link #shared} callers, closed when the test JVM exits. Test methods
 * and constructors can take a {@link LocalStack} or an {@link ApiClient} for it as parameters.
 *
 * <p>The stack runs on an injected clock, so that no test depends on the day it runs: it starts at
 * {@link #NOW} and ticks from there. (Frozen, it would give two writes the same instant, and grade
 * audit entries, sorted by instant, would come back in no particular order.)
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
  /**
   * The tests' "now": Saturday 21 November 2026, 10:00 in Vietnam, the instant the demo seed was
   * written (attendance taken up to Friday 20 November, term 2026-2027-HK1).
   */
  public static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private static LocalStack shared;

  /** The shared stack, started on first use. */
  public static LocalStack stack(ExtensionContext context) {
    return shared();
  }

  /**
   * The same stack for tests that do not run under Jupiter (jqwik properties, {@link FuzzTest}):
   * one per test JVM whichever engine asks first, closed when the JVM exits.
   */
  public static synchronized LocalStack shared() {
    if (shared == null) {
      // Events: a failed record is retried at once (not after the queue's visibility timeout), and
      // schedules run only when a test runs them (stack.runSchedule), so that nothing waits on real time.
      shared = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true)
          .withClock(LocalStack.Options.startingAt(NOW)).withRetryDelay(java.time.Duration.ZERO)
          .withScheduleTimers(false));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-stack-close"));
    }
    return shared;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalStack.class || type == ApiClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalStack stack = stack(context);
    return parameter.getParameter().getType() == LocalStack.class ? stack : new ApiClient(stack.baseUri());
  }
}
