package vn.lienlac.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.auth.DevIdentity;
import vn.lienlac.local.seed.DevUser;

/** Events are written as API Gateway writes payload format 2.0, not as the events library would. */
class ApiGatewayEventTest {
  private static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

  @Test
  void a_write_should_carry_lower_case_headers_string_claims_cookies_and_a_base64_body() throws Exception {
    DevIdentity identity = DevIdentity.create("http://127.0.0.1:1", DevIdentity.loadKey(null), Clock.fixed(NOW, ZoneOffset.UTC));
    DevUser teacher = new DevUser("nt-gv-01", "Cô Lan", "teacher", "thcs-nguyen-trai", "THCS Nguyễn Trãi", "");
    String token = identity.issue(teacher, Duration.ofHours(1)).token();

    JsonNode event = Json.MAPPER.readTree(ApiGatewayEvent.of("PUT", "/v1/classes/{classId}/gradebook/{subject}/{term}")
        .path("classId", "nt-2026-6a1").path("subject", "toan").path("term", "2026-2027-HK1")
        .query("x", "a b").header("Accept-Language", "en").cookie("lang=en").bearer(token)
        .json("{\"rows\":[]}").toJson(NOW));

    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("PUT /v1/classes/{classId}/gradebook/{subject}/{term}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/v1/classes/nt-2026-6a1/gradebook/toan/2026-2027-HK1");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("x=a%20b");
    assertThat(event.get("queryStringParameters").get("x").asText()).isEqualTo("a b");
    assertThat(event.get("cookies").get(0).asText()).isEqualTo("lang=en");
    event.get("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    assertThat(event.get("headers").get("accept-language").asText()).isEqualTo("en");
    assertThat(event.get("headers").get("authorization").asText()).isEqualTo("Bearer " + token);
    JsonNode context = event.get("requestContext");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("http").get("method").asText()).isEqualTo("PUT");
    assertThat(context.get("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(context.get("time").asText()).isEqualTo("25/Nov/2026:21:00:00 +0000");
    JsonNode claims = context.get("authorizer").get("jwt").get("claims");
    claims.fields().forEachRemaining(claim -> assertThat(claim.getValue().isTextual()).as(claim.getKey()).isTrue());
    assertThat(claims.get("sub").asText()).isEqualTo("nt-gv-01");
    assertThat(claims.get("cognito:groups").asText()).isEqualTo("[teacher]");
    assertThat(claims.get("exp").asText()).isEqualTo(Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(event.get("body").asText()), StandardCharsets.UTF_8))
        .isEqualTo("{\"rows\":[]}");
  }

  @Test
  void a_public_get_should_have_no_authorizer_no_body_and_no_parameters() throws Exception {
    JsonNode event = Json.MAPPER.readTree(ApiGatewayEvent.of("GET", "/health").toJson(NOW));

    assertThat(event.get("requestContext").has("authorizer")).isFalse();
    assertThat(event.has("body")).isFalse();
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.has("pathParameters")).isFalse();
    assertThat(event.has("queryStringParameters")).isFalse();
    assertThat(event.get("rawQueryString").asText()).isEmpty();
  }
}
