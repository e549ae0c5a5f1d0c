package vn.lienlac.functions.identity;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/**
 * A person's push settings in one school: {@code pk = USER#{sub}}, {@code sk = S#{school}#PUSH#SETTINGS};
 * absent means the defaults (quiet hours 21:00-06:30). Copied onto the person's device items.
 */
final class PushSettingsItem extends Item {
  static final String TYPE = "PushSettings";
  static final String KIND = "PUSH_SETTINGS";
  static final TableSchema<PushSettingsItem> SCHEMA = ItemSchema.of(PushSettingsItem.class, PushSettingsItem::new)
      .string("kind", i -> i.kind, (i, v) -> i.kind = v)
      .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
      .string("quietHours", i -> i.quietHours, (i, v) -> i.quietHours = v)
      .attribute(Boolean.class, "detailedPreviews", i -> i.detailedPreviews, (i, v) -> i.detailedPreviews = v)
      .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
      .build();

  String kind;
  String schoolId;
  /** {@code HH:mm-HH:mm}, or {@code off}. */
  String quietHours;
  /** Detailed lock-screen texts (opt-in, docs/PRIVACY.md); absent or false: generic texts. */
  Boolean detailedPreviews;
  String updatedAt;
}
