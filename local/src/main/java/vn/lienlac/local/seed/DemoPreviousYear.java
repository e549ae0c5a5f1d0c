package vn.lienlac.local.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.Enrolment;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.records.AttendanceService;
import vn.lienlac.functions.records.ConductService;
import vn.lienlac.functions.records.GradesService;
import vn.lienlac.functions.records.LeaveService;
import vn.lienlac.local.seed.DemoSchools.Person;
import vn.lienlac.local.seed.DemoSchools.World;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.ClassConduct;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Conduct;
import vn.lienlac.model.records.grading.GradingRules;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;

/**
 * The secondary schools' e-records beyond the current term (issue 16), written through the
 * production services like the rest of the seed, and the same every run:
 *
 * <ul>
 *   <li>term conduct of 2026-2027 HK1 for every class, rated by its homeroom teacher;
 *   <li>the complete school year 2025-2026 of the 7A1 pupils, who were in 6A1 then (a class of
 *       that year, {@code …-2025-6a1}, same homeroom teacher, the grade-6 subject teachers): their
 *       enrolment periods (6A1 from 2025-09-05 to 2026-05-31, 7A1 from 2026-09-05), every mark of
 *       both terms, conduct of both terms and a few absences in that year's registers. The first
 *       three pupils by id are set up so that the year shows every outcome: one Học sinh Xuất sắc,
 *       one whose level Article 9.3 raises (excellent but for Toán), one sent to the summer retest.
 *       The 6th-graders came from primary schools: they have no earlier year here.
 * </ul>
 */
