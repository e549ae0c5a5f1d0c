package vn.lienlac.functions.records;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.records.PrimaryRecordsRepository.QualitiesTerm;
import vn.lienlac.functions.records.PrimaryRecordsRepository.SubjectTerm;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.ClassCompetencies;
import vn.lienlac.model.records.ClassYearSummary;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.PrimaryClassSummary;
import vn.lienlac.model.records.PrimaryTermReport;
import vn.lienlac.model.records.PrimaryYearReport;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.Circular27Rules;
import vn.lienlac.model.records.grading.Nomination;
import vn.lienlac.model.records.grading.PrimaryAward;
import vn.lienlac.model.records.grading.PrimaryEntry;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.QualityRating;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.YearEvaluation;

/**
 * A primary pupil's reports (Circular 27/2020): the term view (ratings, comments and test scores at
 * the term's two points, qualities and competencies; no averages) and the school year (all four
 * points, the end-of-year evaluation and the awards, and what is still being entered).
 */
public final class PrimaryReportService {
  private final PrimaryRecordsRepository records;
  private final PrimaryRecordsService entry;
  private final RosterRepository roster;

  public PrimaryReportService(Dynamo dynamo, RosterRepository roster, PrimaryRecordsService entry) {
    this.records = new PrimaryRecordsRepository(dynamo);
    this.roster = roster;
    this.entry = entry;
  }

  /** The pupil's term report, in the shape of every term report with its primary part: two Queries. */
  public GradeReport termReport(Student student, TermId term, Locale locale) {
    SchoolClass schoolClass = roster.schoolClass(student.schoolId(), student.classId())
        .orElseThrow(ApiException.NotFound::new);
    Circular27Rules rules = entry.rules(schoolClass);
    Map<String, SubjectTerm> marks = records.subjectsOfPupil(student.schoolId(), student.id(), term + "#");
    Map<String, QualitiesTerm> qualities = records.qualitiesOfPupil(student.schoolId(), student.id(), term.toString());
    List<PrimaryPoint> points = PrimaryRecordsService.points(term);
    Content content = content(schoolClass, points, marks, qualities, locale);
    return new GradeReport(student.id(), student.fullName(), schoolClass.id(), schoolClass.name(), term.toString(),
        rules.id(), List.of(), null, null, null, null,
        new PrimaryTermReport(points, content.subjects(), content.qualities(), content.comments()));
  }

  /**
   * The pupil's school year ({@code schoolYear} like {@code 2026-2027}) in {@code schoolClass}: the
   * year report with its primary part. Two Queries (the year's marks, the year's qualities).
   */
  public YearReport yearReport(Student student, School school, SchoolClass schoolClass, String schoolYear,
      Locale locale) {
    Circular27Rules rules = entry.rules(schoolClass);
    Year year = year(student.schoolId(), student.id(), schoolClass, schoolYear, rules, locale);
    return new YearReport(student.id(), student.fullName(), school.id(), school.name(), schoolClass.id(),
        schoolClass.name(), schoolClass.grade(), schoolYear, SchoolLevel.PRIMARY, rules.id(), null, year.report(),
        year.pending().isEmpty(), year.pending());
  }

  /**
   * The class's school year for its homeroom teacher and staff: per pupil in roster order the
   * evaluation and award, and the counts. Two Queries per pupil (their year's marks and qualities).
   */
  public ClassYearSummary classSummary(School school, SchoolClass schoolClass, String schoolYear, Locale locale) {
    Circular27Rules rules = entry.rules(schoolClass);
    List<PrimaryClassSummary.Row> rows = new ArrayList<>();
    int[] evaluations = new int[YearEvaluation.values().length + 1];
    int[] awards = new int[PrimaryAward.values().length];
    boolean complete = true;
    for (ClassMember member : roster.members(school.id(), schoolClass.id())) {
      Year year = year(school.id(), member.studentId(), schoolClass, schoolYear, rules, locale);
      PrimaryYearReport report = year.report();
      evaluations[report.evaluation() == null ? YearEvaluation.values().length : report.evaluation().ordinal()]++;
      PrimaryYearReport.Award award = report.awards().isEmpty() ? null : report.awards().getFirst();
      if (award != null) {
        awards[award.award().ordinal()]++;
      }
      complete &= year.pending().isEmpty();
      rows.add(new PrimaryClassSummary.Row(member.studentId(), member.fullName(), report.evaluation(),
          report.evaluationName(), award == null ? null : award.award(), award == null ? null : award.name(),
          award == null ? null : award.reason(), year.pending().isEmpty()));
    }
    PrimaryClassSummary summary = new PrimaryClassSummary(rows, new PrimaryClassSummary.EvaluationCounts(
        evaluations[YearEvaluation.HOAN_THANH_XUAT_SAC.ordinal()], evaluations[YearEvaluation.HOAN_THANH_TOT.ordinal()],
        evaluations[YearEvaluation.HOAN_THANH.ordinal()], evaluations[YearEvaluation.CHUA_HOAN_THANH.ordinal()],
        evaluations[YearEvaluation.values().length]),
        new PrimaryClassSummary.AwardCounts(awards[PrimaryAward.XUAT_SAC.ordinal()], awards[PrimaryAward.TIEU_BIEU.ordinal()]));
    return new ClassYearSummary(schoolClass.id(), schoolClass.name(), schoolClass.grade(), schoolYear,
        SchoolLevel.PRIMARY, rules.id(), null, summary, complete);
  }

