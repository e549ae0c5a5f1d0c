package vn.lienlac.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.lienlac.functions.identity.IdentityFunction;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.records.RecordsFunction;
import vn.lienlac.local.LocalStack;

/**
 * One API request in this JVM, against DynamoDB Local (in memory, loopback) with the demo seed:
 *
 * <ul>
 *   <li>{@code gateway*}: through the dev gateway over real HTTP (java.net.http → RS256 token check
 *       → payload 2.0 event → handler → DynamoDB Local → HTTP answer);
 *   <li>{@code handler*}: the handler alone, {@code handleRequest(event, null)} on a function built
 *       with {@code (Dynamo, Clock)} against the same table, with a prepared event: routing,
 *       DynamoDB calls, JSON.
 * </ul>
 *
 * The difference is the gateway's share. DynamoDB Local answers from this JVM's CPUs, so both
 * include its server-side work too; neither includes a real network round trip. To tell the
 * function's own work from DynamoDB Local's, the handlers' client times each HTTP exchange with
 * DynamoDB Local (an SDK interceptor) and the trial ends with a line giving calls and time per
 * request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// DynamoDB Local's TTL thread outlives close(): end the fork after 1 s instead of JMH's 30.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djmh.shutdownTimeout=1"})
// On 2 cores a request (and DynamoDB Local behind it) takes about 30 s of warm-up to settle.
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
public class RequestBenchmark {
  private final DynamoTimer timer = new DynamoTimer();
  private LocalStack stack;
  private PrintStream stdout;
  private DemoApi api;
  private HttpRequest meRequest;
  private HttpRequest gradesRequest;
  private ApiFunction identity;
  private ApiFunction records;
  private APIGatewayV2HTTPEvent meEvent;
  private APIGatewayV2HTTPEvent gradesEvent;

  /** Starts and seeds the stack (20–30 s), then checks that every request answers 200. */
  @Setup(Level.Trial)
  public void start() {
    // The functions' access log (one line a request) is not what is measured.
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false);
    stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true), discard);
    stdout = System.out;
    System.setOut(discard);

    api = new DemoApi(stack, DemoApi.PARENT);
    String child = api.firstChild();
    meRequest = api.get("/v1/me");
    gradesRequest = api.grades(child);
    Dynamo table = timer.client(stack.dynamo());
    identity = new IdentityFunction(table, Clock.systemUTC());
    records = new RecordsFunction(table, Clock.systemUTC());
    meEvent = Events.me(DemoApi.PARENT, "bench-me");
    gradesEvent = Events.grades(child, DemoApi.PARENT, "bench-grades");
    gatewayMe();
    gatewayGrades();
    handlerMe();
    handlerGrades();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    timer.reset();
  }

  @TearDown(Level.Iteration)
  public void endIteration(IterationParams iteration) {
    timer.endIteration(iteration.getType() == IterationType.MEASUREMENT);
  }

  @TearDown(Level.Trial)
  public void stop() {
    System.setOut(stdout);
    timer.report(stdout);
    stack.close();
  }

  @Benchmark
  public String gatewayMe() {
    return api.send(meRequest);
  }

  @Benchmark
  public String gatewayGrades() {
    return api.send(gradesRequest);
  }

  @Benchmark
  public APIGatewayV2HTTPResponse handlerMe() {
    return ok(identity.handleRequest(meEvent, null));
  }

  @Benchmark
  public APIGatewayV2HTTPResponse handlerGrades() {
    return ok(records.handleRequest(gradesEvent, null));
  }

  private APIGatewayV2HTTPResponse ok(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(response.getStatusCode() + ": " + response.getBody());
    }
    timer.requests++;
    return response;
  }

  /**
   * Times every HTTP exchange of a DynamoDB client with DynamoDB Local (request sent → response
   * received, so DynamoDB Local's own work included), over the measurement iterations.
   */
  static final class DynamoTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("bench.sent");
    long requests;
    private long calls;
    private long nanos;
    private long iterationStart;
    private long measuredRequests;
    private long measuredCalls;
    private long measuredNanos;
    private long measuredWall;

    /** A client for the same table and endpoint, configured like the functions' own, with this timer. */
    Dynamo client(Dynamo local) {
      var config = local.client().serviceClientConfiguration();
      DynamoDbClient client = DynamoDbClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(config.region())
          .credentialsProvider(config.credentialsProvider())
          .endpointOverride(config.endpointOverride().orElseThrow())
          .overrideConfiguration(c -> c.addExecutionInterceptor(this))
          .build();
      return Dynamo.of(client, local.tableName());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      nanos += System.nanoTime() - attributes.getAttribute(SENT);
      calls++;
    }

    void reset() {
      requests = 0;
      calls = 0;
      nanos = 0;
      iterationStart = System.nanoTime();
    }

    void endIteration(boolean measured) {
      if (measured) {
        measuredWall += System.nanoTime() - iterationStart;
        measuredRequests += requests;
        measuredCalls += calls;
        measuredNanos += nanos;
      }
    }

    void report(PrintStream out) {
      if (measuredRequests > 0) {
        // JMH prints the last iteration's result after this: a line of its own, between.
        out.printf(Locale.ROOT, "%n  DynamoDB Local, per request: %.1f calls, %.0f us of %.0f us (%.0f%%)%n",
            (double) measuredCalls / measuredRequests, measuredNanos / 1e3 / measuredRequests,
            measuredWall / 1e3 / measuredRequests, 100.0 * measuredNanos / measuredWall);
      }
    }
  }
}
