package vn.lienlac.functions.announcements;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of announcements (docs/ARCHITECTURE.md §3, AN1-AN10). */
final class AnnouncementsItems {
  private AnnouncementsItems() {}

  /**
   * {@code pk = S#{school}#ANN#{SCHOOL | G#{grade} | C#{class}}, sk = ANN#{ulid}}: the announcement,
   * in its scope's partition, sorted by time (fan-out on read: a family's feed queries the few
   * partitions of its children's scopes). In gsi1 under {@code S#{school}#ANN / ANN#{ulid}}: the
   * school's announcements, newest first. Never changed once written. {@code links} is JSON.
   */
  static final class AnnouncementItem extends Item {
    static final String TYPE = "Announcement";
    static final TableSchema<AnnouncementItem> SCHEMA = ItemSchema.of(AnnouncementItem.class, AnnouncementItem::new)
        .string("announcementId", i -> i.announcementId, (i, v) -> i.announcementId = v)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("scope", i -> i.scope, (i, v) -> i.scope = v)
        .integer("grade", i -> i.grade, (i, v) -> i.grade = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .string("className", i -> i.className, (i, v) -> i.className = v)
        .string("title", i -> i.title, (i, v) -> i.title = v)
        .string("body", i -> i.body, (i, v) -> i.body = v)
        .attribute(Boolean.class, "urgent", i -> i.urgent, (i, v) -> i.urgent = v)
        .attribute(Boolean.class, "acknowledgementRequired", i -> i.acknowledgementRequired,
            (i, v) -> i.acknowledgementRequired = v)
        .string("links", i -> i.links, (i, v) -> i.links = v)
        .string("authorId", i -> i.authorId, (i, v) -> i.authorId = v)
        .string("authorName", i -> i.authorName, (i, v) -> i.authorName = v)
        .string("publishedAt", i -> i.publishedAt, (i, v) -> i.publishedAt = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String announcementId;
    String schoolId;
    String scope;
    Integer grade;
    String classId;
    String className;
    String title;
    String body;
    Boolean urgent;
    Boolean acknowledgementRequired;
    String links;
    String authorId;
    String authorName;
    String publishedAt;
    String gsi1pk;
    String gsi1sk;
  }

  /**
   * {@code pk = S#{school}#ANN#ID#{ulid}, sk = REF}: where an announcement is (its scope), found by
   * id alone (read, ack, stats), and who published it; in gsi1 under
   * {@code S#{school}#ANN#BY#{sub} / ANN#{ulid}}: what one person published. Written in the same
   * transaction as the announcement; never changed.
   */
  static final class RefItem extends Item {
    static final String TYPE = "AnnouncementRef";
    static final TableSchema<RefItem> SCHEMA = ItemSchema.of(RefItem.class, RefItem::new)
        .string("announcementId", i -> i.announcementId, (i, v) -> i.announcementId = v)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("scopePartition", i -> i.scopePartition, (i, v) -> i.scopePartition = v)
        .string("authorId", i -> i.authorId, (i, v) -> i.authorId = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String announcementId;
    String schoolId;
    /** The announcement's pk ({@code S#{school}#ANN#…}); its sk is {@code ANN#{id}}. */
    String scopePartition;
    String authorId;
    String gsi1pk;
    String gsi1sk;
  }

  /**
   * {@code pk = S#{school}#ANN#ID#{ulid}, sk = RECEIPT#{sub}}: one family's (guardian account's)
   * marks on one announcement: when they read it and when they acknowledged it. Created by the
   * first mark, then versioned; a mark is set once and never cleared.
   */
  static final class ReceiptItem extends Item {
    static final String TYPE = "AnnouncementReceipt";
    static final TableSchema<ReceiptItem> SCHEMA = ItemSchema.of(ReceiptItem.class, ReceiptItem::new)
        .string("announcementId", i -> i.announcementId, (i, v) -> i.announcementId = v)
        .string("guardianId", i -> i.guardianId, (i, v) -> i.guardianId = v)
        .string("readAt", i -> i.readAt, (i, v) -> i.readAt = v)
        .string("acknowledgedAt", i -> i.acknowledgedAt, (i, v) -> i.acknowledgedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String announcementId;
    String guardianId;
    String readAt;
    String acknowledgedAt;
    Long version;
  }
}