  /** One pupil's year: the report's primary part and what is still missing. */
  record Year(PrimaryYearReport report, List<String> pending) {}

  Year year(String schoolId, String studentId, SchoolClass schoolClass, String schoolYear, Circular27Rules rules,
      Locale locale) {
    Map<String, SubjectTerm> marks = records.subjectsOfPupil(schoolId, studentId, schoolYear + "-HK");
    Map<String, QualitiesTerm> qualities = records.qualitiesOfPupil(schoolId, studentId, schoolYear + "-HK");
    List<PrimaryPoint> points = List.of(PrimaryPoint.values());
    Content content = content(schoolClass, points, marks, qualities, locale);

    List<PrimarySubject> plan = PrimaryRecordsService.plan(schoolClass);
    Map<String, PrimaryEntry> endOfYear = new java.util.LinkedHashMap<>();
    Map<PrimaryPoint, Map<String, PrimaryEntry>> byPoint = new EnumMap<>(PrimaryPoint.class);
    for (SubjectTerm subject : marks.values()) {
      subject.points().forEach((point, e) -> byPoint.computeIfAbsent(point, p -> new java.util.HashMap<>())
          .put(subject.subject(), e));
    }
    endOfYear.putAll(byPoint.getOrDefault(PrimaryPoint.END_OF_YEAR, Map.of()));
    Map<PrimaryPoint, Map<String, QualityRating>> ratings = new EnumMap<>(PrimaryPoint.class);
    Nomination nomination = null;
    for (QualitiesTerm term : qualities.values()) {
      ratings.putAll(term.ratings());
      if (term.nomination() != null) {
        nomination = term.nomination();
      }
    }
    Map<String, QualityRating> endRatings = ratings.getOrDefault(PrimaryPoint.END_OF_YEAR, Map.of());
    // An entry the school's settings no longer allow (a test of 0 saved before the lowest score became 1)
    // holds the evaluation back and is named, instead of failing the report.
    List<String> invalid = plan.stream().filter(subject -> endOfYear.containsKey(subject.subject())
            && !rules.validate(subject, PrimaryPoint.END_OF_YEAR, endOfYear.get(subject.subject())).isEmpty())
        .map(subject -> PrimaryRecordsService.subjectName(locale, subject.subject())).toList();
    Optional<YearEvaluation> evaluation = invalid.isEmpty() ? rules.yearEvaluation(plan, endOfYear, endRatings)
        : Optional.empty();
    List<PrimaryYearReport.Award> awards = new ArrayList<>();
    if (evaluation.isPresent()) {
      Nomination eligible = nomination != null && rules.validateNomination(evaluation.get(), nomination).isEmpty()
          ? nomination : null;
      rules.award(evaluation.get(), eligible).ifPresent(award -> awards.add(new PrimaryYearReport.Award(award,
          Messages.get(locale, "primaryAward." + award.name()),
          award == PrimaryAward.TIEU_BIEU ? eligible.reason() : null)));
    }

    List<String> pending = new ArrayList<>();
    if (!invalid.isEmpty()) {
      pending.add(Messages.get(locale, "records.pendingInvalid", Messages.get(locale, "primaryPoint.END_OF_YEAR"),
          String.join(", ", invalid)));
    }
    for (PrimaryPoint point : points) {
      Map<String, PrimaryEntry> entered = byPoint.getOrDefault(point, Map.of());
      List<String> unrated = new ArrayList<>();
      List<String> untested = new ArrayList<>();
      for (PrimarySubject subject : plan) {
        PrimaryEntry e = entered.get(subject.subject());
        if (e == null || e.rating() == null) {
          unrated.add(PrimaryRecordsService.subjectName(locale, subject.subject()));
        }
        if (subject.testedAt(point) && (e == null || e.testScore() == null)) {
          untested.add(PrimaryRecordsService.subjectName(locale, subject.subject()));
        }
      }
      String pointName = Messages.get(locale, "primaryPoint." + point.name());
      if (!unrated.isEmpty()) {
        pending.add(Messages.get(locale, "records.pendingRatings", pointName, String.join(", ", unrated)));
      }
      if (!untested.isEmpty()) {
        pending.add(Messages.get(locale, "records.pendingTests", pointName, String.join(", ", untested)));
      }
      int rated = (int) vn.lienlac.model.records.grading.PrimaryQualities.ALL.stream()
          .filter(ratings.getOrDefault(point, Map.of())::containsKey).count();
      int all = vn.lienlac.model.records.grading.PrimaryQualities.ALL.size();
      if (rated < all) {
        pending.add(Messages.get(locale, "records.pendingQualities", pointName, rated, all));
      }
    }
    PrimaryYearReport report = new PrimaryYearReport(points, content.subjects(), content.qualities(), content.comments(),
        evaluation.orElse(null), evaluation.map(e -> Messages.get(locale, "yearEvaluation." + e.name())).orElse(null),
        awards);
    return new Year(report, pending);
  }

