package vn.lienlac.local.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.SqsFunction;

/**
 * A test-only SQS function: records every batch it gets, and fails as each event's data says
 * ({@code fail=always}, or {@code fail=once}: the first delivery only). A body that is not an
 * event fails through {@link SqsFunction}. With {@code throw=true} in any record it throws, failing
 * the whole batch (for a mapping without ReportBatchItemFailures).
 */
public final class TestSqsFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** Every batch delivered, by function instance name, in order. */
  static final List<SQSEvent> BATCHES = new CopyOnWriteArrayList<>();
  static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();

  private final SqsFunction inner = new SqsFunction() {
    @Override
    protected void handle(DomainEvent event, Context context) {
      int attempt = ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      if ("always".equals(event.get("fail")) || ("once".equals(event.get("fail")) && attempt == 1)) {
        throw new IllegalStateException("failing " + event.id() + " on attempt " + attempt);
      }
      HANDLED.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    }
  };

  public TestSqsFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public TestSqsFunction(Environment env, Clock clock) {
    // nothing to configure
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    BATCHES.add(event);
    boolean throwing = event.getRecords().stream().anyMatch(r -> r.getBody().contains("\"throw\":\"true\""));
    SQSBatchResponse response = inner.handleRequest(event, context);
    if (throwing) {
      throw new IllegalStateException("the whole batch fails");
    }
    return response;
  }

  static void reset() {
    BATCHES.clear();
    ATTEMPTS.clear();
    HANDLED.clear();
  }
}
