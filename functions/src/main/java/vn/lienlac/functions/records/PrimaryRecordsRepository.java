package vn.lienlac.functions.records;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.records.PrimaryItems.CompetencyAuditItem;
import vn.lienlac.functions.records.PrimaryItems.CompetencyItem;
import vn.lienlac.functions.records.PrimaryItems.PrimaryGradeItem;
import vn.lienlac.functions.records.RecordsItems.GradeAuditItem;
import vn.lienlac.model.records.ClassEvaluations;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.Completion;
import vn.lienlac.model.records.grading.Nomination;
import vn.lienlac.model.records.grading.PrimaryEntry;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.QualityRating;

/**
 * The primary records' items and keys, and nothing else: a pupil's marks in a subject for a term
 * ({@code GRADE#{term}#{subject}}, the secondary grade's key with the primary attributes), their
 * qualities and competencies for a term ({@code COMPETENCY#{term}}), and the audit of both, written
 * in the same transaction as the change (docs/ARCHITECTURE.md §3, A5, A6, A15-A17).
 */
final class PrimaryRecordsRepository {
  /** The rules the primary marks are entered under (stored on each grade item, like the secondary ones). */
  static final String RULES = "TT27/2020";

  /** One pupil's marks in one subject for one term: an entry per point entered. */
  record SubjectTerm(String studentId, String subject, Map<PrimaryPoint, PrimaryEntry> points, Long version,
      Instant updatedAt) {
    static SubjectTerm none(String studentId, String subject) {
      return new SubjectTerm(studentId, subject, Map.of(), null, null);
    }
  }

  /** One pupil's qualities and competencies for one term: ratings and comment per point, the nomination (HK2). */
  record QualitiesTerm(String studentId, Map<PrimaryPoint, Map<String, QualityRating>> ratings,
      Map<PrimaryPoint, String> comments, Nomination nomination, Long version, Instant updatedAt) {
    static QualitiesTerm none(String studentId) {
      return new QualitiesTerm(studentId, Map.of(), Map.of(), null, null, null);
    }
  }

  /** A change to write: the state before (its version is the condition) and after. */
  record Change<T>(T before, T after) {}

  /** Who writes, for the audit. */
  record Author(String schoolId, String classId, String actor, String actorName, String requestId, Instant at) {}

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<PrimaryGradeItem> grades;
  private final DynamoDbTable<GradeAuditItem> gradeAudit;
  private final DynamoDbTable<CompetencyItem> competencies;
  private final DynamoDbTable<CompetencyAuditItem> competencyAudit;

  PrimaryRecordsRepository(Dynamo dynamo) {
    this.enhanced = dynamo.enhanced();
    this.grades = enhanced.table(dynamo.tableName(), PrimaryGradeItem.SCHEMA);
    this.gradeAudit = enhanced.table(dynamo.tableName(), GradeAuditItem.SCHEMA);
    this.competencies = enhanced.table(dynamo.tableName(), CompetencyItem.SCHEMA);
    this.competencyAudit = enhanced.table(dynamo.tableName(), CompetencyAuditItem.SCHEMA);
  }

  // --- reads

  /** A class's marks in one subject and term, by pupil (A6: one BatchGetItem per 100 pupils). */
  Map<String, SubjectTerm> subjectOfClass(String schoolId, List<String> studentIds, TermId term, String subject) {
    List<Key> keys = studentIds.stream().map(id -> key(Keys.student(schoolId, id), gradeSortKey(term, subject))).toList();
    Map<String, SubjectTerm> found = new HashMap<>();
    Reads.batchGet(enhanced, grades, keys).forEach(item -> found.put(item.studentId, subjectTerm(item)));
    return found;
  }

