package vn.lienlac.functions.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.records.YearItems.ConductAuditItem;
import vn.lienlac.functions.records.YearItems.ConductItem;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.ClassConduct;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.Conduct;

/**
 * Conduct (kết quả rèn luyện, Circular 22/2021 Article 8): the homeroom teacher rates each pupil of
 * the class per term; the year's conduct is derived from the two terms by the rules. Whole-class
 * updates are validated first and written all or nothing, each changed row with its audit item in
 * the same transaction.
 */
public final class ConductService {
  /** Two actions per changed row (the rating and its audit item) in one transaction of at most 100. */
  static final int MAX_ROWS = GradesService.MAX_ROWS;

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<ConductItem> conduct;
  private final DynamoDbTable<ConductAuditItem> audit;
  private final RosterRepository roster;
  private final Clock clock;

  public ConductService(Dynamo dynamo, RosterRepository roster, Clock clock) {
    this.enhanced = dynamo.enhanced();
    this.conduct = enhanced.table(dynamo.tableName(), ConductItem.SCHEMA);
    this.audit = enhanced.table(dynamo.tableName(), ConductAuditItem.SCHEMA);
    this.roster = roster;
    this.clock = clock;
  }

  /** The class's conduct for a term, in roster order: one Query (the roster) and one BatchGetItem. */
  public ClassConduct classConduct(SchoolClass schoolClass, TermId term, Locale locale) {
    return classConduct(schoolClass, roster.members(schoolClass.schoolId(), schoolClass.id()), term, locale);
  }

  private ClassConduct classConduct(SchoolClass schoolClass, List<ClassMember> members, TermId term, Locale locale) {
    inYearOf(schoolClass, term);
    Map<String, ConductItem> stored = load(schoolClass.schoolId(),
        members.stream().map(ClassMember::studentId).toList(), term);
    List<ClassConduct.Entry> rows = members.stream().map(m -> {
      ConductItem item = stored.get(m.studentId());
      Conduct value = item == null ? null : conductOf(item);
      return new ClassConduct.Entry(m.studentId(), m.fullName(), value, name(locale, value),
          item == null ? null : item.version);
    }).toList();
    return new ClassConduct(schoolClass.id(), schoolClass.name(), term.toString(), rows);
  }

  /**
   * Sets the given rows, all or nothing: every row is checked first (a pupil of the class, once,
   * a valid version); one bad row rejects the request naming each bad row, and nothing is written.
   */
  public ClassConduct update(Caller caller, SchoolClass schoolClass, TermId term, ClassConduct.Update update,
      String requestId, Locale locale) {
    inYearOf(schoolClass, term);
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    ClassRows classRows = new ClassRows(schoolClass, members);
    Validation validation = new Validation();
    List<ClassConduct.Row> given = update.rows() == null ? List.of() : update.rows();
    if (given.isEmpty()) {
      validation.add(Violation.of("rows", "gradebook.noRows"));
    } else if (given.size() > MAX_ROWS) {
      validation.add(Violation.of("rows", "gradebook.tooManyRows", MAX_ROWS, given.size()));
    }
    Map<String, ClassConduct.Row> rows = new LinkedHashMap<>();
    for (int i = 0; i < given.size() && given.size() <= MAX_ROWS; i++) {
      ClassConduct.Row row = given.get(i);
      String at = "rows/" + i;
      if (!classRows.accept(at, row == null ? null : row.studentId(), validation)) {
        continue;
      }
      validation.version(at + "/version", row.version());
      rows.put(row.studentId(), row);
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    Map<String, ConductItem> stored = load(schoolClass.schoolId(), List.copyOf(rows.keySet()), term);
    Instant now = clock.instant();
    String actorName = caller.displayName(schoolClass.schoolId()).orElse(null);
    var transaction = TransactWriteItemsEnhancedRequest.builder();
    int changed = 0;
    for (ClassConduct.Row row : rows.values()) {
      ConductItem before = stored.get(row.studentId());
      if (row.version() != null && !Objects.equals(row.version(), before == null ? null : before.version)) {
        throw new ApiException.Conflict(before == null ? null : before.version, "conduct.changedMeanwhile");
      }
      String after = row.conduct() == null ? null : row.conduct().name();
      if (before == null ? after == null : Objects.equals(before.conduct, after)) {
        continue;
      }
      ConductItem item = new ConductItem();
      item.pk = Keys.student(schoolClass.schoolId(), row.studentId());
      item.sk = Keys.CONDUCT + term;
      item.type = ConductItem.TYPE;
      item.schoolId = schoolClass.schoolId();
      item.studentId = row.studentId();
      item.classId = schoolClass.id();
      item.term = term.toString();
      item.conduct = after;
      item.updatedBy = caller.subject();
      item.updatedAt = now.toString();
      item.version = before == null ? null : before.version; // the Enhanced Client checks and increments it
      transaction.addPutItem(conduct, TransactPutItemEnhancedRequest.builder(ConductItem.class).item(item).build());
      transaction.addPutItem(audit, TransactPutItemEnhancedRequest.builder(ConductAuditItem.class)
          .item(auditItem(item, before == null ? null : before.conduct, actorName, requestId, now))
          .conditionExpression(Writes.NOT_EXISTS).build());
      changed++;
    }
    if (changed > 0) {
      try {
        enhanced.transactWriteItems(transaction.build());
      } catch (TransactionCanceledException e) {
        if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
          throw new ApiException.Conflict("conduct.changedMeanwhile");
        }
        throw e;
      }
    }
    return classConduct(schoolClass, members, term, locale);
  }

