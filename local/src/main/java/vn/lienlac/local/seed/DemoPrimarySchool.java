package vn.lienlac.local.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.local.seed.DemoSchools.Person;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * The demo primary school (Tiểu học, Circular 27/2020): one class in each grade 1 to 5 of twelve
 * pupils, each class's homeroom teacher teaching it every subject but two, a specialist teaching
 * Ngoại ngữ 1 and Tin học và Công nghệ in grades 3 to 5, two office staff, and one parent account
 * per family. Its own fixed random seed, so the secondary schools' world does not move.
 */
final class DemoPrimarySchool {
  static final String SCHOOL_ID = "th-kim-dong";
  static final String PREFIX = "kd";
  /** The class whose whole school year the seed enters (one pupil at each end-of-year level). */
  static final String WHOLE_YEAR_CLASS = "kd-2026-5a";
  static final int PUPILS_PER_CLASS = 12;
  private static final long RANDOM_SEED = 27L; // Circular 27/2020

  private DemoPrimarySchool() {}

  /** Adds the school, its classes, pupils and people to the lists. */
  static void build(List<School> schools, List<SchoolClass> classes, List<Student> students, List<Person> people) {
    Random random = new Random(RANDOM_SEED);
    School school = new School(SCHOOL_ID, "Trường Tiểu học Kim Đồng", SchoolLevel.PRIMARY, "Hà Nội",
        DemoSchools.SCHOOL_YEAR);
    schools.add(school);

    // Teachers: kd-gv-01..05 are the homeroom teachers of 1A..5A; kd-gv-06 the specialist.
    int grades = 5;
    String specialist = PREFIX + "-gv-06";
    List<String> specialistSubjects = List.of(PrimarySubjects.NGOAI_NGU_1, PrimarySubjects.TIN_HOC_CONG_NGHE);
    String[] classIds = new String[grades];
    String[] classNames = new String[grades];
    List<List<Caller.Grant>> teacherGrants = new ArrayList<>();
    List<String> teacherNames = new ArrayList<>();
    for (int t = 0; t <= grades; t++) {
      String name = DemoSchools.name(random, random.nextInt(100) < 80);
      teacherNames.add(name);
      teacherGrants.add(new ArrayList<>(List.of(new Caller.RoleGrant(school.id(), Role.TEACHER, name))));
    }
    List<String> specialistClasses = new ArrayList<>();
    for (int g = 1; g <= grades; g++) {
      classNames[g - 1] = g + "A";
      classIds[g - 1] = PREFIX + "-2026-" + g + "a";
      String homeroom = PREFIX + "-gv-" + String.format("%02d", g);
      List<SubjectPlan> plan = subjects(g);
      Map<String, String> subjectTeachers = new LinkedHashMap<>();
      List<Caller.Grant> grants = teacherGrants.get(g - 1);
      grants.add(new Caller.HomeroomGrant(school.id(), classIds[g - 1]));
      for (SubjectPlan subject : plan) {
        boolean bySpecialist = specialistSubjects.contains(subject.subject());
        subjectTeachers.put(subject.subject(), bySpecialist ? specialist : homeroom);
        (bySpecialist ? teacherGrants.get(grades) : grants)
            .add(new Caller.TeachingGrant(school.id(), classIds[g - 1], subject.subject()));
      }
      if (plan.stream().anyMatch(s -> specialistSubjects.contains(s.subject()))) {
        specialistClasses.add(classNames[g - 1]);
      }
      classes.add(new SchoolClass(school.id(), classIds[g - 1], classNames[g - 1], g, DemoSchools.SCHOOL_YEAR, homeroom,
          plan, subjectTeachers));
    }
    for (int g = 1; g <= grades; g++) {
      people.add(new Person(PREFIX + "-gv-" + String.format("%02d", g), teacherNames.get(g - 1), Role.TEACHER, school.id(),
          teacherGrants.get(g - 1), "Giáo viên tiểu học. Chủ nhiệm " + classNames[g - 1] + ", dạy các môn của lớp"
              + (g >= 3 ? " (trừ Ngoại ngữ 1, Tin học và Công nghệ)" : "")));
    }
    people.add(new Person(specialist, teacherNames.get(grades), Role.TEACHER, school.id(), teacherGrants.get(grades),
        "Giáo viên tiểu học. " + specialistSubjects.stream().map(s -> Messages.get(Messages.VIETNAMESE, "subject." + s))
            .reduce((a, b) -> a + ", " + b).orElse("") + ": " + String.join(" ", specialistClasses)));

    String[] staff = {"Hiệu trưởng", "Văn phòng"};
    for (int i = 0; i < staff.length; i++) {
      String id = PREFIX + "-vp-" + String.format("%02d", i + 1);
      String fullName = DemoSchools.name(random, random.nextBoolean());
      people.add(new Person(id, fullName, Role.STAFF, school.id(),
          List.of(new Caller.RoleGrant(school.id(), Role.STAFF, fullName)), "Nhà trường (tiểu học): " + staff[i]));
    }

    // Pupils: one family (one parent account) each.
    int number = 0;
    for (int g = 1; g <= grades; g++) {
      for (int p = 0; p < PUPILS_PER_CLASS; p++) {
        number++;
        boolean girl = random.nextBoolean();
        String family = DemoSchools.FAMILY[random.nextInt(DemoSchools.FAMILY.length)];
        Student pupil = new Student(school.id(), PREFIX + "-hs-" + String.format("%04d", number),
            family + " " + DemoSchools.given(random, girl),
            LocalDate.of(2026 - g - 6, 1 + random.nextInt(12), 1 + random.nextInt(28)), classIds[g - 1]);
        students.add(pupil);
        boolean mother = random.nextInt(100) < 70;
        String parentName = mother ? DemoSchools.name(random, true)
            : family + " " + DemoSchools.BOY_MIDDLE[random.nextInt(DemoSchools.BOY_MIDDLE.length)] + " "
                + DemoSchools.BOY_GIVEN[random.nextInt(DemoSchools.BOY_GIVEN.length)];
        String parentId = PREFIX + "-ph-" + String.format("%03d", number);
        people.add(new Person(parentId, parentName, Role.PARENT, school.id(), List.of(
            new Caller.RoleGrant(school.id(), Role.PARENT, parentName),
            new Caller.ChildGrant(school.id(), pupil.id(), mother ? "MOTHER" : "FATHER", DemoPrivacy.NOTICE_VERSION)),
            "Phụ huynh của " + pupil.fullName() + " (" + classNames[g - 1] + ", tiểu học)"));
      }
    }
  }

