package vn.lienlac.functions.announcements;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.announcements.AnnouncementsAccess.Target;
import vn.lienlac.functions.announcements.AnnouncementsItems.AnnouncementItem;
import vn.lienlac.functions.announcements.AnnouncementsItems.ReceiptItem;
import vn.lienlac.functions.announcements.AnnouncementsItems.RefItem;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.IdempotencyItem;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.PageCursor;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.announcements.Announcement.Link;
import vn.lienlac.model.announcements.Announcement.NotReached;
import vn.lienlac.model.announcements.Announcement.Pupil;
import vn.lienlac.model.announcements.Announcement.Receipt;
import vn.lienlac.model.announcements.Announcement.Scope;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.identity.Role;

/**
 * Announcements, fan-out on read: an announcement is written once, in its scope's partition
 * (school, grade or class); a family's feed merges the few partitions its children are in. Marks
 * (read, acknowledged) are one receipt item per family and announcement. Statistics compute the
 * families in scope from the roster when asked (docs/ARCHITECTURE.md §4 counts the queries).
 */
public final class AnnouncementsService {
  /** The {@code type} of this feature's {@link IdempotencyItem}s. */
  private static final String IDEMPOTENCY_TYPE = "AnnouncementIdempotency";
  static final int MAX_TITLE_LENGTH = 150;
  static final int MAX_BODY_LENGTH = 5_000;
  static final int MAX_LINKS = 5;
  static final int MAX_URL_LENGTH = 500;
  static final int MAX_LABEL_LENGTH = 100;
  static final int MAX_GRADE = 12;
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  public static final int DEFAULT_PAGE = 20;
  public static final int MAX_PAGE = 50;
  static final int STATS_PAGE = 50;
  /** Reads in flight at once for statistics (rosters, guardians, devices). */
  static final int PARALLEL_READS = 16;
  private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbClient client;
  private final String tableName;
  private final DynamoDbTable<AnnouncementItem> announcements;
  private final DynamoDbTable<RefItem> refs;
  private final DynamoDbTable<ReceiptItem> receipts;
  private final DynamoDbTable<IdempotencyItem> keys;
  private final RosterRepository roster;
  private final DirectoryRepository directory;
  private final Clock clock;
  private final IdGenerator ids;
  private final EventPublisher events;

