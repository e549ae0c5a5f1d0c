package vn.lienlac.functions.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.records.PrimaryRecordsRepository.Author;
import vn.lienlac.functions.records.PrimaryRecordsRepository.Change;
import vn.lienlac.functions.records.PrimaryRecordsRepository.QualitiesTerm;
import vn.lienlac.functions.records.PrimaryRecordsRepository.SubjectTerm;
import vn.lienlac.model.common.Text;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.ClassCompetencies;
import vn.lienlac.model.records.ClassEvaluations;
import vn.lienlac.model.records.QualityGroup;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.Circular27Rules;
import vn.lienlac.model.records.grading.GradingSettings;
import vn.lienlac.model.records.grading.Nomination;
import vn.lienlac.model.records.grading.PrimaryEntry;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.PrimaryQualities;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.QualityRating;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.YearEvaluation;

/**
 * A primary class's entry (Circular 27/2020): a subject's ratings, comments and test scores at the
 * two points of a term, and the qualities and competencies (with the Học sinh Tiêu biểu
 * nominations at the end of the year). Like the gradebook: every row is checked first, one bad row
 * rejects the request with an explanation per bad row and nothing is written; versions detect
 * concurrent changes; every changed row leaves an audit entry in the same transaction.
 */
public final class PrimaryRecordsService {
  private final PrimaryRecordsRepository records;
  private final GradingSettingsService settings;
  private final RosterRepository roster;
  private final Clock clock;
  private final EventPublisher events;

  public PrimaryRecordsService(Dynamo dynamo, RosterRepository roster, Clock clock) {
    this(dynamo, roster, clock, EventPublisher.none());
  }

  /** {@code events} gets {@code grade.published} after each committed change of a subject's marks. */
  public PrimaryRecordsService(Dynamo dynamo, RosterRepository roster, Clock clock, EventPublisher events) {
    this.records = new PrimaryRecordsRepository(dynamo);
    this.settings = new GradingSettingsService(dynamo, clock);
    this.roster = roster;
    this.clock = clock;
    this.events = events;
  }

  /** Whether the school is a primary school (its records follow Circular 27/2020). */
  public boolean isPrimary(String schoolId) {
    return school(schoolId).level() == SchoolLevel.PRIMARY;
  }

  /** 409 for a primary class on a route of the secondary records (the gradebook): it names the primary route. */
  public void refusePrimary(SchoolClass schoolClass) {
    if (isPrimary(schoolClass.schoolId())) {
      throw new ApiException.Conflict("records.primaryClass", schoolClass.name());
    }
  }

  /** The points of a term: MID_TERM_1 and END_TERM_1 (HK1), MID_TERM_2 and END_OF_YEAR (HK2). */
  static List<PrimaryPoint> points(TermId term) {
    return Arrays.stream(PrimaryPoint.values()).filter(p -> p.term() == term.semester()).toList();
  }

  /** The class's subjects as the programme plans them for its grade (which points have tests). */
  static List<PrimarySubject> plan(SchoolClass schoolClass) {
    return PrimarySubjects.plan(schoolClass.grade()).stream()
        .filter(s -> schoolClass.subject(s.subject()).isPresent()).toList();
  }

  /** The school's Circular 27 rules (with its grading settings); 409 when the school is not primary. */
  Circular27Rules rules(SchoolClass schoolClass) {
    School school = school(schoolClass.schoolId());
    if (school.level() != SchoolLevel.PRIMARY) {
      throw new ApiException.Conflict("records.notPrimaryClass", schoolClass.name());
    }
    return Circular27Rules.of(settings(school.id()));
  }

  /** The school's grading settings (its lowest test score, the test Hoàn thành asks): one GetItem. */
  GradingSettings settings(String schoolId) {
    return settings.of(schoolId);
  }

  // --- a subject: ratings, comments, tests ---------------------------------------------------

  /** One subject's marks for the whole class at the term's two points: one Query and one BatchGetItem. */
  public ClassEvaluations evaluations(SchoolClass schoolClass, String subject, TermId term, Locale locale) {
    Circular27Rules rules = rules(schoolClass);
    PrimarySubject plan = subjectPlan(schoolClass, subject);
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    return evaluations(schoolClass, plan, rules, members, term, locale);
  }

