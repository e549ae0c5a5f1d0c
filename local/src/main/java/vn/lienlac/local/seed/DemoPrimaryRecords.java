package vn.lienlac.local.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.records.PrimaryRecordsService;
import vn.lienlac.local.seed.DemoSchools.Person;
import vn.lienlac.local.seed.DemoSchools.World;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.ClassCompetencies;
import vn.lienlac.model.records.ClassEvaluations;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.Completion;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.PrimaryQualities;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.QualityRating;
import vn.lienlac.model.records.grading.YearEvaluation;

/**
 * The demo primary school's records (Circular 27/2020), entered through the production service as
 * the teachers would: every class has mid-term 1, end of term 1 and mid-term 2 entered (ratings,
 * comments, tests where the programme has one; qualities and competencies); in
 * {@link DemoPrimarySchool#WHOLE_YEAR_CLASS} the end of the year too, with one pupil at each
 * end-of-year level ({@link #PROFILES}) and one nominated Học sinh Tiêu biểu. A term's points are
 * entered in one PUT per subject (the build's seed stays fast), on the day of the term's last point
 * entered (its own fixed clock).
 */
final class DemoPrimaryRecords {
  static final TermId TERM_1 = new TermId(2026, 1);
  static final TermId TERM_2 = new TermId(2026, 2);
  /** When each point was entered (all before the seed's "now"). */
  private static final Map<PrimaryPoint, Instant> ENTERED = Map.of(
      PrimaryPoint.MID_TERM_1, Instant.parse("2026-10-30T09:00:00Z"),
      PrimaryPoint.END_TERM_1, Instant.parse("2026-11-13T09:00:00Z"),
      PrimaryPoint.MID_TERM_2, Instant.parse("2026-11-18T09:00:00Z"),
      PrimaryPoint.END_OF_YEAR, Instant.parse("2026-11-20T09:00:00Z"));

  /**
   * The whole-year class's first pupils (in enrolment order) and the end-of-year evaluation the
   * seed gives them; the fifth (Hoàn thành tốt, as the award asks) is nominated Học sinh Tiêu biểu.
   * The others follow their ability.
   */
  static final List<YearEvaluation> PROFILES = List.of(YearEvaluation.HOAN_THANH_XUAT_SAC,
      YearEvaluation.HOAN_THANH_TOT, YearEvaluation.HOAN_THANH, YearEvaluation.CHUA_HOAN_THANH,
      YearEvaluation.HOAN_THANH_TOT);
  static final int EXEMPLARY_PUPIL = 4;
  static final String EXEMPLARY_REASON = "Đạt giải Nhì cuộc thi Viết chữ đẹp cấp quận; tích cực giúp đỡ các bạn trong lớp.";

  private static final String[][] COMMENTS = {
      {"Em tiếp thu bài nhanh, hoàn thành tốt các bài tập.", "Em học tập tích cực, làm bài cẩn thận, chính xác.",
          "Em nắm vững kiến thức và vận dụng tốt vào bài tập."},
      {"Em hoàn thành các nội dung học tập; cần cẩn thận hơn khi làm bài.",
          "Em nắm được bài; cần mạnh dạn phát biểu hơn.", "Em hoàn thành bài tập; cần luyện thêm cách trình bày."},
      {"Em chưa hoàn thành một số nội dung; cần cố gắng và luyện tập thêm.",
          "Em tiếp thu còn chậm; gia đình cần kèm cặp thêm ở nhà."}};
  private static final String[] QUALITY_COMMENTS = {
      "Em ngoan, lễ phép, đoàn kết với bạn bè; tự giác trong học tập.",
      "Em chăm chỉ, trung thực, biết giúp đỡ bạn; cần mạnh dạn hơn khi trao đổi.",
      "Em có ý thức tự học; cần giữ gìn sách vở sạch đẹp hơn."};

  private DemoPrimaryRecords() {}

