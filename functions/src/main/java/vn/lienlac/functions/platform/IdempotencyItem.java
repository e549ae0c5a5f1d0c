package vn.lienlac.functions.platform;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * {@code sk = IDEMPOTENCY#{sha256(sub, key)}}: which resource an {@code Idempotency-Key} created, so
 * that a retried POST returns it instead of creating another. Written in the same transaction as
 * the resource (conditional put); expires (TTL {@code expiresAt}) after a day. The partition and
 * {@code type} are the feature's (a leave request's pupil; the school's announcements).
 */
public final class IdempotencyItem extends Item {
  public static final TableSchema<IdempotencyItem> SCHEMA = ItemSchema.of(IdempotencyItem.class, IdempotencyItem::new)
      .string("resourceId", i -> i.resourceId, (i, v) -> i.resourceId = v)
      .string("fingerprint", i -> i.fingerprint, (i, v) -> i.fingerprint = v)
      .attribute(Long.class, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v)
      .build();

  public String resourceId;
  public String fingerprint;
  public Long expiresAt;
}
