package vn.lienlac.functions.platform.events;

/** The event types Lienlac publishes (the {@code type} of a {@link DomainEvent}). */
public final class EventTypes {
  public static final String MESSAGE_SENT = "message.sent";
  public static final String ANNOUNCEMENT_PUBLISHED = "announcement.published";
  public static final String GRADE_PUBLISHED = "grade.published";
  public static final String LEAVE_DECIDED = "leave.decided";
  public static final String PAYMENT_CONFIRMED = "payment.confirmed";

  private EventTypes() {}
}
