package vn.lienlac.functions.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.Enrolment;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.PageCursor;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.privacy.AccessLogEntry;

/**
 * The access log (issue 18): one entry per request in which a staff member, a teacher or the
 * data-protection officer read or changed a pupil's records, written by the feature's {@code *Access}
 * class at the moment it grants access, and read by the pupil's guardians and the school's DPO.
 *
 * <p>Items (docs/ARCHITECTURE.md §3): pk {@code ACCESS#S#{school}#ST#{student}} (one pupil) or
 * {@code ACCESS#S#{school}#C#{class}} (a whole class: one entry per request, not one per pupil), or
 * {@code ACCESS#S#{school}#SCHOOL} (a school-wide read naming pupils: roster import rows); sk
 * {@code {instant, ISO-8601 UTC millis}#{requestId}#{n}} ({@code n}: the entry's number in the
 * request); gsi1 {@code ACCESS#S#{school}} / the same sk (the DPO's view of the school). Written with
 * one conditional PutItem ({@code attribute_not_exists(pk)}), never updated, never deleted but by
 * TTL ({@code expiresAt}, {@link #RETENTION}).
 *
 * <p><b>Fail closed</b>: when the entry cannot be written the exception propagates and the request
 * answers 500 (naming only its request id) before any record is read or changed: an access that
 * cannot be logged does not happen. A put refused on its condition is the same entry already stored
 * (the SDK retried a put that had succeeded): that is success.
 *
 * <p>Not logged: a parent reading or acting for their own child (the family's own data); requests
 * that are not API requests (the demo seed writing through the services passes no request).
 */
public final class AccessLog {
  /**
   * How long an entry is kept (TTL): two years. Long enough for a family to look back over a whole
   * school year and the next, and for a breach investigation (docs/privacy/access-log.md); the law
   * (91/2025/QH15, Decree 356/2025) sets no figure for such logs that we could confirm.
   */
  public static final Duration RETENTION = Duration.ofDays(730);
  /** The items' {@code type}. */
  public static final String TYPE = "ACCESS_LOG";
  /** At most this many entries per page. */
  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 50;
  /** The sort key's instant: fixed width, so that sort keys order by time. */
  static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  /** Sorts before and after every sort key. */
  private static final String LOWEST = "0";
  private static final String HIGHEST = "~";

  /** What was read or changed: the entry's {@code what} code ({@code privacy.accessLog.what.{code}} names it). */
  public enum What {
    GRADES("grades"), ATTENDANCE("attendance"), LEAVE("leave"), CONDUCT("conduct"), COMPETENCIES("competencies"),
    REPORT("report"), YEAR_SUMMARY("year-summary"), RECORD_BOOK("record-book"), INVOICES("invoices"),
    ACCESS_LOG("access-log"), ROSTER_IMPORT("roster-import");

    public final String code;

    What(String code) {
      this.code = code;
    }
  }

  private final Dynamo dynamo;
  private final Clock clock;
  private final DirectoryRepository directory;

  public AccessLog(Dynamo dynamo, Clock clock) {
    this.dynamo = dynamo;
    this.clock = clock;
    this.directory = new DirectoryRepository(dynamo, clock);
  }

  // --- writing -------------------------------------------------------------------------------

  /**
   * The role an access to a pupil's records is logged under; empty for the pupil's own parent, whose
   * reads are not logged. A teacher of the pupil's class ({@code classId}) acts as TEACHER, then
   * STAFF, then the DPO, then TEACHER (a homeroom teacher of an earlier class: the record book).
   */
  public static Optional<Role> roleFor(Caller caller, String schoolId, String studentId, String classId) {
    if (caller.schoolOfChild(studentId).filter(schoolId::equals).isPresent()) {
      return Optional.empty();
    }
    if (classId != null && caller.teachesIn(schoolId, classId)) {
      return Optional.of(Role.TEACHER);
    }
    for (Role role : List.of(Role.STAFF, Role.DPO, Role.TEACHER)) {
      if (caller.hasRole(schoolId, role)) {
        return Optional.of(role);
      }
    }
    return Optional.of(Role.TEACHER);
  }

  /** Logs an access to one pupil's records ({@code classId}: the pupil's class, to tell the role). */
  public void pupil(ApiRequest request, Caller caller, String schoolId, String studentId, String classId, What what) {
    Optional<Role> role = roleFor(caller, schoolId, studentId, classId);
    if (role.isPresent()) {
      write(request, Keys.studentAccessLog(schoolId, studentId), caller, role.get(), what, schoolId, studentId, null);
    }
  }