  public AnnouncementsService(Dynamo dynamo, Clock clock, IdGenerator ids, EventPublisher events) {
    this.enhanced = dynamo.enhanced();
    this.client = dynamo.client();
    this.tableName = dynamo.tableName();
    this.announcements = enhanced.table(tableName, AnnouncementItem.SCHEMA);
    this.refs = enhanced.table(tableName, RefItem.SCHEMA);
    this.receipts = enhanced.table(tableName, ReceiptItem.SCHEMA);
    this.keys = enhanced.table(tableName, IdempotencyItem.SCHEMA);
    this.roster = new RosterRepository(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.clock = clock;
    this.ids = ids;
    this.events = events;
  }

  /** A draft that passed every check that needs no data: what {@link #publish} writes. */
  public record Valid(String schoolId, Scope scope, Integer grade, String classId, String title, String body,
      boolean urgent, boolean acknowledgementRequired, List<Link> links, Optional<String> idempotencyKey) {}

  /** The announcement, and whether this call published it (false: an earlier call with the same key did). */
  public record Published(Announcement announcement, boolean created) {}

  /** Every rule of a draft, all at once, each violation naming its field. */
  public Valid validate(Announcement.Draft draft, Optional<String> idempotencyKey) {
    Validation validation = new Validation();
    String schoolId = id(validation, "schoolId", draft.schoolId());
    Scope scope = validation.required("scope", draft.scope());
    Integer grade = draft.grade();
    String classId = null;
    if (scope == Scope.GRADE) {
      if (validation.required("grade", grade) != null && (grade < 1 || grade > MAX_GRADE)) {
        validation.add(Violation.of("grade", "announcements.badGrade", MAX_GRADE, grade));
      }
    } else if (grade != null) {
      validation.add(Violation.of("grade", "announcements.notForScope", scope));
    }
    if (scope == Scope.CLASS) {
      classId = id(validation, "classId", draft.classId());
    } else if (draft.classId() != null) {
      validation.add(Violation.of("classId", "announcements.notForScope", String.valueOf(scope)));
    }
    String title = validation.text("title", draft.title(), MAX_TITLE_LENGTH, true);
    String body = validation.text("body", draft.body(), MAX_BODY_LENGTH, true);
    List<Link> links = new ArrayList<>();
    List<Link> given = draft.links() == null ? List.of() : draft.links();
    if (given.size() > MAX_LINKS) {
      validation.add(Violation.of("links", "announcements.tooManyLinks", MAX_LINKS, given.size()));
    } else {
      for (int i = 0; i < given.size(); i++) {
        Link link = given.get(i);
        if (link == null) {
          validation.add(Violation.of("links/" + i, "text.required"));
          continue;
        }
        String url = validation.text("links/" + i + "/url", link.url(), MAX_URL_LENGTH, true);
        if (url != null && !isHttpsUrl(url)) {
          validation.add(Violation.of("links/" + i + "/url", "announcements.linkNotHttps", url));
        }
        links.add(new Link(url, validation.text("links/" + i + "/label", link.label(), MAX_LABEL_LENGTH, false)));
      }
    }
    idempotencyKey.filter(k -> k.isBlank() || k.length() > MAX_IDEMPOTENCY_KEY_LENGTH).ifPresent(k ->
        validation.add(Violation.of("Idempotency-Key", "announcements.badIdempotencyKey", MAX_IDEMPOTENCY_KEY_LENGTH)));
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    return new Valid(schoolId, scope, grade, classId, title, body, Boolean.TRUE.equals(draft.urgent()),
        Boolean.TRUE.equals(draft.acknowledgementRequired()), List.copyOf(links), idempotencyKey);
  }

  private static String id(Validation validation, String field, String value) {
    if (validation.required(field, value) != null && !Ids.isValid(value)) {
      validation.add(Violation.of(field, "announcements.badId", value));
    }
    return value;
  }

  /** An absolute https URL with a host, no user part, no white space. */
  static boolean isHttpsUrl(String url) {
    if (url.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || cp > 0x7E)) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Publishes to the target (already authorized). The announcement and its reference item (and the
   * idempotency record, with a key) are written in one transaction; {@code announcement.published}
   * goes out after it commits. A retry with the same key returns the first announcement (and
   * publishes its event again, with the same event id: consumers deduplicate on it).
   */
  public Published publish(Caller caller, Target target, Valid valid) {
    if (target.scope() == Scope.GRADE && roster.classesOf(target.schoolId(), target.grade()).isEmpty()) {
      throw new ApiException.Invalid(List.of(Violation.of("grade", "announcements.noSuchGrade", target.grade())));
    }
    Instant now = clock.instant();
    AnnouncementItem item = new AnnouncementItem();
    item.announcementId = ids.newId(now);
    item.pk = target.partition();
    item.sk = Keys.ANNOUNCEMENT + item.announcementId;
    item.type = AnnouncementItem.TYPE;
    item.schoolId = target.schoolId();
    item.scope = target.scope().name();
    item.grade = target.grade();
    item.classId = target.classId();
    item.className = target.className();
    item.title = valid.title();
    item.body = valid.body();
    item.urgent = valid.urgent();
    item.acknowledgementRequired = valid.acknowledgementRequired();
    item.links = valid.links().isEmpty() ? null : Json.write(valid.links());
    item.authorId = caller.subject();
    item.authorName = caller.displayName(target.schoolId()).orElse(null);
    item.publishedAt = now.toString();
    item.gsi1pk = Keys.schoolAnnouncements(target.schoolId());
    item.gsi1sk = Keys.ANNOUNCEMENT + item.announcementId;

    RefItem ref = new RefItem();
    ref.pk = Keys.announcement(target.schoolId(), item.announcementId);
    ref.sk = Keys.REF;
    ref.type = RefItem.TYPE;
    ref.announcementId = item.announcementId;
    ref.schoolId = target.schoolId();
    ref.scopePartition = item.pk;
    ref.authorId = caller.subject();
    ref.gsi1pk = Keys.announcementsBy(target.schoolId(), caller.subject());
    ref.gsi1sk = item.gsi1sk;

    var writes = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(announcements, TransactPutItemEnhancedRequest.builder(AnnouncementItem.class)
            .item(item).conditionExpression(Writes.NOT_EXISTS).build())
        .addPutItem(refs, TransactPutItemEnhancedRequest.builder(RefItem.class)
            .item(ref).conditionExpression(Writes.NOT_EXISTS).build());
    if (valid.idempotencyKey().isEmpty()) {
      enhanced.transactWriteItems(writes.build());
      events.publish(event(item));
      return new Published(view(item, null), true);
    }
    IdempotencyItem key = new IdempotencyItem();
    key.pk = Keys.announcementKeys(target.schoolId());
    key.sk = Keys.IDEMPOTENCY + Hashes.sha256(caller.subject() + "\n" + valid.idempotencyKey().get());
    key.type = IDEMPOTENCY_TYPE;
    key.resourceId = item.announcementId;
    key.fingerprint = Hashes.sha256(Json.write(Arrays.asList(valid.schoolId(), valid.scope(), valid.grade(),
        valid.classId(), valid.title(), valid.body(), valid.urgent(), valid.acknowledgementRequired(), valid.links())));
    key.expiresAt = now.plus(IDEMPOTENCY_WINDOW).getEpochSecond();
    try {
      enhanced.transactWriteItems(writes.addPutItem(keys, TransactPutItemEnhancedRequest.builder(IdempotencyItem.class)
          .item(key).conditionExpression(Writes.NOT_EXISTS).build()).build());
    } catch (TransactionCanceledException e) {
      if (!Writes.failedOnCondition(e) && !Writes.conflicted(e)) {
        throw e;
      }
      IdempotencyItem earlier = keys.getItem(GetItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(key.pk).sortValue(key.sk).build()).consistentRead(true).build());
      if (earlier == null) {
        throw new ApiException.Conflict("request.inProgress"); // a concurrent twin has not finished
      }
      if (!earlier.fingerprint.equals(key.fingerprint)) {
        throw new ApiException.Invalid(List.of(Violation.of("Idempotency-Key", "request.idempotencyKeyReused")));
      }
      AnnouncementItem first = find(target.schoolId(), earlier.resourceId).orElseThrow(
          () -> new IllegalStateException("idempotency record without its announcement " + earlier.resourceId));
      events.publish(event(first));
      return new Published(view(first, null), false);
    }
    events.publish(event(item));
    return new Published(view(item, null), true);
  }

