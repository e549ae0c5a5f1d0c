package vn.lienlac.functions.platform.events;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;

/**
 * The domain-event publisher of a deployed function: one SQS {@code SendMessage} per event to
 * {@code EVENTS_QUEUE_URL}, the event as JSON ({@link Json}) in the body. The client is built once
 * per container, as {@link Dynamo} builds DynamoDB's (same HTTP client, region, credentials; the
 * endpoint override is {@value #ENDPOINT_VARIABLE}, ElasticMQ locally).
 *
 * <p>Publishing happens after the write committed and never fails the caller's request: if SQS
 * still refuses after the SDK's retries (and within {@link #CALL_TIMEOUT}), the whole event is
 * logged at ERROR with {@code "message":"event not published"}, so that it can be replayed from the
 * logs. That is a gap (a crash between commit and send loses the event silently); the transactional
 * outbox that would close it is described in docs/ARCHITECTURE.md.
 */
public final class SqsEventPublisher implements EventPublisher {
  /** The endpoint override, as the SDK names it for SQS (ElasticMQ locally; never set in AWS). */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SQS";
  /** The whole publish (the SDK's retries included) may hold a user's request this long at most. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(700);

  private final SqsClient client;
  private final String queueUrl;

  public SqsEventPublisher(SqsClient client, String queueUrl) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  /** The publisher of this environment: {@code EVENTS_QUEUE_URL} required. */
  public static SqsEventPublisher fromEnvironment(Environment env) {
    String queueUrl = env.require(Events.QUEUE_URL);
    SqsClient client = Dynamo.configure(SqsClient.builder(), env, ENDPOINT_VARIABLE)
        .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
        .build();
    return new SqsEventPublisher(client, queueUrl);
  }

  @Override
  public void publish(DomainEvent event) {
    String body = Json.write(event);
    try {
      client.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).build());
    } catch (RuntimeException e) { // SdkException after the retries, or a timeout
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("message", "event not published");
      line.put("eventId", event.id());
      line.put("eventType", event.type());
      line.put("error", String.valueOf(e));
      line.put("event", event); // whole, for a replay
      LambdaRuntime.getLogger().log(Json.write(line), LogLevel.ERROR);
    }
  }

  public String queueUrl() {
    return queueUrl;
  }

  public SqsClient client() {
    return client;
  }
}
