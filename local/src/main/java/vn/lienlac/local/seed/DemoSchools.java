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
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;

/**
 * The demo world, in memory and the same every run (a fixed random seed): two lower-secondary
 * schools, three classes of about 35 pupils each, their teachers, office staff and parents; and a
 * primary school ({@link DemoPrimarySchool}).
 * {@link DemoSeed} writes it through the production repositories and services.
 */
final class DemoSchools {
  static final String SCHOOL_YEAR = "2026-2027";
  private static final long RANDOM_SEED = 131L; // Decision 131/QĐ-TTg

  /** A demo person: their id (the JWT subject) and what they are granted. */
  record Person(String id, String fullName, Role role, String schoolId, List<Caller.Grant> grants, String description) {
    Caller caller() {
      return new Caller(id, grants);
    }
  }

  record World(List<School> schools, List<SchoolClass> classes, List<Student> students, List<Person> people) {
    /**
     * The part of the world one class needs (tests): its school, the class, its pupils, and the
     * school's people with only the grants that concern this class or its pupils.
     */
    World onlyClass(String classId) {
      SchoolClass kept = classes.stream().filter(c -> c.id().equals(classId)).findFirst().orElseThrow();
      List<Student> pupils = students.stream().filter(s -> s.classId().equals(classId)).toList();
      List<String> pupilIds = pupils.stream().map(Student::id).toList();
      List<Person> kin = people.stream().filter(p -> p.schoolId().equals(kept.schoolId()))
          .map(p -> new Person(p.id(), p.fullName(), p.role(), p.schoolId(), p.grants().stream()
              .filter(g -> g.schoolId().equals(kept.schoolId()) && switch (g) {
                case Caller.RoleGrant r -> true;
                case Caller.ChildGrant c -> pupilIds.contains(c.studentId());
                case Caller.TeachingGrant t -> t.classId().equals(classId);
                case Caller.HomeroomGrant h -> h.classId().equals(classId);
              }).toList(), p.description()))
          .toList();
      return new World(schools.stream().filter(s -> s.id().equals(kept.schoolId())).toList(), List.of(kept), pupils, kin);
    }
  }

