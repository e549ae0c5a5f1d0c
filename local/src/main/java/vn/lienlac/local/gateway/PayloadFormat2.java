package vn.lienlac.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.model.common.Text;

/**
 * API Gateway HTTP API payload format 2.0, both ways: the event a function receives for a request,
 * and the HTTP response made of what it returns. The Lambda emulation harness
 * ({@code vn.lienlac.local.lambda}) renders claims and times through the same methods.
 */
public final class PayloadFormat2 {
  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private PayloadFormat2() {}

  /** Everything about the request that is not in the exchange itself. */
  record Invocation(
      String routeKey,
      Map<String, String> pathParameters,
      JWTClaimsSet claims,
      String requestId,
      Instant received) {}

  static APIGatewayV2HTTPEvent event(HttpExchange exchange, byte[] body, Invocation invocation) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = headers(exchange);
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
    String cookieHeader = headers.remove("cookie");
    String host = headers.getOrDefault("host", "127.0.0.1");

    var http = RequestContext.Http.builder()
        .withMethod(exchange.getRequestMethod())
        .withPath(rawPath)
        .withProtocol(exchange.getProtocol())
        .withSourceIp(sourceIp)
        .withUserAgent(headers.getOrDefault("user-agent", ""))
        .build();
    var context = RequestContext.builder()
        .withAccountId(ACCOUNT_ID)
        .withApiId(API_ID)
        .withDomainName(host)
        .withDomainPrefix(host.split("[.:]", 2)[0])
        .withHttp(http)
        .withRequestId(invocation.requestId())
        .withRouteKey(invocation.routeKey())
        .withStage("$default")
        .withTime(time(invocation.received()))
        .withTimeEpoch(invocation.received().toEpochMilli())
        .build();
    if (invocation.claims() != null) {
      context.setAuthorizer(RequestContext.Authorizer.builder()
          .withJwt(RequestContext.Authorizer.JWT.builder()
              .withClaims(claims(invocation.claims()))
              .withScopes(scopes(invocation.claims()))
              .build())
          .build());
    }

    var event = APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(invocation.routeKey())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withHeaders(headers)
        .withQueryStringParameters(rawQuery == null || rawQuery.isEmpty() ? null : query(rawQuery))
        .withPathParameters(invocation.pathParameters().isEmpty() ? null : invocation.pathParameters())
        .withCookies(cookieHeader == null ? null : cookies(cookieHeader))
        .withRequestContext(context)
        .withIsBase64Encoded(false);
    if (body.length > 0) {
      // API Gateway does not document what it does with a textual body that is not UTF-8: passing
      // its bytes (base64) lets the function refuse it, where decoding here would make U+FFFD.
      Optional<String> text = isText(headers.get("content-type")) ? Text.fromUtf8(body) : Optional.empty();
      if (text.isPresent()) {
        event.withBody(text.get());
      } else {
        event.withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
      }
    }
    return event.build();
  }

  /** Header names in lower case; a header sent several times becomes one comma-joined value. */
  static Map<String, String> headers(HttpExchange exchange) {
    Headers request = exchange.getRequestHeaders();
    Map<String, String> headers = new LinkedHashMap<>();
    request.forEach((name, values) -> headers.merge(
        name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
    return headers;
  }

  /** Decoded names and values; a parameter given several times becomes one comma-joined value. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private static List<String> cookies(String header) {
    List<String> cookies = new ArrayList<>();
    for (String cookie : header.split("[;,]")) {
      if (!cookie.isBlank()) {
        cookies.add(cookie.trim());
      }
    }
    return cookies;
  }

  /** {@code requestContext.time} as API Gateway writes it, e.g. {@code 25/Nov/2026:21:03:58 +0000}. */
  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  /**
   * Claims as API Gateway passes them, from their JSON form: every value a string, times in epoch
   * seconds, a single audience as itself, arrays as {@code [a b]}.
   */
  public static Map<String, String> claims(JWTClaimsSet claims) {
    Map<String, String> rendered = new LinkedHashMap<>();
    claims.toJSONObject().forEach((name, value) -> rendered.put(name, render(value)));
    return rendered;
  }

  private static String render(Object value) {
    return switch (value) {
      case Collection<?> values -> values.stream().map(PayloadFormat2::render).collect(Collectors.joining(" ", "[", "]"));
      case Map<?, ?> map -> Json.write(map);
      default -> String.valueOf(value);
    };
  }

  /** The {@code scope} claim split on spaces (access tokens); ID tokens have none. */
  private static List<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    return scope instanceof String text && !text.isBlank() ? List.of(text.trim().split("\\s+")) : null;
  }

  /**
   * Bodies API Gateway hands over as text; anything else arrives base64-encoded with
   * {@code isBase64Encoded} (uploads, forms).
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return type.startsWith("text/")
        || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml")
        || type.equals("application/javascript") || type.equals("application/yaml");
  }

  /** The response body as bytes: base64-decoded when the function says it encoded it. */
  static byte[] body(APIGatewayV2HTTPResponse response) {
    String body = response.getBody();
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    return response.getIsBase64Encoded()
        ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  /** Single and multi-value headers, and each cookie as its own {@code set-cookie}. */
  static void copyHeaders(APIGatewayV2HTTPResponse response, Headers target) {
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(target::add);
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> target.add(name, v)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(cookie -> target.add("set-cookie", cookie));
    }
  }
}