  private ClassEvaluations evaluations(SchoolClass schoolClass, PrimarySubject plan, Circular27Rules rules,
      List<ClassMember> members, TermId term, Locale locale) {
    Map<String, SubjectTerm> stored = records.subjectOfClass(schoolClass.schoolId(),
        members.stream().map(ClassMember::studentId).toList(), term, plan.subject());
    List<ClassEvaluations.Entry> rows = members.stream().map(m -> {
      SubjectTerm marks = stored.get(m.studentId());
      Map<PrimaryPoint, ClassEvaluations.Mark> points = new EnumMap<>(PrimaryPoint.class);
      if (marks != null) {
        marks.points().forEach((point, entry) -> points.put(point, new ClassEvaluations.Mark(entry.rating(),
            entry.comment(), entry.testScore() == null ? null : BigDecimal.valueOf(entry.testScore()))));
      }
      return new ClassEvaluations.Entry(m.studentId(), m.fullName(), points, marks == null ? null : marks.version());
    }).toList();
    List<PrimaryPoint> termPoints = points(term);
    return new ClassEvaluations(schoolClass.id(), schoolClass.name(), plan.subject(), subjectName(locale, plan.subject()),
        term.toString(), rules.id(), termPoints, termPoints.stream().filter(plan::testedAt).toList(),
        rules.settings().primaryTestScoreMin(), rows);
  }

  /**
   * Changes the given rows of a subject, all or nothing: each point a row gives replaces that
   * point's mark; the others keep theirs.
   */
  public ClassEvaluations updateEvaluations(Caller caller, SchoolClass schoolClass, String subject, TermId term,
      ClassEvaluations.Update update, String requestId, Locale locale) {
    Circular27Rules rules = rules(schoolClass);
    PrimarySubject plan = subjectPlan(schoolClass, subject);
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    List<PrimaryPoint> termPoints = points(term);

    Validation validation = new Validation();
    ClassRows classRows = new ClassRows(schoolClass, members);
    List<ClassEvaluations.Row> given = rows(update == null ? null : update.rows(), validation);
    Map<String, Long> versions = new LinkedHashMap<>();
    Map<String, Map<PrimaryPoint, PrimaryEntry>> changes = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      ClassEvaluations.Row row = given.get(i);
      String at = "rows/" + i;
      if (!classRows.accept(at, row == null ? null : row.studentId(), validation)) {
        continue;
      }
      validation.version(at + "/version", row.version());
      versions.put(row.studentId(), row.version());
      Map<PrimaryPoint, PrimaryEntry> points = new EnumMap<>(PrimaryPoint.class);
      if (row.points() == null || row.points().isEmpty()) {
        validation.add(Violation.of(at + "/points", "records.noPoints"));
      } else {
        for (var point : new TreeMap<>(row.points()).entrySet()) {
          String field = at + "/points/" + point.getKey().name();
          if (!termPoints.contains(point.getKey())) {
            validation.add(Violation.of(field, "records.pointNotInTerm", point.getKey().name(), term.toString()));
            continue;
          }
          points.put(point.getKey(), entry(rules, plan, point.getKey(), point.getValue(), field, validation));
        }
      }
      changes.put(row.studentId(), points);
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    Map<String, SubjectTerm> stored = records.subjectOfClass(schoolClass.schoolId(), List.copyOf(changes.keySet()),
        term, plan.subject());
    List<Change<SubjectTerm>> writes = new ArrayList<>();
    for (var change : changes.entrySet()) {
      String studentId = change.getKey();
      SubjectTerm before = stored.get(studentId);
      checkVersion(versions.get(studentId), before == null ? null : before.version());
      Map<PrimaryPoint, PrimaryEntry> merged = new EnumMap<>(PrimaryPoint.class);
      if (before != null) {
        merged.putAll(before.points());
      }
      change.getValue().forEach((point, entry) -> {
        if (entry == null) {
          merged.remove(point);
        } else {
          merged.put(point, entry);
        }
      });
      if (merged.equals(before == null ? Map.of() : before.points())) {
        continue;
      }
      writes.add(new Change<>(before, new SubjectTerm(studentId, plan.subject(), merged, null, null)));
    }
    if (!writes.isEmpty()) {
      Instant now = clock.instant();
      records.saveSubjects(author(caller, schoolClass, requestId, now), term, writes);
      // Push: one event per committed change of a class's subject, naming the changed pupils (ids only).
      events.publish(new DomainEvent(Ids.newId(now.toEpochMilli()), EventTypes.GRADE_PUBLISHED, schoolClass.schoolId(),
          now, Map.of("classId", schoolClass.id(), "subject", plan.subject(), "term", term.toString(),
              "students", String.join(",", writes.stream().map(w -> w.after().studentId()).toList()))));
    }
    return evaluations(schoolClass, plan, rules, members, term, locale);
  }

