package vn.lienlac.functions.records;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.Enrolment;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.records.RecordsItems.AttendanceAuditItem;
import vn.lienlac.functions.records.RecordsItems.RegisterItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.records.AttendanceChange;
import vn.lienlac.model.records.AttendanceChange.State;
import vn.lienlac.model.records.AttendanceReport;
import vn.lienlac.model.records.AttendanceStatus;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.LeaveRequest;

/**
 * Attendance by school day, kept as one register item per class and day. The teacher's marks are
 * stored as given; whether an absence is excused is decided when reading, from the approved leave
 * requests, so approving a request after the day was marked needs no second write.
 */
public final class AttendanceService {
  static final int MAX_RANGE_DAYS = 366;
  static final int DEFAULT_RANGE_DAYS = 30;
  static final int MAX_NOTE_LENGTH = 200;
  /** At most one mark per pupil; classes are capped at 45, so a longer list is refused unread. */
  static final int MAX_MARKS = GradesService.MAX_ROWS;
  /**
   * Read-modify-write rounds before a PUT without a version gives up with a 409: each round has a
   * winner, so this covers that many teachers saving the same class and day at the same moment.
   */
  static final int MAX_WRITE_ATTEMPTS = 30;

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<RegisterItem> registers;
  private final DynamoDbTable<AttendanceAuditItem> audit;
  private final RosterRepository roster;
  private final LeaveService leaves;
  private final Clock clock;

  public AttendanceService(Dynamo dynamo, RosterRepository roster, LeaveService leaves, Clock clock) {
    this.enhanced = dynamo.enhanced();
    this.registers = enhanced.table(dynamo.tableName(), RegisterItem.SCHEMA);
    this.audit = enhanced.table(dynamo.tableName(), AttendanceAuditItem.SCHEMA);
    this.roster = roster;
    this.leaves = leaves;
    this.clock = clock;
  }

