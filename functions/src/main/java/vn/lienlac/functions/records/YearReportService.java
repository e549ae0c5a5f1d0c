package vn.lienlac.functions.records;

import java.util.ArrayList;
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
import vn.lienlac.functions.records.RecordsItems.GradeItem;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.ClassYearSummary;
import vn.lienlac.model.records.SecondaryYearReport;
import vn.lienlac.model.records.SecondaryYearReport.ReportSection;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Award;
import vn.lienlac.model.records.grading.Conduct;
import vn.lienlac.model.records.grading.GradingRules;
import vn.lienlac.model.records.grading.LevelDecision;
import vn.lienlac.model.records.grading.PromotionDecision;
import vn.lienlac.model.records.grading.PromotionReason;
import vn.lienlac.model.records.grading.Score;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectMarks;
import vn.lienlac.model.records.grading.SubjectOutcome;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * A secondary pupil's school year (Circular 22/2021), and the homeroom teacher's summary of a
 * class's year: the stored marks, conduct and registers read, every result computed by the rules
 * ({@link GradingRules}); nothing derived is stored. What is not final yet is null and listed in
 * the caller's language ({@code pending}).
 */
public final class YearReportService {
  private final RosterRepository roster;
  private final GradesService grades;
  private final ConductService conduct;
  private final AttendanceService attendance;
  /** A primary school's year (Circular 27/2020). */
  private final PrimaryReportService primary;

  public YearReportService(RosterRepository roster, GradesService grades, ConductService conduct,
      AttendanceService attendance, PrimaryReportService primary) {
    this.primary = primary;
    this.roster = roster;
    this.grades = grades;
    this.conduct = conduct;
    this.attendance = attendance;
  }

  /**
   * The pupil's report of {@code schoolYear} ({@code 2026-2027}): the class they were in that year
   * (their current class when it is that year's, otherwise the class their marks of that year were
   * entered in); 404 when they have no class that year. Reads: the school, the class, one Query of
   * the year's marks, one of its conduct, one of the class's registers of the year.
   */
  public YearReport report(Student student, String schoolYear, Locale locale) {
    School school = roster.school(student.schoolId()).orElseThrow(ApiException.NotFound::new);
    SchoolClass schoolClass = classOfYear(student, schoolYear);
    if (school.level() == SchoolLevel.PRIMARY) {
      return primaryReport(school, schoolClass, student, schoolYear, locale);
    }
    Map<Integer, Map<String, GradeItem>> marks = grades.yearItems(school.id(), student.id(), schoolYear);
    GradingRules rules = grades.rules(school.id());
    int absences = attendance.absentDays(schoolClass, schoolYear).getOrDefault(student.id(), 0);
    Year year = year(rules, schoolClass, marks, conduct.ofYear(school.id(), student.id(), schoolYear), absences,
        locale);
    return new YearReport(student.id(), student.fullName(), school.id(), school.name(), schoolClass.id(),
        schoolClass.name(), schoolClass.grade(), schoolYear, school.level(), rules.id(), year.report(), null,
        year.pending().isEmpty(), year.pending());
  }

  /** The primary (Circular 27/2020) report: {@link PrimaryReportService}. */
  private YearReport primaryReport(School school, SchoolClass schoolClass, Student student, String schoolYear,
      Locale locale) {
    return primary.yearReport(student, school, schoolClass, schoolYear, locale);
  }

