package vn.lienlac.functions.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.messaging.MessagingAccess.FamilyStart;
import vn.lienlac.functions.messaging.MessagingAccess.Part;
import vn.lienlac.functions.messaging.MessagingAccess.Seat;
import vn.lienlac.functions.messaging.MessagingItems.ClientMessageItem;
import vn.lienlac.functions.messaging.MessagingItems.ConversationItem;
import vn.lienlac.functions.messaging.MessagingItems.MessageItem;
import vn.lienlac.functions.messaging.MessagingItems.OfficeHoursItem;
import vn.lienlac.functions.messaging.MessagingItems.ParticipantItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.privacy.ConsentAccess;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.model.messaging.OfficeHours;

/**
 * Conversations and messages. A send is one transaction (the conversation's counter, the message,
 * its client-id record and every participant's unread state and inbox position), retried on a
 * concurrent send; the message.sent event is published after it commits.
 */
public final class MessagingService {
  static final int MAX_TEXT_LENGTH = 2000;
  static final int DEFAULT_PAGE = 30;
  static final int MAX_PAGE = 100;
  static final int INBOX_LIMIT = 100;
  static final Duration EDIT_WINDOW = Duration.ofHours(24);
  static final Duration CLIENT_ID_WINDOW = Duration.ofDays(7);
  static final int MAX_SEND_ROUNDS = 30;
  /** A client message id: a UUID the app makes for each message it composes (any case; compared in lower case). */
  static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final MessagingRepository repository;
  private final MessagingAccess access;
  private final RosterRepository roster;
  private final DirectoryRepository directory;
  private final EventPublisher events;
  private final Clock clock;
  private final IdGenerator ids;

