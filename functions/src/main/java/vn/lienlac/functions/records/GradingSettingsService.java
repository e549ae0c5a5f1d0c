package vn.lienlac.functions.records;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.records.YearItems.GradingSettingsAuditItem;
import vn.lienlac.functions.records.YearItems.GradingSettingsItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.records.SchoolGradingSettings;
import vn.lienlac.model.records.grading.GradingSettings;

/**
 * A school's grading settings (the unconfirmed points of Circulars 22 and 27, {@link GradingSettings}):
 * one item in the school's partition, the documented defaults while it is absent. Staff change it;
 * every change leaves an audit item in the same transaction.
 */
public final class GradingSettingsService {
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<GradingSettingsItem> settings;
  private final DynamoDbTable<GradingSettingsAuditItem> audit;
  private final Clock clock;

  public GradingSettingsService(Dynamo dynamo, Clock clock) {
    this.enhanced = dynamo.enhanced();
    this.settings = enhanced.table(dynamo.tableName(), GradingSettingsItem.SCHEMA);
    this.audit = enhanced.table(dynamo.tableName(), GradingSettingsAuditItem.SCHEMA);
    this.clock = clock;
  }

  /** The settings the school's grading uses: its saved ones, or {@link GradingSettings#DEFAULTS}. One GetItem. */
  public GradingSettings of(String schoolId) {
    GradingSettingsItem item = load(schoolId);
    return item == null ? GradingSettings.DEFAULTS : settingsOf(item);
  }

  public SchoolGradingSettings view(School school) {
    return view(school, load(school.id()));
  }

  /**
   * Replaces the school's settings: every value present and within its range (422 naming each bad
   * one, nothing written), the version the caller read (409 when stale). Saving the same values
   * again changes nothing.
   */
  public SchoolGradingSettings update(Caller caller, School school, SchoolGradingSettings.Update update,
      String requestId) {
    Validation validation = new Validation();
    Integer comment = validation.required("commentRegularCount", update.commentRegularCount());
    Integer testMin = validation.required("primaryTestScoreMin", update.primaryTestScoreMin());
    Integer completed = validation.required("primaryCompletedMinTest", update.primaryCompletedMinTest());
    validation.version("version", update.version());
    if (comment != null && testMin != null && completed != null) {
      GradingSettings.check(comment, testMin, completed).forEach(validation::add);
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    GradingSettingsItem before = load(school.id());
    long storedVersion = before == null ? 0 : before.version;
    if (update.version() != null && update.version() != storedVersion) {
      throw new ApiException.Conflict(storedVersion, "records.settingsChangedMeanwhile");
    }
    GradingSettings after = new GradingSettings(comment, testMin, completed);
    if (before != null && settingsOf(before).equals(after)) {
      return view(school, before);
    }
    Instant now = clock.instant();
    GradingSettingsItem item = new GradingSettingsItem();
    item.pk = Keys.school(school.id());
    item.sk = Keys.GRADING_SETTINGS;
    item.type = GradingSettingsItem.TYPE;
    item.schoolId = school.id();
    item.commentRegularCount = comment;
    item.primaryTestScoreMin = testMin;
    item.primaryCompletedMinTest = completed;
    item.updatedBy = caller.subject();
    item.updatedAt = now.toString();
    item.version = before == null ? null : before.version; // the Enhanced Client checks and increments it

    GradingSettingsAuditItem entry = new GradingSettingsAuditItem();
    entry.pk = item.pk;
    entry.sk = Keys.GRADING_SETTINGS_AUDIT + now + "#" + requestId;
    entry.type = GradingSettingsAuditItem.TYPE;
    entry.schoolId = school.id();
    entry.actor = caller.subject();
    entry.actorName = caller.displayName(school.id()).orElse(null);
    entry.at = now.toString();
    entry.requestId = requestId;
    entry.before = before == null ? null : Json.write(settingsOf(before));
    entry.after = Json.write(after);
    try {
      enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(settings, TransactPutItemEnhancedRequest.builder(GradingSettingsItem.class).item(item).build())
          .addPutItem(audit, TransactPutItemEnhancedRequest.builder(GradingSettingsAuditItem.class).item(entry)
              .conditionExpression(Writes.NOT_EXISTS).build())
          .build());
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        throw new ApiException.Conflict("records.settingsChangedMeanwhile");
      }
      throw e;
    }
    return view(school, load(school.id()));
  }

  private GradingSettingsItem load(String schoolId) {
    return settings.getItem(r -> r.key(Key.builder().partitionValue(Keys.school(schoolId))
        .sortValue(Keys.GRADING_SETTINGS).build()).consistentRead(true));
  }

  private static GradingSettings settingsOf(GradingSettingsItem item) {
    GradingSettings defaults = GradingSettings.DEFAULTS;
    return new GradingSettings(
        Objects.requireNonNullElse(item.commentRegularCount, defaults.commentRegularCount()),
        Objects.requireNonNullElse(item.primaryTestScoreMin, defaults.primaryTestScoreMin()),
        Objects.requireNonNullElse(item.primaryCompletedMinTest, defaults.primaryCompletedMinTest()));
  }

  private static SchoolGradingSettings view(School school, GradingSettingsItem item) {
    GradingSettings values = item == null ? GradingSettings.DEFAULTS : settingsOf(item);
    return new SchoolGradingSettings(school.id(), school.name(), school.level(), values.commentRegularCount(),
        values.primaryTestScoreMin(), values.primaryCompletedMinTest(), item != null,
        item == null ? 0 : item.version, item == null ? null : item.updatedBy,
        item == null ? null : SchoolTime.show(Instant.parse(item.updatedAt)));
  }
}
