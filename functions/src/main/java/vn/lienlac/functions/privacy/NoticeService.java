package vn.lienlac.functions.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.privacy.PrivacyItems.CurrentNoticeItem;
import vn.lienlac.functions.privacy.PrivacyItems.NoticeItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * A school's purpose notice: published versions ({@code NOTICE#{version}}, written once) and the
 * pointer to the current one ({@code NOTICE}), replaced in the same transaction on the condition
 * that it still names the version the author read.
 */
public final class NoticeService {
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<NoticeItem> notices;
  private final DynamoDbTable<CurrentNoticeItem> current;
  private final Clock clock;

  public NoticeService(Dynamo dynamo, Clock clock) {
    this.enhanced = dynamo.enhanced();
    this.notices = enhanced.table(dynamo.tableName(), NoticeItem.SCHEMA);
    this.current = enhanced.table(dynamo.tableName(), CurrentNoticeItem.SCHEMA);
    this.clock = clock;
  }

  /** The version now current, if the school has published one: one GetItem. */
  public Optional<Integer> currentVersion(String schoolId) {
    CurrentNoticeItem pointer = current.getItem(r -> r.key(key(schoolId, Keys.NOTICE_CURRENT)).consistentRead(true));
    return Optional.ofNullable(pointer).map(p -> p.currentVersion);
  }

  /** The current notice; 404 while the school has none. */
  public PrivacyNotice current(School school) {
    int version = currentVersion(school.id()).orElseThrow(ApiException.NotFound::new);
    NoticeItem item = notices.getItem(r -> r.key(key(school.id(), Keys.notice(version))).consistentRead(true));
    if (item == null) {
      throw new ApiException.NotFound();
    }
    return view(school, item);
  }

  /**
   * Publishes the next version: every text present, clean and bounded (422 naming each bad field,
   * nothing written); {@code baseVersion} the current one (409 naming it when stale).
   */
  public PrivacyNotice publish(Caller caller, School school, PrivacyNotice.Draft draft, String requestId) {
    Validation validation = new Validation();
    Integer base = validation.required("baseVersion", draft.baseVersion());
    if (base != null && (base < 0 || base >= PrivacyNotice.VERSION_MAX)) {
      validation.add(Violation.of("baseVersion", "privacy.version.range", 0, PrivacyNotice.VERSION_MAX - 1));
    }
    String titleVi = validation.text("titleVi", draft.titleVi(), PrivacyNotice.TITLE_MAX, true);
    String bodyVi = validation.text("bodyVi", draft.bodyVi(), PrivacyNotice.BODY_MAX, true);
    String titleEn = validation.text("titleEn", draft.titleEn(), PrivacyNotice.TITLE_MAX, true);
    String bodyEn = validation.text("bodyEn", draft.bodyEn(), PrivacyNotice.BODY_MAX, true);
    String contact = validation.text("dpoContact", draft.dpoContact(), PrivacyNotice.CONTACT_MAX, true);
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    int stored = currentVersion(school.id()).orElse(0);
    if (base != stored) {
      throw new ApiException.Conflict((long) stored, "privacy.noticeChangedMeanwhile", stored);
    }
    int version = stored + 1;
    Instant now = clock.instant();
    NoticeItem item = new NoticeItem();
    item.pk = Keys.school(school.id());
    item.sk = Keys.notice(version);
    item.type = NoticeItem.TYPE;
    item.schoolId = school.id();
    item.noticeVersion = version;
    item.titleVi = titleVi;
    item.bodyVi = bodyVi;
    item.titleEn = titleEn;
    item.bodyEn = bodyEn;
    item.dpoContact = contact;
    item.publishedBy = caller.subject();
    item.publishedAt = now.toString();
    item.requestId = requestId;
    CurrentNoticeItem pointer = new CurrentNoticeItem();
    pointer.pk = item.pk;
    pointer.sk = Keys.NOTICE_CURRENT;
    pointer.type = CurrentNoticeItem.TYPE;
    pointer.schoolId = school.id();
    pointer.currentVersion = version;
    pointer.publishedAt = item.publishedAt;
    Expression wasBase = stored == 0 ? Writes.NOT_EXISTS : Expression.builder()
        .expression("currentVersion = :base")
        .putExpressionValue(":base", AttributeValue.fromN(Integer.toString(stored)))
        .build();
    try {
      enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(notices, TransactPutItemEnhancedRequest.builder(NoticeItem.class).item(item)
              .conditionExpression(Writes.NOT_EXISTS).build())
          .addPutItem(current, TransactPutItemEnhancedRequest.builder(CurrentNoticeItem.class).item(pointer)
              .conditionExpression(wasBase).build())
          .build());
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        int latest = currentVersion(school.id()).orElse(0);
        throw new ApiException.Conflict((long) latest, "privacy.noticeChangedMeanwhile", latest);
      }
      throw e;
    }
    return view(school, item);
  }

  private static Key key(String schoolId, String sortKey) {
    return Key.builder().partitionValue(Keys.school(schoolId)).sortValue(sortKey).build();
  }

  private static PrivacyNotice view(School school, NoticeItem item) {
    return new PrivacyNotice(school.id(), school.name(), item.noticeVersion, item.titleVi, item.bodyVi, item.titleEn,
        item.bodyEn, item.dpoContact, SchoolTime.show(Instant.parse(item.publishedAt)), PrivacyNotice.link(school.id()));
  }
}
