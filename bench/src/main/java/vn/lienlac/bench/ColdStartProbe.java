package vn.lienlac.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import vn.lienlac.functions.platform.Environment;

/**
 * The child side of {@link ColdStart}: runs in a fresh JVM whose class path is the functions'
 * Lambda jar plus this module's classes, does what a Lambda container does on its first two
 * invocations, and prints one line {@code COLD-START {json}} with the timings.
 *
 * <p>Arguments: the handler class, the caller's {@code sub}, and a student id (records) or
 * {@code -} (identity). The handler is built through its {@code (Environment)} constructor from
 * this process's environment (TABLE_NAME, AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB), as Lambda would
 * build it from the variables template.yaml sets.
 *
 * <p>Nothing but the JDK, the events library and the handler is touched before the requests are
 * done: the JVM's start time (RuntimeMXBean, which loads the management classes) is read last.
 */
public final class ColdStartProbe {
  static final String MARKER = "COLD-START ";

  private ColdStartProbe() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    long mainMillis = System.currentTimeMillis();
    // No lambda or string concatenation before the handler is built: their first use bootstraps
    // invokedynamic machinery, which belongs to the function's init as it does in Lambda.
    String handlerClass = args[0];
    String sub = args[1];
    String studentId = "-".equals(args[2]) ? null : args[2];

    long initStart = System.nanoTime();
    @SuppressWarnings("unchecked")
    var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
        Class.forName(handlerClass).getConstructor(Environment.class).newInstance(Environment.system());
    long initEnd = System.nanoTime();
    invoke(handler, event(sub, studentId, "cold-1"));
    long firstEnd = System.nanoTime();
    invoke(handler, event(sub, studentId, "cold-2"));
    long secondEnd = System.nanoTime();

    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(MARKER + "{\"handler\":\"" + handlerClass + "\""
        + ",\"mainEpochMillis\":" + mainMillis
        + ",\"jvmToMainMillis\":" + (mainMillis - jvmStart)
        + ",\"initMillis\":" + millis(initStart, initEnd)
        + ",\"firstRequestMillis\":" + millis(initEnd, firstEnd)
        + ",\"secondRequestMillis\":" + millis(firstEnd, secondEnd) + "}");
    System.exit(0);
  }

  private static APIGatewayV2HTTPEvent event(String sub, String studentId, String requestId) {
    return studentId == null ? Events.me(sub, requestId) : Events.grades(studentId, sub, requestId);
  }

  private static void invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      System.err.println(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
      System.exit(2);
    }
  }

  private static double millis(long fromNanos, long toNanos) {
    return Math.round((toNanos - fromNanos) / 10_000.0) / 100.0;
  }
}
