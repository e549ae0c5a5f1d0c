package vn.lienlac.functions.platform;

import static vn.lienlac.functions.platform.Logs.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.lienlac.model.common.Problem;

/**
 * The base of every API function: routes by API Gateway's {@code routeKey} (e.g.
 * {@code GET /v1/me}), turns {@link ApiException}s into problem+json, hides internal failures
 * behind a request id, and writes one access-log line per request.
 *
 * <p>Subclasses register their routes in the constructor with {@link #on}; heavy objects (clients,
 * table schemas) are built once there, so each container pays for them once.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Map<String, Route> routes = new HashMap<>();
  /** Held here because CRaC contexts hold their resources weakly. */
  private Priming priming;

  protected final void on(String routeKey, Route route) {
    if (routes.putIfAbsent(routeKey, route) != null) {
      throw new IllegalStateException("Route registered twice: " + routeKey);
    }
  }

  /**
   * SnapStart priming ({@link Priming}): the Lambda constructor of each function calls this once
   * its routes are registered. Unless {@code LIENLAC_PRIMING=off}.
   */
  protected final void primeBeforeSnapshot(Dynamo dynamo, Environment env) {
    priming = Priming.register(this, dynamo, env);
  }

  /** The registered priming, or null (tests). */
  final Priming priming() {
    return priming;
  }

  /** The route keys this function serves: template.yaml must wire exactly these to it. */
  public final Set<String> routeKeys() {
    return Collections.unmodifiableSet(routes.keySet());
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    long started = System.nanoTime();
    ApiRequest request = ApiRequest.from(event);
    APIGatewayV2HTTPResponse response;
    try {
      Route route = routes.get(request.routeKey());
      if (route == null) {
        throw new ApiException.NotFound();
      }
      response = toLambda(route.handle(request));
    } catch (ApiException e) {
      response = problem(Problems.of(e, request.locale(), request.requestId()));
    } catch (RuntimeException | Error e) {
      log(context, LogLevel.ERROR, Json.write(Map.of(
          "message", "unhandled failure",
          "route", String.valueOf(request.routeKey()),
          "requestId", request.requestId(),
          "error", stackTrace(e))));
      response = problem(Problems.internal(request.locale(), request.requestId()));
    }
    Map<String, Object> access = new LinkedHashMap<>();
    access.put("message", "request");
    access.put("route", String.valueOf(request.routeKey()));
    access.put("status", response.getStatusCode());
    access.put("millis", (System.nanoTime() - started) / 1_000_000);
    access.put("requestId", request.requestId());
    log(context, response.getStatusCode() >= 500 ? LogLevel.ERROR : LogLevel.INFO, Json.write(access));
    return response;
  }

  private static APIGatewayV2HTTPResponse toLambda(ApiResponse response) {
    Map<String, String> headers = new HashMap<>(response.headers());
    var builder = APIGatewayV2HTTPResponse.builder().withStatusCode(response.status());
    if (response.binary() != null) {
      headers.put("content-type", response.contentType());
      builder.withBody(Base64.getEncoder().encodeToString(response.binary())).withIsBase64Encoded(true);
    } else if (response.body() != null) {
      headers.put("content-type", response.contentType() + "; charset=utf-8");
      builder.withBody(Json.write(response.body())).withIsBase64Encoded(false);
    }
    headers.putIfAbsent("cache-control", "no-store");
    return builder.withHeaders(headers).build();
  }

  private static APIGatewayV2HTTPResponse problem(Problem problem) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(problem.status())
        .withHeaders(Map.of("content-type", Problem.MEDIA_TYPE + "; charset=utf-8", "cache-control", "no-store"))
        .withBody(Json.write(problem))
        .withIsBase64Encoded(false)
        .build();
  }


  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