final class DemoPreviousYear {
  static final String SCHOOL_YEAR = "2025-2026";
  static final TermId TERM1 = new TermId(2025, 1);
  static final TermId TERM2 = new TermId(2025, 2);
  static final LocalDate FROM = LocalDate.of(2025, 9, 5);
  static final LocalDate TO = LocalDate.of(2026, 5, 31);
  static final LocalDate THIS_YEAR_FROM = LocalDate.of(2026, 9, 5);
  /** When last year's marks were entered: the end of each term (the audit shows it). */
  private static final Instant TERM1_ENTERED = Instant.parse("2026-01-12T09:00:00Z");
  private static final Instant TERM2_ENTERED = Instant.parse("2026-05-25T09:00:00Z");
  /** A few days of last year's registers with absences. */
  private static final List<LocalDate> ABSENCE_DAYS = List.of(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 11, 12),
      LocalDate.of(2025, 12, 3), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 17), LocalDate.of(2026, 4, 21));

  private DemoPreviousYear() {}

  /** Which current class each previous-year class became (class name then, class name now). */
  private static final String LAST_YEAR_CLASS = "6A1";
  private static final String NOW_CLASS = "7A1";

  static void write(Dynamo dynamo, World world, Map<String, Person> people, ExecutorService pool) {
    long started = System.nanoTime();
    Clock now = Clock.fixed(DemoSeed.SEEDED_AT, ZoneOffset.UTC);
    RosterRepository roster = new RosterRepository(dynamo);
    conductThisTerm(dynamo, roster, now, world, people, pool);

    List<Runnable> work = new ArrayList<>();
    for (School school : world.schools()) {
      if (school.level() == SchoolLevel.PRIMARY) {
        continue;
      }
      SchoolClass current = world.classes().stream()
          .filter(c -> c.schoolId().equals(school.id()) && c.name().equals(NOW_CLASS)).findFirst().orElseThrow();
      // Last year's subject teachers: this year's 6A1's (the grade-6 teachers); the class's own in a one-class world.
      SchoolClass template = world.classes().stream()
          .filter(c -> c.schoolId().equals(school.id()) && c.name().equals(LAST_YEAR_CLASS)).findFirst().orElse(current);
      String prefix = current.id().substring(0, current.id().indexOf("-2026-"));
      SchoolClass lastYear = new SchoolClass(school.id(), classId(prefix), LAST_YEAR_CLASS, current.grade() - 1, SCHOOL_YEAR, current.homeroomTeacherId(),
          Subjects.lowerSecondaryPlan(current.grade() - 1), template.subjectTeachers());
      roster.createClass(lastYear);
      List<Student> pupils = world.students().stream().filter(s -> s.classId().equals(current.id()))
          .sorted(Comparator.comparing(Student::id)).toList();
      DemoSeed.inParallel(pool, pupils, pupil -> {
        roster.addToRoster(lastYear, pupil);
        roster.recordEnrolment(new Enrolment(school.id(), pupil.id(), lastYear.id(), SCHOOL_YEAR, FROM, TO));
        roster.recordEnrolment(new Enrolment(school.id(), pupil.id(), current.id(), DemoSchools.SCHOOL_YEAR,
            THIS_YEAR_FROM, null));
      });
      work.addAll(lastYear(dynamo, roster, school, lastYear, pupils, people));
    }
    DemoSeed.inParallel(pool, work, Runnable::run);
    System.out.printf("  seed:  conduct and the previous school year %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** 2026-2027 HK1 conduct of every secondary class, by its homeroom teacher: mostly Tốt, some Khá, a few Đạt. */
  private static void conductThisTerm(Dynamo dynamo, RosterRepository roster, Clock clock, World world,
      Map<String, Person> people, ExecutorService pool) {
    ConductService conduct = new ConductService(dynamo, roster, clock);
    Map<String, SchoolLevel> levels = new HashMap<>();
    world.schools().forEach(s -> levels.put(s.id(), s.level()));
    List<SchoolClass> classes = world.classes().stream()
        .filter(c -> levels.get(c.schoolId()) != SchoolLevel.PRIMARY).toList();
    DemoSeed.inParallel(pool, classes, schoolClass -> {
      Random random = random("conduct/" + schoolClass.id());
      List<ClassConduct.Row> rows = new ArrayList<>();
      world.students().stream().filter(s -> s.classId().equals(schoolClass.id()))
          .sorted(Comparator.comparing(Student::id))
          .forEach(pupil -> rows.add(new ClassConduct.Row(pupil.id(), conduct(random), null)));
      conduct.update(people.get(schoolClass.homeroomTeacherId()).caller(), schoolClass, DemoSeed.TERM,
          new ClassConduct.Update(rows), "seed", Messages.VIETNAMESE);
    });
  }

  /** The writes of one class's previous year, as independent tasks (each subject and term, conduct, registers). */
  private static List<Runnable> lastYear(Dynamo dynamo, RosterRepository roster, School school, SchoolClass lastYear,
      List<Student> pupils, Map<String, Person> people) {
    GradingRules rules = GradingRules.forLevel(school.level());
    Random abilities = random("abilities/" + lastYear.id());
    Map<String, Double> ability = new HashMap<>();
    pupils.forEach(p -> ability.put(p.id(), Math.max(3.8, Math.min(9.6, 7.0 + abilities.nextGaussian() * 1.2))));
    Student excellent = pupils.get(0);
    Student raised = pupils.get(1);
    Student weak = pupils.get(2);
    ability.put(excellent.id(), 9.8);
    ability.put(raised.id(), 9.6);
    ability.put(weak.id(), 2.6);
    Caller homeroom = people.get(lastYear.homeroomTeacherId()).caller();

    List<Runnable> work = new ArrayList<>();
    for (TermId term : List.of(TERM1, TERM2)) {
      Clock clock = Clock.fixed(term.equals(TERM1) ? TERM1_ENTERED : TERM2_ENTERED, ZoneOffset.UTC);
      GradesService grades = new GradesService(dynamo, roster, clock);
      for (SubjectPlan plan : lastYear.subjects()) {
        work.add(() -> {
          Random random = random(lastYear.id() + "/" + term + "/" + plan.subject());
          Caller teacher = people.get(lastYear.subjectTeachers().get(plan.subject())).caller();
          List<Gradebook.Row> rows = new ArrayList<>();
          for (Student pupil : pupils) {
            double level = pupil.equals(raised) && plan.subject().equals(Subjects.TOAN) ? 2.0 : ability.get(pupil.id());
            boolean sure = pupil.equals(excellent) || pupil.equals(raised) || pupil.equals(weak);
            rows.add(plan.kind() == AssessmentKind.COMMENTED
                ? DemoSeed.commentedRow(pupil.id(), !sure && random.nextInt(100) < 3,
                    rules.requiredRegularRatingCount(plan), random)
                : DemoSeed.scoredRow(pupil.id(), level, rules.requiredRegularCount(plan), random));
          }
          grades.update(teacher, lastYear, plan.subject(), term, new Gradebook.Update(rows), "seed", Messages.VIETNAMESE);
        });
      }
      work.add(() -> {
        ConductService conduct = new ConductService(dynamo, roster, clock);
        Random random = random("conduct/" + lastYear.id() + "/" + term);
        List<ClassConduct.Row> rows = new ArrayList<>();
        for (Student pupil : pupils) {
          Conduct rated = pupil.equals(excellent) || pupil.equals(raised) ? Conduct.TOT
              : pupil.equals(weak) ? Conduct.KHA : conduct(random);
          rows.add(new ClassConduct.Row(pupil.id(), rated, null));
        }
        conduct.update(homeroom, lastYear, term, new ClassConduct.Update(rows), "seed", Messages.VIETNAMESE);
      });
    }
    Clock now = Clock.fixed(DemoSeed.SEEDED_AT, ZoneOffset.UTC);
    AttendanceService attendance = new AttendanceService(dynamo, roster,
        new LeaveService(dynamo, now, IdGenerator.RANDOM), now);
    for (LocalDate day : ABSENCE_DAYS) {
      work.add(() -> {
        Random random = random(lastYear.id() + "/" + day);
        List<ClassAttendance.Mark> marks = new ArrayList<>();
        for (Student pupil : pupils) {
          int roll = random.nextInt(100);
          if (pupil.equals(weak) || roll < 4) {
            marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.ABSENT_EXCUSED, "Phụ huynh xin phép"));
          } else if (roll < 7) {
            marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.ABSENT_UNEXCUSED, null));
          }
        }
        attendance.mark(homeroom, lastYear, day, new ClassAttendance.Update(marks, null), "seed");
      });
    }
    return work;
  }

  private static Conduct conduct(Random random) {
    int roll = random.nextInt(100);
    return roll < 72 ? Conduct.TOT : roll < 93 ? Conduct.KHA : Conduct.DAT;
  }

  private static Random random(String name) {
    return new Random(name.hashCode() * 31L + 2025);
  }

  /** The id the seed gives a school's class of last year ({@code nt-2025-6a1}). */
  static String classId(String prefix) {
    return prefix + "-2025-" + LAST_YEAR_CLASS.toLowerCase(java.util.Locale.ROOT);
  }
}
