package vn.lienlac.local.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.announcements.AnnouncementsAccess;
import vn.lienlac.functions.announcements.AnnouncementsService;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DeviceService;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.messaging.MessagingService;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.records.AttendanceService;
import vn.lienlac.functions.records.GradesService;
import vn.lienlac.functions.records.LeaveService;
import vn.lienlac.local.seed.DemoSchools.Person;
import vn.lienlac.local.seed.DemoSchools.World;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.model.messaging.OfficeHours;
import vn.lienlac.model.push.DeviceRegistration;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.LeaveRequest;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.GradingRules;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.SubjectPlan;

/**
 * Writes the demo world ({@link DemoSchools}) through the production repositories and services,
 * so the demo data obeys the same rules as real data (grades are validated and audited, leave
 * requests go through the same checks). Everything is fixed: the random seed, the clock, the ids.
 * The build does that once and keeps the items ({@link SeedSnapshot}); a start loads them with
 * batch writes, and writes through the services itself only when the snapshot is missing. It
 * runs once per data folder (a marker item, written last, records it) and can be re-run safely.
 */
public final class DemoSeed {
  /** The seed's own "now": Saturday 21 November 2026, 10:00 in Vietnam. */
  static final Instant SEEDED_AT = Instant.parse("2026-11-21T03:00:00Z");
  static final TermId TERM = new TermId(2026, 1);
  static final LocalDate FIRST_SCHOOL_DAY = LocalDate.of(2026, 9, 7);
  static final LocalDate LAST_SCHOOL_DAY = LocalDate.of(2026, 11, 20);
  private static final String MARKER_SK = "SEED#demo-v1";
  /** DynamoDB Local serves requests on several threads; more than this gains nothing on 2-4 cores. */
  static final int PARALLELISM = 4;

  private DemoSeed() {}

  /** Writes the demo data if it is not there yet (the same every run) and returns the demo users. */
  public static List<DevUser> run(Dynamo dynamo) {
    World world = DemoSchools.build();
    if (!seeded(dynamo, world)) {
      long started = System.nanoTime();
      Optional<SeedSnapshot> snapshot = SeedSnapshot.fromClassPath();
      if (snapshot.isPresent()) {
        snapshot.get().load(dynamo);
        System.out.printf("  seed:  %d items loaded in %.1f s (written through the services at build time)%n",
            snapshot.get().items().size(), (System.nanoTime() - started) / 1e9);
      } else {
        System.out.println("  seed:  no snapshot on the class path (the local module's build makes it);"
            + " writing through the services");
        writeThroughServices(dynamo, world);
      }
      markSeeded(dynamo, world);
    }
    return users(world);
  }

  static List<DevUser> users(World world) {
    Map<String, String> schoolNames = world.schools().stream().collect(Collectors.toMap(School::id, School::name));
    return world.people().stream()
        .map(p -> new DevUser(p.id(), p.fullName(), p.role().name(), p.schoolId(), schoolNames.get(p.schoolId()),
            Boolean.FALSE.equals(DemoPrivacy.consented(p))
                ? p.description() + " — CHƯA ĐỒNG Ý xử lý dữ liệu (consent not given: messages, push, pay by app closed)"
                : p.description(), DemoPrivacy.consented(p)))
        .toList();
  }