  /** Ids and flags only: the consumers read the rest with the ids. The event id is the announcement's. */
  private static DomainEvent event(AnnouncementItem item) {
    String scopeId = switch (Scope.valueOf(item.scope)) {
      case SCHOOL -> item.schoolId;
      case GRADE -> String.valueOf(item.grade);
      case CLASS -> item.classId;
    };
    return new DomainEvent(item.announcementId, EventTypes.ANNOUNCEMENT_PUBLISHED, item.schoolId,
        Instant.parse(item.publishedAt), Map.of("announcementId", item.announcementId, "scope", item.scope,
        "scopeId", scopeId, "urgent", String.valueOf(Boolean.TRUE.equals(item.urgent))));
  }

  // --- reading ------------------------------------------------------------------------------------

  /** An announcement by id, in each school the caller has a grant in: GetItem of the REF, then of the item. */
  Optional<AnnouncementItem> find(Caller caller, String announcementId) {
    for (String schoolId : caller.schools()) {
      Optional<AnnouncementItem> found = find(schoolId, announcementId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<AnnouncementItem> find(String schoolId, String announcementId) {
    RefItem ref = refs.getItem(GetItemEnhancedRequest.builder().key(Key.builder()
        .partitionValue(Keys.announcement(schoolId, announcementId)).sortValue(Keys.REF).build())
        .consistentRead(true).build());
    if (ref == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(announcements.getItem(GetItemEnhancedRequest.builder().key(Key.builder()
        .partitionValue(ref.scopePartition).sortValue(Keys.ANNOUNCEMENT + announcementId).build())
        .consistentRead(true).build()));
  }

  /** One announcement; with this family's marks when {@code family}. */
  Announcement one(Caller caller, AnnouncementItem item, boolean family) {
    return view(item, family ? Optional.ofNullable(receipt(item, caller.subject())).orElseGet(ReceiptItem::new) : null);
  }

  /**
   * A family's feed: the announcements of every scope its children are in, newest first. One Query
   * per partition (Limit = page + 1, below the cursor's position), merged by id (ULIDs sort by
   * time), then one BatchGetItem of this family's receipts for the page.
   */
  public ListResponse<Announcement> feed(Caller caller, Set<String> partitions, Optional<String> cursor, int limit) {
    Optional<String> before = cursor.map(c -> Cursor.position(c, "feed", caller.subject()));
    before.filter(p -> !ULID.matcher(p).matches()).ifPresent(p -> {
      throw Cursor.bad();
    });
    List<AnnouncementItem> found = new ArrayList<>();
    parallel(List.copyOf(partitions), pk -> announcements.query(QueryEnhancedRequest.builder()
        .queryConditional(before.map(p -> QueryConditional.sortLessThan(Key.builder().partitionValue(pk)
                .sortValue(Keys.ANNOUNCEMENT + p).build()))
            .orElseGet(() -> QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk)
                .sortValue(Keys.ANNOUNCEMENT).build())))
        .scanIndexForward(false).limit(limit + 1).build())
        .items().stream().limit(limit + 1).toList()).forEach(found::addAll);
    found.sort(Comparator.comparing((AnnouncementItem i) -> i.announcementId).reversed());
    List<AnnouncementItem> page = found.subList(0, Math.min(limit, found.size()));
    Map<String, ReceiptItem> marks = new HashMap<>();
    Reads.batchGet(enhanced, receipts, page.stream().map(i -> receiptKey(i, caller.subject())).toList())
        .forEach(r -> marks.put(r.announcementId, r));
    List<Announcement> items = page.stream()
        .map(i -> view(i, marks.getOrDefault(i.announcementId, new ReceiptItem()))).toList();
    String next = found.size() > limit ? Cursor.of("feed", caller.subject(), page.getLast().announcementId) : null;
    return new ListResponse<>(items, next);
  }

  /**
   * What was sent in a school, newest first: all of it (staff: gsi1 {@code S#{school}#ANN}), or the
   * caller's own (gsi1 {@code S#{school}#ANN#BY#{sub}} on the reference items, then one BatchGetItem).
   */
  public Announcement.Sent sent(Caller caller, String schoolId, boolean all, Optional<String> cursor, int limit) {
    String list = "sent:" + schoolId + ":" + all;
    Optional<String> before = cursor.map(c -> Cursor.position(c, list, caller.subject()));
    before.filter(p -> !ULID.matcher(p).matches()).ifPresent(p -> {
      throw Cursor.bad();
    });
    String pk = all ? Keys.schoolAnnouncements(schoolId) : Keys.announcementsBy(schoolId, caller.subject());
    var request = QueryEnhancedRequest.builder()
        .queryConditional(before.map(p -> QueryConditional.sortLessThan(Key.builder().partitionValue(pk)
                .sortValue(Keys.ANNOUNCEMENT + p).build()))
            .orElseGet(() -> QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk)
                .sortValue(Keys.ANNOUNCEMENT).build())))
        .scanIndexForward(false).limit(limit + 1).build();
    List<AnnouncementItem> found;
    if (all) {
      found = announcements.index(Keys.GSI1).query(request).stream().flatMap(p -> p.items().stream())
          .limit(limit + 1).toList();
    } else {
      List<RefItem> mine = refs.index(Keys.GSI1).query(request).stream().flatMap(p -> p.items().stream())
          .limit(limit + 1).toList();
      Map<String, AnnouncementItem> byId = new HashMap<>();
      Reads.batchGet(enhanced, announcements, mine.stream().map(r -> Key.builder().partitionValue(r.scopePartition)
          .sortValue(Keys.ANNOUNCEMENT + r.announcementId).build()).toList())
          .forEach(i -> byId.put(i.announcementId, i));
      found = mine.stream().map(r -> byId.get(r.announcementId)).filter(i -> i != null).toList();
    }
    List<AnnouncementItem> page = found.subList(0, Math.min(limit, found.size()));
    String next = found.size() > limit ? Cursor.of(list, caller.subject(), page.getLast().announcementId) : null;
    return new Announcement.Sent(schoolId, page.stream().map(i -> view(i, null)).toList(), next);
  }

