package vn.lienlac.local.dynamo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.local.iam.IamGate;
import vn.lienlac.local.template.SamTemplate;

/**
 * DynamoDB Local (the AWS-published one) in this JVM, on a free loopback port, persisted under a
 * folder or in memory. {@code -sharedDb}: every client sees the same tables whatever its region
 * and credentials, as the handlers and the seed must.
 */
public final class LocalDynamo implements AutoCloseable {
  public static final String REGION = "ap-southeast-1";

  private final DynamoDBProxyServer server;
  private final URI endpoint;
  private final DynamoDbClient client;
  private final IamGate gate;
  private volatile Runnable afterClose = () -> { };

  private LocalDynamo(Started started, URI endpoint, DynamoDbClient client) {
    this.server = started == null ? null : started.server();
    this.gate = started == null ? null : started.gate();
    this.endpoint = endpoint;
    this.client = client;
  }

  /** DynamoDB Local and the IAM gate in front of its handler. */
  private record Started(DynamoDBProxyServer server, IamGate gate) {}

  /** Starts DynamoDB Local; {@code dataDir} null means in memory. */
  public static LocalDynamo start(Path dataDir) {
    // slf4j-simple (Jetty's and the SDK's logs): warnings and errors only, unless asked otherwise.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    List<String> storage = List.of("-inMemory");
    if (dataDir != null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
      }
      storage = List.of("-dbPath", dataDir.toString());
    }
    // The free port is released before DynamoDB Local binds it: another process may take it in
    // between, so try a few.
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
      args.addAll(storage);
      CompletableFuture<Started> server = CompletableFuture.supplyAsync(() -> startServer(args));
      // Meanwhile (about a second each): the client the functions build for themselves, from the
      // same variables.
      Map<String, String> variables = new HashMap<>(environment(endpoint));
      variables.put("TABLE_NAME", "-");
      DynamoDbClient client = Dynamo.fromEnvironment(Environment.of(variables)).client();
      try {
        return new LocalDynamo(server.join(), endpoint, client);
      } catch (CompletionException e) {
        client.close();
        failure = new IllegalStateException(
            "DynamoDB Local did not start on port " + port + ": " + e.getCause().getMessage(), e.getCause());
      }
    }
    throw failure;
  }

  /**
   * A DynamoDB that runs elsewhere, e.g. LocalStack's ({@code LOCALSTACK_ENDPOINT}): nothing is
   * started or stopped here, only the client.
   */
  public static LocalDynamo external(URI endpoint) {
    Map<String, String> variables = new HashMap<>(environment(endpoint));
    variables.put("TABLE_NAME", "-");
    return new LocalDynamo(null, endpoint, Dynamo.fromEnvironment(Environment.of(variables)).client());
  }

  private static Started startServer(List<String> args) {
    try {
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      Server jetty = loopbackOnly(server);
      IamGate gate = new IamGate(jetty.getHandler());
      jetty.setHandler(gate);
      server.start();
      return new Started(server, gate);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * DynamoDB Local's Jetty listens on every interface and offers no option against it; the data is
   * nobody else's business, so its connector is turned to the loopback interface before it starts.
   */
  private static Server loopbackOnly(DynamoDBProxyServer proxy) {
    Server jetty;
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      jetty = (Server) field.get(proxy);
    } catch (ReflectiveOperationException e) {
      // The IAM gate needs the Jetty server too: without it the local stack would not enforce IAM.
      throw new IllegalStateException("DynamoDB Local's Jetty server is out of reach: " + e, e);
    }
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector network) {
        network.setHost(InetAddress.getLoopbackAddress().getHostAddress());
      }
    }
    return jetty;
  }

  /**
   * IAM for the functions' requests from now on ({@link IamGate}): each function signs with its own
   * access key id ({@link #environment(String)}) and gets its template policy. Not available
   * against an external DynamoDB (LocalStack enforces its own IAM, or not).
   */
  public void enforce(IamGate.Enforcement enforcement) {
    if (gate != null) {
      gate.enforce(enforcement);
    }
  }

  /** The gate in front of DynamoDB Local; null for an external DynamoDB. */
  public IamGate gate() {
    return gate;
  }

  /**
   * The variables that point a function at this DynamoDB Local: {@code AWS_REGION} (Lambda sets
   * it), {@code AWS_ENDPOINT_URL_DYNAMODB}, and the dev stack's opt-in to fixed local credentials
   * ({@link Dynamo#LOCAL_CREDENTIALS}; in Lambda the credentials come from the runtime).
   */
  public Map<String, String> environment() {
    return environment(endpoint);
  }

  /**
   * The same for the function {@code principal} (its template logical id): it signs with its own
   * access key id ({@link Dynamo#LOCAL_ACCESS_KEY_ID}), which the IAM gate maps to its policy.
   */
  public Map<String, String> environment(String principal) {
    Map<String, String> variables = new HashMap<>(environment(endpoint));
    variables.put(Dynamo.LOCAL_ACCESS_KEY_ID, principal);
    return variables;
  }

  private static Map<String, String> environment(URI endpoint) {
    return Map.of("AWS_REGION", REGION, "AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString(),
        Dynamo.LOCAL_CREDENTIALS, "true");
  }

  public URI endpoint() {
    return endpoint;
  }

  public DynamoDbClient client() {
    return client;
  }

  public Dynamo table(String tableName) {
    return Dynamo.of(client, tableName);
  }

  /**
   * Creates the table as the template declares it, named by its logical id, on demand billing.
   * Returns false when it already exists (a persisted data folder); its shape is then left alone.
   */
  public boolean createTable(SamTemplate.Table table) {
    var request = CreateTableRequest.builder()
        .tableName(table.logicalId())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(table.attributeTypes().entrySet().stream()
            .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
            .toList())
        .keySchema(keySchema(table.key()));
    if (!table.globalIndexes().isEmpty()) {
      request.globalSecondaryIndexes(table.globalIndexes().stream()
          .map(index -> GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(keySchema(index.key()))
              .projection(Projection.builder()
                  .projectionType(index.projectionType())
                  .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes())
                  .build())
              .build())
          .toList());
    }
    try {
      client.createTable(request.build());
    } catch (ResourceInUseException exists) {
      return false;
    }
    table.timeToLiveAttribute().ifPresent(attribute -> client.updateTimeToLive(ttl -> ttl
        .tableName(table.logicalId())
        .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true))));
    return true;
  }

  private static List<KeySchemaElement> keySchema(SamTemplate.Key key) {
    List<KeySchemaElement> elements = new ArrayList<>();
    elements.add(KeySchemaElement.builder().attributeName(key.hash()).keyType(KeyType.HASH).build());
    if (key.range() != null) {
      elements.add(KeySchemaElement.builder().attributeName(key.range()).keyType(KeyType.RANGE).build());
    }
    return elements;
  }

  /** Runs {@code action} once DynamoDB Local has stopped (e.g. deletes a throwaway data folder). */
  public LocalDynamo afterClose(Runnable action) {
    this.afterClose = action;
    return this;
  }

  @Override
  public void close() {
    client.close();
    if (server == null) {
      return; // external: not ours to stop
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
    } finally {
      afterClose.run();
    }
  }

  /** DynamoDB Local refuses {@code -port 0}: ask the OS for a free port and hand that over. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
