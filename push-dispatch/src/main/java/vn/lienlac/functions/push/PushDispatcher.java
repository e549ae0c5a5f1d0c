package vn.lienlac.functions.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.lienlac.functions.identity.DeviceItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.push.NotificationSettings;

/**
 * One event to FCM (docs/ARCHITECTURE.md §4, push flow): recipients, quiet hours, send markers,
 * chunks of at most 500 through {@code sendEachAsync} (one HTTP request per message, concurrency
 * bounded by the Firebase app's thread pool), token hygiene and bounded retries.
 *
 * <p>DynamoDB calls per event: 1 Query of the event's send markers + the recipient lookup (school
 * scope: one Query page per ~3,000 devices) + 2 PutItems per chunk of 500 (claim, done) + 1
 * DeleteItem per stale token. A school-wide push to 4,500 devices: 1 + 3 + 18 = 22 calls (bench/README.md).
 */
public final class PushDispatcher {
  /** FCM's limit of messages per sendEach. */
  static final int CHUNK = 500;
  private static final int MAX_ROUNDS = 4;
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration MARKER_TTL = Duration.ofDays(7);
  private static final Duration MAX_WAIT = Duration.ofSeconds(10);
  private static final Expression EXISTS = Expression.builder().expression("attribute_exists(pk)").build();

  /** Puts an event back on the queue, to be handled again after {@code delay} (quiet hours). */
  @FunctionalInterface
  public interface Deferral {
    void later(DomainEvent event, Duration delay);
  }

  /** Where the dispatcher waits between retries; tests may count instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final DynamoDbTable<SendMarkerItem> markers;
  private final DynamoDbTable<DeviceItem> devices;
  private final Recipients recipients;
  private final Previews previews;
  private final FirebaseMessaging fcm;
  private final Deferral deferral;
  private final Clock clock;
  private final Duration maxDelay;
  private final Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

  public PushDispatcher(Dynamo dynamo, FirebaseMessaging fcm, Deferral deferral, Clock clock, Duration maxDelay) {
    this.markers = dynamo.enhanced().table(dynamo.tableName(), SendMarkerItem.SCHEMA);
    this.devices = dynamo.enhanced().table(dynamo.tableName(), DeviceItem.SCHEMA);
    this.recipients = new Recipients(dynamo);
    this.previews = new Previews(dynamo);
    this.fcm = fcm;
    this.deferral = deferral;
    this.clock = clock;
    this.maxDelay = maxDelay;
  }

  /** What one pass did (for logs and tests). */
  public record Outcome(int recipients, int sent, int pruned, int skipped, int deferred) {}

  /**
   * Pushes the event to every recipient not pushed yet. Throws when some push could not be made
   * (transient FCM errors after the retries, a send in progress elsewhere, bad event data), so
   * that SQS redelivers the event; the devices already pushed are skipped then.
   */
  public Outcome dispatch(DomainEvent event, LongSupplier remainingMillis) throws Exception {
    List<DeviceItem> all = recipients.of(event);
    if (all.isEmpty()) {
      return new Outcome(0, 0, 0, 0, 0);
    }
    String pk = Keys.pushEvent(event.schoolId(), event.id());
    Instant now = clock.instant();
    Set<String> covered = new HashSet<>();
    int nextChunk = 0;
    for (SendMarkerItem marker : markers.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
        .consistentRead(true).build()).items()) {
      nextChunk = Math.max(nextChunk, Integer.parseInt(marker.sk.substring(Keys.PUSH_CHUNK.length())) + 1);
      if (SendMarkerItem.DONE.equals(marker.status)) {
        covered.addAll(marker.devices);
      } else if (Instant.parse(marker.leaseUntil).isAfter(now)) {
        throw new IllegalStateException("Event " + event.id() + " is being pushed by another invocation");
      }
      // An expired SENDING chunk (a crash mid-send): its devices are pushed again (at least once).
    }
    boolean urgent = EventTypes.ANNOUNCEMENT_PUBLISHED.equals(event.type()) && "true".equals(event.get("urgent"));
    LocalTime local = ZonedDateTime.ofInstant(now, SchoolTime.ZONE).toLocalTime();
    List<DeviceItem> due = new ArrayList<>();
    Duration wait = null;
    int skipped = 0;
    for (DeviceItem device : all) {
      if (covered.contains(DeviceItem.hash(device.token))) {
        skipped++;
        continue;
      }
      Duration quietFor = urgent ? Duration.ZERO : quietFor(device.quietHours, local);
      if (quietFor.isZero()) {
        due.add(device);
      } else {
        wait = wait == null || quietFor.compareTo(wait) < 0 ? quietFor : wait;
      }
    }
    int deferred = all.size() - skipped - due.size();

