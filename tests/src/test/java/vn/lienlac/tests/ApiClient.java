package vn.lienlac.tests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import vn.lienlac.functions.platform.Json;

/**
 * A small HTTP client for the API under test: optional bearer token and Accept-Language, JSON
 * bodies in and out. Immutable: {@link #withToken} and {@link #withLanguage} give new clients.
 */
public final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** The API's mapper, but numbers stay as the API wrote them: 10.0 is not turned into 1E+1. */
  static final ObjectMapper READER =
      Json.MAPPER.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private final URI base;
  private final String authorization;
  private final String language;

  public ApiClient(URI base) {
    this(base, null, null);
  }

  private ApiClient(URI base, String authorization, String language) {
    this.base = base;
    this.authorization = authorization;
    this.language = language;
  }

  /** Sends {@code Authorization: Bearer <token>}. */
  public ApiClient withToken(String bearerToken) {
    return withAuthorization("Bearer " + bearerToken);
  }

  /** Sends this {@code Authorization} header as it is; null sends none. */
  public ApiClient withAuthorization(String headerValue) {
    return new ApiClient(base, headerValue, language);
  }

  /** Sends {@code Accept-Language}; null sends none. */
  public ApiClient withLanguage(String acceptLanguage) {
    return new ApiClient(base, authorization, acceptLanguage);
  }

  /** A status, the headers and the body (as JSON when it is JSON, else missing). */
  public record Response(int status, HttpHeaders headers, JsonNode body, String text) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  /** Any method; a String body goes as it is, anything else as JSON. */
  public Response send(String method, String path, Object body) {
    return send(method, path, body, Map.of());
  }

  /** Any method with extra request headers (e.g. {@code Idempotency-Key}). */
  public Response send(String method, String path, Object body, Map<String, String> headers) {
    return send(method, path, body == null ? null
        : (body instanceof String text ? text : Json.write(body)).getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * A body sent byte for byte as {@code application/json} (e.g. bytes that are not UTF-8), or as the
   * {@code Content-Type} among {@code headers} (an upload); null sends none.
   */
  public Response send(String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), json(response), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + method + " " + path, e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    String type = response.headers().firstValue("content-type").orElse("");
    if (response.body().isEmpty() || !(type.startsWith("application/json") || type.contains("+json"))) {
      return MissingNode.getInstance();
    }
    try {
      return READER.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Not JSON although " + type + ": " + response.body(), e);
    }
  }
}