  /** Enters the records of every primary class of the world (none when it has no primary school). */
  static void write(Dynamo dynamo, RosterRepository roster, World world, Map<String, Person> people,
      ExecutorService pool) {
    List<SchoolClass> classes = world.classes().stream()
        .filter(c -> c.schoolId().equals(DemoPrimarySchool.SCHOOL_ID)).toList();
    Map<PrimaryPoint, PrimaryRecordsService> services = new EnumMap<>(PrimaryPoint.class);
    ENTERED.forEach((point, at) -> services.put(point, new PrimaryRecordsService(dynamo, roster,
        Clock.fixed(at, ZoneOffset.UTC))));
    List<Runnable> tasks = new ArrayList<>();
    for (SchoolClass schoolClass : classes) {
      List<Student> pupils = world.students().stream().filter(s -> s.classId().equals(schoolClass.id())).toList();
      boolean wholeYear = schoolClass.id().equals(DemoPrimarySchool.WHOLE_YEAR_CLASS);
      List<PrimaryPoint> entered = wholeYear ? List.of(PrimaryPoint.values())
          : List.of(PrimaryPoint.MID_TERM_1, PrimaryPoint.END_TERM_1, PrimaryPoint.MID_TERM_2);
      Map<String, Double> ability = abilities(schoolClass, pupils, wholeYear);
      for (PrimarySubject subject : PrimarySubjects.plan(schoolClass.grade())) {
        Caller teacher = people.get(schoolClass.subjectTeachers().get(subject.subject())).caller();
        tasks.add(() -> {
          Random random = DemoSeed.random(schoolClass.id() + "/" + subject.subject());
          for (List<PrimaryPoint> points : byTerm(entered)) {
            List<ClassEvaluations.Row> rows = new ArrayList<>();
            for (int p = 0; p < pupils.size(); p++) {
              Student pupil = pupils.get(p);
              Map<PrimaryPoint, ClassEvaluations.Mark> marks = new EnumMap<>(PrimaryPoint.class);
              for (PrimaryPoint point : points) {
                YearEvaluation profile = wholeYear && point == PrimaryPoint.END_OF_YEAR && p < PROFILES.size()
                    ? PROFILES.get(p) : null;
                marks.put(point, mark(subject, point, ability.get(pupil.id()), profile, random));
              }
              rows.add(new ClassEvaluations.Row(pupil.id(), marks, null));
            }
            PrimaryPoint last = points.getLast();
            services.get(last).updateEvaluations(teacher, schoolClass, subject.subject(), term(last),
                new ClassEvaluations.Update(rows), "seed-" + last.name().toLowerCase(Locale.ROOT), Messages.VIETNAMESE);
          }
        });
      }
      Caller homeroom = people.get(schoolClass.homeroomTeacherId()).caller();
      tasks.add(() -> {
        Random random = DemoSeed.random(schoolClass.id() + "/qualities");
        for (List<PrimaryPoint> points : byTerm(entered)) {
          List<ClassCompetencies.Row> rows = new ArrayList<>();
          for (int p = 0; p < pupils.size(); p++) {
            Student pupil = pupils.get(p);
            Map<PrimaryPoint, ClassCompetencies.Assessment> assessments = new EnumMap<>(PrimaryPoint.class);
            ClassCompetencies.Exemplary exemplary = null;
            for (PrimaryPoint point : points) {
              boolean end = wholeYear && point == PrimaryPoint.END_OF_YEAR;
              YearEvaluation profile = end && p < PROFILES.size() ? PROFILES.get(p) : null;
              Map<String, QualityRating> ratings = new LinkedHashMap<>();
              for (String code : PrimaryQualities.ALL) {
                ratings.put(code, quality(ability.get(pupil.id()), profile, random));
              }
              assessments.put(point, new ClassCompetencies.Assessment(ratings,
                  QUALITY_COMMENTS[random.nextInt(QUALITY_COMMENTS.length)]));
              if (end && p == EXEMPLARY_PUPIL) {
                exemplary = new ClassCompetencies.Exemplary(true, EXEMPLARY_REASON);
              }
            }
            rows.add(new ClassCompetencies.Row(pupil.id(), assessments, exemplary, null));
          }
          PrimaryPoint last = points.getLast();
          services.get(last).updateCompetencies(homeroom, schoolClass, term(last), new ClassCompetencies.Update(rows),
              "seed-" + last.name().toLowerCase(Locale.ROOT), Messages.VIETNAMESE);
        }
      });
    }
    DemoSeed.inParallel(pool, tasks, Runnable::run);
  }

