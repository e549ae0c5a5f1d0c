package vn.lienlac.local.events;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.events.ScheduledFunction;

/** A test-only scheduled function: records the scheduled time of each run. */
public final class TestScheduledFunction extends ScheduledFunction {
  static final List<Instant> RUNS = new CopyOnWriteArrayList<>();

  public TestScheduledFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public TestScheduledFunction(Environment env, Clock clock) {
    super(clock);
  }

  @Override
  protected void run(Instant scheduledTime, Context context) {
    RUNS.add(scheduledTime);
  }
}
