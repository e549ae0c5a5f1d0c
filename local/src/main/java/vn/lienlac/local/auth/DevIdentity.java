package vn.lienlac.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.lienlac.local.seed.DevUser;

/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer: signs RS256 tokens shaped like
 * a Cognito ID token and verifies them as the authorizer would (RS256 only, signature, issuer,
 * audience, expiry, not-before). The key is kept as a JWK file so that tokens survive restarts.
 */
public final class DevIdentity {
  public static final String AUDIENCE = "lienlac-local";
  public static final String KEY_FILE = "dev-signing-key.jwk.json";
  private static final String BEARER = "Bearer ";

  private final RSAKey key;
  private final String issuer;
  private final Clock clock;
  private final RSASSASigner signer;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** A signed token and when it stops being valid. */
  public record Token(String token, Instant expiresAt) {}

  /** Why a request has no verified caller; {@code presented} is false when no token came at all. */
  public static final class Rejected extends Exception {
    private final boolean presented;

    Rejected(boolean presented, String reason) {
      super(reason, null, false, false);
      this.presented = presented;
    }

    public boolean presented() {
      return presented;
    }
  }

  private DevIdentity(RSAKey key, String issuer, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("Unusable signing key", e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        AUDIENCE,
        new JWTClaimsSet.Builder().issuer(issuer).build(),
        Set.of("sub", "iat", "exp")) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** The issuer {@code <baseUrl>/dev}, signing with {@code key} ({@link #loadKey}). */
  public static DevIdentity create(String baseUrl, RSAKey key, Clock clock) {
    return new DevIdentity(key, baseUrl + "/dev", clock);
  }

  /**
   * The signing key kept in {@code keyFile} (created on first use), or a fresh one that lives only
   * in memory when {@code keyFile} is null.
   */
  public static RSAKey loadKey(Path keyFile) {
    return keyFile == null ? generate() : loadOrCreate(keyFile);
  }

  public String issuer() {
    return issuer;
  }

  /** The public key as a JWK Set document, as Cognito publishes it. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A token for the user valid for {@code ttl} from now; a negative ttl gives an expired one. */
  public Token issue(DevUser user, Duration ttl) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    Instant issued = ttl.isNegative() ? expires.minus(Duration.ofHours(1)) : now;
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(user.id())
        .issuer(issuer)
        .audience(AUDIENCE)
        .claim("token_use", "id")
        .claim("auth_time", issued.getEpochSecond())
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .claim("cognito:username", user.id())
        .claim("cognito:groups", List.of(user.role()))
        .claim("name", user.displayName())
        .build();
    return new Token(sign(claims), expires);
  }

  /** Any claims, signed RS256 with this issuer's key (tests use it for edge cases). */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
        claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
    return jwt.serialize();
  }

  /** The verified claims of an {@code Authorization: Bearer <jwt>} header value. */
  public JWTClaimsSet verify(String authorization) throws Rejected {
    if (authorization == null || authorization.isBlank()) {
      throw new Rejected(false, "no Authorization header");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new Rejected(true, "not a Bearer token");
    }
    try {
      return processor.process(authorization.substring(BEARER.length()).trim(), null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new Rejected(true, e.getMessage());
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private static RSAKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      RSAKey key = generate();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
      restrictToOwner(temporary);
      Files.writeString(temporary, key.toJSONString());
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the dev signing key in " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException(file + " is not an RSA JWK; delete it to get a new key", e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