  // --- marks --------------------------------------------------------------------------------------

  /**
   * Marks the announcement read (and acknowledged, with {@code acknowledge}) for this family. Once
   * set, a mark stays; repeating is harmless (200, nothing written). Acknowledging one that does
   * not ask for it: 409.
   */
  Receipt mark(Caller caller, AnnouncementItem item, boolean acknowledge) {
    if (acknowledge && !Boolean.TRUE.equals(item.acknowledgementRequired)) {
      throw new ApiException.Conflict("announcements.ackNotRequired");
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      ReceiptItem receipt = receipt(item, caller.subject());
      if (receipt != null && receipt.readAt != null && (!acknowledge || receipt.acknowledgedAt != null)) {
        return receiptView(item.announcementId, receipt);
      }
      if (receipt == null) {
        receipt = new ReceiptItem();
        receipt.pk = Keys.announcement(item.schoolId, item.announcementId);
        receipt.sk = Keys.RECEIPT + caller.subject();
        receipt.type = ReceiptItem.TYPE;
        receipt.announcementId = item.announcementId;
        receipt.guardianId = caller.subject();
      }
      String now = clock.instant().toString();
      receipt.readAt = receipt.readAt == null ? now : receipt.readAt;
      if (acknowledge && receipt.acknowledgedAt == null) {
        receipt.acknowledgedAt = now;
      }
      try {
        // The version condition (VersionedRecordExtension) makes this a create-once or a compare-and-set.
        receipts.putItem(PutItemEnhancedRequest.builder(ReceiptItem.class).item(receipt).build());
        return receiptView(item.announcementId, receipt);
      } catch (ConditionalCheckFailedException concurrentMark) {
        // Another device of the family marked it at the same moment: read again.
      }
    }
    throw new ApiException.Conflict("request.inProgress");
  }