  public MessagingService(vn.lienlac.functions.platform.Dynamo dynamo, Clock clock, EventPublisher events, IdGenerator ids) {
    this.repository = new MessagingRepository(dynamo);
    this.roster = new RosterRepository(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.access = new MessagingAccess(roster, directory, repository);
    this.events = events;
    this.clock = clock;
    this.ids = ids;
  }

  MessagingAccess access() {
    return access;
  }

  /** A send's answer: the message, and whether this call stored it (false: a retry of an earlier call). */
  public record Sent(Message message, boolean created) {}

  // ----------------------------------------------------------------------------------- the inbox

  /**
   * The caller's conversations, latest activity first: FAMILY and STAFF ones from their inbox (one
   * Query on gsi1, at most {@value #INBOX_LIMIT}), the class channels of their classes and of their
   * children's classes (one BatchGetItem of the channels, one of their read marks).
   */
  public List<Conversation> list(Caller caller) {
    List<Conversation> all = new ArrayList<>();
    for (ParticipantItem p : repository.inbox(caller.subject(), INBOX_LIMIT)) {
      // Consent (issue 18): a guardian's conversations about a child without their consent stay hidden.
      if (!(Conversation.Kind.FAMILY.name().equals(p.kind) && ConsentAccess.closed(caller, p.schoolId, p.studentId))) {
        all.add(view(p));
      }
    }
    Map<String, String> channels = new LinkedHashMap<>(); // conversation id → school
    Map<String, Boolean> teaching = new LinkedHashMap<>();
    for (Caller.Grant grant : caller.grants()) {
      String classId = grant instanceof Caller.TeachingGrant t ? t.classId()
          : grant instanceof Caller.HomeroomGrant h ? h.classId() : null;
      if (classId != null) {
        channels.put(classChannelId(grant.schoolId(), classId), grant.schoolId());
        teaching.put(classChannelId(grant.schoolId(), classId), true);
      }
    }
    Map<String, List<String>> childrenBySchool = new LinkedHashMap<>();
    caller.grants().stream().filter(Caller.ChildGrant.class::isInstance).map(Caller.ChildGrant.class::cast)
        .filter(Caller.ChildGrant::consented) // consent (issue 18): no class channel through a child without it
        .forEach(c -> childrenBySchool.computeIfAbsent(c.schoolId(), s -> new ArrayList<>()).add(c.studentId()));
    childrenBySchool.forEach((schoolId, children) -> roster.students(schoolId, children).values()
        .forEach(s -> channels.putIfAbsent(classChannelId(schoolId, s.classId()), schoolId)));
    if (!channels.isEmpty()) {
      Map<String, ParticipantItem> marks = new LinkedHashMap<>();
      repository.participantsOf(caller.subject(), channels).forEach(p -> marks.put(p.conversationId, p));
      Map<String, List<String>> bySchool = new LinkedHashMap<>();
      channels.forEach((id, school) -> bySchool.computeIfAbsent(school, s -> new ArrayList<>()).add(id));
      bySchool.forEach((school, channelIds) -> repository.conversations(school, channelIds).forEach(c ->
          all.add(view(c, marks.get(c.conversationId), teaching.containsKey(c.conversationId)))));
    }
    all.sort(Comparator.comparing((Conversation c) -> c.lastMessageAt() == null ? OffsetDateTime.MIN : c.lastMessageAt())
        .reversed().thenComparing(Conversation::id));
    return all;
  }

  // ------------------------------------------------------------------------------------ starting

  /**
   * Starts a conversation, or finds it: there is one per pupil and school-side person, per class,
   * per staff member and teacher (the id is derived from them, and created conditionally), so a
   * second start (or two at once) gives the same conversation. An optional first message is sent.
   */
  /** A start's answer, and whether it created anything (the conversation, or its first message). */
  public record Opened(Conversation.Started started, boolean created) {}

  public Opened start(Caller caller, Conversation.Start start) {
    Validation validation = new Validation();
    boolean student = start.studentId() != null;
    boolean channel = start.classId() != null;
    boolean staff = !student && !channel && start.teacherId() != null;
    if ((student && channel) || (channel && start.teacherId() != null) || (!student && !channel && !staff)) {
      validation.add(Violation.of("", "messaging.startShape"));
    }
    checkId(validation, "studentId", start.studentId());
    checkId(validation, "classId", start.classId());
    checkId(validation, "teacherId", start.teacherId());
    Message.Draft first = null;
    if (start.text() != null || start.clientMessageId() != null) {
      first = new Message.Draft(start.clientMessageId(), start.text(), null, null);
      checkDraft(validation, first);
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    Found opened;
    if (student) {
      opened = openFamily(caller, access.family(caller, start.studentId(), start.teacherId()));
    } else if (channel) {
      opened = openChannel(caller, access.classChannel(caller, start.classId()));
    } else {
      opened = openStaff(caller, start.teacherId(), access.staff(caller, start.teacherId()));
    }
    boolean created = opened.created();
    ConversationItem conversation = opened.item();
    Seat seat = access.seat(caller, conversation.conversationId);
    Sent sent = first == null ? null : send(caller, seat, first);
    Seat now = first == null ? seat : access.seat(caller, conversation.conversationId);
    return new Opened(new Conversation.Started(view(now), sent == null ? null : sent.message()),
        created || (sent != null && sent.created()));
  }

  /** A conversation, and whether this call created it. */
  private record Found(ConversationItem item, boolean created) {}

  private Found openFamily(Caller caller, FamilyStart family) {
    String schoolId = family.student().schoolId();
    String id = derivedId("family", schoolId, family.student().id(), family.teacherId());
    ConversationItem conversation = conversationItem(caller, schoolId, id, Conversation.Kind.FAMILY);
    conversation.studentId = family.student().id();
    conversation.studentName = family.student().fullName();
    conversation.classId = family.schoolClass().id();
    conversation.className = family.schoolClass().name();
    conversation.teacherId = family.teacherId();
    conversation.teacherName = family.teacherName();
    List<ParticipantItem> members = new ArrayList<>();
    members.add(participant(conversation, family.teacherId(), family.teacherName(), Conversation.Side.SCHOOL));
    List<String> guardians = directory.guardians(schoolId, family.student().id());
    Map<String, String> names = directory.names(schoolId, Role.PARENT, guardians);
    guardians.forEach(g -> members.add(participant(conversation, g, names.get(g), Conversation.Side.FAMILY)));
    return create(conversation, members);
  }

  private Found openChannel(Caller caller, SchoolClass schoolClass) {
    String id = classChannelId(schoolClass.schoolId(), schoolClass.id());
    ConversationItem conversation = conversationItem(caller, schoolClass.schoolId(), id, Conversation.Kind.CLASS);
    conversation.classId = schoolClass.id();
    conversation.className = schoolClass.name();
    return create(conversation, List.of());
  }

  private Found openStaff(Caller caller, String teacherId, MessagingAccess.StaffStart staff) {
    String id = derivedId("staff", staff.schoolId(), caller.subject(), teacherId);
    ConversationItem conversation = conversationItem(caller, staff.schoolId(), id, Conversation.Kind.STAFF);
    conversation.teacherId = teacherId;
    conversation.teacherName = staff.teacherName();
    String callerName = caller.displayName(staff.schoolId()).orElse(null);
    return create(conversation, List.of(
        participant(conversation, caller.subject(), callerName, Conversation.Side.SCHOOL),
        participant(conversation, teacherId, staff.teacherName(), Conversation.Side.SCHOOL)));
  }

  private Found create(ConversationItem conversation, List<ParticipantItem> members) {
    boolean created = repository.create(conversation, members);
    return new Found(repository.conversation(conversation.schoolId, conversation.conversationId)
        .orElseThrow(() -> new ApiException.Conflict("request.inProgress")), created);
  }

  private ConversationItem conversationItem(Caller caller, String schoolId, String id, Conversation.Kind kind) {
    ConversationItem c = new ConversationItem();
    c.pk = Keys.conversation(schoolId, id);
    c.sk = Keys.CONVERSATION;
    c.type = ConversationItem.TYPE;
    c.conversationId = id;
    c.kind = kind.name();
    c.schoolId = schoolId;
    c.seq = 0L;
    c.createdBy = caller.subject();
    c.createdAt = clock.instant().toString();
    c.cursorKey = ids.newId(clock.instant()) + ids.newId(clock.instant()); // 160 random bits
    return c;
  }

  private ParticipantItem participant(ConversationItem c, String userId, String name, Conversation.Side side) {
    ParticipantItem p = new ParticipantItem();
    p.pk = c.pk;
    p.sk = Keys.PARTICIPANT + userId;
    p.type = ParticipantItem.TYPE;
    p.about(c);
    p.userId = userId;
    p.displayName = name;
    p.side = side.name();
    p.lastSeq = 0L;
    p.readSeq = 0L;
    p.lastActivityAt = c.createdAt;
    if (!Conversation.Kind.CLASS.name().equals(c.kind)) {
      p.gsi1pk = Keys.inbox(userId);
      p.gsi1sk = Keys.inboxEntry(Instant.parse(c.createdAt).toEpochMilli(), c.schoolId, c.conversationId);
    }
    return p;
  }

  // ------------------------------------------------------------------------------------- reading

  /** A page of messages, newest first, with every participant's read mark (the read receipts). */
  Conversation.Page page(Seat seat, Optional<String> cursor, Optional<String> limitParameter) {
    int limit = limitParameter.map(MessagingService::limit).orElse(DEFAULT_PAGE);
    Long before = cursor.map(c -> Cursor.decode(c, seat.id(), seat.conversation().cursorKey)).orElse(null);
    if (before != null && before > seat.conversation().seq) {
      throw new ApiException.BadRequest(List.of(Violation.of("cursor", "messaging.badCursor", cursor.get())),
          "request.badParameter", "cursor");
    }
    List<MessageItem> items = before != null && before <= 1 ? List.of()
        : repository.messages(seat.schoolId(), seat.id(), before, limit);
    List<ParticipantItem> participants = repository.participants(seat.schoolId(), seat.id());
    ParticipantItem viewer = seat.participant();
    List<Message> messages = items.stream().map(m -> view(m, viewer)).toList();
    MessageItem last = items.isEmpty() ? null : items.getLast();
    String next = items.size() == limit && last.seq > 1 ? Cursor.encode(seat.id(), seat.conversation().cursorKey, last.seq) : null;
    List<Conversation.Participant> receipts = participants.stream()
        .map(p -> new Conversation.Participant(p.userId, p.displayName, Conversation.Side.valueOf(p.side),
            p.readSeq == null || p.readSeq == 0 ? null : messageId(p.readSeq),
            p.readAt == null ? null : SchoolTime.show(Instant.parse(p.readAt))))
        .toList();
    return new Conversation.Page(view(seat), receipts, messages, next);
  }

  private static int limit(String value) {
    if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
      throw new ApiException.BadRequest(List.of(Violation.of("limit", "messaging.badLimit", MAX_PAGE)),
          "request.badParameter", "limit");
    }
    return Integer.parseInt(value);
  }

  // ------------------------------------------------------------------------------------- sending

  /**
   * Sends a message. The same {@code clientMessageId} from the same sender stores one message
   * whatever the retries (one record, created in the send's transaction): a retry gets the stored
   * message (created = false), a different text under the same id is a 422. A family's post in a
   * class channel goes to their private conversation with the teacher (its answer names that
   * conversation).
   */
  public Sent send(Caller caller, String conversationId, Message.Draft draft) {
    return send(caller, access.seat(caller, conversationId), draft);
  }

  Sent send(Caller caller, Seat seat, Message.Draft draft) {
    Validation validation = new Validation();
    String text = checkDraft(validation, draft);
    checkId(validation, "studentId", draft.studentId());
    if (draft.replyTo() != null && !isMessageId(draft.replyTo())) {
      validation.add(Violation.of("replyTo", "messaging.noSuchMessage", draft.replyTo()));
    }
    if (seat.role() != Part.CLASS_FAMILY) {
      // replyTo and studentId say where a family's reply to a class post goes; nowhere else.
      if (draft.replyTo() != null) {
        validation.add(Violation.of("replyTo", "messaging.onlyInClassChannel"));
      }
      if (draft.studentId() != null) {
        validation.add(Violation.of("studentId", "messaging.onlyInClassChannel"));
      }
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    if (seat.role() == Part.CLASS_FAMILY) {
      String author = draft.replyTo() == null ? null : repository.message(seat.schoolId(), seat.id(), seq(draft.replyTo()))
          .map(m -> m.senderId).orElse(null);
      FamilyStart target = access.privateReply(caller, seat, draft.studentId(), author);
      ConversationItem conversation = openFamily(caller, target).item();
      Seat privateSeat = access.seat(caller, conversation.conversationId);
      return send(caller, privateSeat, new Message.Draft(draft.clientMessageId(), text, null, null));
    }
    String clientHash = Hashes.sha256(caller.subject() + "\n" + draft.clientMessageId().toLowerCase(java.util.Locale.ROOT));
    String fingerprint = Hashes.sha256(text);
    String senderName = caller.displayName(seat.schoolId()).orElse(null);
    ConversationItem conversation = seat.conversation();
    for (int round = 0; round < MAX_SEND_ROUNDS; round++) {
      Optional<ClientMessageItem> earlier = repository.clientMessage(seat.schoolId(), seat.id(), clientHash);
      if (earlier.isPresent()) {
        if (!earlier.get().fingerprint.equals(fingerprint)) {
          throw new ApiException.Invalid(List.of(Violation.of("clientMessageId", "messaging.clientMessageIdReused")));
        }
        MessageItem stored = repository.message(seat.schoolId(), seat.id(), earlier.get().seq).orElseThrow();
        publish(stored); // again, with the same event id: a first publish that failed is not lost
        return new Sent(view(stored, seat.participant()), false);
      }
      if (round > 0) {
        conversation = repository.conversation(seat.schoolId(), seat.id()).orElseThrow();
      }
      Instant now = clock.instant();
      long seq = conversation.seq + 1;
      conversation.seq = seq;
      conversation.lastMessageAt = now.toString();

      MessageItem message = new MessageItem();
      message.pk = conversation.pk;
      message.sk = Keys.message(seq);
      message.type = MessageItem.TYPE;
      message.conversationId = seat.id();
      message.schoolId = seat.schoolId();
      message.seq = seq;
      message.senderId = caller.subject();
      message.senderName = senderName;
      message.text = text;
      message.sentAt = now.toString();
      message.clientMessageId = draft.clientMessageId();
      message.eventId = ids.newId(now);
      if (seat.kind() == Conversation.Kind.FAMILY && seat.participant() != null
          && Conversation.Side.FAMILY.name().equals(seat.participant().side)) {
        officeHours(seat.schoolId(), conversation.teacherId).nextOpening(now)
            .ifPresent(at -> message.expectReplyAfter = at.toInstant().toString());
      }
      ClientMessageItem clientId = new ClientMessageItem();
      clientId.pk = conversation.pk;
      clientId.sk = Keys.CLIENT_MESSAGE + clientHash;
      clientId.type = ClientMessageItem.TYPE;
      clientId.seq = seq;
      clientId.fingerprint = fingerprint;
      clientId.expiresAt = now.plus(CLIENT_ID_WINDOW).getEpochSecond();

      List<ParticipantItem> updates = new ArrayList<>();
      boolean channel = seat.kind() == Conversation.Kind.CLASS;
      ParticipantItem sender = channel && seat.participant() == null
          ? participant(conversation, caller.subject(), senderName, Conversation.Side.SCHOOL) : key(conversation, caller.subject());
      sender.readSeq = seq;
      sender.readAt = now.toString();
      sender.lastSeq = seq;
      sender.lastActivityAt = now.toString();
      updates.add(sender);
      if (!channel) {
        sender.gsi1sk = Keys.inboxEntry(now.toEpochMilli(), seat.schoolId(), seat.id());
        for (ParticipantItem other : repository.participants(seat.schoolId(), seat.id())) {
          if (!other.userId.equals(caller.subject())) {
            ParticipantItem update = key(conversation, other.userId);
            update.lastSeq = seq;
            update.lastActivityAt = now.toString();
            update.gsi1sk = Keys.inboxEntry(now.toEpochMilli(), seat.schoolId(), seat.id());
            updates.add(update);
          }
        }
      }
      var outcome = repository.send(new MessagingRepository.Send(conversation, message, clientId, updates, channel));
      if (outcome == MessagingRepository.Outcome.SENT) {
        publish(message);
        ParticipantItem me = seat.participant() == null ? sender : seat.participant();
        return new Sent(view(message, me), true);
      }
      backOff(round);
    }
    throw new ApiException.Conflict("request.inProgress");
  }

  private void publish(MessageItem message) {
    events.publish(new DomainEvent(message.eventId, EventTypes.MESSAGE_SENT, message.schoolId,
        Instant.parse(message.sentAt), Map.of("conversationId", message.conversationId,
            "messageId", messageId(message.seq), "senderSub", message.senderId)));
  }

  private static void backOff(int round) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 + 10 * Math.min(round, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException.Conflict("request.inProgress");
    }
  }

  // ------------------------------------------------------------------------------------- editing

  /**
   * The author changes a message's text within {@link #EDIT_WINDOW}. It shows {@code editedAt} from
   * then on; when someone else had read it, the text they read stays visible ({@code previousText}),
   * and each reader who read it before the edit sees {@code changedSinceRead}.
   */
  Message edit(Caller caller, Seat seat, String messageId, Message.Edit edit) {
    Validation validation = new Validation();
    String text = validation.text("text", edit.text(), MAX_TEXT_LENGTH, true);
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    if (!isMessageId(messageId)) {
      throw new ApiException.NotFound();
    }
    MessageItem message = repository.message(seat.schoolId(), seat.id(), seq(messageId))
        .orElseThrow(ApiException.NotFound::new);
    access.edit(caller, message.senderId);
    Instant now = clock.instant();
    if (now.isAfter(Instant.parse(message.sentAt).plus(EDIT_WINDOW))) {
      throw new ApiException.Conflict("messaging.editWindowClosed", EDIT_WINDOW.toHours());
    }
    if (text.equals(message.text)) {
      return view(message, seat.participant());
    }
    boolean readByOthers = repository.participants(seat.schoolId(), seat.id()).stream()
        .anyMatch(p -> !p.userId.equals(caller.subject()) && p.readSeq != null && p.readSeq >= message.seq);
    if (readByOthers) {
      message.previousText = message.text;
    }
    message.text = text;
    message.editedAt = now.toString();
    if (!repository.edit(message)) {
      throw new ApiException.Conflict("messaging.editedMeanwhile");
    }
    return view(message, seat.participant());
  }

  // ------------------------------------------------------------------------------- read receipts

  /** Marks the conversation read up to a message (never backwards); answers the caller's read state. */
  public Message.ReadState markRead(Caller caller, String conversationId, Message.ReadMark mark) {
    return markRead(caller, access.seat(caller, conversationId), mark);
  }

  Message.ReadState markRead(Caller caller, Seat seat, Message.ReadMark mark) {
    Validation validation = new Validation();
    String upTo = validation.required("upTo", mark.upTo());
    if (upTo != null && (!isMessageId(upTo) || seq(upTo) > seat.conversation().seq)) {
      validation.add(Violation.of("upTo", "messaging.noSuchMessage", upTo));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    Instant now = clock.instant();
    boolean channel = seat.kind() == Conversation.Kind.CLASS;
    ParticipantItem item = channel && seat.participant() == null
        ? participant(seat.conversation(), caller.subject(), caller.displayName(seat.schoolId()).orElse(null),
            seat.role() == Part.CLASS_TEACHER ? Conversation.Side.SCHOOL : Conversation.Side.FAMILY)
        : key(seat.conversation(), caller.subject());
    item.readSeq = seq(upTo);
    item.readAt = now.toString();
    repository.markRead(item, channel);
    ParticipantItem after = repository.participant(seat.schoolId(), seat.id(), caller.subject()).orElseThrow();
    long last = channel ? seat.conversation().seq : after.lastSeq;
    return new Message.ReadState(seat.id(), messageId(after.readSeq), SchoolTime.show(Instant.parse(after.readAt)),
        (int) Math.max(0, last - after.readSeq));
  }

  // -------------------------------------------------------------------------------- office hours

  /** The caller's office hours (the same in every school they teach at); none set: no windows. */
  public OfficeHours officeHours(Caller caller) {
    String schoolId = access.teacherSchools(caller).iterator().next();
    return officeHours(schoolId, caller.subject());
  }

  /** Replaces the caller's office hours in every school where they teach. */
  public OfficeHours setOfficeHours(Caller caller, OfficeHours hours) {
    List<Violation> violations = hours.violations();
    if (!violations.isEmpty()) {
      throw new ApiException.Invalid(violations);
    }
    for (String schoolId : access.teacherSchools(caller)) {
      OfficeHoursItem item = repository.officeHours(schoolId, caller.subject()).orElseGet(() -> {
        OfficeHoursItem created = new OfficeHoursItem();
        created.pk = Keys.teacher(schoolId, caller.subject());
        created.sk = Keys.OFFICE_HOURS;
        created.type = OfficeHoursItem.TYPE;
        created.schoolId = schoolId;
        created.userId = caller.subject();
        return created;
      });
      item.windows = hours.windows().stream().map(w -> w.day() + " " + w.start() + "-" + w.end()).toList();
      item.updatedAt = clock.instant().toString();
      if (!repository.putOfficeHours(item)) {
        throw new ApiException.Conflict("messaging.editedMeanwhile");
      }
    }
    return hours;
  }

  private OfficeHours officeHours(String schoolId, String teacherId) {
    if (teacherId == null) {
      return new OfficeHours(List.of());
    }
    return repository.officeHours(schoolId, teacherId).map(item -> new OfficeHours(item.windows.stream().map(w -> {
      String[] parts = w.split("[ -]");
      return new OfficeHours.Window(DayOfWeek.valueOf(parts[0]), parts[1], parts[2]);
    }).toList())).orElseGet(() -> new OfficeHours(List.of()));
  }

  // ---------------------------------------------------------------------------------------- views

  private Conversation view(Seat seat) {
    if (seat.kind() == Conversation.Kind.CLASS) {
      return view(seat.conversation(), seat.participant(), seat.role() == Part.CLASS_TEACHER);
    }
    return view(repository.participant(seat.schoolId(), seat.id(), seat.participant().userId).orElse(seat.participant()));
  }

  private static Conversation view(ParticipantItem p) {
    long last = p.lastSeq == null ? 0 : p.lastSeq;
    long read = p.readSeq == null ? 0 : p.readSeq;
    return new Conversation(p.conversationId, Conversation.Kind.valueOf(p.kind), p.schoolId, p.studentId, p.studentName,
        p.classId, p.className, p.teacherId, p.teacherName,
        last == 0 ? null : SchoolTime.show(Instant.parse(p.lastActivityAt)), (int) last, (int) Math.max(0, last - read), true);
  }

  private static Conversation view(ConversationItem c, ParticipantItem mark, boolean teacher) {
    long read = mark == null || mark.readSeq == null ? 0 : mark.readSeq;
    return new Conversation(c.conversationId, Conversation.Kind.CLASS, c.schoolId, null, null, c.classId, c.className,
        null, null, c.lastMessageAt == null ? null : SchoolTime.show(Instant.parse(c.lastMessageAt)),
        c.seq.intValue(), (int) Math.max(0, c.seq - read), teacher);
  }

  private static Message view(MessageItem m, ParticipantItem viewer) {
    boolean changedSinceRead = m.editedAt != null && viewer != null && !m.senderId.equals(viewer.userId)
        && viewer.readSeq != null && viewer.readSeq >= m.seq && viewer.readAt != null
        && Instant.parse(viewer.readAt).isBefore(Instant.parse(m.editedAt));
    return new Message(messageId(m.seq), m.conversationId, m.senderId, m.senderName, m.text,
        SchoolTime.show(Instant.parse(m.sentAt)), m.clientMessageId,
        m.editedAt == null ? null : SchoolTime.show(Instant.parse(m.editedAt)), m.previousText, changedSinceRead,
        m.expectReplyAfter == null ? null : SchoolTime.show(Instant.parse(m.expectReplyAfter)));
  }

  // -------------------------------------------------------------------------------------- helpers

  private static ParticipantItem key(ConversationItem c, String userId) {
    ParticipantItem p = new ParticipantItem();
    p.pk = c.pk;
    p.sk = Keys.PARTICIPANT + userId;
    p.userId = userId;
    return p;
  }

  private static String checkDraft(Validation validation, Message.Draft draft) {
    String text = validation.text("text", draft.text(), MAX_TEXT_LENGTH, true);
    String clientMessageId = validation.required("clientMessageId", draft.clientMessageId());
    if (clientMessageId != null && !UUID.matcher(clientMessageId).matches()) {
      validation.add(Violation.of("clientMessageId", "messaging.badClientMessageId", clientMessageId));
    }
    return text;
  }

  private static void checkId(Validation validation, String field, String id) {
    if (id != null && !Ids.isValid(id)) {
      validation.add(Violation.of(field, "messaging.badId", id));
    }
  }

  /** Message ids are the message's number in its conversation, 10 digits: {@code 0000000042}. */
  static String messageId(long seq) {
    return String.format("%010d", seq);
  }

  /** The id of the n-th message of a conversation. */
  public static String messageIdOf(long seq) {
    return messageId(seq);
  }

  static boolean isMessageId(String id) {
    return id != null && id.matches("[0-9]{10}") && Long.parseLong(id) > 0;
  }

  private static long seq(String messageId) {
    return Long.parseLong(messageId);
  }

  /** A class's channel: one per class, its id derived from the class (public: the data export finds it so). */
  public static String classChannelId(String schoolId, String classId) {
    return derivedId("class", schoolId, classId);
  }

  /** 26 Crockford base-32 characters of SHA-256 over the parts: the same conversation for the same people. */
  static String derivedId(String... parts) {
    byte[] digest = digest(String.join("\n", parts));
    char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    StringBuilder id = new StringBuilder(26);
    long buffer = 0;
    int bits = 0;
    int index = 0;
    while (id.length() < 26) {
      if (bits < 5) {
        buffer = (buffer << 8) | (digest[index++] & 0xFF);
        bits += 8;
      }
      id.append(alphabet[(int) ((buffer >> (bits - 5)) & 31)]);
      bits -= 5;
    }
    return id.toString();
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
