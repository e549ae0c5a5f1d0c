package vn.lienlac.functions.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened and was committed (a message sent, an announcement published, a grade
 * published, a leave request decided, a payment confirmed). Published through {@link EventPublisher}
 * after the write commits; consumed by {@link SqsFunction}s (the push dispatcher first).
 *
 * <p>The {@code id} is unique per event and stable across redeliveries: consumers deduplicate on
 * it. {@code data} holds ids and flags only (never names, grades or amounts for a lock screen:
 * consumers read what they need with the ids). It is serialised as the SQS message body, as JSON.
 *
 * @param id        unique event id (a ULID from {@code IdGenerator})
 * @param type      one of {@link EventTypes}
 * @param schoolId  the tenant
 * @param occurredAt when the write committed (UTC)
 * @param data      string-valued details, e.g. {@code conversationId}, {@code urgent=true}
 */
public record DomainEvent(String id, String type, String schoolId, Instant occurredAt, Map<String, String> data) {
  public DomainEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A detail, or null. */
  public String get(String key) {
    return data.get(key);
  }
}
