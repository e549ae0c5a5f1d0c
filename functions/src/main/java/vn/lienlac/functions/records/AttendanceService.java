package vn.lienlac.functions.records;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.records.RecordsItems.RegisterItem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
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

  private final DynamoDbTable<RegisterItem> registers;
  private final RosterRepository roster;
  private final LeaveService leaves;
  private final Clock clock;

  public AttendanceService(Dynamo dynamo, RosterRepository roster, LeaveService leaves, Clock clock) {
    this.registers = dynamo.enhanced().table(dynamo.tableName(), RegisterItem.SCHEMA);
    this.roster = roster;
    this.leaves = leaves;
    this.clock = clock;
  }

  /**
   * A pupil's days between two dates (both included; by default the last 30 days): one Query on
   * the class's registers and one on the pupil's leave requests.
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
    String classPartition = Keys.schoolClass(student.schoolId(), student.classId());
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBetween(
            Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + from).build(),
            Key.builder().partitionValue(classPartition).sortValue(Keys.ATTENDANCE + to).build()))
        .build();
    List<LeaveRequest> approved = leaves.approvedFor(student);

    TreeMap<LocalDate, AttendanceReport.Day> days = new TreeMap<>();
    registers.query(request).items().forEach(register -> {
      if (register.roster != null && register.roster.contains(student.id())) {
        LocalDate date = LocalDate.parse(register.date);
        LeaveRequest leave = covering(approved, date);
        AttendanceStatus status = effective(marked(register, student.id()), leave);
        days.put(date, new AttendanceReport.Day(date, status, note(register, student.id()),
            leave == null ? null : leave.id(), true));
      }
    });
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
    return new ClassAttendance(schoolClass.id(), schoolClass.name(), date, register != null, entries);
  }

  /**
   * Marks the whole class for a day: the pupils listed get their status, everyone else on the
   * roster is PRESENT. One conditional put of the day's register: all or nothing, and a concurrent
   * marking of the same day is a 409, never a silent overwrite. Future days cannot be marked.
   */
  public ClassAttendance mark(Caller caller, SchoolClass schoolClass, LocalDate date, ClassAttendance.Update update) {
    Validation validation = new Validation();
    if (date.isAfter(SchoolTime.today(clock))) {
      validation.add(Violation.of("date", "attendance.futureDate", date));
    }
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    ClassRows classRows = new ClassRows(schoolClass, members);
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    List<ClassAttendance.Mark> given = update.marks() == null ? List.of() : update.marks();
    for (int i = 0; i < given.size(); i++) {
      ClassAttendance.Mark mark = given.get(i);
      String at = "marks/" + i;
      if (!classRows.accept(at, mark == null ? null : mark.studentId(), validation)) {
        continue;
      }
      AttendanceStatus status = validation.required(at + "/status", mark.status());
      String note = validation.text(at + "/note", mark.note(), MAX_NOTE_LENGTH, false);
      if (status != null && status != AttendanceStatus.PRESENT) {
        statuses.put(mark.studentId(), status.name());
      }
      if (note != null) {
        notes.put(mark.studentId(), note);
      }
    }
    if (!validation.isValid()) {
      throw new ApiException.Invalid(validation.violations());
    }

    RegisterItem before = register(schoolClass, date);
    RegisterItem item = new RegisterItem();
    item.pk = Keys.schoolClass(schoolClass.schoolId(), schoolClass.id());
    item.sk = Keys.ATTENDANCE + date;
    item.type = RegisterItem.TYPE;
    item.schoolId = schoolClass.schoolId();
    item.classId = schoolClass.id();
    item.date = date.toString();
    item.roster = members.stream().map(ClassMember::studentId).toList();
    item.statuses = statuses;
    item.notes = notes;
    item.markedBy = caller.subject();
    item.markedAt = clock.instant().toString();
    item.version = before == null ? null : before.version; // checked and incremented by the Enhanced Client
    boolean unchanged = before != null && item.roster.equals(before.roster)
        && statuses.equals(orEmpty(before.statuses)) && notes.equals(orEmpty(before.notes));
    if (unchanged) {
      return classDay(schoolClass, date, members, before);
    }
    try {
      registers.putItem(PutItemEnhancedRequest.builder(RegisterItem.class).item(item).build());
    } catch (ConditionalCheckFailedException markedMeanwhile) {
      throw new ApiException.Conflict("attendance.changedMeanwhile");
    }
    return classDay(schoolClass, date, members, item);
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
}