  /** Logs an access to a whole class's records: one entry, whatever the number of pupils. */
  public void schoolClass(ApiRequest request, Caller caller, String schoolId, String classId, What what) {
    Role role = caller.teachesIn(schoolId, classId) ? Role.TEACHER
        : caller.hasRole(schoolId, Role.STAFF) ? Role.STAFF
        : caller.hasRole(schoolId, Role.DPO) ? Role.DPO : Role.TEACHER;
    write(request, Keys.classAccessLog(schoolId, classId), caller, role, what, schoolId, null, classId);
  }

  /** Logs a school-wide read that names pupils (roster import rows), by someone holding {@code role}: the DPO's view only. */
  public void school(ApiRequest request, Caller caller, Role role, String schoolId, What what) {
    write(request, Keys.schoolAccessLog(schoolId), caller, role, what, schoolId, null, null);
  }

  private void write(ApiRequest request, String pk, Caller caller, Role role, What what, String schoolId,
      String studentId, String classId) {
    if (request == null) {
      return;
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String sk = INSTANT.format(at) + "#" + request.requestId().replace('#', '_') + "#" + request.nextAccessLogEntry();
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(Keys.PK, s(pk));
    item.put(Keys.SK, s(sk));
    item.put(Keys.GSI1_PK, s(Keys.accessLogOfSchool(schoolId)));
    item.put(Keys.GSI1_SK, s(sk));
    item.put("type", s(TYPE));
    item.put("schoolId", s(schoolId));
    if (studentId != null) {
      item.put("studentId", s(studentId));
    }
    if (classId != null) {
      item.put("classId", s(classId));
    }
    item.put("actorId", s(caller.subject()));
    item.put("role", s(role.name()));
    item.put("action", s(request.method().equals("GET") ? AccessLogEntry.Action.READ.name()
        : AccessLogEntry.Action.WRITE.name()));
    item.put("what", s(what.code));
    item.put("resource", s(request.resource()));
    item.put("requestId", s(request.requestId()));
    item.put("at", s(INSTANT.format(at)));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(at.plus(RETENTION).getEpochSecond())));
    try {
      dynamo.client().putItem(PutItemRequest.builder().tableName(dynamo.tableName()).item(item)
          .conditionExpression("attribute_not_exists(pk)").build());
    } catch (ConditionalCheckFailedException e) {
      // The same entry (same instant, request and number) is stored: a retried put that had succeeded.
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  // --- reading -------------------------------------------------------------------------------

  /** What a reader asks for: dates (inclusive, Asia/Ho_Chi_Minh), an actor, a page. */
  public record Filter(LocalDate from, LocalDate to, String actorId, String cursor, int limit) {}

  /**
   * A pupil's log, newest first: the pupil's own partition merged with the class partitions of the
   * classes of their enrolment periods, each clipped to the period (a class read before the pupil
   * came, or after they left, is not theirs); no periods stored: the current class.
   */
  public ListResponse<AccessLogEntry> forStudent(Caller caller, Student student, List<Enrolment> periods,
      Filter filter, Locale locale) {
    String list = "access-log/" + student.schoolId() + "/" + student.id() + "/" + filter.actorId();
    String before = position(filter, list, caller);
    List<Source> sources = new ArrayList<>();
    sources.add(new Source(Keys.studentAccessLog(student.schoolId(), student.id()), false,
        lower(filter.from()), upper(filter.to())));
    if (periods.isEmpty()) {
      sources.add(new Source(Keys.classAccessLog(student.schoolId(), student.classId()), false,
          lower(filter.from()), upper(filter.to())));
    }
    for (Enrolment period : periods) {
      String lo = max(lower(filter.from()), lower(period.from()));
      String hi = min(upper(filter.to()), upper(period.to()));
      if (lo.compareTo(hi) < 0) {
        sources.add(new Source(Keys.classAccessLog(student.schoolId(), period.classId()), false, lo, hi));
      }
    }
    return page(sources, before, filter, list, caller, student.schoolId(), locale);
  }

  /** A school's log (the DPO's view), newest first: gsi1 {@code ACCESS#S#{school}}. */
  public ListResponse<AccessLogEntry> forSchool(Caller caller, String schoolId, Filter filter, Locale locale) {
    String list = "access-log/" + schoolId + "//" + filter.actorId();
    String before = position(filter, list, caller);
    List<Source> sources = List.of(new Source(Keys.accessLogOfSchool(schoolId), true, lower(filter.from()),
        upper(filter.to())));
    return page(sources, before, filter, list, caller, schoolId, locale);
  }

  /** One partition (or gsi1 partition) to read, between two sort keys (inclusive). */
  private record Source(String partition, boolean gsi, String lower, String upper) {}

  private static String position(Filter filter, String list, Caller caller) {
    String key = list + "/" + filter.from() + "/" + filter.to();
    return filter.cursor() == null ? null
        : PageCursor.position(filter.cursor(), key, caller.subject(), "privacy.accessLog.badCursor");
  }

  private ListResponse<AccessLogEntry> page(List<Source> sources, String before, Filter filter, String list,
      Caller caller, String schoolId, Locale locale) {
    record Head(Map<String, AttributeValue> item, Iterator<Map<String, AttributeValue>> rest) {
      String sk() {
        return item.get(Keys.SK).s();
      }
    }
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::sk).reversed());
    for (Source source : sources) {
      String hi = before != null && before.compareTo(source.upper()) < 0 ? before : source.upper();
      if (source.lower().compareTo(hi) > 0) {
        continue;
      }
      Iterator<Map<String, AttributeValue>> items = query(source, hi, filter).iterator();
      advance(items, before).ifPresent(item -> heads.add(new Head(item, items)));
    }
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!heads.isEmpty() && found.size() <= filter.limit()) {
      Head head = heads.poll();
      if (seen.add(head.item().get(Keys.PK).s() + "|" + head.sk())) {
        found.add(head.item());
      }
      advance(head.rest(), before).ifPresent(item -> heads.add(new Head(item, head.rest())));
    }
    List<Map<String, AttributeValue>> shown = found.size() > filter.limit() ? found.subList(0, filter.limit()) : found;
    String next = found.size() > filter.limit()
        ? PageCursor.of(list + "/" + filter.from() + "/" + filter.to(), caller.subject(), shown.getLast().get(Keys.SK).s())
        : null;
    return new ListResponse<>(entries(shown, schoolId, locale), next);
  }

  /** The next item strictly older than the cursor's position. */
  private static Optional<Map<String, AttributeValue>> advance(Iterator<Map<String, AttributeValue>> items, String before) {
    while (items.hasNext()) {
      Map<String, AttributeValue> item = items.next();
      if (before == null || item.get(Keys.SK).s().compareTo(before) < 0) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** Newest first, lazily paged by the SDK (a page holds at most limit + 1 items). */
  private Iterable<Map<String, AttributeValue>> query(Source source, String upper, Filter filter) {
    String pk = source.gsi() ? Keys.GSI1_PK : Keys.PK;
    String sk = source.gsi() ? Keys.GSI1_SK : Keys.SK;
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(source.partition()), ":lo", s(source.lower()),
        ":hi", s(upper)));
    QueryRequest.Builder query = QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression(pk + " = :pk AND " + sk + " BETWEEN :lo AND :hi")
        .scanIndexForward(false).limit(filter.limit() + 1);
    if (source.gsi()) {
      query.indexName(Keys.GSI1);
    }
    if (filter.actorId() != null) {
      query.filterExpression("actorId = :actor");
      values.put(":actor", s(filter.actorId()));
    }
    return dynamo.client().queryPaginator(query.expressionAttributeValues(values).build()).items();
  }

  private List<AccessLogEntry> entries(List<Map<String, AttributeValue>> items, String schoolId, Locale locale) {
    Map<Role, Set<String>> actors = new HashMap<>();
    for (Map<String, AttributeValue> item : items) {
      actors.computeIfAbsent(Role.valueOf(item.get("role").s()), r -> new HashSet<>()).add(item.get("actorId").s());
    }
    Map<Role, Map<String, String>> names = new HashMap<>();
    actors.forEach((role, ids) -> names.put(role, directory.names(schoolId, role, ids)));
    List<AccessLogEntry> entries = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      Role role = Role.valueOf(item.get("role").s());
      String actorId = item.get("actorId").s();
      String what = item.get("what").s();
      entries.add(new AccessLogEntry(SchoolTime.show(Instant.parse(item.get("at").s())), actorId,
          names.get(role).get(actorId), role, Messages.get(locale, "role." + role.name()),
          AccessLogEntry.Action.valueOf(item.get("action").s()), what,
          Messages.get(locale, "privacy.accessLog.what." + what), item.get("schoolId").s(), text(item, "studentId"),
          text(item, "classId"), item.get("resource").s(), item.get("requestId").s()));
    }
    return entries;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** The lowest sort key on or after the start of {@code date} in Vietnam; no date: the lowest of all. */
  private static String lower(LocalDate date) {
    return date == null ? LOWEST : INSTANT.format(date.atStartOfDay(SchoolTime.ZONE).toInstant());
  }

  /**
   * A bound below every sort key from the start of the day after {@code date} in Vietnam on (a sort
   * key is the instant followed by {@code #…}, so it sorts after the instant alone); no date: above all.
   */
  private static String upper(LocalDate date) {
    return date == null ? HIGHEST : INSTANT.format(date.plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant());
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
