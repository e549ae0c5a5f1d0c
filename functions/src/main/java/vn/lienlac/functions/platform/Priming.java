package vn.lienlac.functions.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run its request path once,
 * so that what a first request would load and compile (the SDK's signing, HTTP and JSON paths, the
 * credentials fetch, the enhanced client's queries, routing, problem+json, Jackson) is already in
 * the snapshot. Registered by each function's Lambda constructor through the CRaC API
 * ({@code org.crac}), which Lambda's Java runtime calls before the snapshot; outside SnapStart
 * nothing calls it.
 *
 * <p>It reads only, as a caller nobody knows ({@link #SUBJECT}): one GetItem of a key that does not
 * exist, then every GET route of the function once, each answered 404 (or 200 for a public route)
 * after the directory lookup misses; plus a Jackson round trip of an event. It never fails the
 * checkpoint: a failing step is logged and skipped.
 */
public final class Priming implements Resource {
  /** {@code off} disables priming (the cold-start runner compares both ways); anything else, or unset: on. */
  public static final String VARIABLE = "LIENLAC_PRIMING";
  /** The caller of the priming requests: no directory entry has it, so every read misses. */
  public static final String SUBJECT = "lienlac-priming";
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  /**
   * Path parameters that are parsed before authorization get a well-formed value, so that the
   * priming request goes as deep as a real one (to the directory lookup); any other is "priming".
   */
  private static final Map<String, String> WELL_FORMED = Map.of("term", "2026-2027-HK1", "date", "2026-11-02", "subject", "toan",
      "schoolYear", "2026-2027");

  private final ApiFunction function;
  private final Dynamo dynamo;

  Priming(ApiFunction function, Dynamo dynamo) {
    this.function = function;
    this.dynamo = dynamo;
  }

  /** Registers priming for {@code function} unless the environment turns it off; null then. */
  static Priming register(ApiFunction function, Dynamo dynamo, Environment env) {
    if (env.optional(VARIABLE).filter("off"::equals).isPresent()) {
      return null;
    }
    Priming priming = new Priming(function, dynamo);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: the credentials provider renews itself before its credentials expire.
  }

  /** Runs every step; returns how many failed (each is logged). Never throws. */
  public int run() {
    long started = System.nanoTime();
    int failed = 0;
    failed += step("GetItem", () -> dynamo.client().getItem(r -> r.tableName(dynamo.tableName())
        .consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(Keys.user(SUBJECT)), "sk", AttributeValue.fromS("PRIMING")))));
    failed += step("event JSON", () -> Json.MAPPER.readValue(Json.write(event("GET /health")), APIGatewayV2HTTPEvent.class));
    List<String> gets = function.routeKeys().stream().filter(route -> route.startsWith("GET ")).sorted().toList();
    for (String route : gets) {
      failed += step(route, () -> {
        APIGatewayV2HTTPResponse response = function.handleRequest(event(route), null);
        if (response.getStatusCode() >= 500) {
          throw new IllegalStateException(route + " answered " + response.getStatusCode());
        }
        Json.write(response);
      });
    }
    System.out.println(Json.write(Map.of("message", "priming done", "routes", gets.size(), "failed", failed,
        "millis", (System.nanoTime() - started) / 1_000_000)));
    return failed;
  }

  private interface Step {
    void run() throws Exception;
  }

  private static int step(String name, Step step) {
    try {
      step.run();
      return 0;
    } catch (Exception | LinkageError | AssertionError e) {
      System.out.println(Json.write(Map.of("message", "priming step failed", "step", name, "error", String.valueOf(e))));
      return 1;
    }
  }

  /** A request as API Gateway hands it over: every path parameter "priming", the caller {@link #SUBJECT}. */
  static APIGatewayV2HTTPEvent event(String routeKey) {
    String template = routeKey.substring(routeKey.indexOf(' ') + 1);
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = PATH_PARAMETER.matcher(template);
    while (matcher.find()) {
      parameters.put(matcher.group(1), WELL_FORMED.getOrDefault(matcher.group(1), "priming"));
    }
    String path = PATH_PARAMETER.matcher(template).replaceAll(m -> parameters.get(m.group(1)));
    var jwt = RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", SUBJECT)).build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(Map.of("accept", "application/json"))
        .withPathParameters(parameters.isEmpty() ? null : parameters)
        .withRequestContext(RequestContext.builder()
            .withRouteKey(routeKey)
            .withRequestId("priming")
            .withStage("$default")
            .withHttp(RequestContext.Http.builder().withMethod("GET").withPath(path).build())
            .withAuthorizer(RequestContext.Authorizer.builder().withJwt(jwt).build())
            .build())
        .withIsBase64Encoded(false)
        .build();
  }
}
