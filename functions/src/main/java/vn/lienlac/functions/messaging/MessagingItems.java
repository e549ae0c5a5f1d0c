package vn.lienlac.functions.messaging;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** Item mapping of the messaging feature (docs/ARCHITECTURE.md §3). */
final class MessagingItems {
  private MessagingItems() {}

  /**
   * What a conversation is about: its kind and title fields, on the conversation item and copied to
   * each participant item (so that an inbox is one Query, without reading the conversations).
   */
  abstract static class AboutItem extends Item {
    String conversationId;
    String kind;
    String schoolId;
    String studentId;
    String studentName;
    String classId;
    String className;
    /** The school-side participant of FAMILY and STAFF conversations (teacher or staff). */
    String teacherId;
    String teacherName;

    static <T extends AboutItem> ItemSchema<T> attributes(ItemSchema<T> schema) {
      return schema
          .string("conversationId", i -> i.conversationId, (i, v) -> i.conversationId = v)
          .string("kind", i -> i.kind, (i, v) -> i.kind = v)
          .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
          .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
          .string("studentName", i -> i.studentName, (i, v) -> i.studentName = v)
          .string("classId", i -> i.classId, (i, v) -> i.classId = v)
          .string("className", i -> i.className, (i, v) -> i.className = v)
          .string("teacherId", i -> i.teacherId, (i, v) -> i.teacherId = v)
          .string("teacherName", i -> i.teacherName, (i, v) -> i.teacherName = v);
    }

    /** Copies what the conversation is about from {@code other}. */
    void about(AboutItem other) {
      conversationId = other.conversationId;
      kind = other.kind;
      schoolId = other.schoolId;
      studentId = other.studentId;
      studentName = other.studentName;
      classId = other.classId;
      className = other.className;
      teacherId = other.teacherId;
      teacherName = other.teacherName;
    }
  }

  /**
   * {@code pk = S#{school}#CONV#{conversation}, sk = CONV}: what a conversation is about and how many
   * messages it has ({@code seq}, the last message's number). Every send puts it conditionally on
   * its version, which serialises the senders of one conversation: message numbers have no gaps.
   */
  static final class ConversationItem extends AboutItem {
    static final String TYPE = "Conversation";
    static final TableSchema<ConversationItem> SCHEMA =
        AboutItem.attributes(ItemSchema.of(ConversationItem.class, ConversationItem::new))
        .attribute(Long.class, "seq", i -> i.seq, (i, v) -> i.seq = v)
        .string("lastMessageAt", i -> i.lastMessageAt, (i, v) -> i.lastMessageAt = v)
        .string("createdBy", i -> i.createdBy, (i, v) -> i.createdBy = v)
        .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
        .string("cursorKey", i -> i.cursorKey, (i, v) -> i.cursorKey = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    Long seq;
    String lastMessageAt;
    String createdBy;
    String createdAt;
    /** Random, made at creation, never sent: the HMAC key of the conversation's paging cursors. */
    String cursorKey;
    Long version;
  }

  /**
   * {@code pk = S#{school}#CONV#{conversation}, sk = PARTICIPANT#{sub}}: one participant and their
   * read state: {@code lastSeq} (the conversation's last message they know of, set by every send),
   * {@code readSeq} (read up to), so unread = lastSeq - readSeq without counting messages. FAMILY and
   * STAFF participants are in gsi1 under {@code USER#{sub}#CONV / {activity}#S#{school}#CONV#{id}}:
   * a person's inbox, newest activity first, in one Query. In a class channel only those who posted
   * or marked it read have one (without gsi1 keys): families and teachers find class channels
   * through their grants, and unread there = the conversation's seq - readSeq.
   */
  static final class ParticipantItem extends AboutItem {
    static final String TYPE = "ConversationParticipant";
    static final TableSchema<ParticipantItem> SCHEMA =
        AboutItem.attributes(ItemSchema.of(ParticipantItem.class, ParticipantItem::new))
        .string("userId", i -> i.userId, (i, v) -> i.userId = v)
        .string("displayName", i -> i.displayName, (i, v) -> i.displayName = v)
        .string("side", i -> i.side, (i, v) -> i.side = v)
        .attribute(Long.class, "lastSeq", i -> i.lastSeq, (i, v) -> i.lastSeq = v)
        .attribute(Long.class, "readSeq", i -> i.readSeq, (i, v) -> i.readSeq = v)
        .string("readAt", i -> i.readAt, (i, v) -> i.readAt = v)
        .string("lastActivityAt", i -> i.lastActivityAt, (i, v) -> i.lastActivityAt = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String userId;
    String displayName;
    String side;
    Long lastSeq;
    Long readSeq;
    String readAt;
    String lastActivityAt;
    String gsi1pk;
    String gsi1sk;
  }

