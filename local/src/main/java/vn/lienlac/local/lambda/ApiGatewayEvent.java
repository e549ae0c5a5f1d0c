package vn.lienlac.local.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.gateway.PayloadFormat2;

/**
 * One API Gateway HTTP API request as the JSON event (payload format 2.0) it hands a Lambda
 * function, written field by field from API Gateway's format rather than from the events
 * library's classes, so that the runtime's own JSON decoding is what gets tested: lower-case
 * headers, {@code rawPath} and {@code rawQueryString}, a {@code cookies} array, the JWT
 * authorizer's claims with every value a string, a base64 body with {@code isBase64Encoded}.
 *
 * <pre>{@code
 * ApiGatewayEvent.of("GET", "/v1/students/{studentId}/grades").path("studentId", id)
 *     .query("term", "2026-2027-HK1").bearer(token).toJson()
 * }</pre>
 */
public final class ApiGatewayEvent {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String DOMAIN = "a1b2c3d4e5.execute-api." + LambdaSandbox.REGION + ".amazonaws.com";
  private static final String SOURCE_IP = "203.0.113.7";
  private static final String USER_AGENT = "lienlac-app/0.1 (Android 14)";

  private final String method;
  private final String routePath;
  private final Map<String, String> pathParameters = new LinkedHashMap<>();
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<String> cookies = new ArrayList<>();
  private String token;
  private byte[] body;

  private ApiGatewayEvent(String method, String routePath) {
    this.method = method;
    this.routePath = routePath;
  }

  /** A request on the route {@code method routePath}, e.g. {@code GET /v1/students/{studentId}/grades}. */
  public static ApiGatewayEvent of(String method, String routePath) {
    return new ApiGatewayEvent(method.toUpperCase(Locale.ROOT), routePath);
  }

  public ApiGatewayEvent path(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  public ApiGatewayEvent query(String name, String value) {
    query.put(name, value);
    return this;
  }

  /** A request header; API Gateway hands header names over in lower case. */
  public ApiGatewayEvent header(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  public ApiGatewayEvent cookie(String cookie) {
    cookies.add(cookie);
    return this;
  }

  /** The caller's (already verified) JWT: sent on as the authorization header, its claims in the authorizer context. */
  public ApiGatewayEvent bearer(String jwt) {
    this.token = jwt;
    return this;
  }

  /** A JSON body; it reaches the function base64-encoded. */
  public ApiGatewayEvent json(String json) {
    this.body = json.getBytes(StandardCharsets.UTF_8);
    return header("content-type", "application/json");
  }

  /** A body of another media type (an upload: a workbook, a CSV file); it reaches the function base64-encoded. */
  public ApiGatewayEvent body(byte[] bytes, String contentType) {
    this.body = bytes.clone();
    return header("content-type", contentType);
  }

  public String routeKey() {
    return method + " " + routePath;
  }

  /** The event as API Gateway sends it, received now. */
  public String toJson() {
    return toJson(Instant.now());
  }

  public String toJson(Instant received) {
    Matcher matcher = PATH_PARAMETER.matcher(routePath);
    String rawPath = matcher.replaceAll(m -> Matcher.quoteReplacement(encode(pathParameter(m.group(1)))));
    String rawQuery = query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HexFormat hex = HexFormat.of();

    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode event = json.objectNode();
    event.put("version", "2.0");
    event.put("routeKey", routeKey());
    event.put("rawPath", rawPath);
    event.put("rawQueryString", rawQuery);
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headerNode = event.putObject("headers");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("accept", "application/json");
    all.put("content-length", Integer.toString(body == null ? 0 : body.length));
    all.put("host", DOMAIN);
    all.put("user-agent", USER_AGENT);
    all.put("x-amzn-trace-id",
        "Root=1-" + Long.toHexString(received.getEpochSecond()) + "-" + hex.formatHex(RuntimeApi.randomBytes(12)));
    all.put("x-forwarded-for", SOURCE_IP);
    all.put("x-forwarded-port", "443");
    all.put("x-forwarded-proto", "https");
    if (token != null) {
      all.put("authorization", "Bearer " + token);
    }
    all.putAll(headers);
    all.forEach(headerNode::put);
    if (!query.isEmpty()) {
      ObjectNode parameters = event.putObject("queryStringParameters");
      query.forEach(parameters::put);
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", LambdaSandbox.ACCOUNT);
    context.put("apiId", DOMAIN.substring(0, DOMAIN.indexOf('.')));
    if (token != null) {
      ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
      ObjectNode claims = jwt.putObject("claims");
      claims(token).forEach(claims::put);
      jwt.putNull("scopes"); // an ID token has no scope claim
    }
    context.put("domainName", DOMAIN);
    context.put("domainPrefix", DOMAIN.substring(0, DOMAIN.indexOf('.')));
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", rawPath);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", SOURCE_IP);
    http.put("userAgent", USER_AGENT);
    context.put("requestId", Base64.getUrlEncoder().withoutPadding().encodeToString(RuntimeApi.randomBytes(12)) + "=");
    context.put("routeKey", routeKey());
    context.put("stage", "$default");
    context.put("time", PayloadFormat2.time(received));
    context.put("timeEpoch", received.toEpochMilli());
    if (!pathParameters.isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      pathParameters.forEach(parameters::put);
    }
    if (body != null) {
      event.put("body", Base64.getEncoder().encodeToString(body));
    }
    event.put("isBase64Encoded", body != null);
    return Json.write(event);
  }

  private String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException(routeKey() + ": no value for path parameter " + name);
    }
    return value;
  }

  /** The claims of a token as the JWT authorizer passes them on (the dev gateway's rendering). */
  static Map<String, String> claims(String jwt) {
    try {
      return PayloadFormat2.claims(JWTParser.parse(jwt).getJWTClaimsSet());
    } catch (ParseException e) {
      throw new IllegalArgumentException("Not a JWT: " + e.getMessage(), e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

}