  /**
   * A primary grade's subjects as the class stores them ({@code code:KIND:periods}): the
   * programme's plan ({@link PrimarySubjects#plan}), SCORED where the subject has a periodic test,
   * with its periods a year (35 school weeks, General Education Programme 2018; not used by the
   * Circular 27 rules).
   */
  static List<SubjectPlan> subjects(int grade) {
    List<SubjectPlan> plans = new ArrayList<>();
    for (PrimarySubject subject : PrimarySubjects.plan(grade)) {
      int periods = switch (subject.subject()) {
        case PrimarySubjects.TIENG_VIET -> grade == 1 ? 420 : grade == 2 ? 350 : 245;
        case PrimarySubjects.TOAN -> grade == 1 ? 105 : 175;
        case PrimarySubjects.NGOAI_NGU_1 -> 140;
        case PrimarySubjects.TU_NHIEN_XA_HOI, PrimarySubjects.LICH_SU_DIA_LI, PrimarySubjects.KHOA_HOC,
            PrimarySubjects.TIN_HOC_CONG_NGHE, PrimarySubjects.GDTC, PrimarySubjects.NGHE_THUAT -> 70;
        case PrimarySubjects.HDTN -> 105;
        default -> 35;
      };
      plans.add(new SubjectPlan(subject.subject(),
          subject.testPoints().isEmpty() ? AssessmentKind.COMMENTED : AssessmentKind.SCORED, periods));
    }
    return plans;
  }
}
