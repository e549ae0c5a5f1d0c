package vn.lienlac.functions.platform;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB table of a function, with its clients: built once per container from the
 * environment.
 *
 * <p>Credentials: in Lambda, from the access-key variables when Lambda sets them, else from the
 * container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), which is what a SnapStart function gets. Fixed
 * local credentials only when the variable {@value #LOCAL_CREDENTIALS} is {@code true}, which the
 * dev stack sets and template.yaml never does: an endpoint override
 * ({@code AWS_ENDPOINT_URL_DYNAMODB}) alone changes where requests go, not who signs them.
 */
public record Dynamo(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {
  /** {@code true}: sign with fixed local credentials (DynamoDB Local accepts any). Dev stack only. */
  public static final String LOCAL_CREDENTIALS = "LIENLAC_LOCAL_CREDENTIALS";
  /**
   * With {@value #LOCAL_CREDENTIALS}: the access key id to sign with (the dev stack gives each
   * function its logical id, which its IAM gate maps to the function's template policy); without
   * it, {@code local}, the stack's unrestricted key. Dev stack only, like the other.
   */
  public static final String LOCAL_ACCESS_KEY_ID = "LIENLAC_LOCAL_ACCESS_KEY_ID";

  public static Dynamo fromEnvironment(Environment env) {
    DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), env, "AWS_ENDPOINT_URL_DYNAMODB");
    return of(builder.build(), env.require("TABLE_NAME"));
  }

  /**
   * How every AWS client of a function is built (DynamoDB here, SQS in {@code platform/events}):
   * the UrlConnection HTTP client, the function's region, the credentials below, and the endpoint
   * override that {@code endpointVariable} names when set (DynamoDB Local, ElasticMQ).
   */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder,
      Environment env, String endpointVariable) {
    builder.httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .credentialsProvider(credentials(env));
    env.optional(endpointVariable).map(URI::create).ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * Lambda's two ways of handing a function its role's credentials, in the order of the SDK's
   * default chain, without the rest of that chain (profile files, instance metadata, web identity):
   * nothing else exists in Lambda, and each costs class loading at cold start.
   */
  public static AwsCredentialsProvider credentials(Environment env) {
    if (env.optional(LOCAL_CREDENTIALS).filter("true"::equals).isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(env.optional(LOCAL_ACCESS_KEY_ID).orElse("local"), "local"));
    }
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create())
        .build();
  }

  public static Dynamo of(DynamoDbClient client, String tableName) {
    return new Dynamo(client, DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), tableName);
  }
}
