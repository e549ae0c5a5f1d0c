package vn.lienlac.local.events;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.events.SqsEventPublisher;
import vn.lienlac.local.template.SamTemplate;

/**
 * SQS on this machine: ElasticMQ in-process on 127.0.0.1 (a free port), with the queues of a
 * template created as CloudFormation would create them (visibility timeout, retention, redrive
 * policy to the dead-letter queue's ARN). Queues are named by their logical id.
 */
public final class LocalSqs implements AutoCloseable {
  public static final String REGION = "ap-southeast-1";
  public static final String ACCOUNT = "000000000000";

  private final SQSRestServer server;
  private final URI endpoint;
  private final SqsClient client;
  private final Map<String, String> urls = new LinkedHashMap<>();
  private final Map<String, String> arns = new LinkedHashMap<>();
  private final List<String> deadLetterQueues = new ArrayList<>();

  private LocalSqs(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
    this.client = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(endpoint)
        .build();
  }

  /** Starts ElasticMQ on a free loopback port; returns once it serves. */
  public static LocalSqs start() {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0)
        .withAWSRegion(REGION).withAWSAccountId(ACCOUNT).start();
    try {
      InetSocketAddress address = server.waitUntilStarted().localAddress();
      return new LocalSqs(server, URI.create("http://127.0.0.1:" + address.getPort()));
    } catch (RuntimeException | Error e) {
      server.stopAndWait();
      throw e;
    }
  }

  /** Creates the template's queues, dead-letter queues first (a redrive policy names an existing ARN). */
  public void createQueues(List<SamTemplate.Queue> queues) {
    List<SamTemplate.Queue> ordered = new ArrayList<>(queues);
    ordered.sort((a, b) -> Boolean.compare(a.redrive().isPresent(), b.redrive().isPresent()));
    for (SamTemplate.Queue queue : ordered) {
      Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
      attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
      attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(queue.messageRetentionSeconds()));
      queue.redrive().ifPresent(redrive -> {
        String target = arns.get(redrive.deadLetterQueue());
        if (target == null) {
          throw new IllegalStateException(queue.logicalId() + ": its dead-letter queue " + redrive.deadLetterQueue()
              + " is not an AWS::SQS::Queue of the template");
        }
        attributes.put(QueueAttributeName.REDRIVE_POLICY,
            "{\"deadLetterTargetArn\":\"" + target + "\",\"maxReceiveCount\":" + redrive.maxReceiveCount() + "}");
        deadLetterQueues.add(redrive.deadLetterQueue());
      });
      String url = client.createQueue(r -> r.queueName(queue.logicalId()).attributes(attributes)).queueUrl();
      GetQueueAttributesResponse created = client.getQueueAttributes(r -> r.queueUrl(url)
          .attributeNames(QueueAttributeName.QUEUE_ARN));
      urls.put(queue.logicalId(), url);
      arns.put(queue.logicalId(), created.attributes().get(QueueAttributeName.QUEUE_ARN));
    }
  }

  /** The queue URL of a template queue, or null. */
  public String url(String logicalId) {
    return urls.get(logicalId);
  }

  /** The queue ARN of a template queue, or null. */
  public String arn(String logicalId) {
    return arns.get(logicalId);
  }

  /** Queue URLs by logical id, in creation order. */
  public Map<String, String> urls() {
    return Collections.unmodifiableMap(urls);
  }

  /** The logical ids of the queues some redrive policy targets. */
  public List<String> deadLetterQueues() {
    return List.copyOf(deadLetterQueues);
  }

  public URI endpoint() {
    return endpoint;
  }

  public SqsClient client() {
    return client;
  }

  /** What a function needs to reach these queues: the endpoint override, and fixed local credentials. */
  public Map<String, String> environment() {
    return Map.of(SqsEventPublisher.ENDPOINT_VARIABLE, endpoint.toString(), Dynamo.LOCAL_CREDENTIALS, "true",
        "AWS_REGION", REGION);
  }

  /** Messages visible, in flight (received, not deleted) and delayed, by the queue's own counts. */
  public long depth(String logicalId) {
    Map<QueueAttributeName, String> counts = client.getQueueAttributes(r -> r.queueUrl(urls.get(logicalId))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return counts.values().stream().mapToLong(Long::parseLong).sum();
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.stopAndWait();
    }
  }
}