  /**
   * {@code pk = S#{school}#CONV#{conversation}, sk = MSG#{seq}}: one message, created once (with its
   * conversation's put and its client-id record, in one transaction); an edit by its author puts it
   * again conditionally on its version. {@code eventId} is the id of its message.sent event, so a
   * retried send republishes the same event (consumers deduplicate on it).
   */
  static final class MessageItem extends Item {
    static final String TYPE = "Message";
    static final TableSchema<MessageItem> SCHEMA = ItemSchema.of(MessageItem.class, MessageItem::new)
        .string("conversationId", i -> i.conversationId, (i, v) -> i.conversationId = v)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .attribute(Long.class, "seq", i -> i.seq, (i, v) -> i.seq = v)
        .string("senderId", i -> i.senderId, (i, v) -> i.senderId = v)
        .string("senderName", i -> i.senderName, (i, v) -> i.senderName = v)
        .string("text", i -> i.text, (i, v) -> i.text = v)
        .string("sentAt", i -> i.sentAt, (i, v) -> i.sentAt = v)
        .string("clientMessageId", i -> i.clientMessageId, (i, v) -> i.clientMessageId = v)
        .string("editedAt", i -> i.editedAt, (i, v) -> i.editedAt = v)
        .string("previousText", i -> i.previousText, (i, v) -> i.previousText = v)
        .string("expectReplyAfter", i -> i.expectReplyAfter, (i, v) -> i.expectReplyAfter = v)
        .string("eventId", i -> i.eventId, (i, v) -> i.eventId = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String conversationId;
    String schoolId;
    Long seq;
    String senderId;
    String senderName;
    String text;
    String sentAt;
    String clientMessageId;
    String editedAt;
    String previousText;
    String expectReplyAfter;
    String eventId;
    Long version;
  }

  /**
   * {@code pk = S#{school}#CONV#{conversation}, sk = CLIENT#{sha256(sender, clientMessageId)}}: which
   * message a client message id stored, written in the send's transaction, so that a retried or
   * concurrent twin finds it instead of storing a second message. Expires (TTL) after 7 days.
   */
  static final class ClientMessageItem extends Item {
    static final String TYPE = "ClientMessageId";
    static final TableSchema<ClientMessageItem> SCHEMA = ItemSchema.of(ClientMessageItem.class, ClientMessageItem::new)
        .attribute(Long.class, "seq", i -> i.seq, (i, v) -> i.seq = v)
        .string("fingerprint", i -> i.fingerprint, (i, v) -> i.fingerprint = v)
        .attribute(Long.class, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v)
        .build();

    Long seq;
    String fingerprint;
    Long expiresAt;
  }

  /**
   * {@code pk = S#{school}#TEACHER#{sub}, sk = OFFICE_HOURS}: a teacher's weekly windows in the
   * school, each {@code DAY HH:mm-HH:mm} in Asia/Ho_Chi_Minh.
   */
  static final class OfficeHoursItem extends Item {
    static final String TYPE = "OfficeHours";
    static final TableSchema<OfficeHoursItem> SCHEMA = ItemSchema.of(OfficeHoursItem.class, OfficeHoursItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("userId", i -> i.userId, (i, v) -> i.userId = v)
        .strings("windows", i -> i.windows, (i, v) -> i.windows = v)
        .string("updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .build();

    String schoolId;
    String userId;
    List<String> windows;
    String updatedAt;
    Long version;
  }
}
