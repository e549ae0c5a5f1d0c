package vn.lienlac.functions.privacy.export;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.privacy.ExportJob;

/**
 * The export job items: {@code USER#{sub}} / {@code EXPORT#{id}} (the job) and {@code USER#{sub}} /
 * {@code EXPORT} (the person's latest job: the guard that makes a second request find the first).
 * Every write is conditional: the job's status moves QUEUED → RUNNING → READY → DOWNLOADED (or FAILED)
 * only from the state it was read in.
 */
public final class ExportJobs {
  static final String TYPE = "ExportJob";
  static final String LATEST_TYPE = "ExportLatest";
  /** How long the job items stay (TTL): the record that an export was made and handed out. */
  static final Duration KEEP = Duration.ofDays(30);
  /** How long a build may hold the job before another attempt may take it over (the worker's timeout is 120 s). */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** A job as stored. */
  public record Job(String subject, String id, ExportJob.Status status, Instant requestedAt, Instant readyAt,
      Instant downloadedAt, String blobKey, Instant leaseUntil, int attempts, String language) {}

  private final DynamoDbClient client;
  private final String table;

  public ExportJobs(Dynamo dynamo) {
    this.client = dynamo.client();
    this.table = dynamo.tableName();
  }

  /** The person's latest job, if any (consistent). */
  public Optional<Job> latest(String subject) {
    return item(subject, Keys.EXPORT_LATEST).flatMap(latest -> job(subject, latest.get("exportId").s()));
  }

  /** One job of the person (consistent); another person's id is simply absent. */
  public Optional<Job> job(String subject, String exportId) {
    return item(subject, Keys.export(exportId)).map(item -> job(subject, item));
  }

  /**
   * Creates a QUEUED job and makes it the latest, unless another request made a newer one meanwhile
   * ({@code previousId}: the latest this request saw, null for none): then false, nothing written.
   */
  public boolean create(String subject, String exportId, String language, Instant now, String previousId) {
    long expires = now.plus(KEEP).getEpochSecond();
    Map<String, AttributeValue> job = new HashMap<>(key(subject, Keys.export(exportId)));
    job.put("type", s(TYPE));
    job.put("kind", s("EXPORT"));
    job.put("exportId", s(exportId));
    job.put("status", s(ExportJob.Status.QUEUED.name()));
    job.put("requestedAt", s(now.toString()));
    job.put("attempts", n(0));
    job.put("language", s(language));
    job.put("expiresAt", n(expires));
    Map<String, AttributeValue> latest = new HashMap<>(key(subject, Keys.EXPORT_LATEST));
    latest.put("type", s(LATEST_TYPE));
    latest.put("kind", s("EXPORT_LATEST"));
    latest.put("exportId", s(exportId));
    latest.put("requestedAt", s(now.toString()));
    latest.put("expiresAt", n(expires));
    Put latestPut = previousId == null
        ? Put.builder().tableName(table).item(latest).conditionExpression("attribute_not_exists(pk)").build()
        : Put.builder().tableName(table).item(latest).conditionExpression("exportId = :previous")
            .expressionAttributeValues(Map.of(":previous", s(previousId))).build();
    try {
      client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(job)
              .conditionExpression(Writes.NOT_EXISTS.expression()).build()).build(),
          TransactWriteItem.builder().put(latestPut).build()).build());
      return true;
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The worker takes the job: QUEUED, or RUNNING with its lease run out (an attempt that died). False when
   * it is not there, another attempt holds it, or it is done.
   */
  public boolean claim(Job job, Instant now) {
    return update(job, "SET #status = :running, leaseUntil = :lease, attempts = attempts + :one",
        "(#status = :queued) OR (#status = :running AND leaseUntil < :now)",
        Map.of(":running", s(ExportJob.Status.RUNNING.name()), ":queued", s(ExportJob.Status.QUEUED.name()),
            ":lease", s(now.plus(LEASE).toString()), ":now", s(now.toString()), ":one", n(1)));
  }

  /** RUNNING → READY, with the archive's key. */
  public boolean ready(Job job, String blobKey, Instant now) {
    return update(job, "SET #status = :ready, readyAt = :now, blobKey = :key REMOVE leaseUntil",
        "#status = :running", Map.of(":ready", s(ExportJob.Status.READY.name()),
            ":running", s(ExportJob.Status.RUNNING.name()), ":now", s(now.toString()), ":key", s(blobKey)));
  }

  /** RUNNING → FAILED (the last attempt). */
  public boolean failed(Job job, String reason) {
    return update(job, "SET #status = :failed, failure = :reason REMOVE leaseUntil", "#status = :running",
        Map.of(":failed", s(ExportJob.Status.FAILED.name()), ":running", s(ExportJob.Status.RUNNING.name()),
            ":reason", s(reason.length() > 200 ? reason.substring(0, 200) : reason)));
  }

  /** READY → DOWNLOADED: the one time the link is handed out. False when another request did it first. */
  public boolean handOut(Job job, Instant now) {
    return update(job, "SET #status = :downloaded, downloadedAt = :now", "#status = :ready",
        Map.of(":downloaded", s(ExportJob.Status.DOWNLOADED.name()), ":ready", s(ExportJob.Status.READY.name()),
            ":now", s(now.toString())));
  }

  /** The archive was deleted from the store (after its link was handed out). */
  public void purged(Job job, Instant now) {
    update(job, "SET purgedAt = :now", "attribute_exists(pk)", Map.of(":now", s(now.toString())));
  }

  private boolean update(Job job, String expression, String condition, Map<String, AttributeValue> values) {
    try {
      client.updateItem(UpdateItemRequest.builder().tableName(table).key(key(job.subject(), Keys.export(job.id())))
          .updateExpression(expression).conditionExpression(condition)
          .expressionAttributeNames(expression.contains("#status") || condition.contains("#status")
              ? Map.of("#status", "status") : null)
          .expressionAttributeValues(values).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private Optional<Map<String, AttributeValue>> item(String subject, String sk) {
    var item = client.getItem(GetItemRequest.builder().tableName(table).key(key(subject, sk)).consistentRead(true)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static Job job(String subject, Map<String, AttributeValue> item) {
    return new Job(subject, item.get("exportId").s(), ExportJob.Status.valueOf(item.get("status").s()),
        instant(item, "requestedAt"), instant(item, "readyAt"), instant(item, "downloadedAt"), text(item, "blobKey"),
        instant(item, "leaseUntil"), item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
        item.containsKey("language") ? item.get("language").s() : "vi");
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static Map<String, AttributeValue> key(String subject, String sk) {
    return Map.of(Keys.PK, s(Keys.user(subject)), Keys.SK, s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
