package vn.lienlac.functions.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Text;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;

/**
 * One HTTP request as API Gateway (payload format 2.0) hands it to a function. Header names are
 * lower case there; claims are the verified JWT's, put in by the gateway's authorizer.
 */
public final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final Locale locale;
  /** Access-log entries this request wrote so far (their sort keys number them: issue 18). */
  private int accessLogEntries;

  private ApiRequest(APIGatewayV2HTTPEvent event) {
    this.event = event;
    this.locale = Messages.negotiate(header("accept-language").orElse(null));
  }

  public static ApiRequest from(APIGatewayV2HTTPEvent event) {
    return new ApiRequest(event);
  }

  public String routeKey() {
    return event.getRouteKey();
  }

  public String path() {
    return event.getRawPath();
  }

  public String requestId() {
    var context = event.getRequestContext();
    return context == null || context.getRequestId() == null ? "-" : context.getRequestId();
  }

  /** The number of the next access-log entry this request writes: 1, 2, … ({@code AccessLog}). */
  public synchronized int nextAccessLogEntry() {
    return ++accessLogEntries;
  }

  /**
   * The request's resource with ids and no names: the route's path template with the path
   * parameters filled in ({@code /v1/students/nt-hs-0002/grades}); no query string. The raw path when
   * there is no route (never, through the gateway).
   */
  public String resource() {
    String key = routeKey();
    if (key == null || key.indexOf(' ') < 0) {
      return path();
    }
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([A-Za-z0-9]+)\\}").matcher(key.substring(key.indexOf(' ') + 1));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(pathParameter(matcher.group(1))));
    }
    return matcher.appendTail(out).toString();
  }

  /** The route's HTTP method ({@code GET}, {@code PUT}, …); {@code GET} when unknown. */
  public String method() {
    String key = routeKey();
    return key == null || key.indexOf(' ') < 0 ? "GET" : key.substring(0, key.indexOf(' '));
  }

  /** The caller's language: Vietnamese unless Accept-Language prefers English. */
  public Locale locale() {
    return locale;
  }

  /** A path parameter of the route; the route guarantees it is present. */
  public String pathParameter(String name) {
    Map<String, String> parameters = event.getPathParameters();
    String value = parameters == null ? null : parameters.get(name);
    if (value == null) {
      throw new IllegalStateException("Route " + routeKey() + " has no path parameter " + name);
    }
    return value;
  }

  public Optional<String> queryParameter(String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    return Optional.ofNullable(parameters == null ? null : parameters.get(name)).filter(v -> !v.isBlank());
  }

  /** A date query parameter ({@code YYYY-MM-DD}); a malformed one is a 400 naming the parameter. */
  public Optional<LocalDate> queryDate(String name) {
    return queryParameter(name).map(value -> date(name, value));
  }

  /**
   * A date given as {@code YYYY-MM-DD} in a path or query parameter, within the supported years
   * ({@link SchoolTime#isSupported}); anything else is a 400 naming the parameter.
   */
  public static LocalDate date(String parameter, String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiException.BadRequest(List.of(Violation.of(parameter, "request.badDate", value)), "request.badParameter", parameter);
    }
    if (!SchoolTime.isSupported(date)) {
      throw new ApiException.BadRequest(List.of(JsonErrors.dateOutOfRange(parameter, date)), "request.badParameter", parameter);
    }
    return date;
  }

  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    String value = headers.get(name.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(value);
  }

  /** The caller's IP address as API Gateway saw it ({@code 127.0.0.1} when unknown). */
  public String sourceIp() {
    var context = event.getRequestContext();
    var http = context == null ? null : context.getHttp();
    String ip = http == null ? null : http.getSourceIp();
    return ip == null || ip.isBlank() ? "127.0.0.1" : ip;
  }

  /** The host the request came to ({@code abc.execute-api…amazonaws.com} or a custom domain); null when unknown. */
  public String domainName() {
    var context = event.getRequestContext();
    String domain = context == null ? null : context.getDomainName();
    return domain == null || domain.isBlank() ? null : domain;
  }

  /** All query parameters (API Gateway joins repeated ones with commas); empty when none. */
  public Map<String, String> queryParameters() {
    Map<String, String> parameters = event.getQueryStringParameters();
    return parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** The verified subject (Cognito {@code sub}) of the caller's token. */
  public String subject() {
    var context = event.getRequestContext();
    var authorizer = context == null ? null : context.getAuthorizer();
    var jwt = authorizer == null ? null : authorizer.getJwt();
    Map<String, String> claims = jwt == null ? null : jwt.getClaims();
    String subject = claims == null ? null : claims.get("sub");
    if (subject == null || subject.isBlank()) {
      throw new ApiException.Unauthenticated();
    }
    return subject;
  }

  /** The JSON body read as {@code type}; a body that cannot be read is the caller's mistake (4xx). */
  public <T> T body(Class<T> type) {
    String contentType = header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (!contentType.startsWith("application/json") && !contentType.matches("application/[a-z.+-]*\\+json.*")) {
      throw new ApiException.UnsupportedMediaType();
    }
    String body = rawBody();
    if (body.isBlank()) {
      throw new ApiException.BadRequest("request.bodyRequired");
    }
    try {
      T value = Json.MAPPER.readValue(body, type);
      if (value == null) {
        throw new ApiException.BadRequest("request.bodyRequired");
      }
      return value;
    } catch (JsonMappingException e) {
      throw JsonErrors.toBadRequest(e);
    } catch (StreamConstraintsException e) {
      throw JsonErrors.toBadRequest(e);
    } catch (JsonProcessingException e) {
      throw new ApiException.BadRequest("request.malformedJson",
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
    }
  }

  /**
   * The body exactly as sent, as text (strict UTF-8), for checking a signature over it (bank
   * webhooks); empty when there is none. Read {@link #body} to parse it.
   */
  public String bodyText() {
    return rawBody();
  }

  /**
   * The body's bytes (an upload: a workbook, a CSV file): base64-decoded when API Gateway passed it
   * so, else the UTF-8 bytes of the text it passed; empty when there is none. A base64 body that is
   * not base64 is a 400.
   */
  public byte[] bodyBytes() {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (!event.getIsBase64Encoded()) {
      return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException.BadRequest("request.badBase64");
    }
  }

  /**
   * The body as text, decoded strictly: bytes that are not UTF-8 are a 400, never U+FFFD. A body
   * API Gateway passed as text has been decoded already; a U+FFFD in it is where bad bytes were.
   */
  private String rawBody() {
    String body = event.getBody();
    if (body == null) {
      return "";
    }
    if (!event.getIsBase64Encoded()) {
      if (body.indexOf('\uFFFD') >= 0) {
        throw new ApiException.BadRequest("request.invalidUtf8");
      }
      return body;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException.BadRequest("request.invalidUtf8");
    }
    return Text.fromUtf8(bytes).orElseThrow(() -> new ApiException.BadRequest("request.invalidUtf8"));
  }
}
