package vn.lienlac.functions.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.IdempotencyItem;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.records.RecordsItems.LeaveItem;
import vn.lienlac.functions.records.RecordsItems.LeaveRefItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.records.LeaveRequest;

/**
 * Leave requests: a parent asks, the homeroom teacher approves or declines. A request lives in
 * the pupil's partition and is indexed (gsi1) under its class, where the homeroom teacher finds it.
 */
public final class LeaveService {
  /** The {@code type} of this feature's {@link IdempotencyItem}s. */
  private static final String IDEMPOTENCY_TYPE = "Idempotency";
  static final int MAX_TEXT_LENGTH = 500;
  static final int MAX_SPAN_DAYS = 30;
  static final int MAX_DAYS_BACK = 30;
  static final int MAX_DAYS_AHEAD = 90;
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<LeaveItem> leaves;
  private final DynamoDbIndex<LeaveItem> leavesByClass;
  private final DynamoDbTable<LeaveRefItem> refs;
  private final DynamoDbTable<IdempotencyItem> idempotency;
  private final RecordsAccess access;
  private final Clock clock;
  private final IdGenerator ids;
  private final EventPublisher events;

  public LeaveService(Dynamo dynamo, Clock clock, IdGenerator ids) {
    this(dynamo, clock, ids, EventPublisher.none());
  }

  /** {@code events} gets {@code leave.decided} after each committed decision. */
  public LeaveService(Dynamo dynamo, Clock clock, IdGenerator ids, EventPublisher events) {
    this.events = events;
    this.ids = ids;
    this.enhanced = dynamo.enhanced();
    this.leaves = enhanced.table(dynamo.tableName(), LeaveItem.SCHEMA);
    this.leavesByClass = leaves.index(Keys.GSI1);
    this.refs = enhanced.table(dynamo.tableName(), LeaveRefItem.SCHEMA);
    this.idempotency = enhanced.table(dynamo.tableName(), IdempotencyItem.SCHEMA);
    this.access = new RecordsAccess(new RosterRepository(dynamo), new AccessLog(dynamo, clock));
    this.clock = clock;
  }

  /** The request, and whether this call created it (false: an earlier call with the same key did). */
  public record Created(LeaveRequest request, boolean created) {}