  /** A point's entry as the rules see it, or null to clear it; violations are placed under {@code field}. */
  private static PrimaryEntry entry(Circular27Rules rules, PrimarySubject plan, PrimaryPoint point,
      ClassEvaluations.Mark mark, String field, Validation validation) {
    if (mark == null || (mark.rating() == null && mark.comment() == null && mark.testScore() == null)) {
      return null;
    }
    Integer test = null;
    if (mark.testScore() != null) {
      Violation problem = rules.checkTestScore(mark.testScore());
      if (problem != null) {
        validation.add(problem.under(field + "/testScore"));
      } else {
        test = mark.testScore().intValueExact();
      }
    }
    String comment = Text.clean(mark.comment());
    PrimaryEntry entry = new PrimaryEntry(mark.rating(), comment == null || comment.isEmpty() ? null : comment, test);
    validation.addAll(field, rules.validate(plan, point, entry));
    return entry;
  }

  // --- qualities and competencies ------------------------------------------------------------

  /** The class's qualities and competencies at the term's two points: one Query and one BatchGetItem. */
  public ClassCompetencies competencies(SchoolClass schoolClass, TermId term, Locale locale) {
    rules(schoolClass);
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    return competencies(schoolClass, members, term, locale);
  }

  private ClassCompetencies competencies(SchoolClass schoolClass, List<ClassMember> members, TermId term,
      Locale locale) {
    Map<String, QualitiesTerm> stored = records.qualitiesOfClass(schoolClass.schoolId(),
        members.stream().map(ClassMember::studentId).toList(), term);
    List<ClassCompetencies.Entry> rows = members.stream().map(m -> {
      QualitiesTerm q = stored.getOrDefault(m.studentId(), QualitiesTerm.none(m.studentId()));
      Map<PrimaryPoint, ClassCompetencies.Assessment> points = new EnumMap<>(PrimaryPoint.class);
      for (PrimaryPoint point : points(term)) {
        Map<String, QualityRating> ratings = q.ratings().getOrDefault(point, Map.of());
        String comment = q.comments().get(point);
        if (!ratings.isEmpty() || comment != null) {
          points.put(point, new ClassCompetencies.Assessment(inOrder(ratings), comment));
        }
      }
      return new ClassCompetencies.Entry(m.studentId(), m.fullName(), points,
          q.nomination() == null ? null : new ClassCompetencies.Exemplary(true, q.nomination().reason()), q.version());
    }).toList();
    return new ClassCompetencies(schoolClass.id(), schoolClass.name(), term.toString(), points(term),
        qualities(locale), term.semester() == 2, rows);
  }