  /**
   * A pupil's days between two dates (both included; by default the last 30 days): the pupil's
   * enrolment periods (A15), one Query on the registers of each class they were in over the range,
   * and one on the pupil's leave requests.
   */
  public AttendanceReport report(Student student, Optional<LocalDate> fromParameter, Optional<LocalDate> toParameter) {
    LocalDate to = toParameter.orElseGet(() -> SchoolTime.today(clock));
    LocalDate from = fromParameter.orElseGet(() -> to.minusDays(DEFAULT_RANGE_DAYS - 1));
    if (from.isAfter(to)) {
      throw new ApiException.Invalid(List.of(Violation.of("from", "attendance.rangeReversed", from, to)));
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw new ApiException.Invalid(List.of(Violation.of("to", "attendance.rangeTooLong", MAX_RANGE_DAYS)));
    }
    List<LeaveRequest> approved = leaves.approvedFor(student);

    TreeMap<LocalDate, AttendanceReport.Day> days = new TreeMap<>();
    // The pupil's classes over the range (A15): a pupil who moved has days in each class's registers,
    // each class read over the part of the range the pupil was in it (one Query per class).
    for (Enrolment period : periods(student, from, to)) {
      LocalDate start = period.from() == null || period.from().isBefore(from) ? from : period.from();
      LocalDate end = period.to() == null || period.to().isAfter(to) ? to : period.to();
      String classPartition = Keys.schoolClass(student.schoolId(), period.classId());
      var request = QueryEnhancedRequest.builder()
          .queryConditional(QueryConditional.sortBetween(
              Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + start).build(),
              Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + end).build()))
          .build();
      registers.query(request).items().forEach(register -> {
        if (register.roster != null && register.roster.contains(student.id())) {
          LocalDate date = LocalDate.parse(register.date);
          LeaveRequest leave = covering(approved, date);
          AttendanceStatus status = effective(marked(register, student.id()), leave);
          days.put(date, new AttendanceReport.Day(date, status, note(register, student.id()),
              leave == null ? null : leave.id(), true));
        }
      });
    }
    // Approved leave shows before the teacher marks the day (school days only: not Sundays).
    for (LeaveRequest leave : approved) {
      for (LocalDate d = max(leave.from(), from); !d.isAfter(min(leave.to(), to)); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SUNDAY) {
          days.putIfAbsent(d, new AttendanceReport.Day(d, AttendanceStatus.ABSENT_EXCUSED, null, leave.id(), false));
        }
      }
    }
    int[] counts = new int[AttendanceStatus.values().length];
    days.values().stream().filter(AttendanceReport.Day::marked).forEach(d -> counts[d.status().ordinal()]++);
    var summary = new AttendanceReport.Summary(counts[AttendanceStatus.PRESENT.ordinal()],
        counts[AttendanceStatus.LATE.ordinal()], counts[AttendanceStatus.ABSENT_EXCUSED.ordinal()],
        counts[AttendanceStatus.ABSENT_UNEXCUSED.ordinal()]);
    return new AttendanceReport(student.id(), student.fullName(), from, to, List.copyOf(days.values()), summary);
  }

  /**
   * The pupil's enrolment periods that overlap {@code from..to} (A15), merged by class; a pupil
   * with none recorded is in their current class throughout.
   */
  private List<Enrolment> periods(Student student, LocalDate from, LocalDate to) {
    List<Enrolment> overlapping = new ArrayList<>();
    for (Enrolment e : roster.enrolments(student.schoolId(), student.id())) {
      boolean overlaps = (e.from() == null || !e.from().isAfter(to)) && (e.to() == null || !e.to().isBefore(from));
      if (overlaps) {
        overlapping.add(e);
      }
    }
    if (overlapping.isEmpty()) {
      overlapping.add(new Enrolment(student.schoolId(), student.id(), student.classId(), "", null, null));
    }
    return overlapping;
  }

  /** One class on one day, in roster order; before the day is marked, only approved leave shows. */
  public ClassAttendance classDay(SchoolClass schoolClass, LocalDate date) {
    return classDay(schoolClass, date, roster.members(schoolClass.schoolId(), schoolClass.id()), register(schoolClass, date));
  }

  private ClassAttendance classDay(SchoolClass schoolClass, LocalDate date, List<ClassMember> members,
      RegisterItem register) {
    Map<String, LeaveRequest> onLeave = leaves.approvedOn(schoolClass, date);
    List<ClassAttendance.Entry> entries = members.stream().map(m -> {
      LeaveRequest leave = onLeave.get(m.studentId());
      boolean marked = register != null && register.roster != null && register.roster.contains(m.studentId());
      AttendanceStatus status = marked
          ? effective(marked(register, m.studentId()), leave)
          : (leave == null ? null : AttendanceStatus.ABSENT_EXCUSED);
      return new ClassAttendance.Entry(m.studentId(), m.fullName(), status,
          marked ? note(register, m.studentId()) : null, leave == null ? null : leave.id());
    }).toList();
    return new ClassAttendance(schoolClass.id(), schoolClass.name(), date, register != null, version(register), entries);
  }

  /**
   * Merges a teacher's marks into the day's register: each listed pupil gets exactly the status and
   * note given (PRESENT clears an absence), pupils not listed keep theirs, and the first write of
   * the day takes the register (everyone on the roster not listed is PRESENT, or ABSENT_EXCUSED when
   * on approved leave that day, as the day read before it was taken). Two teachers marking
   * different pupils at the same time both keep their marks: the write is a read-modify-write
   * conditional on the register's version, re-read and retried when another write got in first.
   * With {@code update.version}, the write is made only against that version (409 otherwise, with
   * the version now stored). A request whose marks are already in the register writes nothing and
   * answers 200 whatever its version, so a retried PUT is harmless. Each write is one transaction
   * of the register and its audit entry. Future days cannot be marked.
   */
  public ClassAttendance mark(Caller caller, SchoolClass schoolClass, LocalDate date, ClassAttendance.Update update,
      String requestId) {
    Validation validation = new Validation();
    if (date.isAfter(SchoolTime.today(clock))) {
      validation.add(Violation.of("date", "attendance.futureDate", date));
    }
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    ClassRows classRows = new ClassRows(schoolClass, members);
    // Pupil → the mark to set, in the order given.
    Map<String, State> given = new LinkedHashMap<>();
    if (update.marks() == null) {
      validation.add(Violation.of("marks", "attendance.marksRequired"));
    }
    validation.version("version", update.version());
    List<ClassAttendance.Mark> marks = update.marks() == null ? List.of() : update.marks();
    if (marks.size() > MAX_MARKS) {
      validation.add(Violation.of("marks", "gradebook.tooManyRows", MAX_MARKS, marks.size()));
    }
    for (int i = 0; i < marks.size() && marks.size() <= MAX_MARKS; i++) {
      ClassAttendance.Mark mark = marks.get(i);
      String at = "marks/" + i;
      if (mark == null) {
        validation.add(Violation.of(at, "text.required"));
        continue;
      }
      if (!classRows.accept(at, mark.studentId(), validation)) {
        continue;
      }
      AttendanceStatus status = validation.required(at + "/status", mark.status());
      String note = validation.text(at + "/note", mark.note(), MAX_NOTE_LENGTH, false);
      given.put(mark.studentId(), new State(status, note));
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    String actorName = caller.displayName(schoolClass.schoolId()).orElse(null);
    for (int attempt = 1; ; attempt++) {
      RegisterItem before = register(schoolClass, date);
      // Taking the day: a pupil on approved leave whom the teacher does not list is absent with
      // leave, as the day showed before it was taken (not present, which "not listed" means else).
      Set<String> onLeave = before == null ? leaves.approvedOn(schoolClass, date).keySet() : Set.of();
      RegisterItem after = merged(schoolClass, date, members, before, given, onLeave);
      List<Change> changes = changes(before, after);
      long current = version(before);
      if (changes.isEmpty()) {
        return classDay(schoolClass, date, members, before);
      }
      if (update.version() != null && update.version() != current) {
        throw new ApiException.Conflict(current, "attendance.changedMeanwhile");
      }
      Instant now = clock.instant();
      after.markedBy = caller.subject();
      after.markedAt = now.toString();
      after.version = before == null ? null : before.version; // checked and incremented by the Enhanced Client
      try {
        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
            .addPutItem(registers, TransactPutItemEnhancedRequest.builder(RegisterItem.class).item(after).build())
            .addPutItem(audit, TransactPutItemEnhancedRequest.builder(AttendanceAuditItem.class)
                .item(auditItem(after, current + 1, changes, caller.subject(), actorName, requestId, now))
                .conditionExpression(Writes.NOT_EXISTS).build())
            .build());
        after.version = current + 1;
        return classDay(schoolClass, date, members, after);
      } catch (TransactionCanceledException e) {
        if (!Writes.failedOnCondition(e) && !Writes.conflicted(e)) {
          throw e;
        }
        if (attempt == MAX_WRITE_ATTEMPTS) {
          throw new ApiException.Conflict(current, "attendance.busy");
        }
        backOff(attempt);
      }
    }
  }

  /**
   * The register after merging the given marks into {@code before} (null: the day is not taken
   * yet, and the register lists the whole roster; unlisted pupils in {@code onLeave} are then
   * ABSENT_EXCUSED). A listed pupil missing from the register's roster (joined the class since the
   * day was taken) is added; unlisted pupils are otherwise left alone.
   */
  private static RegisterItem merged(SchoolClass schoolClass, LocalDate date, List<ClassMember> members,
      RegisterItem before, Map<String, State> given, Set<String> onLeave) {
    RegisterItem item = new RegisterItem();
    item.pk = Keys.schoolClass(schoolClass.schoolId(), schoolClass.id());
    item.sk = Keys.ATTENDANCE + date;
    item.type = RegisterItem.TYPE;
    item.schoolId = schoolClass.schoolId();
    item.classId = schoolClass.id();
    item.date = date.toString();
    List<String> registerRoster = new ArrayList<>(before == null || before.roster == null
        ? members.stream().map(ClassMember::studentId).toList()
        : before.roster);
    Map<String, String> statuses = new LinkedHashMap<>(before == null ? Map.of() : orEmpty(before.statuses));
    Map<String, String> notes = new LinkedHashMap<>(before == null ? Map.of() : orEmpty(before.notes));
    for (String studentId : onLeave) {
      if (registerRoster.contains(studentId) && !given.containsKey(studentId)) {
        statuses.put(studentId, AttendanceStatus.ABSENT_EXCUSED.name());
      }
    }
    given.forEach((studentId, state) -> {
      if (!registerRoster.contains(studentId)) {
        registerRoster.add(studentId);
      }
      if (state.status() == AttendanceStatus.PRESENT) {
        statuses.remove(studentId);
      } else {
        statuses.put(studentId, state.status().name());
      }
      if (state.note() == null) {
        notes.remove(studentId);
      } else {
        notes.put(studentId, state.note());
      }
    });
    item.roster = registerRoster;
    item.statuses = statuses;
    item.notes = notes;
    return item;
  }

  /** Every pupil of {@code after}'s roster whose mark differs from {@code before}, in roster order. */
  private static List<Change> changes(RegisterItem before, RegisterItem after) {
    List<Change> changes = new ArrayList<>();
    for (String studentId : after.roster) {
      State was = before == null || before.roster == null || !before.roster.contains(studentId)
          ? null : state(before, studentId);
      State is = state(after, studentId);
      if (!is.equals(was)) {
        changes.add(new Change(studentId, was, is));
      }
    }
    return changes;
  }

  /**
   * The audit of one class's register for a day, newest first: one Query on the class partition
   * ({@code AUDIT#ATT#{date}#}) and the roster for names.
   */
  public List<AttendanceChange> history(SchoolClass schoolClass, LocalDate date) {
    Map<String, String> names = new HashMap<>();
    roster.members(schoolClass.schoolId(), schoolClass.id()).forEach(m -> names.put(m.studentId(), m.fullName()));
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.schoolClass(schoolClass.schoolId(), schoolClass.id()))
            .sortValue(Keys.ATTENDANCE_AUDIT + date + "#").build()))
        .scanIndexForward(false)
        .build();
    return audit.query(request).items().stream()
        .map(i -> new AttendanceChange(LocalDate.parse(i.date), SchoolTime.show(Instant.parse(i.at)), i.actor,
            i.actorName, i.registerVersion == null ? 0 : i.registerVersion,
            readChanges(i.changes).stream().map(c -> new AttendanceChange.PupilChange(c.studentId(),
                names.get(c.studentId()), c.before(), c.after())).toList()))
        .toList();
  }

  private static AttendanceAuditItem auditItem(RegisterItem after, long version, List<Change> changes, String actor,
      String actorName, String requestId, Instant now) {
    AttendanceAuditItem item = new AttendanceAuditItem();
    item.pk = after.pk;
    item.sk = Keys.ATTENDANCE_AUDIT + after.date + "#" + now + "#" + requestId;
    item.type = AttendanceAuditItem.TYPE;
    item.schoolId = after.schoolId;
    item.classId = after.classId;
    item.date = after.date;
    item.actor = actor;
    item.actorName = actorName;
    item.at = now.toString();
    item.requestId = requestId;
    item.registerVersion = version;
    item.changes = Json.write(changes);
    return item;
  }

  private static List<Change> readChanges(String json) {
    try {
      return List.of(Json.MAPPER.readValue(json, Change[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable attendance audit entry", e);
    }
  }

  /** The stored form of one pupil's change in an audit entry. */
  private record Change(String studentId, State before, State after) {}

  /** Waits a little, more after each lost race, with jitter so that the writers spread out. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + Math.min(100, 5L * attempt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while marking attendance", e);
    }
  }

  /** The register's version as the API shows it: 0 before the day is taken. */
  private static long version(RegisterItem register) {
    return register == null || register.version == null ? 0 : register.version;
  }

  private static State state(RegisterItem register, String studentId) {
    return new State(marked(register, studentId), note(register, studentId));
  }

  private RegisterItem register(SchoolClass schoolClass, LocalDate date) {
    return registers.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(Keys.schoolClass(schoolClass.schoolId(), schoolClass.id()))
            .sortValue(Keys.ATTENDANCE + date).build())
        .consistentRead(true)
        .build());
  }

  private static AttendanceStatus marked(RegisterItem register, String studentId) {
    String status = orEmpty(register.statuses).get(studentId);
    return status == null ? AttendanceStatus.PRESENT : AttendanceStatus.valueOf(status);
  }

  private static String note(RegisterItem register, String studentId) {
    return orEmpty(register.notes).get(studentId);
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? new HashMap<>() : map;
  }

  private static LeaveRequest covering(List<LeaveRequest> leaves, LocalDate date) {
    return leaves.stream().filter(l -> !date.isBefore(l.from()) && !date.isAfter(l.to())).findFirst().orElse(null);
  }

  /** An absence on a day covered by an approved leave request is excused. */
  private static AttendanceStatus effective(AttendanceStatus marked, LeaveRequest leave) {
    return marked == AttendanceStatus.ABSENT_UNEXCUSED && leave != null ? AttendanceStatus.ABSENT_EXCUSED : marked;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  // --- secondary e-records (issue 16): absences in a school year

  /**
   * Per pupil, the days marked absent (with or without permission) in the class's registers of a
   * school year ({@code 2026-2027}: 1 August 2026 to 31 July 2027): one Query (A8). A day's register
   * is one session, so a day absent is one session absent (Circular 22/2021, Article 12).
   */
  public Map<String, Integer> absentDays(SchoolClass schoolClass, String schoolYear) {
    int startYear = Integer.parseInt(schoolYear.substring(0, 4));
    String classPartition = Keys.schoolClass(schoolClass.schoolId(), schoolClass.id());
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBetween(
            Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + LocalDate.of(startYear, 8, 1)).build(),
            Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + LocalDate.of(startYear + 1, 7, 31))
                .build()))
        .attributesToProject("statuses")
        .build();
    Map<String, Integer> absences = new HashMap<>();
    registers.query(request).items().forEach(register -> orEmpty(register.statuses).forEach((studentId, status) -> {
      AttendanceStatus marked = AttendanceStatus.valueOf(status);
      if (marked == AttendanceStatus.ABSENT_EXCUSED || marked == AttendanceStatus.ABSENT_UNEXCUSED) {
        absences.merge(studentId, 1, Integer::sum);
      }
    }));
    return absences;
  }
}
