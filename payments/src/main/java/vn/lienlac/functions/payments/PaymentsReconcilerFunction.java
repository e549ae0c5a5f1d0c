package vn.lienlac.functions.payments;

import com.amazonaws.services.lambda.runtime.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.functions.platform.events.ScheduledFunction;

/**
 * The reconciler, run on a schedule (template.yaml: every 10 minutes): settles the VNPay payments
 * of every configured school whose IPN has not come within {@link VnpayReconciler#DEFAULT_THRESHOLD},
 * through VNPay's querydr and the one crediting path. A thin handler over {@link VnpayReconciler};
 * runs are idempotent (a payment already credited is not credited again).
 */
public final class PaymentsReconcilerFunction extends ScheduledFunction {
  /**
   * Set only by the dev stack (never by template.yaml; ContractTest checks): the base URI of the
   * local VNPay sandbox, whose merchants and querydr the reconciler then uses.
   */
  public static final String LOCAL_SANDBOX = "LIENLAC_VNPAY_SANDBOX_URL";
  /** With {@link #LOCAL_SANDBOX}: the dev stack's schools (comma-separated), the sandbox's merchants. */
  public static final String LOCAL_SANDBOX_SCHOOLS = "LIENLAC_VNPAY_SANDBOX_SCHOOLS";

  private final VnpayReconciler reconciler;
  private final Supplier<VnpayConfig> config;
  private final List<String> sandboxSchools;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public PaymentsReconcilerFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public PaymentsReconcilerFunction(Environment env, Clock clock) {
    super(clock);
    Dynamo dynamo = Dynamo.fromEnvironment(env);
    String sandbox = env.get(LOCAL_SANDBOX);
    this.sandboxSchools = sandbox == null ? List.of()
        : List.of(env.optional(LOCAL_SANDBOX_SCHOOLS).orElse("").split(",")).stream().filter(s -> !s.isBlank()).toList();
    this.config = sandbox != null ? VnpayConfig::localSandbox : VnpayConfig.lazy(() -> VnpayConfig.fromEnvironment(env));
    this.reconciler = new VnpayReconciler(dynamo, new PaymentLedger(dynamo, clock, Events.publisher(env)), config,
        sandbox != null ? URI.create(sandbox) : null, clock);
  }

  @Override
  protected void run(Instant scheduledTime, Context context) {
    VnpayConfig merchants = config.get();
    VnpayReconciler.Summary summary = reconciler.run(merchants.sandbox() ? sandboxSchools : merchants.merchants().keySet(),
        VnpayReconciler.DEFAULT_THRESHOLD);
    System.out.println(Json.write(Map.of("message", "reconciled", "summary", summary)));
  }
}
