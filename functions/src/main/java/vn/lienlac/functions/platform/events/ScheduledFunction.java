package vn.lienlac.functions.platform.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienlac.functions.platform.Json;

/**
 * The base of every function an EventBridge schedule triggers (template.yaml:
 * {@code Events: {X: {Type: Schedule, Properties: {Schedule: rate(5 minutes)}}}}), e.g. the VNPay
 * reconciler. The event is EventBridge's "Scheduled Event" JSON, read as a map (no Joda-Time, which
 * the events library's {@code ScheduledEvent} would pull in); {@link #run} gets its {@code time}
 * (the scheduled instant, UTC), or the clock's now when the event has none.
 *
 * <p>A run that throws fails the invocation: EventBridge invokes asynchronously, so Lambda retries
 * it (twice by default) and the next tick comes anyway; runs must therefore be idempotent. One INFO
 * line per run (scheduled time, outcome, milliseconds) and an ERROR line on failure. Subclasses have
 * the constructors of every non-HTTP function: {@code ()} for Lambda and {@code (Environment, Clock)}
 * for the local stack, which runs schedules on its clock ({@code LocalStack.events().runSchedule}).
 */
public abstract class ScheduledFunction implements RequestHandler<Map<String, Object>, Void> {
  private final Clock clock;

  protected ScheduledFunction(Clock clock) {
    this.clock = clock;
  }

  /** One scheduled run; throw to fail the invocation (retried by Lambda). */
  protected abstract void run(Instant scheduledTime, Context context) throws Exception;

  protected Clock clock() {
    return clock;
  }

  @Override
  public final Void handleRequest(Map<String, Object> event, Context context) {
    Instant time = scheduledTime(event);
    long started = System.nanoTime();
    String outcome = "ok";
    try {
      run(time, context);
      return null;
    } catch (RuntimeException e) {
      outcome = "failed";
      fail(context, time, e);
      throw e;
    } catch (Exception e) {
      outcome = "failed";
      fail(context, time, e);
      throw new IllegalStateException("Scheduled run failed", e);
    } finally {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("message", "scheduled run");
      line.put("scheduledTime", time.toString());
      line.put("outcome", outcome);
      line.put("millis", (System.nanoTime() - started) / 1_000_000);
      log(context, LogLevel.INFO, Json.write(line));
    }
  }

  private Instant scheduledTime(Map<String, Object> event) {
    Object time = event == null ? null : event.get("time");
    if (time instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("A scheduled event whose time is not an instant: " + text, e);
      }
    }
    return clock.instant();
  }

  private static void fail(Context context, Instant time, Exception e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("message", "scheduled run failed");
    line.put("scheduledTime", time.toString());
    line.put("error", String.valueOf(e));
    log(context, LogLevel.ERROR, Json.write(line));
  }

  private static void log(Context context, LogLevel level, String message) {
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(message, level);
    } else {
      System.out.println(message);
    }
  }
}