  static final String[] FAMILY = {
      "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  static final String[] BOY_MIDDLE = {"Văn", "Minh", "Đức", "Quang", "Gia", "Hoàng", "Anh", "Hữu", "Thành"};
  private static final String[] GIRL_MIDDLE = {"Thị", "Ngọc", "Thu", "Minh", "Thanh", "Khánh", "Bảo", "Phương", "Diệu"};
  static final String[] BOY_GIVEN = {
      "An", "Bảo", "Dũng", "Đạt", "Hải", "Huy", "Khang", "Khôi", "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn",
      "Tuấn", "Việt", "Vinh", "Hưng", "Đức", "Trí", "Thắng", "Nghĩa"};
  private static final String[] GIRL_GIVEN = {
      "Anh", "Chi", "Diệp", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "My", "Ngân", "Nhi", "Phương",
      "Quỳnh", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Ánh", "Thư"};

  private DemoSchools() {}

  static World build() {
    Random random = new Random(RANDOM_SEED);
    List<School> schools = List.of(
        new School("thcs-nguyen-trai", "Trường THCS Nguyễn Trãi", SchoolLevel.LOWER_SECONDARY, "Hà Nội", SCHOOL_YEAR),
        new School("thcs-le-quy-don", "Trường THCS Lê Quý Đôn", SchoolLevel.LOWER_SECONDARY, "Đà Nẵng", SCHOOL_YEAR));
    String[] prefixes = {"nt", "lqd"};
    List<SchoolClass> classes = new ArrayList<>();
    List<Student> students = new ArrayList<>();
    List<Person> people = new ArrayList<>();
    for (int s = 0; s < schools.size(); s++) {
      buildSchool(schools.get(s), prefixes[s], random, classes, students, people);
    }
    linkAcrossSchools(schools, students, people);
    // Issue 16: the demo primary school, on its own random seed (the secondary world above does not move).
    List<School> all = new ArrayList<>(schools);
    DemoPrimarySchool.build(all, classes, students, people);
    return new World(List.copyOf(all), classes, students, people);
  }

  /**
   * Teachers: who teaches which subject in which class (by class index 0 = 6A1, 1 = 6A2, 2 = 7A1),
   * and whose homeroom each class is. Maths and literature are split by grade, so a teacher of 6A1
   * maths cannot touch 7A1's maths gradebook.
   */
  private static final Object[][] TEACHING = {
      // teacher, homeroom class index (or -1), then subject, class indexes...
      {0, 0, Subjects.TOAN, new int[] {0, 1}},
      {1, 1, Subjects.NGU_VAN, new int[] {0, 1}},
      {2, 2, Subjects.TOAN, new int[] {2}, Subjects.TIN_HOC, new int[] {0, 1, 2}},
      {3, -1, Subjects.NGU_VAN, new int[] {2}, Subjects.GDCD, new int[] {0, 1, 2}},
      {4, -1, Subjects.TIENG_ANH, new int[] {0, 1, 2}},
      {5, -1, Subjects.KHTN, new int[] {0, 1, 2}},
      {6, -1, Subjects.LICH_SU_DIA_LI, new int[] {0, 1, 2}, Subjects.GDDP, new int[] {0, 1, 2}},
      {7, -1, Subjects.CONG_NGHE, new int[] {0, 1, 2}, Subjects.HDTN_HN, new int[] {0, 1, 2}},
      {8, -1, Subjects.GDTC, new int[] {0, 1, 2}, Subjects.NGHE_THUAT, new int[] {0, 1, 2}},
  };

  private static void buildSchool(School school, String prefix, Random random, List<SchoolClass> classes,
      List<Student> students, List<Person> people) {
    String[] classNames = {"6A1", "6A2", "7A1"};
    int[] grades = {6, 6, 7};

    // Teachers and their grants.
    int teacherCount = TEACHING.length;
    String[] teacherIds = new String[teacherCount];
    String[] teacherNames = new String[teacherCount];
    List<List<Caller.Grant>> teacherGrants = new ArrayList<>();
    for (int t = 0; t < teacherCount; t++) {
      boolean woman = random.nextInt(100) < 70; // most Vietnamese school teachers are women
      teacherIds[t] = prefix + "-gv-" + String.format("%02d", t + 1);
      teacherNames[t] = name(random, woman);
      teacherGrants.add(new ArrayList<>(List.of(new Caller.RoleGrant(school.id(), Role.TEACHER, teacherNames[t]))));
    }
    String[] classIds = new String[classNames.length];
    for (int c = 0; c < classNames.length; c++) {
      classIds[c] = prefix + "-2026-" + classNames[c].toLowerCase(java.util.Locale.ROOT);
    }
    String[] homeroom = new String[classNames.length];
    List<Map<String, String>> subjectTeachers = new ArrayList<>();
    for (int c = 0; c < classNames.length; c++) {
      subjectTeachers.add(new LinkedHashMap<>());
    }
    List<StringBuilder> descriptions = new ArrayList<>();
    for (Object[] row : TEACHING) {
      int t = (Integer) row[0];
      int home = (Integer) row[1];
      StringBuilder description = new StringBuilder();
      if (home >= 0) {
        homeroom[home] = teacherIds[t];
        teacherGrants.get(t).add(new Caller.HomeroomGrant(school.id(), classIds[home]));
        description.append("Chủ nhiệm ").append(classNames[home]).append("; ");
      }
      for (int i = 2; i < row.length; i += 2) {
        String subject = (String) row[i];
        int[] taught = (int[]) row[i + 1];
        description.append(Messages.get(Messages.VIETNAMESE, "subject." + subject)).append(':');
        for (int c : taught) {
          teacherGrants.get(t).add(new Caller.TeachingGrant(school.id(), classIds[c], subject));
          subjectTeachers.get(c).put(subject, teacherIds[t]);
          description.append(' ').append(classNames[c]);
        }
        description.append("; ");
      }
      descriptions.add(description);
    }
    for (int t = 0; t < teacherCount; t++) {
      people.add(new Person(teacherIds[t], teacherNames[t], Role.TEACHER, school.id(), teacherGrants.get(t),
          "Giáo viên. " + descriptions.get(t).toString().replaceAll("[;\\s]+$", "")));
    }

    for (int c = 0; c < classNames.length; c++) {
      List<SubjectPlan> plan = Subjects.lowerSecondaryPlan(grades[c]);
      classes.add(new SchoolClass(school.id(), classIds[c], classNames[c], grades[c], SCHOOL_YEAR, homeroom[c], plan,
          subjectTeachers.get(c)));
    }

    // Office staff.
    String[][] staff = {{"Hiệu trưởng"}, {"Văn phòng, kế toán"}};
    for (int i = 0; i < staff.length; i++) {
      String id = prefix + "-vp-" + String.format("%02d", i + 1);
      String fullName = name(random, random.nextBoolean());
      people.add(new Person(id, fullName, Role.STAFF, school.id(),
          List.of(new Caller.RoleGrant(school.id(), Role.STAFF, fullName)), "Nhà trường: " + staff[i][0]));
    }

    // Pupils, in families: a quarter of families have a second child in another class.
    int pupilNumber = 0;
    int familyNumber = 0;
    int[] remaining = new int[classNames.length];
    for (int c = 0; c < classNames.length; c++) {
      remaining[c] = 33 + random.nextInt(5);
    }
    while (remaining[0] + remaining[1] + remaining[2] > 0) {
      familyNumber++;
      String family = FAMILY[random.nextInt(FAMILY.length)];
      int children = random.nextInt(100) < 75 ? 1 : (random.nextInt(100) < 85 ? 2 : 3);
      List<Student> kids = new ArrayList<>();
      List<Integer> usedClasses = new ArrayList<>();
      for (int k = 0; k < children; k++) {
        int c = pickClass(random, remaining, usedClasses);
        if (c < 0) {
          break;
        }
        usedClasses.add(c);
        remaining[c]--;
        pupilNumber++;
        boolean girl = random.nextBoolean();
        String fullName = family + " " + given(random, girl);
        LocalDate born = LocalDate.of(2026 - grades[c] - 6, 1 + random.nextInt(12), 1 + random.nextInt(28));
        Student student = new Student(school.id(), prefix + "-hs-" + String.format("%04d", pupilNumber), fullName, born,
            classIds[c]);
        students.add(student);
        kids.add(student);
      }
      if (kids.isEmpty()) {
        continue;
      }
      // One or (sometimes) both parents have accounts; the father shares the family name.
      boolean mother = random.nextInt(100) < 65;
      addParent(people, school, prefix, familyNumber, "a", kids, classes,
          mother ? name(random, true) : family + " " + BOY_MIDDLE[random.nextInt(BOY_MIDDLE.length)] + " "
              + BOY_GIVEN[random.nextInt(BOY_GIVEN.length)],
          mother ? "MOTHER" : "FATHER");
      if (random.nextInt(100) < 15) {
        addParent(people, school, prefix, familyNumber, "b", kids, classes,
            mother ? family + " " + BOY_MIDDLE[random.nextInt(BOY_MIDDLE.length)] + " "
                + BOY_GIVEN[random.nextInt(BOY_GIVEN.length)] : name(random, true),
            mother ? "FATHER" : "MOTHER");
      }
    }
  }

  private static void addParent(List<Person> people, School school, String prefix, int family, String suffix,
      List<Student> kids, List<SchoolClass> classes, String fullName, String relationship) {
    String id = prefix + "-ph-" + String.format("%03d", family) + ("a".equals(suffix) ? "" : suffix);
    List<Caller.Grant> grants = new ArrayList<>();
    grants.add(new Caller.RoleGrant(school.id(), Role.PARENT, fullName));
    StringBuilder description = new StringBuilder("Phụ huynh của ");
    for (int i = 0; i < kids.size(); i++) {
      Student kid = kids.get(i);
      grants.add(new Caller.ChildGrant(school.id(), kid.id(), relationship, DemoPrivacy.consentOf(id)));
      String className = classes.stream().filter(c -> c.id().equals(kid.classId())).findFirst()
          .map(SchoolClass::name).orElse(kid.classId());
      description.append(i == 0 ? "" : ", ").append(kid.fullName()).append(" (").append(className).append(')');
    }
    people.add(new Person(id, fullName, Role.PARENT, school.id(), grants, description.toString()));
  }

  /** One family with a child in each school: /v1/me then lists two schools. */
  private static void linkAcrossSchools(List<School> schools, List<Student> students, List<Person> people) {
    Person parent = people.stream()
        .filter(p -> p.role() == Role.PARENT && p.schoolId().equals(schools.get(0).id())).findFirst().orElseThrow();
    Student other = students.stream().filter(s -> s.schoolId().equals(schools.get(1).id())).findFirst().orElseThrow();
    List<Caller.Grant> grants = new ArrayList<>(parent.grants());
    grants.add(new Caller.RoleGrant(other.schoolId(), Role.PARENT, parent.fullName()));
    grants.add(new Caller.ChildGrant(other.schoolId(), other.id(), "GUARDIAN", DemoPrivacy.consentOf(parent.id())));
    people.set(people.indexOf(parent), new Person(parent.id(), parent.fullName(), parent.role(), parent.schoolId(),
        grants, parent.description() + "; và " + other.fullName() + " (" + schools.get(1).name() + ")"));
  }

  private static int pickClass(Random random, int[] remaining, List<Integer> used) {
    List<Integer> open = new ArrayList<>();
    for (int c = 0; c < remaining.length; c++) {
      if (remaining[c] > 0 && !used.contains(c)) {
        open.add(c);
      }
    }
    return open.isEmpty() ? -1 : open.get(random.nextInt(open.size()));
  }

  static String name(Random random, boolean woman) {
    return FAMILY[random.nextInt(FAMILY.length)] + " " + given(random, woman);
  }

  static String given(Random random, boolean girl) {
    return girl
        ? GIRL_MIDDLE[random.nextInt(GIRL_MIDDLE.length)] + " " + GIRL_GIVEN[random.nextInt(GIRL_GIVEN.length)]
        : BOY_MIDDLE[random.nextInt(BOY_MIDDLE.length)] + " " + BOY_GIVEN[random.nextInt(BOY_GIVEN.length)];
  }
}
