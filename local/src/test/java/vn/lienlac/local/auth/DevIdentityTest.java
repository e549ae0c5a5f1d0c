package vn.lienlac.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.local.seed.DevUser;

class DevIdentityTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final RSAKey KEY = DevIdentity.loadKey(null);
  private static final DevUser PARENT =
      new DevUser("ph-001", "Trần Thị Mai", "PARENT", "thcs-1", "Trường THCS 1", "a parent");

  private final DevIdentity identity = DevIdentity.create("http://127.0.0.1:3000", KEY, CLOCK);

  private static JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .subject("ph-001")
        .issuer("http://127.0.0.1:3000/dev")
        .audience(DevIdentity.AUDIENCE)
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(600)));
  }

  private void assertRejected(String authorization) {
    ThrowingCallable verify = () -> identity.verify(authorization);
    assertThatThrownBy(verify).isInstanceOf(DevIdentity.Rejected.class);
  }

  @Test
  void an_issued_token_should_verify_with_cognito_id_token_claims() throws Exception {
    DevIdentity.Token token = identity.issue(PARENT, Duration.ofHours(12));

    JWTClaimsSet claims = identity.verify("Bearer " + token.token());

    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(claims.getSubject()).isEqualTo("ph-001");
    assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:3000/dev");
    assertThat(claims.getAudience()).containsExactly("lienlac-local");
    assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
    assertThat(claims.getStringClaim("cognito:username")).isEqualTo("ph-001");
    assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("PARENT");
    assertThat(claims.getStringClaim("name")).isEqualTo("Trần Thị Mai");
    assertThat(claims.getLongClaim("auth_time")).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(SignedJWT.parse(token.token()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
  }

  @Test
  void the_bearer_scheme_should_be_case_insensitive() throws Exception {
    String token = identity.issue(PARENT, Duration.ofMinutes(5)).token();

    assertThat(identity.verify("bearer " + token).getSubject()).isEqualTo("ph-001");
  }

  @Test
  void a_missing_header_should_be_rejected_as_not_presented() {
    for (String missing : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> identity.verify(missing))
          .isInstanceOfSatisfying(DevIdentity.Rejected.class, r -> assertThat(r.presented()).isFalse());
    }
  }

  @Test
  void another_scheme_or_garbage_should_be_rejected_as_presented() {
    String token = identity.issue(PARENT, Duration.ofMinutes(5)).token();

    for (String bad : List.of("Basic dXNlcjpwYXNz", token, "Bearer", "Bearer not.a.jwt", "Bearer abc")) {
      assertThatThrownBy(() -> identity.verify(bad))
          .isInstanceOfSatisfying(DevIdentity.Rejected.class, r -> assertThat(r.presented()).isTrue());
    }
  }

  @Test
  void an_expired_token_should_be_rejected() {
    assertRejected("Bearer " + identity.issue(PARENT, Duration.ofMinutes(-5)).token());
  }

  @Test
  void a_token_not_valid_yet_should_be_rejected() {
    assertRejected("Bearer " + identity.sign(validClaims().notBeforeTime(Date.from(NOW.plusSeconds(600))).build()));
  }

  @Test
  void a_token_within_its_validity_should_pass_the_same_claims_check() throws Exception {
    JWTClaimsSet claims = identity.verify("Bearer " + identity.sign(validClaims().build()));

    assertThat(claims.getSubject()).isEqualTo("ph-001");
  }

  @Test
  void a_wrong_issuer_or_audience_should_be_rejected() {
    assertRejected("Bearer " + identity.sign(validClaims().issuer("https://cognito-idp.example/pool").build()));
    assertRejected("Bearer " + identity.sign(validClaims().audience("someone-else").build()));
    assertRejected("Bearer " + identity.sign(validClaims().subject(null).build()));
  }

  @Test
  void a_token_signed_by_another_key_should_be_rejected_even_with_the_same_key_id() {
    RSAKey other = DevIdentity.loadKey(null);
    DevIdentity impostor = DevIdentity.create("http://127.0.0.1:3000",
        new RSAKey.Builder(other).keyID(KEY.getKeyID()).build(), CLOCK);

    assertRejected("Bearer " + impostor.issue(PARENT, Duration.ofMinutes(5)).token());
  }

  @Test
  void an_unsigned_alg_none_token_should_be_rejected() {
    assertRejected("Bearer " + new PlainJWT(validClaims().build()).serialize());
  }

  @Test
  void an_hs256_token_keyed_with_the_public_key_should_be_rejected() throws Exception {
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
        validClaims().build());
    forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));

    assertRejected("Bearer " + forged.serialize());
  }

  @Test
  void a_kept_key_should_be_the_same_on_the_next_start_and_readable_only_by_its_owner(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("data").resolve(DevIdentity.KEY_FILE);

    RSAKey first = DevIdentity.loadKey(file);
    RSAKey second = DevIdentity.loadKey(file);
    String token = DevIdentity.create("http://x", first, CLOCK).issue(PARENT, Duration.ofMinutes(5)).token();

    assertThat(second).isEqualTo(first);
    assertThat(DevIdentity.create("http://x", second, CLOCK).verify("Bearer " + token).getSubject()).isEqualTo("ph-001");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
  }

  @Test
  void the_published_key_set_should_hold_only_the_public_key() {
    String jwks = identity.publicJwks();

    assertThat(jwks).contains(KEY.getKeyID()).contains("\"n\"").contains("\"e\"");
    assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
  }
}
