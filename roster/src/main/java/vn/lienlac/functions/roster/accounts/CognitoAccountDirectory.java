package vn.lienlac.functions.roster.accounts;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import vn.lienlac.functions.platform.Environment;

/**
 * Accounts in the Cognito user pool: the username is the E.164 phone, with {@code phone_number}
 * (verified: the school vouches for it) and {@code name}; created by the administrator API with no
 * invitation message ({@code MessageAction=SUPPRESS}), since the first sign-in is a one-time code by
 * SMS. The client is built once per container.
 */
public final class CognitoAccountDirectory implements AccountDirectory {
  /** The user pool id (template.yaml passes {@code !Ref UserPool}). */
  public static final String USER_POOL_ID = "USER_POOL_ID";

  private final CognitoIdentityProviderClient client;
  private final String userPoolId;

  public CognitoAccountDirectory(CognitoIdentityProviderClient client, String userPoolId) {
    this.client = client;
    this.userPoolId = userPoolId;
  }

  /** The pool named by {@value #USER_POOL_ID}, through the UrlConnection HTTP client in Lambda's region. */
  public static CognitoAccountDirectory fromEnvironment(Environment environment) {
    return new CognitoAccountDirectory(CognitoIdentityProviderClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(environment.require("AWS_REGION")))
        .build(), environment.require(USER_POOL_ID));
  }

  /** For tests: the real client against another endpoint (a loopback server that answers like Cognito). */
  public static CognitoAccountDirectory at(URI endpoint, String userPoolId) {
    return new CognitoAccountDirectory(CognitoIdentityProviderClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.AP_SOUTHEAST_1)
        .endpointOverride(endpoint)
        .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))
        .build(), userPoolId);
  }

  @Override
  public String ensure(String phone, String displayName) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }

  @Override
  public Optional<Account> find(String phone) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }

  @Override
  public void disable(String phone) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }

  @Override
  public void enable(String phone) {
    throw new UnsupportedOperationException("being written (h-rfile)");
  }
}
