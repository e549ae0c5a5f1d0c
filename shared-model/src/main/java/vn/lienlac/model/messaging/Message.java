package vn.lienlac.model.messaging;

import java.time.OffsetDateTime;

/**
 * One message. {@code id} orders the conversation (later messages have greater ids).
 *
 * @param editedAt          set once the author changed the text
 * @param previousText      the text before the last edit, kept when someone else had read it already
 * @param changedSinceRead  for the reader: the author changed it after this reader read it
 * @param expectReplyAfter  sent outside the teacher's office hours: when their next window opens
 */
public record Message(String id, String conversationId, String senderId, String senderName, String text,
    OffsetDateTime sentAt, String clientMessageId, OffsetDateTime editedAt, String previousText,
    boolean changedSinceRead, OffsetDateTime expectReplyAfter) {

  /**
   * {@code POST /v1/conversations/{id}/messages}. {@code clientMessageId} is required: the app makes
   * one per message it composes and sends it again on every retry, so that a retry stores nothing
   * twice. In a class channel a family's message is a private reply: it goes to the FAMILY
   * conversation with the author of {@code replyTo} (or the homeroom teacher), about
   * {@code studentId} (needed only when the family has several children in the class).
   */
  public record Draft(String clientMessageId, String text, String replyTo, String studentId) {}

  /** {@code PATCH /v1/conversations/{id}/messages/{messageId}}: the author's new text. */
  public record Edit(String text) {}

  /** {@code POST /v1/conversations/{id}/read}: everything up to and including {@code upTo} is read. */
  public record ReadMark(String upTo) {}

  /** The answer to a read mark: how far the caller has read now, and what is left unread. */
  public record ReadState(String conversationId, String readUpTo, OffsetDateTime readAt, int unread) {}
}
