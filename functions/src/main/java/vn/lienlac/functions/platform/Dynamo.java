package vn.lienlac.functions.platform;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB table of a function, with its clients: built once per container from the
 * environment. In Lambda the credentials come from the environment Lambda sets; with
 * {@code AWS_ENDPOINT_URL_DYNAMODB} set (DynamoDB Local), fixed local credentials are used.
 */
public record Dynamo(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {

  public static Dynamo fromEnvironment(Environment env) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")));
    var endpoint = env.optional("AWS_ENDPOINT_URL_DYNAMODB");
    AwsCredentialsProvider credentials = endpoint.isPresent()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : EnvironmentVariableCredentialsProvider.create();
    builder.credentialsProvider(credentials);
    endpoint.map(URI::create).ifPresent(builder::endpointOverride);
    return of(builder.build(), env.require("TABLE_NAME"));
  }

  public static Dynamo of(DynamoDbClient client, String tableName) {
    return new Dynamo(client, DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), tableName);
  }
}
