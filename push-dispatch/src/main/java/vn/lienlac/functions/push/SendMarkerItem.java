package vn.lienlac.functions.push;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/**
 * What the dispatcher sent for one event, one item per chunk of at most 500 devices:
 * {@code pk = S#{school}#PUSH#{event}}, {@code sk = CHUNK#{n}}. Claimed with a conditional put
 * ({@code SENDING}, a lease, the chunk's device hashes) before the chunk goes to FCM, then
 * rewritten {@code DONE} with the hashes that were sent or pruned. A redelivered event skips every
 * device of a DONE chunk: nothing is pushed twice; TTL {@code expiresAt} after 7 days.
 */
final class SendMarkerItem extends Item {
  static final String TYPE = "PushSendMarker";
  static final String SENDING = "SENDING";
  static final String DONE = "DONE";
  static final TableSchema<SendMarkerItem> SCHEMA = ItemSchema.of(SendMarkerItem.class, SendMarkerItem::new)
      .string("status", i -> i.status, (i, v) -> i.status = v)
      .string("leaseUntil", i -> i.leaseUntil, (i, v) -> i.leaseUntil = v)
      .strings("devices", i -> i.devices, (i, v) -> i.devices = v)
      .attribute(Long.class, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v)
      .build();

  String status;
  String leaseUntil;
  /** SENDING: the chunk's device hashes; DONE: those sent or pruned (the rest is retried). */
  List<String> devices;
  Long expiresAt;
}