    List<Chunk> chunks = new ArrayList<>();
    for (int from = 0; from < due.size(); from += CHUNK) {
      Chunk chunk = new Chunk(nextChunk++, due.subList(from, Math.min(due.size(), from + CHUNK)));
      claim(pk, chunk, now);
      chunks.add(chunk);
    }
    // Detailed lock-screen texts only for the devices whose family opted in (read once per event).
    List<DeviceItem> optedIn = due.stream().filter(d -> Boolean.TRUE.equals(d.detailedPreviews)).toList();
    Previews.Details details = optedIn.isEmpty() ? null : previews.of(event,
        optedIn.stream().flatMap(d -> d.students == null ? java.util.stream.Stream.<String>empty() : d.students.stream())
            .collect(java.util.stream.Collectors.toSet()));
    int sent = 0;
    int pruned = 0;
    List<String> failures = new ArrayList<>();
    for (Chunk chunk : chunks) {
      send(event, urgent, details, chunk, remainingMillis);
      done(pk, chunk, now);
      sent += chunk.sent;
      pruned += chunk.pruned.size();
      failures.addAll(chunk.failed);
    }
    if (deferred > 0) {
      Duration delay = wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
      deferral.later(event, delay.isZero() ? Duration.ofSeconds(1) : delay);
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " pushes of " + event.id() + " failed; first: " + failures.get(0));
    }
    return new Outcome(all.size(), sent, pruned, skipped, deferred);
  }

  /** How long until the device's quiet hours end ({@code HH:mm-HH:mm}, school time); zero outside them. */
  static Duration quietFor(String quietHours, LocalTime now) {
    if (quietHours == null) {
      return Duration.ZERO;
    }
    String[] times = quietHours.split("-");
    LocalTime start = LocalTime.parse(times[0]);
    LocalTime end = LocalTime.parse(times[1]);
    if (!NotificationSettings.isQuiet(now, start, end)) {
      return Duration.ZERO;
    }
    Duration until = Duration.between(now, end);
    return until.isNegative() ? until.plusDays(1) : until;
  }

  private final class Chunk {
    final int number;
    final List<DeviceItem> devices;
    final Set<String> delivered = new HashSet<>();
    final List<String> pruned = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    int sent;

    Chunk(int number, List<DeviceItem> devices) {
      this.number = number;
      this.devices = devices;
    }

    String sk() {
      return Keys.PUSH_CHUNK + String.format("%05d", number);
    }
  }

  private void claim(String pk, Chunk chunk, Instant now) {
    SendMarkerItem marker = marker(pk, chunk, now);
    marker.status = SendMarkerItem.SENDING;
    marker.leaseUntil = now.plus(LEASE).toString();
    marker.devices = chunk.devices.stream().map(d -> DeviceItem.hash(d.token)).toList();
    try {
      markers.putItem(PutItemEnhancedRequest.builder(SendMarkerItem.class).item(marker)
          .conditionExpression(Writes.NOT_EXISTS).build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("Chunk " + chunk.number + " of " + pk + " was claimed by another invocation", e);
    }
  }

  private void done(String pk, Chunk chunk, Instant now) {
    SendMarkerItem marker = marker(pk, chunk, now);
    marker.status = SendMarkerItem.DONE;
    marker.leaseUntil = now.toString();
    marker.devices = List.copyOf(chunk.delivered);
    markers.putItem(PutItemEnhancedRequest.builder(SendMarkerItem.class).item(marker).conditionExpression(EXISTS).build());
  }

  private SendMarkerItem marker(String pk, Chunk chunk, Instant now) {
    SendMarkerItem marker = new SendMarkerItem();
    marker.pk = pk;
    marker.sk = chunk.sk();
    marker.type = SendMarkerItem.TYPE;
    marker.expiresAt = now.plus(MARKER_TTL).getEpochSecond();
    return marker;
  }

  /**
   * Sends a chunk; retries UNAVAILABLE, INTERNAL and QUOTA_EXCEEDED with exponential backoff that
   * honours Retry-After (bounded by the invocation's remaining time); prunes stale tokens.
   */
  private void send(DomainEvent event, boolean urgent, Previews.Details details, Chunk chunk,
      LongSupplier remainingMillis) throws Exception {
    List<DeviceItem> pending = chunk.devices;
    Duration backoff = Duration.ofMillis(500);
    for (int round = 1; !pending.isEmpty(); round++) {
      List<Message> messages = pending.stream().map(d -> message(event, urgent, details, d)).toList();
      BatchResponse batch;
      try {
        batch = fcm.sendEachAsync(messages).get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      List<DeviceItem> retry = new ArrayList<>();
      Duration retryAfter = Duration.ZERO;
      List<SendResponse> responses = batch.getResponses();
      for (int i = 0; i < responses.size(); i++) {
        DeviceItem device = pending.get(i);
        SendResponse response = responses.get(i);
        if (response.isSuccessful()) {
          chunk.sent++;
          chunk.delivered.add(DeviceItem.hash(device.token));
          continue;
        }
        FirebaseMessagingException error = response.getException();
        MessagingErrorCode code = error.getMessagingErrorCode();
        if (isStaleToken(error)) {
          devices.deleteItem(Key.builder().partitionValue(device.pk).sortValue(device.sk).build());
          chunk.pruned.add(device.sk);
          chunk.delivered.add(DeviceItem.hash(device.token));
        } else if (isTransient(error)) {
          retry.add(device);
          Duration after = retryAfter(error);
          retryAfter = after.compareTo(retryAfter) > 0 ? after : retryAfter;
        } else {
          chunk.failed.add(device.sk + ": " + (code == null ? error.getErrorCode() : code) + " " + error.getMessage());
        }
      }
      pending = retry;
      if (pending.isEmpty()) {
        break;
      }
      Duration wait = retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
      if (round >= MAX_ROUNDS || wait.compareTo(MAX_WAIT) > 0
          || wait.toMillis() + 5_000 > remainingMillis.getAsLong()) {
        pending.forEach(d -> chunk.failed.add(d.sk + ": transient FCM error, retries exhausted"));
        break;
      }
      sleeper.sleep(wait);
      backoff = backoff.multipliedBy(2);
    }
  }

  /** UNREGISTERED, SENDER_ID_MISMATCH, or INVALID_ARGUMENT about the token: the token is dead. */
  static boolean isStaleToken(FirebaseMessagingException error) {
    MessagingErrorCode code = error.getMessagingErrorCode();
    if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
      return true;
    }
    return code == MessagingErrorCode.INVALID_ARGUMENT
        || (code == null && error.getErrorCode() == com.google.firebase.ErrorCode.INVALID_ARGUMENT)
        ? String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("registration token")
        : false;
  }

  static boolean isTransient(FirebaseMessagingException error) {
    MessagingErrorCode code = error.getMessagingErrorCode();
    if (code == MessagingErrorCode.UNAVAILABLE || code == MessagingErrorCode.INTERNAL
        || code == MessagingErrorCode.QUOTA_EXCEEDED) {
      return true;
    }
    var generic = error.getErrorCode();
    return code == null && (generic == com.google.firebase.ErrorCode.UNAVAILABLE
        || generic == com.google.firebase.ErrorCode.INTERNAL
        || generic == com.google.firebase.ErrorCode.RESOURCE_EXHAUSTED);
  }

  /** The Retry-After header (seconds) of FCM's answer, if any. */
  static Duration retryAfter(FirebaseMessagingException error) {
    if (error.getHttpResponse() == null) {
      return Duration.ZERO;
    }
    for (var header : error.getHttpResponse().getHeaders().entrySet()) {
      if ("retry-after".equalsIgnoreCase(header.getKey())) {
        Object value = header.getValue() instanceof List<?> list && !list.isEmpty() ? list.get(0) : header.getValue();
        try {
          return Duration.ofSeconds(Long.parseLong(String.valueOf(value).strip()));
        } catch (NumberFormatException e) {
          return Duration.ZERO; // an HTTP date: the backoff applies
        }
      }
    }
    return Duration.ZERO;
  }

  private static Message message(DomainEvent event, boolean urgent, Previews.Details details, DeviceItem device) {
    Texts.Text text = Texts.of(event, urgent, device.language,
        Boolean.TRUE.equals(device.detailedPreviews) ? details : null, device.students);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("type", event.type());
    data.put("eventId", event.id());
    data.put("schoolId", event.schoolId());
    for (String id : List.of("announcementId", "conversationId", "messageId", "leaveRequestId", "invoiceId", "classId",
        "studentId")) {
      if (event.get(id) != null) {
        data.put(id, event.get(id));
      }
    }
    return Message.builder()
        .setToken(device.token)
        .setNotification(Notification.builder().setTitle(text.title()).setBody(text.body()).build())
        .putAllData(data)
        .setAndroidConfig(AndroidConfig.builder()
            .setPriority(urgent ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL).build())
        .setApnsConfig(ApnsConfig.builder().putHeader("apns-priority", urgent ? "10" : "5")
            .setAps(Aps.builder().setSound("default").build()).build())
        .build();
  }
}