  /**
   * A pupil's marks in every subject, for one term ({@code GRADE#{term}#}) or a school year
   * ({@code GRADE#{year}-HK}: both terms in one Query), as (term, subject) → marks (A5).
   */
  Map<String, SubjectTerm> subjectsOfPupil(String schoolId, String studentId, String termOrYear) {
    Map<String, SubjectTerm> found = new TreeMap<>();
    grades.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortBeginsWith(key(Keys.student(schoolId, studentId),
                Keys.GRADE + termOrYear)))
            .consistentRead(true).build())
        .items().forEach(item -> found.put(item.term + "#" + item.subject, subjectTerm(item)));
    return found;
  }

  /** A class's qualities and competencies in one term, by pupil (A15: BatchGetItem). */
  Map<String, QualitiesTerm> qualitiesOfClass(String schoolId, List<String> studentIds, TermId term) {
    List<Key> keys = studentIds.stream().map(id -> key(Keys.student(schoolId, id), Keys.COMPETENCY + term)).toList();
    Map<String, QualitiesTerm> found = new HashMap<>();
    Reads.batchGet(enhanced, competencies, keys).forEach(item -> found.put(item.studentId, qualitiesTerm(item)));
    return found;
  }

  /**
   * A pupil's qualities and competencies for a term ({@code COMPETENCY#{term}}) or a year
   * ({@code COMPETENCY#{year}-HK}), by term (A16: one Query).
   */
  Map<String, QualitiesTerm> qualitiesOfPupil(String schoolId, String studentId, String termOrYear) {
    Map<String, QualitiesTerm> found = new TreeMap<>();
    competencies.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortBeginsWith(key(Keys.student(schoolId, studentId),
                Keys.COMPETENCY + termOrYear)))
            .consistentRead(true).build())
        .items().forEach(item -> found.put(item.term, qualitiesTerm(item)));
    return found;
  }

  // --- writes

  /**
   * Writes the changed marks of a class's subject and an audit entry for each, in one transaction
   * (at most 50 changes: 100 actions). 409 when a row changed since it was read.
   */
  void saveSubjects(Author author, TermId term, List<Change<SubjectTerm>> changes) {
    var transaction = TransactWriteItemsEnhancedRequest.builder();
    for (Change<SubjectTerm> change : changes) {
      PrimaryGradeItem item = gradeItem(author, term, change.after());
      item.version = change.before() == null ? null : change.before().version(); // checked and incremented
      GradeAuditItem audit = new GradeAuditItem();
      audit.pk = item.pk;
      audit.sk = Keys.GRADE_AUDIT + term + "#" + item.subject + "#" + author.at() + "#" + author.requestId();
      audit.type = GradeAuditItem.TYPE;
      audit.schoolId = item.schoolId;
      audit.studentId = item.studentId;
      audit.classId = item.classId;
      audit.term = item.term;
      audit.subject = item.subject;
      audit.actor = item.updatedBy;
      audit.actorName = author.actorName();
      audit.at = author.at().toString();
      audit.requestId = author.requestId();
      audit.before = change.before() == null || change.before().points().isEmpty() ? null
          : Json.write(new GradeSnapshot(snapshot(change.before().points())));
      audit.after = Json.write(new GradeSnapshot(snapshot(change.after().points())));
      transaction.addPutItem(grades, TransactPutItemEnhancedRequest.builder(PrimaryGradeItem.class).item(item).build());
      transaction.addPutItem(gradeAudit, TransactPutItemEnhancedRequest.builder(GradeAuditItem.class).item(audit)
          .conditionExpression(Writes.NOT_EXISTS).build());
    }
    commit(transaction, changes.size());
  }

  /** Writes the changed qualities of a class's pupils and an audit entry for each, in one transaction. */
  void saveQualities(Author author, TermId term, List<Change<QualitiesTerm>> changes) {
    var transaction = TransactWriteItemsEnhancedRequest.builder();
    for (Change<QualitiesTerm> change : changes) {
      QualitiesTerm after = change.after();
      CompetencyItem item = new CompetencyItem();
      item.pk = Keys.student(author.schoolId(), after.studentId());
      item.sk = Keys.COMPETENCY + term;
      item.type = CompetencyItem.TYPE;
      item.schoolId = author.schoolId();
      item.studentId = after.studentId();
      item.classId = author.classId();
      item.term = term.toString();
      item.ratings = ratingsAttribute(after.ratings());
      item.comments = nullIfEmpty(byPointName(after.comments()));
      item.nomination = after.nomination() == null ? null : after.nomination().reason();
      item.updatedBy = author.actor();
      item.updatedAt = author.at().toString();
      item.version = change.before() == null ? null : change.before().version();
      CompetencyAuditItem audit = new CompetencyAuditItem();
      audit.pk = item.pk;
      audit.sk = Keys.COMPETENCY_AUDIT + term + "#" + author.at() + "#" + author.requestId();
      audit.type = CompetencyAuditItem.TYPE;
      audit.schoolId = item.schoolId;
      audit.studentId = item.studentId;
      audit.classId = item.classId;
      audit.term = item.term;
      audit.actor = author.actor();
      audit.actorName = author.actorName();
      audit.at = author.at().toString();
      audit.requestId = author.requestId();
      audit.before = change.before() == null || change.before().version() == null ? null : qualitiesSnapshot(change.before());
      audit.after = qualitiesSnapshot(after);
      transaction.addPutItem(competencies, TransactPutItemEnhancedRequest.builder(CompetencyItem.class).item(item).build());
      transaction.addPutItem(competencyAudit, TransactPutItemEnhancedRequest.builder(CompetencyAuditItem.class)
          .item(audit).conditionExpression(Writes.NOT_EXISTS).build());
    }
    commit(transaction, changes.size());
  }

  private void commit(TransactWriteItemsEnhancedRequest.Builder transaction, int changes) {
    if (changes == 0) {
      return;
    }
    try {
      enhanced.transactWriteItems(transaction.build());
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        throw new ApiException.Conflict("gradebook.changedMeanwhile");
      }
      throw e;
    }
  }

  // --- mapping

  /** The audit snapshot of a primary grade: {@code {"points":{"MID_TERM_1":{"rating":…,"comment":…,"testScore":8}}}}. */
  record GradeSnapshot(Map<String, PointSnapshot> points) {}

  /** One point of a snapshot (also read by the grade history). */
  record PointSnapshot(String rating, String comment, Integer testScore) {}

  private record QualitiesSnapshot(Map<String, String> ratings, Map<String, String> comments, String nomination) {}

  /** The marks of a snapshot's points (the grade history); null for a secondary snapshot (no points). */
  static Map<PrimaryPoint, ClassEvaluations.Mark> points(Map<String, PointSnapshot> snapshot) {
    if (snapshot == null) {
      return null;
    }
    Map<PrimaryPoint, ClassEvaluations.Mark> points = new EnumMap<>(PrimaryPoint.class);
    snapshot.forEach((point, mark) -> points.put(PrimaryPoint.valueOf(point), new ClassEvaluations.Mark(
        mark.rating() == null ? null : Completion.valueOf(mark.rating()), mark.comment(),
        mark.testScore() == null ? null : java.math.BigDecimal.valueOf(mark.testScore()))));
    return points;
  }

  private static Map<String, PointSnapshot> snapshot(Map<PrimaryPoint, PrimaryEntry> points) {
    Map<String, PointSnapshot> snapshot = new LinkedHashMap<>();
    new TreeMap<>(points).forEach((point, entry) -> snapshot.put(point.name(), new PointSnapshot(
        entry.rating() == null ? null : entry.rating().name(), entry.comment(), entry.testScore())));
    return snapshot;
  }

  private static String qualitiesSnapshot(QualitiesTerm term) {
    return Json.write(new QualitiesSnapshot(new TreeMap<>(ratingsAttribute(term.ratings()) == null ? Map.of()
        : ratingsAttribute(term.ratings())), new TreeMap<>(byPointName(term.comments())),
        term.nomination() == null ? null : term.nomination().reason()));
  }

  private static PrimaryGradeItem gradeItem(Author author, TermId term, SubjectTerm marks) {
    PrimaryGradeItem item = new PrimaryGradeItem();
    item.pk = Keys.student(author.schoolId(), marks.studentId());
    item.sk = gradeSortKey(term, marks.subject());
    item.type = PrimaryGradeItem.TYPE;
    item.schoolId = author.schoolId();
    item.studentId = marks.studentId();
    item.classId = author.classId();
    item.term = term.toString();
    item.subject = marks.subject();
    item.rules = RULES;
    Map<String, String> ratings = new TreeMap<>();
    Map<String, String> comments = new TreeMap<>();
    Map<String, String> tests = new TreeMap<>();
    marks.points().forEach((point, entry) -> {
      if (entry.rating() != null) {
        ratings.put(point.name(), entry.rating().name());
      }
      if (entry.comment() != null) {
        comments.put(point.name(), entry.comment());
      }
      if (entry.testScore() != null) {
        tests.put(point.name(), entry.testScore().toString());
      }
    });
    item.pointRatings = nullIfEmpty(ratings);
    item.pointComments = nullIfEmpty(comments);
    item.pointTests = nullIfEmpty(tests);
    item.updatedBy = author.actor();
    item.updatedAt = author.at().toString();
    return item;
  }

  private static SubjectTerm subjectTerm(PrimaryGradeItem item) {
    Map<PrimaryPoint, PrimaryEntry> points = new EnumMap<>(PrimaryPoint.class);
    for (PrimaryPoint point : PrimaryPoint.values()) {
      String rating = get(item.pointRatings, point);
      String comment = get(item.pointComments, point);
      String test = get(item.pointTests, point);
      if (rating != null || comment != null || test != null) {
        points.put(point, new PrimaryEntry(rating == null ? null : Completion.valueOf(rating), comment,
            test == null ? null : Integer.valueOf(test)));
      }
    }
    return new SubjectTerm(item.studentId, item.subject, points, item.version,
        item.updatedAt == null ? null : Instant.parse(item.updatedAt));
  }

  private static QualitiesTerm qualitiesTerm(CompetencyItem item) {
    Map<PrimaryPoint, Map<String, QualityRating>> ratings = new EnumMap<>(PrimaryPoint.class);
    if (item.ratings != null) {
      item.ratings.forEach((key, rating) -> {
        int hash = key.indexOf('#');
        ratings.computeIfAbsent(PrimaryPoint.valueOf(key.substring(0, hash)), p -> new TreeMap<>())
            .put(key.substring(hash + 1), QualityRating.valueOf(rating));
      });
    }
    Map<PrimaryPoint, String> comments = new EnumMap<>(PrimaryPoint.class);
    if (item.comments != null) {
      item.comments.forEach((point, comment) -> comments.put(PrimaryPoint.valueOf(point), comment));
    }
    return new QualitiesTerm(item.studentId, ratings, comments,
        item.nomination == null ? null : new Nomination(item.nomination), item.version,
        item.updatedAt == null ? null : Instant.parse(item.updatedAt));
  }

  private static Map<String, String> ratingsAttribute(Map<PrimaryPoint, Map<String, QualityRating>> ratings) {
    Map<String, String> flat = new TreeMap<>();
    ratings.forEach((point, byCode) -> byCode.forEach((code, rating) -> flat.put(point.name() + "#" + code, rating.name())));
    return nullIfEmpty(flat);
  }

  private static Map<String, String> byPointName(Map<PrimaryPoint, String> byPoint) {
    Map<String, String> named = new TreeMap<>();
    byPoint.forEach((point, value) -> named.put(point.name(), value));
    return named;
  }

  private static String get(Map<String, String> map, PrimaryPoint point) {
    return map == null ? null : map.get(point.name());
  }

  private static Map<String, String> nullIfEmpty(Map<String, String> map) {
    return map.isEmpty() ? null : map;
  }

  private static String gradeSortKey(TermId term, String subject) {
    return Keys.GRADE + term + "#" + subject;
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }
}