  /**
   * Changes the given rows of the class's qualities and competencies, all or nothing. A
   * nomination for Học sinh Tiêu biểu (HK2 only) needs a reason, and is refused for a pupil whose
   * year evaluation is already known and does not allow it (below Hoàn thành tốt).
   */
  public ClassCompetencies updateCompetencies(Caller caller, SchoolClass schoolClass, TermId term,
      ClassCompetencies.Update update, String requestId, Locale locale) {
    Circular27Rules rules = rules(schoolClass);
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    List<PrimaryPoint> termPoints = points(term);

    Validation validation = new Validation();
    ClassRows classRows = new ClassRows(schoolClass, members);
    List<ClassCompetencies.Row> given = rows(update == null ? null : update.rows(), validation);
    Map<String, ClassCompetencies.Row> rows = new LinkedHashMap<>();
    Map<String, Map<PrimaryPoint, ClassCompetencies.Assessment>> points = new LinkedHashMap<>();
    Map<String, String> rowPaths = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      ClassCompetencies.Row row = given.get(i);
      String at = "rows/" + i;
      if (!classRows.accept(at, row == null ? null : row.studentId(), validation)) {
        continue;
      }
      rows.put(row.studentId(), row);
      rowPaths.put(row.studentId(), at);
      validation.version(at + "/version", row.version());
      boolean noPoints = row.points() == null || row.points().isEmpty();
      if (noPoints && row.exemplary() == null) {
        validation.add(Violation.of(at + "/points", "records.noPoints"));
      }
      Map<PrimaryPoint, ClassCompetencies.Assessment> cleaned = new EnumMap<>(PrimaryPoint.class);
      for (var point : noPoints ? List.<Map.Entry<PrimaryPoint, ClassCompetencies.Assessment>>of()
          : new TreeMap<>(row.points()).entrySet()) {
        String field = at + "/points/" + point.getKey().name();
        if (!termPoints.contains(point.getKey())) {
          validation.add(Violation.of(field, "records.pointNotInTerm", point.getKey().name(), term.toString()));
          continue;
        }
        ClassCompetencies.Assessment assessment = point.getValue();
        if (assessment == null) {
          cleaned.put(point.getKey(), null);
          continue;
        }
        Map<String, QualityRating> ratings = new TreeMap<>();
        if (assessment.ratings() != null) {
          assessment.ratings().forEach((code, rating) -> {
            if (rating != null) {
              ratings.put(code, rating);
            }
          });
        }
        validation.addAll(field + "/ratings", rules.validateQualities(ratings));
        String comment = validation.text(field + "/comment", assessment.comment(), Circular27Rules.MAX_COMMENT_LENGTH,
            false);
        cleaned.put(point.getKey(), new ClassCompetencies.Assessment(ratings, comment));
      }
      points.put(row.studentId(), cleaned);
      if (row.exemplary() != null) {
        if (term.semester() != 2) {
          validation.add(Violation.of(at + "/exemplary", "records.nominationEndOfYear"));
        } else if (row.exemplary().nominated() == null) {
          validation.add(Violation.of(at + "/exemplary/nominated", "text.required"));
        } else if (row.exemplary().nominated()) {
          validation.text(at + "/exemplary/reason", row.exemplary().reason(), Circular27Rules.MAX_NOMINATION_LENGTH,
              true);
        }
      }
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    Map<String, QualitiesTerm> stored = records.qualitiesOfClass(schoolClass.schoolId(), List.copyOf(rows.keySet()), term);
    List<Change<QualitiesTerm>> writes = new ArrayList<>();
    for (ClassCompetencies.Row row : rows.values()) {
      String studentId = row.studentId();
      QualitiesTerm before = stored.get(studentId);
      checkVersion(row.version(), before == null ? null : before.version());
      QualitiesTerm base = before == null ? QualitiesTerm.none(studentId) : before;
      Map<PrimaryPoint, Map<String, QualityRating>> ratings = new EnumMap<>(PrimaryPoint.class);
      ratings.putAll(base.ratings());
      Map<PrimaryPoint, String> comments = new EnumMap<>(PrimaryPoint.class);
      comments.putAll(base.comments());
      points.get(studentId).forEach((point, assessment) -> {
        ratings.remove(point);
        comments.remove(point);
        if (assessment != null) {
          if (!assessment.ratings().isEmpty()) {
            ratings.put(point, Map.copyOf(assessment.ratings()));
          }
          if (assessment.comment() != null) {
            comments.put(point, assessment.comment());
          }
        }
      });
      Nomination nomination = base.nomination();
      if (row.exemplary() != null) {
        nomination = row.exemplary().nominated()
            ? new Nomination(Text.clean(row.exemplary().reason())) : null;
      }
      QualitiesTerm after = new QualitiesTerm(studentId, ratings, comments, nomination, null, null);
      if (row.exemplary() != null && row.exemplary().nominated()) {
        eligibility(rules, schoolClass, studentId, after, rowPaths.get(studentId), validation);
      }
      if (ratings.equals(base.ratings()) && comments.equals(base.comments())
          && Objects.equals(nomination, base.nomination())) {
        continue;
      }
      writes.add(new Change<>(before, after));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }
    if (!writes.isEmpty()) {
      records.saveQualities(author(caller, schoolClass, requestId, clock.instant()), term, writes);
    }
    return competencies(schoolClass, members, term, locale);
  }

