package vn.lienlac.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.Json;

/** The fake Runtime API and credentials endpoint speak the protocol the runtime client expects. */
class RuntimeApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ARN = "arn:aws:lambda:ap-southeast-1:000000000000:function:F:1";

  @Test
  void an_event_should_go_out_on_next_with_lambdas_headers_and_its_answer_come_back() throws Exception {
    try (RuntimeApi api = new RuntimeApi(ARN, Duration.ofSeconds(10))) {
      CompletableFuture<RuntimeApi.Answer> answer = api.submit("{\"version\":\"2.0\"}");

      HttpResponse<String> next = HTTP.send(get(api, RuntimeApi.PREFIX + "invocation/next", null), HttpResponse.BodyHandlers.ofString());

      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"version\":\"2.0\"}");
      String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
      assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
          .isGreaterThan(Instant.now().toEpochMilli());
      assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).hasValue(ARN);
      assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");
      assertThat(api.firstNext()).isDone();

      HttpResponse<String> posted = HTTP.send(post(api, RuntimeApi.PREFIX + "invocation/" + id + "/response",
          "{\"statusCode\":200}"), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(202);
      assertThat(answer.get().error()).isFalse();
      assertThat(answer.get().payload()).isEqualTo("{\"statusCode\":200}");
      assertThat(HTTP.send(post(api, RuntimeApi.PREFIX + "invocation/" + id + "/response", "{}"),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as("answered once only").isEqualTo(400);
    }
  }

  @Test
  void errors_should_be_reported_as_errors() throws Exception {
    try (RuntimeApi api = new RuntimeApi(ARN, Duration.ofSeconds(10))) {
      CompletableFuture<RuntimeApi.Answer> answer = api.submit("{}");
      String id = HTTP.send(get(api, RuntimeApi.PREFIX + "invocation/next", null), HttpResponse.BodyHandlers.ofString())
          .headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

      HTTP.send(HttpRequest.newBuilder(uri(api, RuntimeApi.PREFIX + "invocation/" + id + "/error"))
          .header("Lambda-Runtime-Function-Error-Type", "Runtime.UserException")
          .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(), HttpResponse.BodyHandlers.discarding());
      HTTP.send(post(api, RuntimeApi.PREFIX + "init/error", "{\"errorMessage\":\"no class\"}"),
          HttpResponse.BodyHandlers.discarding());

      assertThat(answer.get().error()).isTrue();
      assertThat(answer.get().errorType()).isEqualTo("Runtime.UserException");
      assertThat(api.initError().getNow("")).contains("no class");
    }
  }

  @Test
  void the_credentials_endpoint_should_answer_the_right_token_only() throws Exception {
    try (RuntimeApi api = new RuntimeApi(ARN, Duration.ofSeconds(10))) {
      String path = api.credentialsUri().getPath();

      assertThat(HTTP.send(get(api, path, "wrong"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
      assertThat(HTTP.send(get(api, path, null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
      HttpResponse<String> served = HTTP.send(get(api, path, api.token()), HttpResponse.BodyHandlers.ofString());

      assertThat(served.statusCode()).isEqualTo(200);
      JsonNode credentials = Json.MAPPER.readTree(served.body());
      // The function's name: the local stack's IAM gate maps it to the function's template policy.
      assertThat(credentials.get("AccessKeyId").asText()).isEqualTo(ARN.split(":")[6]);
      assertThat(credentials.get("SecretAccessKey").asText()).isNotBlank();
      assertThat(credentials.get("Token").asText()).isNotBlank();
      assertThat(Instant.parse(credentials.get("Expiration").asText())).isAfter(Instant.now());
      assertThat(api.credentialsServed()).isEqualTo(1);
      assertThat(api.credentialsRefused()).isEqualTo(2);
    }
  }

  private static URI uri(RuntimeApi api, String path) {
    return URI.create("http://" + api.address() + path);
  }

  private static HttpRequest get(RuntimeApi api, String path, String authorization) {
    var builder = HttpRequest.newBuilder(uri(api, path)).timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  private static HttpRequest post(RuntimeApi api, String path, String body) {
    return HttpRequest.newBuilder(uri(api, path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