  /**
   * The class's year, one row per pupil in roster order: one Query of each pupil's marks of the
   * year, two BatchGetItems of the class's conduct, one Query of its registers.
   */
  public ClassYearSummary classSummary(SchoolClass schoolClass, String schoolYear, Locale locale) {
    School school = roster.school(schoolClass.schoolId()).orElseThrow(ApiException.NotFound::new);
    if (!schoolClass.schoolYear().equals(schoolYear)) {
      throw new ApiException.NotFound();
    }
    if (school.level() == SchoolLevel.PRIMARY) {
      return primary.classSummary(school, schoolClass, schoolYear, locale);
    }
    GradingRules rules = grades.rules(school.id());
    List<ClassMember> members = roster.members(school.id(), schoolClass.id());
    Map<String, Map<Integer, Conduct>> conducts = conduct.ofClassYear(school.id(),
        members.stream().map(ClassMember::studentId).toList(), schoolYear);
    Map<String, Integer> absences = attendance.absentDays(schoolClass, schoolYear);
    List<ClassYearSummary.Row> rows = new ArrayList<>();
    int[] levels = new int[5];
    int[] conductCounts = new int[5];
    int[] promotions = new int[6];
    int[] awards = new int[2];
    boolean complete = true;
    for (ClassMember member : members) {
      Year year = year(rules, schoolClass, grades.yearItems(school.id(), member.studentId(), schoolYear),
          conducts.getOrDefault(member.studentId(), Map.of()), absences.getOrDefault(member.studentId(), 0), locale);
      SecondaryYearReport report = year.report();
      var level = report.yearLevel();
      var yearConduct = report.conduct().year();
      var promotion = report.promotion();
      Award award = report.award() == null ? null : report.award().award();
      levels[level == null ? 4 : level.level().ordinal()]++;
      conductCounts[yearConduct == null ? 4 : yearConduct.ordinal()]++;
      promotions[promotion == null ? 5 : promotion.outcome().ordinal()]++;
      if (award != null) {
        awards[award.ordinal()]++;
      }
      complete &= year.pending().isEmpty();
      rows.add(new ClassYearSummary.Row(member.studentId(), member.fullName(), level == null ? null : level.level(),
          level == null ? null : level.levelName(), level == null ? null : level.raisedBecauseOf(), yearConduct,
          report.conduct().yearName(), report.absentSessions(), promotion == null ? null : promotion.outcome(),
          promotion == null ? null : promotion.outcomeName(), award, report.award() == null ? null : report.award().awardName(),
          year.pending().isEmpty()));
    }
    var secondary = new ClassYearSummary.Secondary(rows,
        new ClassYearSummary.LevelCounts(levels[0], levels[1], levels[2], levels[3], levels[4]),
        new ClassYearSummary.LevelCounts(conductCounts[0], conductCounts[1], conductCounts[2], conductCounts[3],
            conductCounts[4]),
        new ClassYearSummary.PromotionCounts(promotions[0], promotions[1], promotions[2], promotions[3], promotions[4],
            promotions[5]),
        new ClassYearSummary.AwardCounts(awards[Award.XUAT_SAC.ordinal()], awards[Award.GIOI.ordinal()]));
    return new ClassYearSummary(schoolClass.id(), schoolClass.name(), schoolClass.grade(), schoolYear, school.level(),
        rules.id(), secondary, null, complete);
  }

  /** A pupil's year as computed, and what is still missing, in the caller's language. */
  private record Year(SecondaryYearReport report, List<String> pending) {}

  private Year year(GradingRules rules, SchoolClass schoolClass, Map<Integer, Map<String, GradeItem>> marks,
      Map<Integer, Conduct> conducts, int absences, Locale locale) {
    List<String> pending = new ArrayList<>();
    List<SecondaryYearReport.SubjectYear> subjects = new ArrayList<>();
    List<SubjectOutcome> term1 = new ArrayList<>();
    List<SubjectOutcome> term2 = new ArrayList<>();
    List<SubjectOutcome> yearOutcomes = new ArrayList<>();
    for (SubjectPlan plan : schoolClass.subjects()) {
      GradeItem item1 = marks.getOrDefault(1, Map.of()).get(plan.subject());
      GradeItem item2 = marks.getOrDefault(2, Map.of()).get(plan.subject());
      SubjectOutcome outcome1 = GradesService.outcome(rules, plan, item1);
      SubjectOutcome outcome2 = GradesService.outcome(rules, plan, item2);
      missing(rules, plan, item1, outcome1, 1, locale, pending);
      missing(rules, plan, item2, outcome2, 2, locale, pending);
      SubjectOutcome outcomeYear = rules.yearOutcome(plan, outcome1, outcome2);
      term1.add(outcome1);
      term2.add(outcome2);
      yearOutcomes.add(outcomeYear);
      subjects.add(new SecondaryYearReport.SubjectYear(plan.subject(), GradesService.subjectName(locale, plan.subject()),
          plan.kind(), decimal(outcome1.average()), decimal(outcome2.average()), decimal(outcomeYear.average()),
          outcome1.rating(), outcome2.rating(), outcomeYear.rating(), outcomeYear.complete()));
    }
    Optional<LevelDecision> level1 = rules.decideLevel(term1);
    Optional<LevelDecision> level2 = rules.decideLevel(term2);
    Optional<LevelDecision> levelYear = rules.decideLevel(yearOutcomes);

    Conduct conduct1 = conducts.get(1);
    Conduct conduct2 = conducts.get(2);
    for (int semester = 1; semester <= 2; semester++) {
      if (conducts.get(semester) == null) {
        pending.add(Messages.get(locale, "records.pending.conduct", termName(locale, semester)));
      }
    }
    Optional<Conduct> conductYear = conduct1 == null || conduct2 == null ? Optional.empty()
        : rules.yearConduct(conduct1, conduct2);

    SecondaryYearReport.Promotion promotion = null;
    SecondaryYearReport.AwardResult award = null;
    if (levelYear.isPresent() && conductYear.isPresent()) {
      PromotionDecision decision = rules.promotion(conductYear.get(), levelYear.get().level(), yearOutcomes, absences);
      promotion = new SecondaryYearReport.Promotion(decision.outcome(),
          Messages.get(locale, "promotion." + decision.outcome().name()), decision.reasons(),
          decision.reasons().stream().map(r -> reasonName(locale, r)).toList(), decision.retestSubjects());
      Optional<Award> given = rules.award(conductYear.get(), levelYear.get().level(), yearOutcomes);
      award = new SecondaryYearReport.AwardResult(given.orElse(null),
          given.map(a -> Messages.get(locale, "award." + a.name())).orElse(null));
    }
    List<SecondaryYearReport.Section> sections = List.of(
        section(locale, ReportSection.TERM1, level1.isPresent()),
        section(locale, ReportSection.TERM2, level2.isPresent()),
        section(locale, ReportSection.CONDUCT, conductYear.isPresent()),
        section(locale, ReportSection.YEAR, promotion != null));
    var report = new SecondaryYearReport(subjects, level(locale, level1), level(locale, level2),
        level(locale, levelYear), new SecondaryYearReport.ConductResult(conduct1, ConductService.name(locale, conduct1),
            conduct2, ConductService.name(locale, conduct2), conductYear.orElse(null),
            ConductService.name(locale, conductYear.orElse(null))),
        absences, promotion, award, sections);
    return new Year(report, List.copyOf(pending));
  }

