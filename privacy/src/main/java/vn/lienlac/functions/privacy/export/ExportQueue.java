package vn.lienlac.functions.privacy.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.SqsEventPublisher;

/**
 * The export job's queue ({@code ExportQueue}): one message to build a job's archive (sent by
 * {@code POST /v1/me/export}), and one delayed message to purge its blob once its link was handed
 * out ({@link #PURGE}). Unlike domain events, a send that fails is an error for the caller (the
 * request answers 500 and may be repeated: the same job is found and its message sent again).
 */
public interface ExportQueue {
  /** The variable template.yaml sets on the privacy functions. */
  String QUEUE_URL = "EXPORT_QUEUE_URL";
  String BUILD = "privacy.export.build";
  String PURGE = "privacy.export.purge";

  /** {@code delay} zero: now; at most 15 minutes (SQS's limit). */
  void send(DomainEvent message, Duration delay);

  static ExportQueue fromEnvironment(Environment env) {
    String url = env.require(QUEUE_URL);
    SqsClient client = Dynamo.configure(SqsClient.builder(), env, SqsEventPublisher.ENDPOINT_VARIABLE).build();
    return (message, delay) -> client.sendMessage(SendMessageRequest.builder().queueUrl(url)
        .messageBody(Json.write(message)).delaySeconds((int) delay.toSeconds()).build());
  }

  /**
   * A job's message: the job's owner (the {@code sub}) and id; {@code schoolId} is {@code -}, an export is a
   * person's, across schools. The same id every time (consumers see a duplicate as such).
   */
  static DomainEvent message(String type, String subject, String exportId, Instant at) {
    return new DomainEvent(exportId + (PURGE.equals(type) ? "-purge" : ""), type, "-", at,
        Map.of("sub", subject, "exportId", exportId));
  }

  /** No queue (unit tests): a requested export waits. */
  static ExportQueue none() {
    return (message, delay) -> {};
  }
}
