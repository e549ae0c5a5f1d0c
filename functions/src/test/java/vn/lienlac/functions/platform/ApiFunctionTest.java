package vn.lienlac.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.common.Violation;

class ApiFunctionTest {

  record Draft(LocalDate day, BigDecimal score, List<String> tags) {}

  /** A function with one route of each kind of outcome. */
  static final class SampleFunction extends ApiFunction {
    SampleFunction() {
      on("POST /echo", request -> ApiResponse.ok(request.body(Draft.class)));
      on("GET /whoami", request -> ApiResponse.ok(Map.of("sub", request.subject())));
      on("GET /invalid", request -> {
        throw new ApiException.Invalid(List.of(Violation.of("rows/2/midterm", "text.tooLong", 5, 7)));
      });
      on("GET /receipt", request -> ApiResponse.binary(new byte[] {'%', 'P', 'D', 'F', (byte) 0xE2},
          "application/pdf", Map.of("content-disposition", "attachment; filename=receipt.pdf")));
      on("GET /broken", request -> {
        throw new IllegalStateException("secret table name lienlac-prod-xyz");
      });
    }
  }

  private final SampleFunction function = new SampleFunction();

  @Test
  void echo_should_read_json_with_exact_decimals() throws Exception {
    APIGatewayV2HTTPResponse response = call("POST /echo", "{\"day\":\"2026-11-23\",\"score\":8.1,\"tags\":[]}", Map.of());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).get("score").decimalValue()).isEqualByComparingTo("8.1");
    assertThat(json(response).get("day").asText()).isEqualTo("2026-11-23");
  }

  @Test
  void malformed_json_should_be_a_400_problem_naming_the_position() throws Exception {
    APIGatewayV2HTTPResponse response = call("POST /echo", "{\"day\": ", Map.of());

    assertProblem(response, 400, "bad-request");
    assertThat(json(response).get("detail").asText()).contains("JSON").contains("dòng 1");
  }

  @Test
  void unknown_field_should_be_a_400_naming_the_field_in_english_when_asked() throws Exception {
    APIGatewayV2HTTPResponse response = call("POST /echo", "{\"dya\":\"2026-11-23\"}", Map.of("accept-language", "en"));

    assertProblem(response, 400, "bad-request");
    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("request.unknownField");
    assertThat(error.get("message").asText()).isEqualTo("There is no field \"dya\"; check its name.");
  }

  @Test
  void wrong_type_should_say_what_was_expected_and_where() throws Exception {
    APIGatewayV2HTTPResponse response = call("POST /echo", "{\"day\":\"23/11/2026\"}", Map.of());

    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("day");
    assertThat(error.get("message").asText()).contains("YYYY-MM-DD");
  }

  @Test
  void non_json_body_should_be_415() throws Exception {
    var event = event("POST /echo", "day=2026-11-23", Map.of("content-type", "application/x-www-form-urlencoded"));

    assertProblem(function.handleRequest(event, null), 415, "unsupported-media-type");
  }

  @Test
  void validation_problem_should_list_each_field_in_vietnamese_by_default() throws Exception {
    APIGatewayV2HTTPResponse response = call("GET /invalid", null, Map.of());

    assertProblem(response, 422, "validation");
    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("rows/2/midterm");
    assertThat(error.get("message").asText()).isEqualTo("Quá dài: tối đa 5 ký tự (hiện có 7).");
  }

  @Test
  void an_internal_failure_should_be_a_500_that_reveals_nothing_but_the_request_id() throws Exception {
    APIGatewayV2HTTPResponse response = call("GET /broken", null, Map.of());

    assertProblem(response, 500, "internal");
    assertThat(response.getBody()).doesNotContain("lienlac-prod-xyz").doesNotContain("IllegalStateException")
        .contains("req-1");
  }

  @Test
  void a_binary_answer_should_go_out_base64_encoded_as_api_gateway_expects() {
    APIGatewayV2HTTPResponse response = call("GET /receipt", null, Map.of());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getIsBase64Encoded()).isTrue();
    assertThat(java.util.Base64.getDecoder().decode(response.getBody())).containsExactly('%', 'P', 'D', 'F', 0xE2);
    assertThat(response.getHeaders()).containsEntry("content-type", "application/pdf")
        .containsEntry("content-disposition", "attachment; filename=receipt.pdf");
  }

  @Test
  void missing_claims_should_be_401_and_an_unknown_route_404() throws Exception {
    assertProblem(call("GET /whoami", null, Map.of()), 401, "unauthenticated");
    assertProblem(call("DELETE /nothing", null, Map.of()), 404, "not-found");
  }

  @Test
  void claims_from_the_authorizer_should_name_the_caller() throws Exception {
    var event = event("GET /whoami", null, Map.of());
    var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(Map.of("sub", "nt-ph-001"));
    var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    event.getRequestContext().setAuthorizer(authorizer);

    assertThat(json(function.handleRequest(event, null)).get("sub").asText()).isEqualTo("nt-ph-001");
  }

  private APIGatewayV2HTTPResponse call(String routeKey, String body, Map<String, String> headers) {
    return function.handleRequest(event(routeKey, body, headers), null);
  }

  static APIGatewayV2HTTPEvent event(String routeKey, String body, Map<String, String> headers) {
    Map<String, String> allHeaders = new HashMap<>(Map.of("content-type", "application/json"));
    allHeaders.putAll(headers);
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setRequestId("req-1");
    context.setRouteKey(routeKey);
    var event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(routeKey);
    event.setRawPath(routeKey.substring(routeKey.indexOf(' ') + 1));
    event.setHeaders(allHeaders);
    event.setBody(body);
    event.setRequestContext(context);
    return event;
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText()).isEqualTo("https://lienlac.vn/problems/" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
  }
}
