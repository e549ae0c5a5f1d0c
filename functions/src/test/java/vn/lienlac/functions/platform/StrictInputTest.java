package vn.lienlac.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one mapper reads bodies strictly: no coercion between JSON types, numbers and dates within
 * bounds, UTF-8 that is really UTF-8. Every refusal is a 400 problem that names the field and never
 * echoes a huge value.
 */
class StrictInputTest {

  enum Status { PENDING, APPROVED, DECLINED }

  record Sample(Status status, Long version, BigDecimal score, String reason, LocalDate day, List<BigDecimal> scores) {}

  static final class SampleFunction extends ApiFunction {
    SampleFunction() {
      on("POST /sample", request -> ApiResponse.ok(request.body(Sample.class)));
      on("GET /day", request -> ApiResponse.ok(Map.of("day", request.queryDate("day").orElseThrow())));
    }
  }

  private final SampleFunction function = new SampleFunction();

  @Test
  void a_well_typed_body_should_be_read_exactly() throws Exception {
    APIGatewayV2HTTPResponse response = post("""
        {"status":"APPROVED","version":3,"score":8.5,"reason":"ốm","day":"2026-11-23","scores":[7,1e1,0.5]}""");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("APPROVED");
    assertThat(body.get("version").asLong()).isEqualTo(3);
    assertThat(body.get("score").decimalValue()).isEqualByComparingTo("8.5");
    assertThat(body.get("reason").asText()).isEqualTo("ốm");
    assertThat(body.get("scores").get(1).decimalValue()).isEqualByComparingTo("10");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"score\": 1e2147483647}", "{\"score\": -1e2147483647}", "{\"score\": 1e-2147483647}",
      "{\"score\": 1e10000000}", "{\"score\": 1e-10000000}", "{\"scores\": [8, 1e400]}", "{\"score\": 1E+101}"})
  void a_number_beyond_the_bounds_should_be_a_short_400_that_does_not_write_it_out(String body) throws Exception {
    APIGatewayV2HTTPResponse response = post(body);

    assertProblem(response, 400, "request.numberOutOfBounds");
    assertThat(response.getBody().length()).isLessThan(1_000);
  }

  @Test
  void a_number_with_too_many_digits_should_be_a_400() throws Exception {
    assertProblem(post("{\"score\": 8." + "1".repeat(2_000) + "}"), 400, "request.numberOutOfBounds");
    assertProblem(post("{\"version\": " + "9".repeat(2_000) + "}"), 400, "request.numberOutOfBounds");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"status\": 1}", "{\"status\": 0}", "{\"status\": \"\"}", "{\"status\": \"approved\"}", "{\"status\": true}",
      "{\"status\": \"APPROVED \"}", "{\"status\": \" APPROVED\"}", "{\"status\": \"1\"}", "{\"status\": \"APPROVED\\n\"}",
      "{\"score\": \" 7 \"}", "{\"score\": \"1e1\"}", "{\"score\": \"7\"}", "{\"score\": \"\"}", "{\"score\": true}",
      "{\"scores\": [\"8\"]}", "{\"scores\": [\"\"]}", "{\"scores\": 7}", "{\"scores\": \"\"}", "{\"scores\": {}}",
      "{\"version\": 1.5}", "{\"version\": 1e2}", "{\"version\": \"1\"}", "{\"version\": \"\"}", "{\"version\": true}",
      "{\"version\": 99999999999999999999}",
      "{\"reason\": 5}", "{\"reason\": 5.5}", "{\"reason\": true}", "{\"reason\": []}", "{\"reason\": {}}",
      "{\"day\": 20000}", "{\"day\": [2026, 11, 23]}", "{\"day\": \"\"}", "{\"day\": \"2026-11-23T10:00:00\"}",
      "{\"day\": \"2026-11-23T10:00:00Z\"}", "{\"day\": \" 2026-11-23\"}", "{\"day\": \"2026-11-23 \"}",
      "{\"day\": \"+2026-11-23\"}", "{\"day\": \"２０２６-11-23\"}"})
  void a_value_of_the_wrong_json_type_should_be_a_400_naming_the_field(String body) throws Exception {
    APIGatewayV2HTTPResponse response = post(body);

    assertThat(response.getStatusCode()).as(body + " -> " + response.getBody()).isEqualTo(400);
    JsonNode error = json(response).get("errors").get(0);
    String field = body.substring(2, body.indexOf('"', 2));
    assertThat(error.get("field").asText()).startsWith(field);
    assertThat(error.get("message").asText()).isNotBlank();
  }

  @Test
  void a_number_for_an_enum_should_say_which_names_are_expected() throws Exception {
    JsonNode error = json(post("{\"status\": 1}")).get("errors").get(0);

    assertThat(error.get("code").asText()).isEqualTo("request.wrongType");
    assertThat(error.get("message").asText()).contains("PENDING | APPROVED | DECLINED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "0000-01-01", "1999-12-31", "2101-01-01"})
  void a_date_outside_the_supported_years_should_be_a_400_that_says_which_years(String date) throws Exception {
    APIGatewayV2HTTPResponse inBody = post("{\"day\": \"" + date + "\"}");
    APIGatewayV2HTTPResponse inQuery = call(event("GET /day", null, Map.of(), Map.of("day", date)));

    for (APIGatewayV2HTTPResponse response : List.of(inBody, inQuery)) {
      assertProblem(response, 400, "request.dateOutOfRange");
      assertThat(json(response).get("errors").get(0).get("message").asText()).contains("2000").contains("2100");
    }
  }

  @Test
  void a_duplicate_field_should_be_a_400_not_the_last_one_winning() throws Exception {
    APIGatewayV2HTTPResponse response = post("{\"status\": \"DECLINED\", \"status\": \"APPROVED\"}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
  }

  @Test
  void deep_nesting_should_be_a_400() throws Exception {
    APIGatewayV2HTTPResponse response = post("{\"scores\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
  }

  @Test
  void invalid_utf8_should_be_refused_not_stored_as_replacement_characters() throws Exception {
    byte[] bytes = "{\"reason\": \"ốm XX\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bytes[bytes.length - 4] = (byte) 0xC0; // an overlong encoding: never valid UTF-8
    bytes[bytes.length - 3] = (byte) 0xAF;
    APIGatewayV2HTTPEvent base64 = event("POST /sample", Base64.getEncoder().encodeToString(bytes), Map.of(), Map.of());
    base64.setIsBase64Encoded(true);

    APIGatewayV2HTTPResponse bytesRefused = call(base64);
    // A gateway that already decoded the body leaves U+FFFD where the bad bytes were.
    APIGatewayV2HTTPResponse textRefused = post("{\"reason\": \"ốm \uFFFD\"}");

    for (APIGatewayV2HTTPResponse response : List.of(bytesRefused, textRefused)) {
      assertProblem(response, 400, "");
      assertThat(json(response).get("detail").asText()).contains("UTF-8");
    }
  }

  private APIGatewayV2HTTPResponse post(String body) {
    return call(event("POST /sample", body, Map.of(), Map.of()));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return function.handleRequest(event, null);
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, String body, Map<String, String> headers,
      Map<String, String> query) {
    APIGatewayV2HTTPEvent event = ApiFunctionTest.event(routeKey, body, headers);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    return event;
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return ApiFunctionTest.json(response);
  }

  /** A 400 problem whose first error has {@code code}, or whose detail is that message. */
  private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String code) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("detail").asText()).isNotBlank();
    JsonNode errors = problem.path("errors");
    assertThat(errors.isEmpty() ? "" : errors.get(0).get("code").asText()).as(response.getBody()).isEqualTo(code);
  }
}
