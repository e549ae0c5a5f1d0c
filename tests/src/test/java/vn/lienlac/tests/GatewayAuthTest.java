package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.model.i18n.Messages;

/**
 * The dev gateway as API Gateway's JWT authorizer: public routes pass, every other route needs an
 * RS256 token of the local issuer, and whatever is refused answers 401 problem+json before any
 * function runs.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayAuthTest {
  /** Not in the seed: the gateway checks the token, not the directory. */
  private static final DevUser STRANGER =
      new DevUser("test-stranger", "Người Lạ", "PARENT", "no-school", "Không trường", "not seeded");

  private final LocalStack stack;
  private final ApiClient api;

  GatewayAuthTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.api = api;
  }

  private static void assertUnauthenticated(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(response.header("www-authenticate")).startsWith("Bearer");
    assertThat(response.body().path("type").asText()).isEqualTo("https://lienlac.vn/problems/unauthenticated");
    assertThat(response.body().path("status").asInt()).isEqualTo(401);
  }

  /** Claims the gateway would accept if they were signed by its key. */
  private JWTClaimsSet acceptableClaims() {
    Instant now = stack.clock().instant();
    return new JWTClaimsSet.Builder()
        .subject(STRANGER.id())
        .issuer(stack.baseUri() + "/dev")
        .audience("lienlac-local")
        .claim("token_use", "id")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .build();
  }

  private RSAKey publishedKey() throws Exception {
    return JWKSet.parse(api.get("/dev/.well-known/jwks.json").text()).getKeys().getFirst().toRSAKey();
  }

  private static String signed(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer)
      throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  @Test
  void health_should_answer_200_without_a_token() {
    ApiClient.Response response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void missing_token_should_get_401_problem_json() {
    ApiClient.Response response = api.get("/v1/me");

    assertUnauthenticated(response);
    assertThat(response.header("www-authenticate")).isEqualTo("Bearer");
  }

  @Test
  void garbage_token_should_get_401_problem_json() {
    assertUnauthenticated(api.withToken("not-a-jwt").get("/v1/me"));
    assertUnauthenticated(api.withToken("a.b.c").get("/v1/me"));
  }

  @Test
  void a_token_without_the_bearer_scheme_should_get_401_problem_json() {
    String token = stack.issueToken(STRANGER, Duration.ofMinutes(10));

    assertUnauthenticated(api.withAuthorization(token).get("/v1/me"));
    assertUnauthenticated(api.withAuthorization("Basic dXNlcjpwYXNzd29yZA==").get("/v1/me"));
  }

  @Test
  void expired_token_should_get_401_problem_json() {
    String expired = stack.issueToken(STRANGER, Duration.ofMinutes(-10));

    assertUnauthenticated(api.withToken(expired).get("/v1/me"));
  }

  @Test
  void token_signed_by_another_rsa_key_should_get_401_problem_json() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();

    String forged = signed(JWSAlgorithm.RS256, publishedKey().getKeyID(), acceptableClaims(), new RSASSASigner(other));

    assertUnauthenticated(api.withToken(forged).get("/v1/me"));
  }

  @Test
  void alg_none_token_should_get_401_problem_json() {
    String unsigned = new PlainJWT(acceptableClaims()).serialize();

    assertUnauthenticated(api.withToken(unsigned).get("/v1/me"));
  }

  @Test
  void hs256_token_keyed_with_the_public_key_should_get_401_problem_json() throws Exception {
    RSAKey published = publishedKey();

    String forged = signed(JWSAlgorithm.HS256, published.getKeyID(), acceptableClaims(),
        new MACSigner(published.toRSAPublicKey().getEncoded()));

    assertUnauthenticated(api.withToken(forged).get("/v1/me"));
  }

  @Test
  void the_401_should_speak_the_callers_language() {
    ApiClient.Response vietnamese = api.get("/v1/me");
    ApiClient.Response english = api.withLanguage("en-US,en;q=0.9").get("/v1/me");

    assertThat(vietnamese.body().path("title").asText())
        .isEqualTo(Messages.get(Messages.VIETNAMESE, "problem.unauthenticated.title"));
    assertThat(english.body().path("title").asText())
        .isEqualTo(Messages.get(Messages.ENGLISH, "problem.unauthenticated.title"))
        .isNotEqualTo(vietnamese.body().path("title").asText());
    assertThat(english.body().path("detail").asText())
        .isEqualTo(Messages.get(Messages.ENGLISH, "problem.unauthenticated.detail"))
        .isNotEqualTo(vietnamese.body().path("detail").asText());
  }

  @Test
  void a_valid_token_should_get_past_the_gateway() {
    String token = stack.issueToken(STRANGER, Duration.ofMinutes(10));

    ApiClient.Response response = api.withToken(token).get("/v1/me");

    // Past the gateway, the function answers: a signed-in person the directory does not know has no schools.
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.body().path("userId").asText()).isEqualTo(STRANGER.id());
    assertThat(response.body().path("schools")).isEmpty();
  }

  @Test
  void a_token_from_dev_token_should_get_a_demo_user_past_the_gateway() {
    DevUser user = stack.users().getFirst();

    ApiClient.Response issued = api.get("/dev/token?user=" + user.id());
    ApiClient.Response me = api.withToken(issued.body().path("token").asText()).get("/v1/me");

    assertThat(issued.status()).isEqualTo(200);
    assertThat(issued.body().path("tokenType").asText()).isEqualTo("Bearer");
    assertThat(issued.body().path("user").path("id").asText()).isEqualTo(user.id());
    assertThat(me.status()).as(me.text()).isEqualTo(200);
    assertThat(me.body().path("userId").asText()).isEqualTo(user.id());
    assertThat(me.body().path("schools")).isNotEmpty();
  }

  @Test
  void unknown_route_should_get_404_problem_json() {
    ApiClient.Response response = api.get("/v1/no-such-thing");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(response.body().path("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");
  }

  @Test
  void dev_users_should_list_the_seeded_demo_users() {
    ApiClient.Response response = api.get("/dev/users");

    assertThat(stack.users()).isNotEmpty();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Json.MAPPER.valueToTree(stack.users()));
  }

  @Test
  void dev_token_for_an_unknown_user_should_get_404_problem_json() {
    ApiClient.Response response = api.get("/dev/token?user=nobody-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
  }
}
