package vn.lienlac.functions.push;

import com.amazonaws.services.lambda.runtime.Context;
import com.google.firebase.messaging.FirebaseMessaging;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.functions.platform.events.SqsFunction;

/**
 * push-dispatch-fn: domain events from the events queue to FCM ({@link PushDispatcher}). Built
 * once per container: the table, the Firebase app ({@link Fcm}) and the queue client that puts an
 * event back during a family's quiet hours.
 */
public final class PushDispatchFunction extends SqsFunction {
  /** The longest the dispatcher waits in one go for quiet hours to end (SQS allows 900 s). */
  public static final String MAX_DELAY = "PUSH_MAX_DELAY_SECONDS";

  private final PushDispatcher dispatcher;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public PushDispatchFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  /** The local stack's and the tests': the template's variables plus local overrides, and their clock. */
  public PushDispatchFunction(Environment env, Clock clock) {
    this(Dynamo.fromEnvironment(env), Fcm.fromEnvironment(env), requeue(env), clock,
        Duration.ofSeconds(env.optional(MAX_DELAY).map(Long::parseLong).orElse(900L)));
  }

  public PushDispatchFunction(Dynamo dynamo, FirebaseMessaging fcm, PushDispatcher.Deferral deferral, Clock clock,
      Duration maxDelay) {
    this.dispatcher = new PushDispatcher(dynamo, fcm, deferral, clock, maxDelay);
  }

  @Override
  protected void handle(DomainEvent event, Context context) throws Exception {
    PushDispatcher.Outcome outcome = dispatcher.dispatch(event,
        () -> context == null ? 60_000L : context.getRemainingTimeInMillis());
    String line = Json.write(java.util.Map.of("message", "pushed", "eventId", event.id(), "outcome", outcome));
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(line);
    }
  }

  /** Back on the events queue with a delay (SQS DelaySeconds, at most 900). */
  static PushDispatcher.Deferral requeue(Environment env) {
    String queueUrl = env.require(Events.QUEUE_URL);
    SqsClientBuilder builder = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .credentialsProvider(Dynamo.credentials(env));
    env.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
    SqsClient sqs = builder.build();
    return (event, delay) -> sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(event))
        .delaySeconds((int) Math.min(900, Math.max(0, delay.toSeconds()))));
  }
}