  /** A pupil's conduct in the terms of a school year ({@code 2026-2027}) that have one: one Query. */
  public Map<Integer, Conduct> ofYear(String schoolId, String studentId, String schoolYear) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(schoolId, studentId)).sortValue(Keys.CONDUCT + schoolYear + "-HK").build()))
        .consistentRead(true)
        .build();
    Map<Integer, Conduct> terms = new HashMap<>();
    conduct.query(request).items().forEach(item -> {
      Conduct value = conductOf(item);
      if (value != null) {
        TermId.parse(item.term).ifPresent(t -> terms.put(t.semester(), value));
      }
    });
    return terms;
  }

  /** The conduct of each term of the year for pupils of one class: two BatchGetItems (pupil → semester → conduct). */
  public Map<String, Map<Integer, Conduct>> ofClassYear(String schoolId, List<String> studentIds, String schoolYear) {
    Map<String, Map<Integer, Conduct>> result = new HashMap<>();
    for (int semester = 1; semester <= 2; semester++) {
      TermId term = TermId.parse(schoolYear + "-HK" + semester).orElseThrow();
      for (var entry : load(schoolId, studentIds, term).entrySet()) {
        Conduct value = conductOf(entry.getValue());
        if (value != null) {
          result.computeIfAbsent(entry.getKey(), k -> new HashMap<>()).put(semester, value);
        }
      }
    }
    return result;
  }

  /** Conduct is rated for the terms of the class's own school year; another year's term names no register: 404. */
  private static void inYearOf(SchoolClass schoolClass, TermId term) {
    if (!term.schoolYear().equals(schoolClass.schoolYear())) {
      throw new ApiException.NotFound();
    }
  }

  private Map<String, ConductItem> load(String schoolId, List<String> studentIds, TermId term) {
    List<Key> keys = studentIds.stream().map(id -> Key.builder()
        .partitionValue(Keys.student(schoolId, id)).sortValue(Keys.CONDUCT + term).build()).toList();
    Map<String, ConductItem> found = new HashMap<>();
    Reads.batchGet(enhanced, conduct, keys).forEach(item -> found.put(item.studentId, item));
    return found;
  }

  private static Conduct conductOf(ConductItem item) {
    return item.conduct == null ? null : Conduct.valueOf(item.conduct);
  }

  static String name(Locale locale, Conduct conduct) {
    return conduct == null ? null : Messages.get(locale, "conduct." + conduct.name());
  }

  private static ConductAuditItem auditItem(ConductItem after, String before, String actorName, String requestId,
      Instant now) {
    ConductAuditItem item = new ConductAuditItem();
    item.pk = after.pk;
    item.sk = Keys.CONDUCT_AUDIT + after.term + "#" + now + "#" + requestId;
    item.type = ConductAuditItem.TYPE;
    item.schoolId = after.schoolId;
    item.studentId = after.studentId;
    item.classId = after.classId;
    item.term = after.term;
    item.actor = after.updatedBy;
    item.actorName = actorName;
    item.at = now.toString();
    item.requestId = requestId;
    item.before = before;
    item.after = after.conduct;
    return item;
  }
}