  /** {@link #mark} of an announcement found by id (the demo seed; the API authorizes first). */
  public Receipt mark(Caller caller, String announcementId, boolean acknowledge) {
    return mark(caller, find(caller, announcementId).orElseThrow(ApiException.NotFound::new), acknowledge);
  }

  private ReceiptItem receipt(AnnouncementItem item, String subject) {
    return receipts.getItem(GetItemEnhancedRequest.builder().key(receiptKey(item, subject)).consistentRead(true).build());
  }

  private static Key receiptKey(AnnouncementItem item, String subject) {
    return Key.builder().partitionValue(Keys.announcement(item.schoolId, item.announcementId))
        .sortValue(Keys.RECEIPT + subject).build();
  }

  // --- statistics ---------------------------------------------------------------------------------

  /**
   * Who the announcement reaches now and who it has not reached. The families in scope are
   * computed from the roster: the scope's classes (a class: 0 queries; a grade or the school: one
   * Query on gsi1 {@code S#{school}#CLASSES}), each class's roster (one Query per class, A4), each
   * pupil's guardians (one Query per pupil, A13), in parallel; the receipts are one Query on the
   * announcement's partition; then, for the page of families not reached only, one BatchGetItem
   * of their names and one Query (Limit 1) per family for a registered device.
   */
  Announcement.Stats stats(Caller caller, AnnouncementItem item, Optional<String> cursor) {
    String list = "stats:" + item.announcementId;
    int offset = cursor.map(c -> Cursor.position(c, list, caller.subject())).map(AnnouncementsService::offset).orElse(0);
    String schoolId = item.schoolId;
    List<SchoolClass> classes = switch (Scope.valueOf(item.scope)) {
      case CLASS -> roster.schoolClass(schoolId, item.classId).map(List::of).orElse(List.of());
      case GRADE -> roster.classesOf(schoolId, item.grade);
      case SCHOOL -> roster.classesOf(schoolId, null);
    };
    List<Pupil> pupils = new ArrayList<>();
    List<List<ClassMember>> rosters = parallel(classes, c -> roster.members(schoolId, c.id()));
    for (int c = 0; c < classes.size(); c++) {
      SchoolClass schoolClass = classes.get(c);
      rosters.get(c).forEach(m -> pupils.add(new Pupil(m.studentId(), m.fullName(), schoolClass.id(), schoolClass.name())));
    }
    List<List<String>> guardians = parallel(pupils, p -> directory.guardians(schoolId, p.studentId()));
    Map<String, List<Pupil>> families = new LinkedHashMap<>();
    for (int p = 0; p < pupils.size(); p++) {
      Pupil pupil = pupils.get(p);
      guardians.get(p).forEach(g -> families.computeIfAbsent(g, k -> new ArrayList<>()).add(pupil));
    }
    Map<String, ReceiptItem> marks = new HashMap<>();
    receipts.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.announcement(schoolId, item.announcementId)).sortValue(Keys.RECEIPT).build()))
        .consistentRead(true).build()).items().forEach(r -> marks.put(r.guardianId, r));
    boolean ackRequired = Boolean.TRUE.equals(item.acknowledgementRequired);
    int read = 0;
    int acknowledged = 0;
    List<String> notReached = new ArrayList<>();
    for (String guardian : families.keySet()) {
      ReceiptItem mark = marks.get(guardian);
      boolean hasRead = mark != null && mark.readAt != null;
      boolean hasAcknowledged = mark != null && mark.acknowledgedAt != null;
      read += hasRead ? 1 : 0;
      acknowledged += hasAcknowledged ? 1 : 0;
      if (!(ackRequired ? hasAcknowledged : hasRead)) {
        notReached.add(guardian);
      }
    }
    if (offset > notReached.size()) {
      throw Cursor.bad();
    }
    List<String> page = notReached.subList(offset, Math.min(notReached.size(), offset + STATS_PAGE));
    Map<String, String> names = directory.names(schoolId, Role.PARENT, page);
    List<Boolean> devices = parallel(page, g -> hasDevice(g, schoolId));
    List<NotReached> items = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      String guardian = page.get(i);
      ReceiptItem mark = marks.get(guardian);
      items.add(new NotReached(guardian, names.get(guardian), families.get(guardian),
          mark != null && mark.readAt != null, devices.get(i)));
    }
    int end = offset + page.size();
    String next = end < notReached.size() ? Cursor.of(list, caller.subject(), String.valueOf(end)) : null;
    return new Announcement.Stats(item.announcementId, Scope.valueOf(item.scope), ackRequired, families.size(), read,
        acknowledged, notReached.size(), items, next);
  }

  /** Whether the person has a phone registered for notifications in this school (the push feature's items). */
  private boolean hasDevice(String subject, String schoolId) {
    return client.query(QueryRequest.builder().tableName(tableName)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(subject)),
            ":sk", AttributeValue.fromS(Keys.inSchool(schoolId, Keys.DEVICE))))
        .projectionExpression("pk").limit(1).build()).count() > 0;
  }

  private static int offset(String position) {
    if (!position.matches("[0-9]{1,6}")) {
      throw Cursor.bad();
    }
    return Integer.parseInt(position);
  }

  /** Runs {@code work} on every input, at most {@link #PARALLEL_READS} at a time; results in input order. */
  private static <T, R> List<R> parallel(List<T> inputs, Function<T, R> work) {
    if (inputs.size() <= 1) {
      return inputs.stream().map(work).toList();
    }
    Semaphore permits = new Semaphore(PARALLEL_READS);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<R>> futures = inputs.stream().map(input -> pool.submit(() -> {
        permits.acquire();
        try {
          return work.apply(input);
        } finally {
          permits.release();
        }
      })).toList();
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // --- views --------------------------------------------------------------------------------------

  private static Announcement view(AnnouncementItem i, ReceiptItem marks) {
    return new Announcement(i.announcementId, i.schoolId, Scope.valueOf(i.scope), i.grade, i.classId, i.className,
        i.title, i.body, Boolean.TRUE.equals(i.urgent), Boolean.TRUE.equals(i.acknowledgementRequired), links(i.links),
        i.authorId, i.authorName, SchoolTime.show(Instant.parse(i.publishedAt)),
        marks == null ? null : marks.readAt != null, marks == null ? null : marks.acknowledgedAt != null);
  }

  private static Receipt receiptView(String announcementId, ReceiptItem r) {
    return new Receipt(announcementId, r.readAt != null, r.readAt == null ? null : SchoolTime.show(Instant.parse(r.readAt)),
        r.acknowledgedAt != null, r.acknowledgedAt == null ? null : SchoolTime.show(Instant.parse(r.acknowledgedAt)));
  }

  private static List<Link> links(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.of(Json.MAPPER.readValue(json, Link[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored links are not JSON", e);
    }
  }

  /** Announcements' page cursors ({@link PageCursor}). */
  static final class Cursor {
    private Cursor() {}

    static String of(String list, String subject, String position) {
      return PageCursor.of(list, subject, position);
    }

    static String position(String cursor, String list, String subject) {
      return PageCursor.position(cursor, list, subject, "announcements.badCursor");
    }

    static ApiException bad() {
      return PageCursor.bad("announcements.badCursor");
    }
  }
}
