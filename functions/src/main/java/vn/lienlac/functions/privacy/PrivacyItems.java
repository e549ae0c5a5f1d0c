package vn.lienlac.functions.privacy;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** The privacy items (docs/ARCHITECTURE.md §3): notice versions, the current-notice pointer, consent history. */
final class PrivacyItems {
  private PrivacyItems() {}

  /**
   * {@code S#{school}} / {@code NOTICE#{version, 4 digits}}: one published version of the notice,
   * written once (conditional put), never changed: it is also the record of who published what, when.
   */
  static final class NoticeItem extends Item {
    static final String TYPE = "PrivacyNotice";
    static final TableSchema<NoticeItem> SCHEMA = ItemSchema.of(NoticeItem.class, NoticeItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .integer("noticeVersion", i -> i.noticeVersion, (i, v) -> i.noticeVersion = v)
        .string("titleVi", i -> i.titleVi, (i, v) -> i.titleVi = v)
        .string("bodyVi", i -> i.bodyVi, (i, v) -> i.bodyVi = v)
        .string("titleEn", i -> i.titleEn, (i, v) -> i.titleEn = v)
        .string("bodyEn", i -> i.bodyEn, (i, v) -> i.bodyEn = v)
        .string("dpoContact", i -> i.dpoContact, (i, v) -> i.dpoContact = v)
        .string("publishedBy", i -> i.publishedBy, (i, v) -> i.publishedBy = v)
        .string("publishedAt", i -> i.publishedAt, (i, v) -> i.publishedAt = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .build();

    String schoolId;
    Integer noticeVersion;
    String titleVi;
    String bodyVi;
    String titleEn;
    String bodyEn;
    String dpoContact;
    String publishedBy;
    String publishedAt;
    String requestId;
  }

  /** {@code S#{school}} / {@code NOTICE}: which version is current (replaced on the condition that it was the base). */
  static final class CurrentNoticeItem extends Item {
    static final String TYPE = "PrivacyNoticeCurrent";
    static final TableSchema<CurrentNoticeItem> SCHEMA = ItemSchema.of(CurrentNoticeItem.class, CurrentNoticeItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .integer("currentVersion", i -> i.currentVersion, (i, v) -> i.currentVersion = v)
        .string("publishedAt", i -> i.publishedAt, (i, v) -> i.publishedAt = v)
        .build();

    String schoolId;
    Integer currentVersion;
    String publishedAt;
  }

  /**
   * {@code S#{school}#ST#{student}} / {@code AUDIT#CONSENT#{at}#{sub}}: a guardian gave or withdrew
   * consent for the pupil (append-only, in the same transaction as the change on their grant).
   */
  static final class ConsentAuditItem extends Item {
    static final String TYPE = "ConsentAudit";
    static final TableSchema<ConsentAuditItem> SCHEMA = ItemSchema.of(ConsentAuditItem.class, ConsentAuditItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("action", i -> i.action, (i, v) -> i.action = v)
        .integer("noticeVersion", i -> i.noticeVersion, (i, v) -> i.noticeVersion = v)
        .string("channel", i -> i.channel, (i, v) -> i.channel = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("requestId", i -> i.requestId, (i, v) -> i.requestId = v)
        .build();

    static final String GIVEN = "GIVEN";
    static final String WITHDRAWN = "WITHDRAWN";

    String schoolId;
    String studentId;
    String actor;
    String action;
    Integer noticeVersion;
    String channel;
    String at;
    String requestId;
  }
}
