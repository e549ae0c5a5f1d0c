package vn.lienlac.functions.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.records.RecordsItems.GradeAuditItem;
import vn.lienlac.functions.records.RecordsItems.GradeItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.GradeChange;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.GradingRules;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;
import vn.lienlac.model.records.grading.Score;
import vn.lienlac.model.records.grading.SubjectMarks;
import vn.lienlac.model.records.grading.SubjectOutcome;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * Grades: a pupil's term report, and a class's gradebook for one subject and term. The grading
 * rules come from the school's level ({@link GradingRules}); every change leaves an audit item.
 */
public final class GradesService {
  /**
   * A gradebook update is one transaction of two actions per changed row (the grade and its audit
   * entry); DynamoDB allows 100, so 50 rows. Vietnamese classes are capped at 45 pupils.
   */
  static final int MAX_ROWS = 50;

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<GradeItem> grades;
  private final DynamoDbTable<GradeAuditItem> audit;
  private final RosterRepository roster;
  private final Clock clock;
  private final EventPublisher events;

  public GradesService(Dynamo dynamo, RosterRepository roster, Clock clock) {
    this(dynamo, roster, clock, EventPublisher.none());
  }

  /** {@code events} gets {@code grade.published} after each committed gradebook change. */
  public GradesService(Dynamo dynamo, RosterRepository roster, Clock clock, EventPublisher events) {
    this.events = events;
    this.enhanced = dynamo.enhanced();
    this.grades = enhanced.table(dynamo.tableName(), GradeItem.SCHEMA);
    this.audit = enhanced.table(dynamo.tableName(), GradeAuditItem.SCHEMA);
    this.roster = roster;
    this.clock = clock;
  }

