package vn.lienlac.functions.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.Events;

/**
 * The reconciler, run on a schedule (every 10 minutes): settles the VNPay payments of every
 * configured school whose IPN has not come within {@link VnpayReconciler#DEFAULT_THRESHOLD}. A
 * thin handler over {@link VnpayReconciler}.
 * TODO(after the events helper's ScheduledFunction lands in main): extend it and wire the schedule in template.yaml.
 */
public final class PaymentsReconcilerFunction implements RequestHandler<Map<String, Object>, String> {
  private final VnpayReconciler reconciler;
  private final java.util.function.Supplier<VnpayConfig> config;

  public PaymentsReconcilerFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public PaymentsReconcilerFunction(Environment env, Clock clock) {
    Dynamo dynamo = Dynamo.fromEnvironment(env);
    this.config = VnpayConfig.lazy(() -> VnpayConfig.fromEnvironment(env));
    this.reconciler = new VnpayReconciler(dynamo, new PaymentLedger(dynamo, clock, Events.publisher(env)), config,
        null, clock);
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    VnpayReconciler.Summary summary = reconciler.run(config.get().merchants().keySet(), VnpayReconciler.DEFAULT_THRESHOLD);
    String line = Json.write(Map.of("message", "reconciled", "summary", summary));
    System.out.println(line);
    return line;
  }
}