  /** What both reports show: the subjects, qualities and comments at the given points. */
  private record Content(List<PrimaryTermReport.Subject> subjects, List<PrimaryTermReport.QualityMarks> qualities,
      Map<PrimaryPoint, String> comments) {}

  private static Content content(SchoolClass schoolClass, List<PrimaryPoint> points, Map<String, SubjectTerm> marks,
      Map<String, QualitiesTerm> qualities, Locale locale) {
    Map<String, Map<PrimaryPoint, PrimaryEntry>> bySubject = new java.util.HashMap<>();
    Map<String, java.time.Instant> updated = new java.util.HashMap<>();
    for (SubjectTerm subject : marks.values()) {
      bySubject.computeIfAbsent(subject.subject(), s -> new EnumMap<>(PrimaryPoint.class)).putAll(subject.points());
      if (subject.updatedAt() != null) {
        updated.merge(subject.subject(), subject.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<PrimaryTermReport.Subject> subjects = new ArrayList<>();
    for (PrimarySubject plan : PrimaryRecordsService.plan(schoolClass)) {
      Map<PrimaryPoint, PrimaryTermReport.Mark> shown = new EnumMap<>(PrimaryPoint.class);
      bySubject.getOrDefault(plan.subject(), Map.of()).forEach((point, e) -> {
        if (points.contains(point)) {
          shown.put(point, new PrimaryTermReport.Mark(e.rating(),
              e.rating() == null ? null : Messages.get(locale, "completion." + e.rating().name()), e.comment(),
              e.testScore()));
        }
      });
      subjects.add(new PrimaryTermReport.Subject(plan.subject(), PrimaryRecordsService.subjectName(locale, plan.subject()),
          points.stream().filter(plan::testedAt).toList(), shown,
          updated.containsKey(plan.subject()) ? SchoolTime.show(updated.get(plan.subject())) : null));
    }
    Map<PrimaryPoint, Map<String, QualityRating>> ratings = new EnumMap<>(PrimaryPoint.class);
    Map<PrimaryPoint, String> comments = new EnumMap<>(PrimaryPoint.class);
    for (QualitiesTerm term : qualities.values()) {
      term.ratings().forEach((point, byCode) -> {
        if (points.contains(point)) {
          ratings.put(point, byCode);
        }
      });
      term.comments().forEach((point, comment) -> {
        if (points.contains(point)) {
          comments.put(point, comment);
        }
      });
    }
    List<PrimaryTermReport.QualityMarks> qualityMarks = new ArrayList<>();
    for (ClassCompetencies.Quality quality : PrimaryRecordsService.qualities(locale)) {
      Map<PrimaryPoint, PrimaryTermReport.Rated> byPoint = new EnumMap<>(PrimaryPoint.class);
      ratings.forEach((point, byCode) -> {
        QualityRating rating = byCode.get(quality.code());
        if (rating != null) {
          byPoint.put(point, new PrimaryTermReport.Rated(rating, Messages.get(locale, "qualityRating." + rating.name())));
        }
      });
      qualityMarks.add(new PrimaryTermReport.QualityMarks(quality.code(), quality.name(), quality.group(), byPoint));
    }
    return new Content(subjects, qualityMarks, comments);
  }
}
