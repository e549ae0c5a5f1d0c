package vn.lienlac.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two requests every benchmark makes, as API Gateway (payload format 2.0) hands them to a
 * function after its JWT authorizer: route key, path and query parameters, the caller's
 * {@code sub}. Built with the events library's own builders; the dev gateway builds the full event
 * from an HTTP exchange instead.
 *
 * <p>Only the events library and the JDK: the cold-start probe runs with nothing but the functions
 * jar and this module's classes on its class path.
 */
public final class Events {
  public static final String TERM = "2026-2027-HK1";
  public static final String ME_ROUTE = "GET /v1/me";
  public static final String GRADES_ROUTE = "GET /v1/students/{studentId}/grades";

  private Events() {}

  /** {@code GET /v1/me} for {@code sub}. */
  public static APIGatewayV2HTTPEvent me(String sub, String requestId) {
    return event(ME_ROUTE, "/v1/me", null, null, sub, requestId);
  }

  /** {@code GET /v1/students/{studentId}/grades?term=2026-2027-HK1} for {@code sub}. */
  public static APIGatewayV2HTTPEvent grades(String studentId, String sub, String requestId) {
    return event(GRADES_ROUTE, gradesPath(studentId), Map.of("studentId", studentId), Map.of("term", TERM),
        sub, requestId);
  }

  /** The path and query of the grades request, as a client sends it. */
  public static String gradesPath(String studentId) {
    return "/v1/students/" + studentId + "/grades";
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, Map<String, String> pathParameters,
      Map<String, String> query, String sub, String requestId) {
    var jwt = RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", sub)).build();
    var context = RequestContext.builder()
        .withRouteKey(routeKey)
        .withRequestId(requestId)
        .withStage("$default")
        .withHttp(RequestContext.Http.builder().withMethod("GET").withPath(rawPath).build())
        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(jwt).build())
        .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withRawQueryString(query == null ? "" : query.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")))
        .withHeaders(Map.of("accept", "application/json"))
        .withPathParameters(pathParameters)
        .withQueryStringParameters(query)
        .withRequestContext(context)
        .withIsBase64Encoded(false)
        .build();
  }
}
