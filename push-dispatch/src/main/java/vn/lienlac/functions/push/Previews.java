package vn.lienlac.functions.push;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;

/**
 * The details of a detailed lock-screen preview, for the families that opted in
 * ({@code detailedPreviews} in {@code /v1/me/notification-settings}, default off; docs/PRIVACY.md,
 * minimisation). The event itself carries ids only (SQS bodies hold no personal data), so the
 * dispatcher reads the details here, once per event and only when a due device opted in: the
 * opted-in families' children's names and latest mark in the subject (grade.published), the
 * decision (leave.decided), the sender and the text (message.sent), the amount (payment.confirmed).
 * Two GetItems per such pupil, one per message or payment; an item gone meanwhile leaves that
 * detail out (the generic text then).
 */
final class Previews {
  private final Dynamo dynamo;

  Previews(Dynamo dynamo) {
    this.dynamo = dynamo;
  }

  /**
   * What one event's detailed texts say.
   *
   * @param pupils  per pupil id: the pupil's full name, and (grade.published) the latest mark or null
   * @param subject grade.published: the subject code
   * @param decision leave.decided: APPROVED or REJECTED
   * @param sender  message.sent: the sender's display name
   * @param text    message.sent: the message text
   * @param amountVnd payment.confirmed: the amount
   */
  record Details(Map<String, Pupil> pupils, String subject, String decision, String sender, String text,
      Long amountVnd) {}

  record Pupil(String name, String mark) {}

  /**
   * The details of {@code event}; of a grade event, only the pupils in {@code children} (the
   * opted-in devices' children): a class's change names up to a whole class.
   */
  Details of(DomainEvent event, java.util.Set<String> children) {
    String school = event.schoolId();
    return switch (event.type()) {
      case EventTypes.GRADE_PUBLISHED -> {
        Map<String, Pupil> pupils = new HashMap<>();
        String subject = event.get("subject");
        for (String student : Recipients.ids(event, "students").stream().filter(children::contains).toList()) {
          String name = string(get(Keys.student(school, student), Keys.PROFILE), "fullName");
          var grade = get(Keys.student(school, student), Keys.GRADE + event.get("term") + "#" + subject);
          pupils.put(student, new Pupil(name, latestMark(grade)));
        }
        yield new Details(pupils, subject, null, null, null, null);
      }
      case EventTypes.LEAVE_DECIDED -> {
        String student = event.get("studentId");
        String name = string(get(Keys.student(school, student), Keys.PROFILE), "fullName");
        String status = string(get(Keys.student(school, student), Keys.LEAVE + event.get("leaveRequestId")), "status");
        yield new Details(Map.of(student, new Pupil(name, null)), null, status, null, null, null);
      }
      case EventTypes.MESSAGE_SENT -> {
        var message = get(Keys.conversation(school, event.get("conversationId")), Keys.MESSAGE + event.get("messageId"));
        yield new Details(Map.of(), null, null, string(message, "senderName"), string(message, "text"), null);
      }
      case EventTypes.PAYMENT_CONFIRMED -> {
        var payment = get(Keys.payment(school, event.get("paymentId")), Keys.PAYMENT);
        AttributeValue amount = payment == null ? null : payment.get("amountVnd");
        yield new Details(Map.of(), null, null, null, null, amount == null ? null : Long.valueOf(amount.n()));
      }
      default -> null;
    };
  }

  /** The final exam, else the midterm, else the last regular mark (as stored: {@code 8.5}). */
  private static String latestMark(Map<String, AttributeValue> grade) {
    if (grade == null) {
      return null;
    }
    for (String field : List.of("finalExam", "midterm")) {
      String mark = string(grade, field);
      if (mark != null) {
        return mark;
      }
    }
    AttributeValue regular = grade.get("regular");
    return regular == null || !regular.hasL() || regular.l().isEmpty() ? null : regular.l().get(regular.l().size() - 1).s();
  }

  /** The item, or null when it is gone (or an id the event should carry is missing: no detail then). */
  private Map<String, AttributeValue> get(String pk, String sk) {
    if (pk.endsWith("#null") || sk.endsWith("#null") || sk.contains("#null#")) {
      return null;
    }
    var item = dynamo.client().getItem(r -> r.tableName(dynamo.tableName())
        .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item == null ? null : item.get(name);
    return value == null ? null : value.s();
  }
}