  private static boolean seeded(Dynamo dynamo, World world) {
    var item = dynamo.client().getItem(r -> r.tableName(dynamo.tableName()).consistentRead(true).key(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.school(world.schools().get(0).id())),
        Keys.SK, AttributeValue.fromS(MARKER_SK))));
    return item.hasItem();
  }

  /**
   * Writes {@code world} through the production repositories and services into the table (no
   * marker): what the build keeps as the {@link SeedSnapshot}.
   */
  static void writeThroughServices(Dynamo dynamo, World world) {
    Clock clock = Clock.fixed(SEEDED_AT, ZoneOffset.UTC);
    Random leaveRandom = new Random(2022);
    RosterRepository roster = new RosterRepository(dynamo);
    DirectoryRepository directory = new DirectoryRepository(dynamo, clock);
    GradesService grades = new GradesService(dynamo, roster, clock);
    LeaveService leaves = new LeaveService(dynamo, clock, at -> Ids.newId(at.toEpochMilli(), leaveRandom));
    AttendanceService attendance = new AttendanceService(dynamo, roster, leaves, clock);
    Map<String, Person> people = world.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
    Map<String, List<Student>> pupilsByClass = world.students().stream()
        .collect(Collectors.groupingBy(Student::classId));

    // Independent writes run in parallel; each task draws from its own seeded Random, so the data
    // is the same whatever the threads' order.
    ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
    try {
      long started = System.nanoTime();
      world.schools().forEach(roster::createSchool);
      world.classes().forEach(roster::createClass);
      inParallel(pool, world.students(), roster::enrol);
      inParallel(pool, world.people(), person -> person.grants().forEach(grant -> directory.grant(person.id(), grant)));
      seedDevices(dynamo, roster, clock, people);
      // Privacy (issue 18): each school's notice, every demo parent's consent but one.
      DemoPrivacy.write(dynamo, clock, world, pool);
      long rosterDone = System.nanoTime();

      List<Runnable> gradebooks = new ArrayList<>();
      for (SchoolClass schoolClass : world.classes()) {
        if (schoolClass.schoolId().equals(DemoPrimarySchool.SCHOOL_ID)) {
          continue; // Circular 27/2020: DemoPrimaryRecords below
        }
        List<Student> pupils = pupilsByClass.get(schoolClass.id());
        GradingRules rules = GradingRules.forLevel(world.schools().stream()
            .filter(s -> s.id().equals(schoolClass.schoolId())).findFirst().orElseThrow().level());
        Random abilities = random(schoolClass.id());
        Map<String, Double> ability = new HashMap<>();
        pupils.forEach(p -> ability.put(p.id(), Math.max(3.8, Math.min(9.6, 7.2 + abilities.nextGaussian() * 1.1))));
        for (SubjectPlan plan : schoolClass.subjects()) {
          gradebooks.add(() -> {
            Random random = random(schoolClass.id() + "/" + plan.subject());
            Caller teacher = people.get(schoolClass.subjectTeachers().get(plan.subject())).caller();
            List<Gradebook.Row> rows = new ArrayList<>();
            for (Student pupil : pupils) {
              rows.add(plan.kind() == AssessmentKind.COMMENTED
                  ? commentedRow(pupil.id(), random.nextInt(100) < 3, rules.requiredRegularRatingCount(plan), random)
                  : scoredRow(pupil.id(), ability.get(pupil.id()), rules.requiredRegularCount(plan), random));
            }
            grades.update(teacher, schoolClass, plan.subject(), TERM, new Gradebook.Update(rows), "seed",
                Messages.VIETNAMESE);
          });
        }
      }
      inParallel(pool, gradebooks, Runnable::run);
      long secondaryGradesDone = System.nanoTime();
      // Issue 16: the primary school's ratings, comments, tests, qualities and competencies.
      DemoPrimaryRecords.write(dynamo, roster, world, people, pool);
      long gradesDone = System.nanoTime();

      Map<String, Map<LocalDate, String>> leaveDays = seedLeaveRequests(world, people, leaves, leaveRandom);
      long leaveDone = System.nanoTime();

      List<Runnable> registers = new ArrayList<>();
      for (SchoolClass schoolClass : world.classes()) {
        Caller homeroom = people.get(schoolClass.homeroomTeacherId()).caller();
        for (LocalDate day = FIRST_SCHOOL_DAY; !day.isAfter(LAST_SCHOOL_DAY); day = day.plusDays(1)) {
          if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            continue;
          }
          LocalDate date = day;
          registers.add(() -> {
            Random random = random(schoolClass.id() + "/" + date);
            List<ClassAttendance.Mark> marks = new ArrayList<>();
            for (Student pupil : pupilsByClass.get(schoolClass.id())) {
              if (leaveDays.getOrDefault(pupil.id(), Map.of()).containsKey(date)) {
                marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.ABSENT_UNEXCUSED, null));
                continue;
              }
              int roll = random.nextInt(1000);
              if (roll < 12) {
                marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.ABSENT_UNEXCUSED, null));
              } else if (roll < 22) {
                marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.ABSENT_EXCUSED, "Phụ huynh gọi điện báo ốm"));
              } else if (roll < 32) {
                marks.add(new ClassAttendance.Mark(pupil.id(), AttendanceStatus.LATE, "Đến muộn 10 phút"));
              }
            }
            attendance.mark(homeroom, schoolClass, date, new ClassAttendance.Update(marks, null), "seed");
          });
        }
      }
      inParallel(pool, registers, Runnable::run);
      long attendanceDone = System.nanoTime();
      // Secondary e-records (issue 16, record book): term conduct, and the complete previous school year.
      DemoPreviousYear.write(dynamo, world, people, pool);
      seedAnnouncements(dynamo, world, people);
      seedMessaging(dynamo, world, people);

      // Fees and payments (issue 14): sequential, so that receipt numbers are the same every run.
      Map<String, Caller> office = new HashMap<>();
      Map<String, Caller> parents = new HashMap<>();
      for (Person person : world.people()) {
        if (person.role() == vn.lienlac.model.identity.Role.STAFF) {
          office.putIfAbsent(person.schoolId(), person.caller());
        }
        person.grants().stream().filter(g -> g instanceof Caller.ChildGrant)
            .forEach(g -> parents.putIfAbsent(((Caller.ChildGrant) g).studentId(), person.caller()));
      }
      vn.lienlac.functions.payments.DemoPayments.write(dynamo, clock, world.classes(), world.students(), office, parents);
      System.out.printf("  seed:  roster %.1f s, grades %.1f s (primary %.1f s), leave requests %.1f s, attendance %.1f s%n",
          (rosterDone - started) / 1e9, (gradesDone - rosterDone) / 1e9, (gradesDone - secondaryGradesDone) / 1e9,
          (leaveDone - gradesDone) / 1e9, (attendanceDone - leaveDone) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Push: a few demo devices, registered through the production service (their pushes show in
   * {@code GET /dev/outbox}). nt-ph-002 deliberately has none: the family reachable only by a
   * printed note or a call.
   */
  static final List<String[]> DEMO_DEVICES = List.of(
      new String[] {"nt-ph-001", "demo-fcm:nt-ph-001-android", "android", "vi"},
      new String[] {"nt-ph-001", "demo-fcm:nt-ph-001-ipad", "ios", "en"},
      new String[] {"nt-ph-003", "demo-fcm:nt-ph-003-android", "android", "vi"},
      new String[] {"nt-ph-004", "demo-fcm:nt-ph-004-web", "web", "en"},
      new String[] {"nt-gv-03", "demo-fcm:nt-gv-03-android", "android", "vi"});

  private static void seedDevices(Dynamo dynamo, RosterRepository roster, Clock clock, Map<String, Person> people) {
    DeviceService devices = new DeviceService(dynamo, roster, clock);
    for (String[] device : DEMO_DEVICES) {
      Person person = people.get(device[0]);
      if (person != null && !person.caller().schools().isEmpty()) { // a partial world (tests) may lack them
        devices.register(person.caller(), new DeviceRegistration(device[1], device[2], device[3]));
      }
    }
  }

  static void markSeeded(Dynamo dynamo, World world) {
    dynamo.client().putItem(r -> r.tableName(dynamo.tableName()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.school(world.schools().get(0).id())),
        Keys.SK, AttributeValue.fromS(MARKER_SK),
        "type", AttributeValue.fromS("SeedMarker"),
        "seededAt", AttributeValue.fromS(SEEDED_AT.toString()))));
  }

  /**
   * A few announcements through the service, as their authors would publish them: school-wide
   * (each school's principal), to grade 6 (acknowledgement required, with a link), and an urgent one
   * to 7A1 from its homeroom teacher (acknowledgement required) that some families have read or
   * acknowledged. Published before the seed's "now", oldest first; skipped where the world (one
   * class, in SeedSnapshotTest) lacks the author or the class.
   */
  private static void seedAnnouncements(Dynamo dynamo, World world, Map<String, Person> people) {
    Random random = new Random(2026);
    AnnouncementsAccess access = new AnnouncementsAccess(new RosterRepository(dynamo));
    record Planned(String author, Announcement.Draft draft, Instant at) {}
    List<Planned> planned = List.of(
        new Planned("nt-vp-01", new Announcement.Draft("thcs-nguyen-trai", Announcement.Scope.SCHOOL, null, null,
            "Lịch nghỉ Tết Dương lịch 2027",
            "Học sinh toàn trường nghỉ Tết Dương lịch ngày 01/01/2027 (thứ Sáu) và đi học lại ngày 04/01/2027.",
            false, false, null), Instant.parse("2026-11-16T01:00:00Z")),
        new Planned("nt-vp-02", new Announcement.Draft("thcs-nguyen-trai", Announcement.Scope.GRADE, 6, null,
            "Họp phụ huynh khối 6 cuối học kì I",
            "Kính mời quý phụ huynh học sinh khối 6 dự họp lúc 8 giờ sáng Chủ nhật 29/11/2026 tại lớp của con.",
            false, true, List.of(new Announcement.Link("https://thcs-nguyentrai.edu.vn/hop-phu-huynh", "Nội dung họp"))),
            Instant.parse("2026-11-18T02:30:00Z")),
        new Planned("nt-gv-03", new Announcement.Draft("thcs-nguyen-trai", Announcement.Scope.CLASS, null,
            "nt-2026-7a1", "Điều chỉnh giờ tan học thứ Hai 23/11",
            "Thứ Hai 23/11 lớp 7A1 tan học lúc 10 giờ 30 để nhà trường tổ chức hội giảng. Đề nghị phụ huynh đón con đúng giờ.",
            true, true, null), Instant.parse("2026-11-20T09:00:00Z")),
        new Planned("lqd-vp-01", new Announcement.Draft("thcs-le-quy-don", Announcement.Scope.SCHOOL, null, null,
            "Lịch thi cuối học kì I",
            "Học sinh toàn trường thi cuối học kì I từ ngày 21/12 đến 25/12/2026. Lịch chi tiết gửi qua giáo viên chủ nhiệm.",
            false, false, null), Instant.parse("2026-11-19T01:00:00Z")));
    for (Planned plan : planned) {
      Person author = people.get(plan.author());
      Announcement.Draft draft = plan.draft();
      if (author == null || (draft.classId() != null && world.classes().stream().noneMatch(c -> c.id().equals(draft.classId())))
          || (draft.grade() != null && world.classes().stream().noneMatch(c -> c.grade() == draft.grade()))) {
        continue;
      }
      AnnouncementsService service = new AnnouncementsService(dynamo, Clock.fixed(plan.at(), ZoneOffset.UTC),
          at -> Ids.newId(at.toEpochMilli(), random), EventPublisher.none());
      AnnouncementsService.Valid valid = service.validate(draft, Optional.empty());
      String id = service.publish(author.caller(), access.publishTarget(author.caller(), valid.schoolId(), valid.scope(),
          valid.grade(), valid.classId()), valid).announcement().id();
      if (draft.scope() == Announcement.Scope.CLASS) {
        // The first families of the class saw it that evening: six acknowledged, four only read it.
        AnnouncementsService marks = new AnnouncementsService(dynamo,
            Clock.fixed(plan.at().plus(Duration.ofHours(3)), ZoneOffset.UTC), IdGenerator.RANDOM, EventPublisher.none());
        List<String> pupils = world.students().stream().filter(st -> st.classId().equals(draft.classId()))
            .map(Student::id).toList();
        List<Person> families = world.people().stream().filter(p -> p.role() == Role.PARENT && p.grants().stream()
            .anyMatch(g -> g instanceof Caller.ChildGrant c && pupils.contains(c.studentId()))).limit(10).toList();
        for (int i = 0; i < families.size(); i++) {
          marks.mark(families.get(i).caller(), id, i < 6);
        }
      }
    }
  }

  /** A Random of its own for one piece of the seed, the same on every run. */
  static Random random(String name) {
    return new Random(name.hashCode() * 31L + 131);
  }

  /** Runs {@code action} on every item on the pool and waits for all; the first failure is rethrown. */
  static <T> void inParallel(ExecutorService pool, List<T> items, Consumer<T> action) {
    List<Future<?>> futures = items.stream().map(item -> pool.submit(() -> action.accept(item))).collect(Collectors.toList());
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Seed interrupted", e);
      }
    }
  }

  /**
   * A few leave requests per class: approved ones in the past (their days are marked absent, and
   * show as excused), one declined, and pending ones for next week. Returns pupil → approved days.
   */
  private static Map<String, Map<LocalDate, String>> seedLeaveRequests(World world, Map<String, Person> people,
      LeaveService leaves, Random random) {
    Map<String, List<Person>> parentsOf = new HashMap<>();
    for (Person p : world.people()) {
      p.grants().stream().filter(Caller.ChildGrant.class::isInstance)
          .forEach(g -> parentsOf.computeIfAbsent(((Caller.ChildGrant) g).studentId(), k -> new ArrayList<>()).add(p));
    }
    String[] reasons = {
        "Cháu bị sốt, xin phép cho cháu nghỉ ở nhà theo dõi.",
        "Gia đình có việc hiếu ở quê, xin cho cháu nghỉ.",
        "Cháu đi khám răng theo lịch hẹn của bệnh viện.",
        "Cháu bị viêm họng, bác sĩ cho nghỉ ngơi."};
    Map<String, Map<LocalDate, String>> approvedDays = new HashMap<>();
    int key = 0;
    for (SchoolClass schoolClass : world.classes()) {
      Caller homeroom = people.get(schoolClass.homeroomTeacherId()).caller();
      List<Student> pupils = world.students().stream().filter(s -> s.classId().equals(schoolClass.id())).toList();
      for (int i = 0; i < 5; i++) {
        Student pupil = pupils.get(random.nextInt(pupils.size()));
        Caller parent = parentsOf.get(pupil.id()).get(0).caller();
        boolean upcoming = i >= 3;
        LocalDate from = upcoming ? LocalDate.of(2026, 11, 24 + i - 3) : LocalDate.of(2026, 11, 2 + 4 * i);
        LocalDate to = from.plusDays(random.nextInt(2));
        var draft = new LeaveRequest.Draft(from, to, reasons[random.nextInt(reasons.length)]);
        LeaveRequest request = leaves.create(parent, pupil, draft, Optional.of("seed-" + (++key))).request();
        if (upcoming || request.status() != LeaveRequest.Status.PENDING) {
          continue;
        }
        boolean decline = i == 2;
        leaves.decide(homeroom, request.id(), new LeaveRequest.Decision(
            decline ? LeaveRequest.Status.DECLINED : LeaveRequest.Status.APPROVED,
            decline ? "Đề nghị phụ huynh gặp trực tiếp giáo viên chủ nhiệm." : "Đã nhận, chúc cháu mau khỏe."));
        if (!decline) {
          for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            approvedDays.computeIfAbsent(pupil.id(), k -> new HashMap<>()).put(d, request.id());
          }
        }
      }
    }
    return approvedDays;
  }

  /**
   * Messaging at Nguyễn Trãi, through the service: for each class, the homeroom teacher's office
   * hours (Monday to Friday 16:30-17:30), a post in the class channel, a conversation the teacher
   * started with a family (answered and read), one a parent started on Saturday morning (outside the
   * hours: it shows when to expect an answer); and the office writing to the first homeroom teacher.
   */
  private static void seedMessaging(Dynamo dynamo, World world, Map<String, Person> people) {
    String schoolId = world.schools().get(0).id();
    Random eventIds = new Random(2026);
    int[] counter = {0};
    java.util.function.Function<Instant, MessagingService> at = instant -> new MessagingService(dynamo,
        Clock.fixed(instant, ZoneOffset.UTC), EventPublisher.none(), time -> Ids.newId(time.toEpochMilli(), eventIds));
    java.util.function.Supplier<String> clientId = () ->
        java.util.UUID.nameUUIDFromBytes(("seed-message-" + ++counter[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    Map<String, List<Person>> parentsOf = new HashMap<>();
    for (Person p : world.people()) {
      p.grants().stream().filter(Caller.ChildGrant.class::isInstance)
          .forEach(g -> parentsOf.computeIfAbsent(((Caller.ChildGrant) g).studentId(), k -> new ArrayList<>()).add(p));
    }
    List<OfficeHours.Window> weekdays = new ArrayList<>();
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      weekdays.add(new OfficeHours.Window(day, "16:30", "17:30"));
    }
    Instant thursday = SEEDED_AT.minus(java.time.Duration.ofDays(2)).plus(java.time.Duration.ofHours(6)); // 16:00
    boolean first = true;
    for (SchoolClass schoolClass : world.classes()) {
      if (!schoolClass.schoolId().equals(schoolId)) {
        continue;
      }
      Caller teacher = people.get(schoolClass.homeroomTeacherId()).caller();
      at.apply(thursday.minusSeconds(3600)).setOfficeHours(teacher, new OfficeHours(weekdays));
      at.apply(thursday).start(teacher, new Conversation.Start(null, null, schoolClass.id(),
          "Kính gửi quý phụ huynh lớp " + schoolClass.name() + ": thứ Sáu tuần sau lớp đi tham quan Văn Miếu, "
              + "các cháu mang theo nước uống và mũ.", clientId.get()));
      List<Student> pupils = world.students().stream().filter(st -> st.classId().equals(schoolClass.id()))
          .filter(st -> parentsOf.containsKey(st.id())).sorted(java.util.Comparator.comparing(Student::id)).toList();
      if (pupils.size() >= 2) {
        Student pupil = pupils.get(0);
        Caller parent = parentsOf.get(pupil.id()).get(0).caller();
        String conversation = at.apply(thursday.plusSeconds(600)).start(teacher, new Conversation.Start(pupil.id(), null,
            null, "Chào anh/chị, hôm nay cháu " + pupil.fullName() + " làm bài kiểm tra Toán rất tốt.", clientId.get()))
            .started().conversation().id();
        at.apply(thursday.plusSeconds(3600)).markRead(parent, conversation,
            new Message.ReadMark(MessagingService.messageIdOf(1)));
        at.apply(thursday.plusSeconds(3700)).send(parent, conversation, new Message.Draft(clientId.get(),
            "Cảm ơn cô đã báo, gia đình sẽ động viên cháu.", null, null));
        at.apply(thursday.plusSeconds(7200)).markRead(teacher, conversation, new Message.ReadMark(MessagingService.messageIdOf(2)));

        Student other = pupils.get(1);
        Caller otherParent = parentsOf.get(other.id()).get(0).caller();
        at.apply(SEEDED_AT.minusSeconds(1800)).start(otherParent, new Conversation.Start(other.id(), teacher.subject(),
            null, "Thưa cô, cháu " + other.fullName() + " bị ho mấy hôm nay, cô để ý giúp gia đình ạ.", clientId.get()));
      }
      if (first) {
        first = false;
        world.people().stream().filter(p -> p.schoolId().equals(schoolId) && p.role() == vn.lienlac.model.identity.Role.STAFF)
            .findFirst().ifPresent(staff -> at.apply(thursday.plusSeconds(900)).start(staff.caller(),
                new Conversation.Start(null, teacher.subject(), null,
                    "Thầy/cô gửi giúp văn phòng kế hoạch họp phụ huynh cuối kỳ trước thứ Tư nhé.", clientId.get())));
      }
    }
  }

  /**
   * A comment-only subject's assessments (issue 16): all Đạt, or, for the 3 % of pupils whose term
   * rating the seed made Chưa đạt, one assessment Chưa đạt (the derived term rating is the same).
   */
  static Gradebook.Row commentedRow(String studentId, boolean notPassed, int regularCount, Random random) {
    int failed = notPassed ? random.nextInt(regularCount + 2) : -1; // which assessment: regular ones, mid, end
    List<Rating> regular = new ArrayList<>();
    for (int i = 0; i < regularCount; i++) {
      regular.add(i == failed ? Rating.CHUA_DAT : Rating.DAT);
    }
    return Gradebook.Row.commented(studentId, regular, failed == regularCount ? Rating.CHUA_DAT : Rating.DAT,
        failed == regularCount + 1 ? Rating.CHUA_DAT : Rating.DAT, null);
  }

  static Gradebook.Row scoredRow(String studentId, double ability, int regularCount, Random random) {
    double subjectLevel = ability + random.nextGaussian() * 0.8;
    List<BigDecimal> regular = new ArrayList<>();
    for (int i = 0; i < regularCount; i++) {
      regular.add(BigDecimal.valueOf(clamp(Math.round(subjectLevel + random.nextGaussian() * 1.0), 2, 10)));
    }
    return new Gradebook.Row(studentId, regular, halfPoint(subjectLevel + random.nextGaussian() * 0.9),
        halfPoint(subjectLevel + random.nextGaussian() * 0.9), null, null);
  }

  /** A score rounded to the half point, as teachers usually mark periodic tests. */
  private static BigDecimal halfPoint(double value) {
    double rounded = Math.round(clamp(value, 1, 10) * 2) / 2.0;
    return BigDecimal.valueOf(rounded).setScale(1);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
