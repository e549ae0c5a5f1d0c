package vn.lienlac.functions.accounts;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
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
    try {
      List<AttributeType> created = client.adminCreateUser(r -> r
          .userPoolId(userPoolId)
          .username(phone)
          .userAttributes(displayName == null || displayName.isBlank()
              ? List.of(attribute("phone_number", phone), attribute("phone_number_verified", "true"))
              : List.of(attribute("phone_number", phone), attribute("phone_number_verified", "true"),
                  attribute("name", displayName)))
          .messageAction(MessageActionType.SUPPRESS)).user().attributes();
      return value(created, "sub").orElseGet(() -> sub(get(phone)));
    } catch (UsernameExistsException exists) {
      return sub(get(phone));
    }
  }

  @Override
  public Optional<Account> find(String phone) {
    try {
      AdminGetUserResponse user = get(phone);
      return Optional.of(new Account(sub(user), phone, value(user.userAttributes(), "name").orElse(null),
          Boolean.TRUE.equals(user.enabled())));
    } catch (UserNotFoundException absent) {
      return Optional.empty();
    }
  }

  @Override
  public void disable(String phone) {
    try {
      client.adminDisableUser(r -> r.userPoolId(userPoolId).username(phone));
    } catch (UserNotFoundException absent) {
      // nothing to disable
    }
  }

  @Override
  public void enable(String phone) {
    try {
      client.adminEnableUser(r -> r.userPoolId(userPoolId).username(phone));
    } catch (UserNotFoundException absent) {
      // nothing to enable
    }
  }

  @Override
  public void delete(String phone) {
    try {
      client.adminDeleteUser(r -> r.userPoolId(userPoolId).username(phone));
    } catch (UserNotFoundException absent) {
      // already deleted (an erasure run again)
    }
  }

  private AdminGetUserResponse get(String phone) {
    return client.adminGetUser(r -> r.userPoolId(userPoolId).username(phone));
  }

  private static String sub(AdminGetUserResponse user) {
    return value(user.userAttributes(), "sub")
        .orElseThrow(() -> new IllegalStateException("Cognito user without a sub attribute"));
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static Optional<String> value(List<AttributeType> attributes, String name) {
    return attributes.stream().filter(a -> name.equals(a.name())).map(AttributeType::value).findFirst();
  }
}