  /** A pupil's marks and outcomes in every subject of their class for one term; one Query. */
  public GradeReport report(Student student, TermId term, Locale locale) {
    SchoolClass schoolClass = roster.schoolClass(student.schoolId(), student.classId()).orElseThrow(ApiException.NotFound::new);
    GradingRules rules = rules(student.schoolId());
    Map<String, GradeItem> bySubject = new HashMap<>();
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(student.schoolId(), student.id()))
            .sortValue(Keys.GRADE + term + "#").build()))
        .build();
    grades.query(request).items().forEach(i -> bySubject.put(i.subject, i));

    List<GradeReport.SubjectGrade> subjects = new ArrayList<>();
    List<SubjectOutcome> outcomes = new ArrayList<>();
    for (SubjectPlan plan : schoolClass.subjects()) {
      GradeItem item = bySubject.get(plan.subject());
      SubjectMarks marks = marks(item, plan, rules);
      SubjectOutcome outcome = rules.termOutcome(plan, marks);
      outcomes.add(outcome);
      subjects.add(new GradeReport.SubjectGrade(plan.subject(), subjectName(locale, plan.subject()), plan.kind(),
          rules.requiredRegularCount(plan), decimals(marks.regular()), decimal(marks.midterm()),
          decimal(marks.finalExam()), decimal(outcome.average()), outcome.rating(),
          item == null ? null : SchoolTime.show(Instant.parse(item.updatedAt))));
    }
    ResultLevel level = rules.termLevel(outcomes).orElse(null);
    return new GradeReport(student.id(), student.fullName(), schoolClass.id(), schoolClass.name(), term.toString(),
        rules.id(), subjects, level, level == null ? null : Messages.get(locale, "level." + level.name()));
  }

  /**
   * The audit of a pupil's marks in a term, newest first, for one subject or all: one Query on the
   * pupil's partition ({@code AUDIT#GRADE#{term}#[{subject}#]}).
   */
  public List<GradeChange> history(Student student, TermId term, Optional<String> subject, Locale locale) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(student.schoolId(), student.id()))
            .sortValue(Keys.GRADE_AUDIT + term + "#" + subject.map(s -> s + "#").orElse("")).build()))
        .scanIndexForward(false)
        .build();
    return audit.query(request).items().stream()
        .map(i -> new GradeChange(i.subject, subjectName(locale, i.subject), i.term,
            SchoolTime.show(Instant.parse(i.at)), i.actor, i.actorName, changeMarks(i.before), changeMarks(i.after)))
        .toList();
  }

  /** The marks of an audit snapshot (written by {@link #snapshot}); null for none. */
  private static GradeChange.Marks changeMarks(String snapshot) {
    if (snapshot == null) {
      return null;
    }
    try {
      Snapshot marks = Json.MAPPER.readValue(snapshot, Snapshot.class);
      return new GradeChange.Marks(
          marks.regular() == null ? List.of() : marks.regular().stream().map(BigDecimal::new).toList(),
          marks.midterm() == null ? null : new BigDecimal(marks.midterm()),
          marks.finalExam() == null ? null : new BigDecimal(marks.finalExam()),
          marks.rating() == null ? null : Rating.valueOf(marks.rating()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable grade audit snapshot", e);
    }
  }

  /** The stored form of a snapshot: the grade item's strings. */
  private record Snapshot(List<String> regular, String midterm, String finalExam, String rating) {}

  /** One subject's marks for the whole class, in roster order: one Query and one BatchGetItem. */
  public Gradebook gradebook(SchoolClass schoolClass, String subject, TermId term, Locale locale) {
    return gradebook(schoolClass, plan(schoolClass, subject), rules(schoolClass.schoolId()),
        roster.members(schoolClass.schoolId(), schoolClass.id()), term, locale);
  }

  /** The gradebook of a class whose plan, rules and roster the caller has already read. */
  private Gradebook gradebook(SchoolClass schoolClass, SubjectPlan plan, GradingRules rules, List<ClassMember> members,
      TermId term, Locale locale) {
    String subject = plan.subject();
    Map<String, GradeItem> stored = load(schoolClass.schoolId(), members.stream().map(ClassMember::studentId).toList(),
        term, subject);
    List<Gradebook.Entry> rows = members.stream().map(m -> {
      GradeItem item = stored.get(m.studentId());
      SubjectMarks marks = marks(item, plan, rules);
      return new Gradebook.Entry(m.studentId(), m.fullName(), decimals(marks.regular()), decimal(marks.midterm()),
          decimal(marks.finalExam()), marks.finalRating(), decimal(rules.termOutcome(plan, marks).average()),
          item == null ? null : item.version);
    }).toList();
    return new Gradebook(schoolClass.id(), schoolClass.name(), subject, subjectName(locale, subject), term.toString(),
        plan.kind(), rules.requiredRegularCount(plan), rows);
  }

  /**
   * Sets the given rows of a gradebook, all or nothing. Every row is checked first; one bad row
   * rejects the request with an explanation per bad row, and nothing is written.
   */
  public Gradebook update(Caller caller, SchoolClass schoolClass, String subject, TermId term, Gradebook.Update update,
      String requestId, Locale locale) {
    SubjectPlan plan = plan(schoolClass, subject);
    GradingRules rules = rules(schoolClass.schoolId());
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    ClassRows classRows = new ClassRows(schoolClass, members);

    Map<String, Gradebook.Row> rows = new LinkedHashMap<>();
    Map<String, SubjectMarks> marksByStudent = new LinkedHashMap<>();
    Validation validation = new Validation();
    List<Gradebook.Row> given = update.rows() == null ? List.of() : update.rows();
    if (given.isEmpty()) {
      validation.add(Violation.of("rows", "gradebook.noRows"));
    } else if (given.size() > MAX_ROWS) {
      validation.add(Violation.of("rows", "gradebook.tooManyRows", MAX_ROWS, given.size()));
    }
    for (int i = 0; i < given.size() && given.size() <= MAX_ROWS; i++) {
      Gradebook.Row row = given.get(i);
      String at = "rows/" + i;
      if (!classRows.accept(at, row == null ? null : row.studentId(), validation)) {
        continue;
      }
      rows.put(row.studentId(), row);
      validation.version(at + "/version", row.version());
      SubjectMarks marks = readMarks(row, at, validation);
      if (marks != null) {
        marks = withRating(plan, rules, marks, row.rating());
        validation.addAll(at, rules.validate(plan, marks).stream().map(GradesService::onRating).toList());
        marksByStudent.put(row.studentId(), marks);
      }
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    Map<String, GradeItem> stored = load(schoolClass.schoolId(), List.copyOf(rows.keySet()), term, subject);
    Instant now = clock.instant();
    var transaction = TransactWriteItemsEnhancedRequest.builder();
    int changed = 0;
    List<String> changedStudents = new ArrayList<>();
    for (var entry : marksByStudent.entrySet()) {
      String studentId = entry.getKey();
      GradeItem before = stored.get(studentId);
      Long expectedVersion = rows.get(studentId).version();
      if (expectedVersion != null && !Objects.equals(expectedVersion, before == null ? null : before.version)) {
        throw new ApiException.Conflict("gradebook.changedMeanwhile");
      }
      GradeItem after = toItem(schoolClass, studentId, term, subject, rules, entry.getValue(), caller.subject(), now);
      if (before != null && sameMarks(before, after)) {
        continue;
      }
      after.version = before == null ? null : before.version; // the Enhanced Client checks and increments it
      changedStudents.add(studentId);
      transaction.addPutItem(grades, TransactPutItemEnhancedRequest.builder(GradeItem.class).item(after).build());
      transaction.addPutItem(audit, TransactPutItemEnhancedRequest.builder(GradeAuditItem.class)
          .item(auditItem(before, after, caller.displayName(schoolClass.schoolId()).orElse(null), requestId, now))
          .conditionExpression(Writes.NOT_EXISTS).build());
      changed++;
    }
    if (changed > 0) {
      try {
        enhanced.transactWriteItems(transaction.build());
      } catch (TransactionCanceledException e) {
        if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
          throw new ApiException.Conflict("gradebook.changedMeanwhile");
        }
        throw e;
      }
      // Push: one event per committed change of a class's subject, naming the changed pupils (ids only).
      events.publish(new DomainEvent(Ids.newId(now.toEpochMilli()), EventTypes.GRADE_PUBLISHED, schoolClass.schoolId(),
          now, Map.of("classId", schoolClass.id(), "subject", subject, "term", term.toString(),
              "students", String.join(",", changedStudents))));
    }
    return gradebook(schoolClass, plan, rules, members, term, locale);
  }

  /** The row's marks, or null after adding a violation for every unreadable score. */
  private static SubjectMarks readMarks(Gradebook.Row row, String at, Validation validation) {
    boolean valid = true;
    List<Score> regular = new ArrayList<>();
    List<BigDecimal> given = row.regular() == null ? List.of() : row.regular();
    for (int j = 0; j < given.size(); j++) {
      Score score = score(given.get(j), at + "/regular/" + j, validation);
      valid &= score != null;
      regular.add(score);
    }
    Score midterm = row.midterm() == null ? null : score(row.midterm(), at + "/midterm", validation);
    Score finalExam = row.finalExam() == null ? null : score(row.finalExam(), at + "/finalExam", validation);
    valid &= (row.midterm() == null || midterm != null) && (row.finalExam() == null || finalExam != null);
    return valid ? SubjectMarks.scored(regular, midterm, finalExam) : null;
  }

  private static Score score(BigDecimal value, String field, Validation validation) {
    if (value == null) {
      validation.add(Violation.of(field, "text.required"));
      return null;
    }
    Violation problem = Score.check(value);
    if (problem != null) {
      validation.add(problem.under(field));
      return null;
    }
    return Score.of(value);
  }

  private Map<String, GradeItem> load(String schoolId, List<String> studentIds, TermId term, String subject) {
    List<Key> keys = studentIds.stream().map(id -> Key.builder()
        .partitionValue(Keys.student(schoolId, id)).sortValue(gradeSortKey(term, subject)).build()).toList();
    Map<String, GradeItem> found = new HashMap<>();
    Reads.batchGet(enhanced, grades, keys).forEach(item -> found.put(item.studentId, item));
    return found;
  }

  private GradingRules rules(String schoolId) {
    School school = roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
    return GradingRules.forLevel(school.level());
  }

  /** The subject as the class is taught it; a subject the class does not have is not a resource. */
  private static SubjectPlan plan(SchoolClass schoolClass, String subject) {
    return schoolClass.subject(subject).orElseThrow(ApiException.NotFound::new);
  }

  private static String gradeSortKey(TermId term, String subject) {
    return Keys.GRADE + term + "#" + subject;
  }

  private static GradeItem toItem(SchoolClass schoolClass, String studentId, TermId term, String subject,
      GradingRules rules, SubjectMarks marks, String actor, Instant now) {
    GradeItem item = new GradeItem();
    item.pk = Keys.student(schoolClass.schoolId(), studentId);
    item.sk = gradeSortKey(term, subject);
    item.type = GradeItem.TYPE;
    item.schoolId = schoolClass.schoolId();
    item.studentId = studentId;
    item.classId = schoolClass.id();
    item.term = term.toString();
    item.subject = subject;
    item.rules = rules.id();
    item.regular = marks.regular().stream().map(Score::toString).toList();
    item.midterm = marks.midterm() == null ? null : marks.midterm().toString();
    item.finalExam = marks.finalExam() == null ? null : marks.finalExam().toString();
    item.rating = marks.finalRating() == null ? null : marks.finalRating().name();
    item.updatedBy = actor;
    item.updatedAt = now.toString();
    return item;
  }

  private static GradeAuditItem auditItem(GradeItem before, GradeItem after, String actorName, String requestId,
      Instant now) {
    GradeAuditItem item = new GradeAuditItem();
    item.pk = after.pk;
    item.sk = Keys.GRADE_AUDIT + after.term + "#" + after.subject + "#" + now + "#" + requestId;
    item.type = GradeAuditItem.TYPE;
    item.schoolId = after.schoolId;
    item.studentId = after.studentId;
    item.classId = after.classId;
    item.term = after.term;
    item.subject = after.subject;
    item.actor = after.updatedBy;
    item.actorName = actorName;
    item.at = now.toString();
    item.requestId = requestId;
    item.before = before == null ? null : snapshot(before);
    item.after = snapshot(after);
    return item;
  }

  private static String snapshot(GradeItem item) {
    return Json.write(new Snapshot(item.regular == null ? List.of() : item.regular, item.midterm, item.finalExam,
        item.rating));
  }

  private static boolean sameMarks(GradeItem a, GradeItem b) {
    return Objects.equals(a.regular == null ? List.of() : a.regular, b.regular == null ? List.of() : b.regular)
        && Objects.equals(a.midterm, b.midterm)
        && Objects.equals(a.finalExam, b.finalExam)
        && Objects.equals(a.rating, b.rating);
  }

  private static SubjectMarks marks(GradeItem item, SubjectPlan plan, GradingRules rules) {
    if (item == null) {
      return SubjectMarks.empty();
    }
    return withRating(plan, rules, SubjectMarks.scored(
        item.regular == null ? List.of() : item.regular.stream().map(Score::of).toList(),
        item.midterm == null ? null : Score.of(item.midterm),
        item.finalExam == null ? null : Score.of(item.finalExam)),
        item.rating == null ? null : Rating.valueOf(item.rating));
  }

  /**
   * Interim, until the gradebook takes a comment-only subject's assessments one by one (issue 16):
   * the row's one term rating stands for every assessment of the term, which derives the same term
   * rating (Circular 22, Article 9.1.a), and is kept as the end-of-term rating ({@code finalRating})
   * on either kind of subject, so that {@link GradingRules#validate} still refuses it on a scored one.
   */
  private static SubjectMarks withRating(SubjectPlan plan, GradingRules rules, SubjectMarks scores, Rating rating) {
    if (rating == null) {
      return scores;
    }
    boolean commented = plan.kind() == AssessmentKind.COMMENTED;
    return new SubjectMarks(scores.regular(), scores.midterm(), scores.finalExam(),
        commented ? Collections.nCopies(rules.requiredRegularRatingCount(plan), rating) : List.of(),
        commented ? rating : null, rating);
  }

  /** Interim (see {@link #withRating}): a violation of an assessment's rating is one of the row's {@code rating}. */
  private static Violation onRating(Violation violation) {
    return Set.of("regularRatings", "midtermRating", "finalRating").contains(violation.field())
        ? new Violation("rating", violation.code(), violation.args()) : violation;
  }

  private static List<BigDecimal> decimals(List<Score> scores) {
    return scores.stream().map(Score::toDecimal).toList();
  }

  private static BigDecimal decimal(Score score) {
    return score == null ? null : score.toDecimal();
  }

  static String subjectName(Locale locale, String subject) {
    return Messages.get(locale, "subject." + subject);
  }
}
