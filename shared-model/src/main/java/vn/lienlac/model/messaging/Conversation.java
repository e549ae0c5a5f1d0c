package vn.lienlac.model.messaging;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A conversation as one participant sees it in {@code GET /v1/conversations}.
 *
 * <ul>
 *   <li>{@link Kind#FAMILY}: a teacher (or an office staff member) and every guardian of one pupil.
 *   <li>{@link Kind#CLASS}: a class channel: the class's teachers post, the families of the class read;
 *       a family's reply goes into its private FAMILY conversation with the post's author.
 *   <li>{@link Kind#STAFF}: an office staff member and one teacher of the school.
 * </ul>
 *
 * @param teacherId   the school-side participant (teacher or staff); for CLASS, null
 * @param unread      messages by others after the last one this participant marked read
 * @param canPost     whether this participant may post here (a family in a class channel replies privately)
 */
public record Conversation(String id, Kind kind, String schoolId, String studentId, String studentName,
    String classId, String className, String teacherId, String teacherName, OffsetDateTime lastMessageAt,
    int messageCount, int unread, boolean canPost) {

  public enum Kind { FAMILY, CLASS, STAFF }

  /**
   * {@code POST /v1/conversations}: what to start (or find, when it exists: one conversation per
   * pupil and teacher, per class, per staff member and teacher).
   *
   * <ul>
   *   <li>{@code studentId} (+ {@code teacherId} from a parent): FAMILY, with the pupil's guardians;
   *   <li>{@code classId}: the class channel (a teacher of the class);
   *   <li>{@code teacherId} alone (office staff): STAFF.
   * </ul>
   * An optional first message ({@code text} with its {@code clientMessageId}) is sent at once.
   */
  public record Start(String studentId, String teacherId, String classId, String text, String clientMessageId) {}

  /** {@code POST /v1/conversations}: the conversation, and the first message when one was given. */
  public record Started(Conversation conversation, Message message) {}

  /** One participant and how far they have read (read receipts). */
  public record Participant(String userId, String displayName, Side side, String readUpTo, OffsetDateTime readAt) {}

  /** Which side of the school–family line a participant is on. */
  public enum Side { SCHOOL, FAMILY }

  /** {@code GET /v1/conversations/{id}/messages}: newest first; {@code next} is the opaque cursor of the next page. */
  public record Page(Conversation conversation, List<Participant> participants, List<Message> items, String next) {}
}