  /** The points entered, grouped by term (one PUT per term: fewer writes keep the build's seed fast). */
  private static List<List<PrimaryPoint>> byTerm(List<PrimaryPoint> entered) {
    return List.of(entered.stream().filter(p -> p.term() == 1).toList(), entered.stream().filter(p -> p.term() == 2)
        .toList());
  }

  private static TermId term(PrimaryPoint point) {
    return point.term() == 1 ? TERM_1 : TERM_2;
  }

  /**
   * Each pupil's ability (a level on the 10-point scale). In the whole-year class the profiled
   * pupils' abilities match their profile and the others stay clear of Chưa hoàn thành.
   */
  private static Map<String, Double> abilities(SchoolClass schoolClass, List<Student> pupils, boolean wholeYear) {
    Random random = DemoSeed.random(schoolClass.id() + "/abilities");
    Map<String, Double> ability = new HashMap<>();
    for (int p = 0; p < pupils.size(); p++) {
      double level = Math.max(4.5, Math.min(9.8, 7.6 + random.nextGaussian() * 1.2));
      if (wholeYear && p < PROFILES.size()) {
        level = switch (PROFILES.get(p)) {
          case HOAN_THANH_XUAT_SAC -> 9.6;
          case HOAN_THANH_TOT -> 8.6;
          case HOAN_THANH -> 6.8;
          case CHUA_HOAN_THANH -> 5.0;
        };
      }
      ability.put(pupils.get(p).id(), level);
    }
    return ability;
  }

  /** A pupil's mark at a point: a rating near their ability, a comment, and the test where there is one. */
  private static ClassEvaluations.Mark mark(PrimarySubject subject, PrimaryPoint point, double ability,
      YearEvaluation profile, Random random) {
    double level = ability + random.nextGaussian() * 0.6;
    Integer test = subject.testedAt(point) ? (int) Math.max(2, Math.min(10, Math.round(level + random.nextGaussian() * 0.5)))
        : null;
    Completion rating = level >= 8.3 ? Completion.HOAN_THANH_TOT : level >= 5.0 ? Completion.HOAN_THANH
        : Completion.CHUA_HOAN_THANH;
    if (profile != null) {
      // The end of the year of a profiled pupil: exactly what their evaluation asks (Article 9.2).
      switch (profile) {
        case HOAN_THANH_XUAT_SAC -> {
          rating = Completion.HOAN_THANH_TOT;
          test = test == null ? null : 9 + random.nextInt(2);
        }
        case HOAN_THANH_TOT -> {
          rating = Completion.HOAN_THANH_TOT;
          test = test == null ? null : 7 + random.nextInt(2);
        }
        case HOAN_THANH -> {
          rating = Completion.HOAN_THANH;
          test = test == null ? null : 5 + random.nextInt(3);
        }
        case CHUA_HOAN_THANH -> {
          boolean maths = subject.subject().equals(PrimarySubjects.TOAN);
          rating = maths ? Completion.CHUA_HOAN_THANH : Completion.HOAN_THANH;
          test = test == null ? null : maths ? 4 : 5 + random.nextInt(2);
        }
      }
    } else if (rating == Completion.CHUA_HOAN_THANH) {
      rating = Completion.HOAN_THANH; // only the profiled pupil ends a point Chưa hoàn thành
    }
    if (test != null && profile == null && test < 5) {
      test = 5;
    }
    String[] pool = COMMENTS[rating.ordinal()];
    return new ClassEvaluations.Mark(rating, pool[random.nextInt(pool.length)], test == null ? null : BigDecimal.valueOf(test));
  }

  private static QualityRating quality(double ability, YearEvaluation profile, Random random) {
    if (profile != null) {
      return switch (profile) {
        case HOAN_THANH_XUAT_SAC, HOAN_THANH_TOT -> QualityRating.TOT;
        case HOAN_THANH, CHUA_HOAN_THANH -> random.nextInt(3) == 0 ? QualityRating.TOT : QualityRating.DAT;
      };
    }
    double level = ability + random.nextGaussian() * 0.7;
    return level >= 8.0 ? QualityRating.TOT : QualityRating.DAT;
  }
}
