package vn.lienlac.functions.privacy.retention;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.ScheduledFunction;
import vn.lienlac.model.common.SchoolTime;

/**
 * retention-fn, run daily (template.yaml): the records of pupils who left expire after their
 * school's retention period, registers included ({@link RetentionService}). Runs are idempotent.
 */
public final class RetentionFunction extends ScheduledFunction {
  private final RetentionService retention;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public RetentionFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public RetentionFunction(Environment env, Clock clock) {
    super(clock);
    this.retention = new RetentionService(Dynamo.fromEnvironment(env));
  }

  @Override
  protected void run(Instant scheduledTime, Context context) {
    RetentionService.Summary summary = retention.run(LocalDate.ofInstant(scheduledTime, SchoolTime.ZONE));
    System.out.println(Json.write(Map.of("message", "retention", "summary", summary)));
  }
}
