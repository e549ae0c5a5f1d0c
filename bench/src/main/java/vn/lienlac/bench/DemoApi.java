package vn.lienlac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.LocalStack;

/**
 * A demo parent signed in to a running {@link LocalStack}, over real HTTP: prepared requests for
 * the benchmarks, and the child to ask grades for, found through the parent's own {@code GET /v1/me}.
 */
public final class DemoApi {
  /** Nguyễn Trãi parent with one child; any seeded parent works. */
  public static final String PARENT = "nt-ph-002";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final URI base;
  private final String token;

  public DemoApi(LocalStack stack, String userId) {
    this.base = stack.baseUri();
    this.token = stack.issueToken(userId, Duration.ofHours(12));
  }

  /** A signed GET of {@code pathAndQuery}, ready to send as often as needed. */
  public HttpRequest get(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  /** The body of a 200 answer; IllegalStateException naming the status and body otherwise. */
  public String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + request.uri(), e);
    }
  }

  /** The first child {@code GET /v1/me} lists (schools[].children[].studentId). */
  public String firstChild() {
    JsonNode studentId;
    try {
      studentId = Json.MAPPER.readTree(send(get("/v1/me"))).findValue("studentId");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (studentId == null) {
      throw new IllegalStateException("GET /v1/me lists no child for the demo user");
    }
    return studentId.asText();
  }

  /** {@code GET /v1/students/{studentId}/grades?term=…}. */
  public HttpRequest grades(String studentId) {
    return get(Events.gradesPath(studentId) + "?term=" + Events.TERM);
  }
}
