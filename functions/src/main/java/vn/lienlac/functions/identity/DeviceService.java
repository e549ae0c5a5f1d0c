package vn.lienlac.functions.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.push.Device;
import vn.lienlac.model.push.DeviceRegistration;
import vn.lienlac.model.push.NotificationSettings;

/**
 * Push devices and notification settings of the caller (docs/ARCHITECTURE.md §3, devices). Every
 * write is in the caller's own {@code USER#{sub}} partition, once per school the caller has a grant
 * in; a person with no grant anywhere has nothing here (404, like an unknown resource).
 */
public final class DeviceService {
  /** FCM registration tokens: URL-safe base64 with {@code :} (about 160 characters today; at most 512 here). */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.-]{1,512}");
  private static final Set<String> PLATFORMS = Set.of("android", "ios", "web");
  private static final Set<String> LANGUAGES = Set.of("vi", "en");
  private static final Pattern TIME = Pattern.compile("[0-2][0-9]:[0-5][0-9]");
  /** Only device items may be replaced by a registration (never a grant that would share the key). */
  private static final Expression DEVICE_OR_NEW = Expression.builder()
      .expression("attribute_not_exists(pk) OR kind = :device")
      .expressionValues(Map.of(":device", AttributeValue.fromS(DeviceItem.KIND))).build();
  private static final Expression SETTINGS_OR_NEW = Expression.builder()
      .expression("attribute_not_exists(pk) OR kind = :settings")
      .expressionValues(Map.of(":settings", AttributeValue.fromS(PushSettingsItem.KIND))).build();

  private final DynamoDbTable<DeviceItem> devices;
  private final DynamoDbIndex<DeviceItem> devicesBySchool;
  private final DynamoDbTable<PushSettingsItem> settings;
  private final RosterRepository roster;
  private final Clock clock;

  public DeviceService(Dynamo dynamo, RosterRepository roster, Clock clock) {
    this.devices = dynamo.enhanced().table(dynamo.tableName(), DeviceItem.SCHEMA);
    this.devicesBySchool = devices.index(Keys.GSI1);
    this.settings = dynamo.enhanced().table(dynamo.tableName(), PushSettingsItem.SCHEMA);
    this.roster = roster;
    this.clock = clock;
  }

  /** Whether {@code token} can be an FCM token (the path's {@code {token}} too). */
  public static boolean isToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /**
   * Registers (or refreshes) the caller's device in each of their schools: idempotent, the same
   * token updates its items. A token another account registered before (a phone handed over) is
   * taken from that account, so that its pushes stop reaching this phone.
   */
  public Device register(Caller caller, DeviceRegistration registration) {
    Validation validation = new Validation();
    String token = registration.token();
    if (token == null) {
      validation.add(Violation.of("token", "text.required"));
    } else if (!isToken(token)) {
      validation.add(Violation.of("token", "push.badToken"));
    }
    if (registration.platform() == null || !PLATFORMS.contains(registration.platform())) {
      validation.add(Violation.of("platform", "push.badPlatform", String.valueOf(registration.platform())));
    }
    if (registration.language() == null || !LANGUAGES.contains(registration.language())) {
      validation.add(Violation.of("language", "push.badLanguage", String.valueOf(registration.language())));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    Set<String> schools = schoolsOf(caller);
    Instant now = clock.instant();
    String registeredAt = now.toString();
    for (String schoolId : schools) {
      DeviceItem item = DeviceItem.of(caller.subject(), schoolId, token);
      DeviceItem existing = devices.getItem(GetItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(item.pk).sortValue(item.sk).build()).consistentRead(true).build());
      item.platform = registration.platform();
      item.language = registration.language();
      item.registeredAt = existing != null && existing.registeredAt != null ? existing.registeredAt : now.toString();
      item.lastSeenAt = now.toString();
      List<String> children = caller.grants().stream()
          .filter(g -> g instanceof Caller.ChildGrant c && c.schoolId().equals(schoolId))
          .map(g -> ((Caller.ChildGrant) g).studentId()).sorted().toList();
      Map<String, Student> students = roster.students(schoolId, children);
      Set<String> classIds = new TreeSet<>();
      students.values().forEach(s -> classIds.add(s.classId()));
      Set<String> grades = new TreeSet<>();
      roster.classes(schoolId, classIds).values().forEach(c -> grades.add(String.valueOf(c.grade())));
      item.students = children.isEmpty() ? null : children;
      item.classes = classIds.isEmpty() ? null : List.copyOf(classIds);
      item.grades = grades.isEmpty() ? null : List.copyOf(grades);
      item.quietHours = quietHours(settingsItem(caller.subject(), schoolId));
      devices.putItem(PutItemEnhancedRequest.builder(DeviceItem.class).item(item).conditionExpression(DEVICE_OR_NEW).build());
      if (existing != null) {
        registeredAt = existing.registeredAt;
      }
      takeFromOtherOwners(schoolId, item);
    }
    return new Device(token, registration.platform(), registration.language(), List.copyOf(schools),
        SchoolTime.show(Instant.parse(registeredAt)), SchoolTime.show(now));
  }

  private void takeFromOtherOwners(String schoolId, DeviceItem mine) {
    String prefix = Keys.DEVICE + DeviceItem.hash(mine.token) + "#";
    var query = QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
        Key.builder().partitionValue(Keys.schoolDevices(schoolId)).sortValue(prefix).build())).build();
    for (var page : devicesBySchool.query(query)) {
      for (DeviceItem other : page.items()) {
        if (!other.userId.equals(mine.userId)) {
          devices.deleteItem(Key.builder().partitionValue(other.pk).sortValue(other.sk).build());
        }
      }
    }
  }

  /**
   * Removes the caller's registrations of {@code token} (every school). A token the caller has no
   * registration of (never, or removed already: signed out, pruned as stale) is a 404; the app
   * treats it as done.
   */
  public Device.Removed remove(Caller caller, String token) {
    if (!isToken(token)) {
      throw new ApiException.NotFound();
    }
    int removed = 0;
    for (String schoolId : schoolsOf(caller)) {
      DeviceItem deleted = devices.deleteItem(Key.builder().partitionValue(Keys.user(caller.subject()))
          .sortValue(Keys.device(schoolId, DeviceItem.hash(token))).build());
      if (deleted != null) {
        removed++;
      }
    }
    if (removed == 0) {
      throw new ApiException.NotFound();
    }
    return new Device.Removed(token, removed);
  }

  /**
   * Consent (issue 18): deletes every device a person registered in a school (a guardian who
   * withdrew their last consent there). One Query of their partition, one DeleteItem per device.
   */
  public int removeAllIn(String subject, String schoolId) {
    var query = QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
        Key.builder().partitionValue(Keys.user(subject)).sortValue(Keys.device(schoolId, "")).build()))
        .consistentRead(true).build();
    int removed = 0;
    for (DeviceItem device : devices.query(query).items()) {
      devices.deleteItem(Key.builder().partitionValue(device.pk).sortValue(device.sk).build());
      removed++;
    }
    return removed;
  }

  /** The caller's settings (the same in every school; the defaults until changed). */
  public NotificationSettings settings(Caller caller) {
    PushSettingsItem item = settingsItem(caller.subject(), schoolsOf(caller).iterator().next());
    return view(item == null || item.quietHours == null ? quietHours(null) : item.quietHours);
  }

  /** Changes the settings in every school of the caller, and on each of their devices there. */
  public NotificationSettings updateSettings(Caller caller, NotificationSettings update) {
    Validation validation = new Validation();
    boolean enabled = validation.required("quietHoursEnabled", update.quietHoursEnabled()) != null
        && update.quietHoursEnabled();
    LocalTime start = time(validation, "quietHoursStart", update.quietHoursStart());
    LocalTime end = time(validation, "quietHoursEnd", update.quietHoursEnd());
    if (start != null && start.equals(end)) {
      validation.add(Violation.of("quietHoursEnd", "push.sameTimes"));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    String quiet = enabled ? update.quietHoursStart() + "-" + update.quietHoursEnd() : "off:" + update.quietHoursStart()
        + "-" + update.quietHoursEnd();
    for (String schoolId : schoolsOf(caller)) {
      PushSettingsItem item = new PushSettingsItem();
      item.pk = Keys.user(caller.subject());
      item.sk = Keys.inSchool(schoolId, Keys.PUSH_SETTINGS);
      item.type = PushSettingsItem.TYPE;
      item.kind = PushSettingsItem.KIND;
      item.schoolId = schoolId;
      item.quietHours = quiet;
      item.updatedAt = clock.instant().toString();
      settings.putItem(PutItemEnhancedRequest.builder(PushSettingsItem.class).item(item)
          .conditionExpression(SETTINGS_OR_NEW).build());
      var mine = QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(Key.builder()
          .partitionValue(Keys.user(caller.subject())).sortValue(Keys.device(schoolId, "")).build()))
          .consistentRead(true).build();
      for (DeviceItem device : devices.query(mine).items()) {
        device.quietHours = quietHours(item);
        devices.putItem(PutItemEnhancedRequest.builder(DeviceItem.class).item(device).conditionExpression(DEVICE_OR_NEW).build());
      }
    }
    return view(quiet);
  }

  private PushSettingsItem settingsItem(String subject, String schoolId) {
    return settings.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(Keys.user(subject))
        .sortValue(Keys.inSchool(schoolId, Keys.PUSH_SETTINGS)).build()).consistentRead(true).build());
  }

  /** What a device carries: {@code HH:mm-HH:mm}, or null when quiet hours are off. */
  private static String quietHours(PushSettingsItem item) {
    if (item == null || item.quietHours == null) {
      NotificationSettings d = NotificationSettings.defaults();
      return d.quietHoursStart() + "-" + d.quietHoursEnd();
    }
    return item.quietHours.startsWith("off:") ? null : item.quietHours;
  }

  /** The settings as stored: {@code HH:mm-HH:mm}, or {@code off:HH:mm-HH:mm} (the hours kept for later). */
  private static NotificationSettings view(String quiet) {
    boolean off = quiet.startsWith("off:");
    String[] times = (off ? quiet.substring(4) : quiet).split("-");
    return new NotificationSettings(!off, times[0], times[1]);
  }

  private static LocalTime time(Validation validation, String field, String value) {
    if (value == null) {
      validation.add(Violation.of(field, "text.required"));
      return null;
    }
    try {
      if (TIME.matcher(value).matches()) {
        return LocalTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    validation.add(Violation.of(field, "push.badTime", value));
    return null;
  }

  private static Set<String> schoolsOf(Caller caller) {
    Set<String> schools = caller.schools();
    if (schools.isEmpty()) {
      throw new ApiException.NotFound();
    }
    return schools;
  }
}