  /**
   * Refuses a nomination of a pupil whose year evaluation is already known and does not allow it
   * (the rules say which): one Query of the pupil's year-end marks.
   */
  private void eligibility(Circular27Rules rules, SchoolClass schoolClass, String studentId, QualitiesTerm endOfYear,
      String at, Validation validation) {
    var evaluation = rules.yearEvaluation(plan(schoolClass), endOfYearEntries(schoolClass.schoolId(), studentId,
        new TermId(Integer.parseInt(schoolClass.schoolYear().substring(0, 4)), 2)),
        endOfYear.ratings().getOrDefault(PrimaryPoint.END_OF_YEAR, Map.of()));
    evaluation.ifPresent(e -> validation.addAll(at + "/exemplary", rules.validateNomination(e, endOfYear.nomination())));
  }

  /** The pupil's END_OF_YEAR entries by subject, from their HK2 marks. */
  Map<String, PrimaryEntry> endOfYearEntries(String schoolId, String studentId, TermId term2) {
    Map<String, PrimaryEntry> entries = new LinkedHashMap<>();
    records.subjectsOfPupil(schoolId, studentId, term2 + "#").values().forEach(s -> {
      PrimaryEntry entry = s.points().get(PrimaryPoint.END_OF_YEAR);
      if (entry != null) {
        entries.put(s.subject(), entry);
      }
    });
    return entries;
  }

  // --- shared -----------------------------------------------------------------------------------

  /** Every quality and competency, in the record book's order, with its name and group. */
  static List<ClassCompetencies.Quality> qualities(Locale locale) {
    return PrimaryQualities.ALL.stream().map(code -> new ClassCompetencies.Quality(code,
        Messages.get(locale, PrimaryQualities.messageKey(code)), QualityGroup.of(code))).toList();
  }

  /** Ratings by code in the record book's order. */
  static Map<String, QualityRating> inOrder(Map<String, QualityRating> ratings) {
    Map<String, QualityRating> ordered = new LinkedHashMap<>();
    PrimaryQualities.ALL.forEach(code -> {
      if (ratings.containsKey(code)) {
        ordered.put(code, ratings.get(code));
      }
    });
    return ordered;
  }

  private static <T> List<T> rows(List<T> rows, Validation validation) {
    List<T> given = rows == null ? List.of() : rows;
    if (given.isEmpty()) {
      validation.add(Violation.of("rows", "gradebook.noRows"));
    } else if (given.size() > GradesService.MAX_ROWS) {
      validation.add(Violation.of("rows", "gradebook.tooManyRows", GradesService.MAX_ROWS, given.size()));
      return List.of();
    }
    return given;
  }

  private static void checkVersion(Long expected, Long stored) {
    if (expected != null && !Objects.equals(expected, stored)) {
      throw new ApiException.Conflict("gradebook.changedMeanwhile");
    }
  }

  private static Author author(Caller caller, SchoolClass schoolClass, String requestId, Instant now) {
    return new Author(schoolClass.schoolId(), schoolClass.id(), caller.subject(),
        caller.displayName(schoolClass.schoolId()).orElse(null), requestId, now);
  }

  /** The subject as the class is taught it; a subject the class does not have is not a resource. */
  private static PrimarySubject subjectPlan(SchoolClass schoolClass, String subject) {
    return plan(schoolClass).stream().filter(s -> s.subject().equals(subject)).findFirst()
        .orElseThrow(ApiException.NotFound::new);
  }

  private School school(String schoolId) {
    return roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
  }

  static String subjectName(Locale locale, String subject) {
    return GradesService.subjectName(locale, subject);
  }
}