  /**
   * A parent's request for their child. With an {@code Idempotency-Key}, a retry returns the
   * request the first call created instead of creating a second one.
   */
  public Created create(Caller caller, Student student, LeaveRequest.Draft draft, Optional<String> idempotencyKey) {
    Validation validation = new Validation();
    LocalDate today = SchoolTime.today(clock);
    LocalDate from = validation.required("from", draft.from());
    LocalDate to = validation.required("to", draft.to());
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        validation.add(Violation.of("to", "leave.rangeReversed", from, to));
      } else if (ChronoUnit.DAYS.between(from, to) >= MAX_SPAN_DAYS) {
        validation.add(Violation.of("to", "leave.tooLong", MAX_SPAN_DAYS));
      }
      if (from.isBefore(today.minusDays(MAX_DAYS_BACK))) {
        validation.add(Violation.of("from", "leave.tooFarBack", MAX_DAYS_BACK));
      }
      if (to.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
        validation.add(Violation.of("to", "leave.tooFarAhead", MAX_DAYS_AHEAD));
      }
    }
    String reason = validation.text("reason", draft.reason(), MAX_TEXT_LENGTH, true);
    idempotencyKey.filter(k -> k.length() > MAX_IDEMPOTENCY_KEY_LENGTH).ifPresent(k ->
        validation.add(Violation.of("Idempotency-Key", "text.tooLong", MAX_IDEMPOTENCY_KEY_LENGTH, k.length())));
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    Instant now = clock.instant();
    LeaveItem item = new LeaveItem();
    item.leaveId = ids.newId(now);
    item.pk = Keys.student(student.schoolId(), student.id());
    item.sk = Keys.LEAVE + item.leaveId;
    item.type = LeaveItem.TYPE;
    item.gsi1pk = Keys.classLeave(student.schoolId(), student.classId());
    item.gsi1sk = Keys.LEAVE + item.leaveId;
    item.schoolId = student.schoolId();
    item.studentId = student.id();
    item.studentName = student.fullName();
    item.classId = student.classId();
    item.fromDate = from.toString();
    item.toDate = to.toString();
    item.reason = reason;
    item.status = LeaveRequest.Status.PENDING.name();
    item.requestedBy = caller.subject();
    item.requestedByName = caller.displayName(student.schoolId()).orElse(null);
    item.requestedAt = now.toString();

    LeaveRefItem ref = new LeaveRefItem();
    ref.pk = Keys.leaveRequest(student.schoolId(), item.leaveId);
    ref.sk = Keys.REF;
    ref.type = LeaveRefItem.TYPE;
    ref.schoolId = student.schoolId();
    ref.studentId = student.id();
    var writes = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(leaves, TransactPutItemEnhancedRequest.builder(LeaveItem.class)
            .item(item).conditionExpression(Writes.NOT_EXISTS).build())
        .addPutItem(refs, TransactPutItemEnhancedRequest.builder(LeaveRefItem.class)
            .item(ref).conditionExpression(Writes.NOT_EXISTS).build());
    if (idempotencyKey.isEmpty()) {
      enhanced.transactWriteItems(writes.build());
      return new Created(view(item), true);
    }
    // The request, its reference and the key's record are written together: a retry finds the key taken.
    IdempotencyItem key = new IdempotencyItem();
    key.pk = item.pk;
    key.sk = Keys.IDEMPOTENCY + Hashes.sha256(caller.subject() + "\n" + idempotencyKey.get());
    key.type = IDEMPOTENCY_TYPE;
    key.resourceId = item.leaveId;
    key.fingerprint = Hashes.sha256(from + "\n" + to + "\n" + reason);
    key.expiresAt = now.plus(IDEMPOTENCY_WINDOW).getEpochSecond();
    try {
      enhanced.transactWriteItems(writes
          .addPutItem(idempotency, TransactPutItemEnhancedRequest.builder(IdempotencyItem.class)
              .item(key).conditionExpression(Writes.NOT_EXISTS).build())
          .build());
      return new Created(view(item), true);
    } catch (TransactionCanceledException e) {
      if (!Writes.failedOnCondition(e) && !Writes.conflicted(e)) {
        throw e;
      }
      IdempotencyItem earlier = idempotency.getItem(GetItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(key.pk).sortValue(key.sk).build()).consistentRead(true).build());
      if (earlier == null) {
        throw new ApiException.Conflict("request.inProgress"); // a concurrent twin has not finished
      }
      if (!earlier.fingerprint.equals(key.fingerprint)) {
        throw new ApiException.Invalid(List.of(Violation.of("Idempotency-Key", "request.idempotencyKeyReused")));
      }
      return new Created(view(item(item.pk, earlier.resourceId)), false);
    }
  }

  /** One of a pupil's requests by id: one consistent GetItem in the pupil's partition. */
  public Optional<LeaveRequest> ofStudent(Student student, String leaveId) {
    return Optional.ofNullable(item(Keys.student(student.schoolId(), student.id()), leaveId)).map(LeaveService::view);
  }

  private LeaveItem item(String pupilPartition, String leaveId) {
    return leaves.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(pupilPartition).sortValue(Keys.LEAVE + leaveId).build())
        .consistentRead(true).build());
  }

  /** A pupil's requests, newest first: one Query on the pupil's partition. */
  public List<LeaveRequest> forStudent(Student student) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(student.schoolId(), student.id())).sortValue(Keys.LEAVE).build()))
        .scanIndexForward(false)
        .consistentRead(true)
        .build();
    return leaves.query(request).items().stream().map(LeaveService::view).toList();
  }

  public List<LeaveRequest> approvedFor(Student student) {
    return forStudent(student).stream().filter(l -> l.status() == LeaveRequest.Status.APPROVED).toList();
  }

  /** A class's requests, newest first, optionally of one status: one Query on gsi1. */
  public List<LeaveRequest> forClass(SchoolClass schoolClass, Optional<LeaveRequest.Status> status) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.classLeave(schoolClass.schoolId(), schoolClass.id())).sortValue(Keys.LEAVE).build()))
        .scanIndexForward(false)
        .build();
    return leavesByClass.query(request).stream()
        .flatMap(page -> page.items().stream())
        .map(LeaveService::view)
        .filter(l -> status.isEmpty() || l.status() == status.get())
        .toList();
  }

  /** The pupils of the class on approved leave on {@code date}, with their request. */
  public Map<String, LeaveRequest> approvedOn(SchoolClass schoolClass, LocalDate date) {
    Map<String, LeaveRequest> onLeave = new LinkedHashMap<>();
    forClass(schoolClass, Optional.of(LeaveRequest.Status.APPROVED)).stream()
        .filter(l -> !date.isBefore(l.from()) && !date.isAfter(l.to()))
        .forEach(l -> onLeave.putIfAbsent(l.studentId(), l));
    return onLeave;
  }

  /**
   * The homeroom teacher's decision. Whoever else may read the request gets 403 and anyone else
   * 404 ({@link RecordsAccess#leaveToDecide}). Decided once: a second decision is a 409.
   */
  public LeaveRequest decide(Caller caller, String leaveId, LeaveRequest.Decision decision) {
    return decide(caller, leaveId, decision, null);
  }

  /** The decision of an API request, which the access log records ({@code null}: not a request, nothing logged). */
  public LeaveRequest decide(Caller caller, String leaveId, LeaveRequest.Decision decision, ApiRequest request) {
    Validation validation = new Validation();
    LeaveRequest.Status status = validation.required("status", decision.status());
    if (status == LeaveRequest.Status.PENDING) {
      validation.add(Violation.of("status", "leave.decisionPending"));
    }
    String note = validation.text("note", decision.note(), MAX_TEXT_LENGTH, status == LeaveRequest.Status.DECLINED);
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    LeaveItem item = find(caller, leaveId).orElseThrow(ApiException.NotFound::new);
    access.leaveToDecide(caller, item.schoolId, item.studentId, item.classId, request);
    if (!LeaveRequest.Status.PENDING.name().equals(item.status)) {
      throw new ApiException.Conflict("leave.alreadyDecided", item.status);
    }
    item.status = status.name();
    item.decidedBy = caller.subject();
    item.decidedByName = caller.displayName(item.schoolId).orElse(null);
    item.decidedAt = clock.instant().toString();
    item.decisionNote = note;
    try {
      leaves.putItem(PutItemEnhancedRequest.builder(LeaveItem.class).item(item)
          .conditionExpression(Expression.builder()
              .expression("#status = :pending")
              .putExpressionName("#status", "status")
              .putExpressionValue(":pending", AttributeValue.fromS(LeaveRequest.Status.PENDING.name()))
              .build())
          .build());
    } catch (ConditionalCheckFailedException decidedMeanwhile) {
      throw new ApiException.Conflict("leave.decidedMeanwhile");
    }
    // Push: the parents learn that their request was answered (ids only; the app shows the answer).
    Instant decidedAt = Instant.parse(item.decidedAt);
    events.publish(new DomainEvent(Ids.newId(decidedAt.toEpochMilli()), EventTypes.LEAVE_DECIDED, item.schoolId, decidedAt,
        Map.of("studentId", item.studentId, "leaveRequestId", item.leaveId, "classId", item.classId)));
    return view(item);
  }

  /** The request, looked up by id in each school the caller has a grant in (the item read consistently). */
  private Optional<LeaveItem> find(Caller caller, String leaveId) {
    for (String schoolId : caller.schools()) {
      LeaveRefItem ref = refs.getItem(GetItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(Keys.leaveRequest(schoolId, leaveId)).sortValue(Keys.REF).build())
          .consistentRead(true).build());
      if (ref != null) {
        return Optional.ofNullable(item(Keys.student(ref.schoolId, ref.studentId), leaveId));
      }
    }
    return Optional.empty();
  }

  private static LeaveRequest view(LeaveItem i) {
    return new LeaveRequest(i.leaveId, i.studentId, i.studentName, i.classId, LocalDate.parse(i.fromDate),
        LocalDate.parse(i.toDate), i.reason, LeaveRequest.Status.valueOf(i.status), i.requestedBy, i.requestedByName,
        SchoolTime.show(Instant.parse(i.requestedAt)), i.decidedBy, i.decidedByName,
        i.decidedAt == null ? null : SchoolTime.show(Instant.parse(i.decidedAt)), i.decisionNote);
  }
}
