package vn.lienlac.functions.identity;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;
import vn.lienlac.functions.platform.Keys;

/**
 * A push device of a person in one school: {@code pk = USER#{sub}},
 * {@code sk = S#{school}#DEVICE#{sha256(token)}}; one item per school of the person, so that the
 * tenant is in the key. In gsi1 as {@code S#{school}#DEVICES} / {@code DEVICE#{sha256}#{sub}}: the
 * school-wide recipient lookup of the dispatcher (one paged Query, not one per pupil) and the
 * token's previous owners (a phone handed to another account).
 *
 * <p>Denormalised for the dispatcher, refreshed at every registration (the app registers at each
 * start): {@code students} (the person's children in the school), {@code classes} and
 * {@code grades} (theirs), and {@code quietHours} ({@code HH:mm-HH:mm}, absent when off) copied from
 * the person's settings. {@code kind = DEVICE}: the directory's reader ignores it (not a grant).
 */
public final class DeviceItem extends Item {
  public static final String TYPE = "Device";
  public static final String KIND = "DEVICE";
  public static final TableSchema<DeviceItem> SCHEMA = ItemSchema.of(DeviceItem.class, DeviceItem::new)
      .string("kind", i -> i.kind, (i, v) -> i.kind = v)
      .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
      .string("userId", i -> i.userId, (i, v) -> i.userId = v)
      .string("token", i -> i.token, (i, v) -> i.token = v)
      .string("platform", i -> i.platform, (i, v) -> i.platform = v)
      .string("language", i -> i.language, (i, v) -> i.language = v)
      .strings("students", i -> i.students, (i, v) -> i.students = v)
      .strings("classes", i -> i.classes, (i, v) -> i.classes = v)
      .strings("grades", i -> i.grades, (i, v) -> i.grades = v)
      .string("quietHours", i -> i.quietHours, (i, v) -> i.quietHours = v)
      .attribute(Boolean.class, "detailedPreviews", i -> i.detailedPreviews, (i, v) -> i.detailedPreviews = v)
      .string("registeredAt", i -> i.registeredAt, (i, v) -> i.registeredAt = v)
      .string("lastSeenAt", i -> i.lastSeenAt, (i, v) -> i.lastSeenAt = v)
      .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
      .build();

  public String kind;
  public String schoolId;
  public String userId;
  public String token;
  public String platform;
  public String language;
  public List<String> students;
  public List<String> classes;
  public List<String> grades;
  public String quietHours;
  /** The family opted in to detailed lock-screen texts (grades, amounts, names); absent: generic texts. */
  public Boolean detailedPreviews;
  public String registeredAt;
  public String lastSeenAt;
  public String gsi1pk;
  public String gsi1sk;

  /** Lower-case hex SHA-256 of the token: the key never holds the token itself. */
  public static String hash(String token) {
    return Hashes.sha256(token);
  }

  /** A new item with its keys. */
  public static DeviceItem of(String subject, String schoolId, String token) {
    DeviceItem item = new DeviceItem();
    String hash = hash(token);
    item.pk = Keys.user(subject);
    item.sk = Keys.device(schoolId, hash);
    item.type = TYPE;
    item.kind = KIND;
    item.schoolId = schoolId;
    item.userId = subject;
    item.token = token;
    item.gsi1pk = Keys.schoolDevices(schoolId);
    item.gsi1sk = Keys.deviceInSchool(hash, subject);
    return item;
  }

  /** The person's children in the school, none for staff and teachers. */
  public boolean isGuardian() {
    return students != null && !students.isEmpty();
  }
}