  /** What a subject's term still lacks, e.g. "Toán HK2: chưa có điểm cuối kì". */
  private static void missing(GradingRules rules, SubjectPlan plan, GradeItem item, SubjectOutcome outcome,
      int semester, Locale locale, List<String> pending) {
    if (outcome.complete()) {
      return;
    }
    String subject = GradesService.subjectName(locale, plan.subject());
    String term = termName(locale, semester);
    SubjectMarks marks = GradesService.marks(item);
    if (plan.kind() == AssessmentKind.SCORED) {
      int lacking = rules.requiredRegularCount(plan) - marks.regular().size();
      if (lacking > 0) {
        pending.add(Messages.get(locale, "records.pending.regular", subject, term, lacking));
      }
      if (marks.midterm() == null) {
        pending.add(Messages.get(locale, "records.pending.midterm", subject, term));
      }
      if (marks.finalExam() == null) {
        pending.add(Messages.get(locale, "records.pending.finalExam", subject, term));
      }
    } else {
      int lacking = rules.requiredRegularRatingCount(plan) - marks.regularRatings().size();
      if (lacking > 0) {
        pending.add(Messages.get(locale, "records.pending.regularRatings", subject, term, lacking));
      }
      if (marks.midtermRating() == null) {
        pending.add(Messages.get(locale, "records.pending.midtermRating", subject, term));
      }
      if (marks.finalRating() == null) {
        pending.add(Messages.get(locale, "records.pending.finalRating", subject, term));
      }
    }
  }

  private static SecondaryYearReport.LevelResult level(Locale locale, Optional<LevelDecision> decision) {
    if (decision.isEmpty()) {
      return null;
    }
    LevelDecision d = decision.get();
    String subjectName = d.raised() ? GradesService.subjectName(locale, d.raisedBecauseOf()) : null;
    return new SecondaryYearReport.LevelResult(d.level(), Messages.get(locale, "level." + d.level().name()),
        d.computed(), d.raisedBecauseOf(), subjectName, d.raised() ? GradesService.raisedNote(locale, d) : null);
  }

  private static SecondaryYearReport.Section section(Locale locale, ReportSection section, boolean complete) {
    return new SecondaryYearReport.Section(section, Messages.get(locale, "records.section." + section.name()), complete);
  }

  private static String termName(Locale locale, int semester) {
    return Messages.get(locale, "records.term" + semester);
  }

  private static String reasonName(Locale locale, PromotionReason reason) {
    return Messages.get(locale, "promotionReason." + reason.name());
  }

  private static java.math.BigDecimal decimal(Score score) {
    return score == null ? null : score.toDecimal();
  }

  /**
   * The class the pupil was in during {@code schoolYear}: their last enrolment period of that year
   * ({@link RosterRepository#enrolmentIn}; a pupil with no stored period has their current class, for
   * its year); 404 when they were in no class that year. The enrolment periods are the one record of
   * a pupil's classes over time (the marks' class is not asked).
   */
  private SchoolClass classOfYear(Student student, String schoolYear) {
    return roster.enrolmentIn(student.schoolId(), student.id(), schoolYear)
        .flatMap(e -> roster.schoolClass(student.schoolId(), e.classId()))
        .filter(c -> c.schoolYear().equals(schoolYear))
        .orElseThrow(ApiException.NotFound::new);
  }
}
