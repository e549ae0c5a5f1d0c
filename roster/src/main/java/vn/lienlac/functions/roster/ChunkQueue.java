package vn.lienlac.functions.roster;

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
 * The import job's queue ({@code RosterImportQueue}): one message per chunk to apply, sent by the
 * confirmation (chunk 0) and by the worker after each chunk (the next). Unlike domain events, a
 * send that fails is an error for the caller: the confirmation answers 500 and may be repeated,
 * the worker's message is retried (and finds its chunk done).
 */
interface ChunkQueue {
  /** The variable template.yaml sets on the roster functions. */
  String QUEUE_URL = "ROSTER_IMPORT_QUEUE_URL";
  String TYPE = "roster.import.chunk";

  void send(String schoolId, String importId, int chunk, Instant at);

  static ChunkQueue fromEnvironment(Environment env) {
    String url = env.require(QUEUE_URL);
    SqsClient client = Dynamo.configure(SqsClient.builder(), env, SqsEventPublisher.ENDPOINT_VARIABLE).build();
    return (schoolId, importId, chunk, at) -> client.sendMessage(SendMessageRequest.builder().queueUrl(url)
        .messageBody(Json.write(event(schoolId, importId, chunk, at))).build());
  }

  /** The message of one chunk; its id is the same every time this chunk is sent (consumers see duplicates as such). */
  static DomainEvent event(String schoolId, String importId, int chunk, Instant at) {
    return new DomainEvent(importId + "-" + chunk, TYPE, schoolId, at,
        Map.of("importId", importId, "chunk", String.valueOf(chunk)));
  }

  /** No queue (unit tests): confirmations are recorded, nothing runs. */
  static ChunkQueue none() {
    return (schoolId, importId, chunk, at) -> {};
  }
}
