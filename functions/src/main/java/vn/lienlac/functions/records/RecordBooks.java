package vn.lienlac.functions.records;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.RosterRepository.ClassMember;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.records.RecordsAccess.ClassAction;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.YearReport;

/**
 * What the record book (record-book-fn, its own artifact) reads from records: the pupil's year
 * report ({@link YearReportService}, the same data {@code GET …/report/{schoolYear}} returns),
 * authorized by {@link RecordsAccess}, with what the printed book shows besides (the pupil's date
 * of birth, the school's province, the homeroom teacher's name). No PDF here: the functions jar
 * stays without PDFBox.
 */
public final class RecordBooks {
  /** How many pupils' books a class print reads at once. */
  private static final int CLASS_READERS = 8;
  private final RosterRepository roster;
  private final DirectoryRepository directory;
  private final RecordsAccess access;
  private final YearReportService years;

  public RecordBooks(Dynamo dynamo, Clock clock) {
    this.roster = new RosterRepository(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.access = new RecordsAccess(roster, new AccessLog(dynamo, clock));
    GradesService grades = new GradesService(dynamo, roster, clock);
    AttendanceService attendance = new AttendanceService(dynamo, roster,
        new LeaveService(dynamo, clock, IdGenerator.RANDOM), clock);
    PrimaryReportService primary = new PrimaryReportService(dynamo, roster,
        new PrimaryRecordsService(dynamo, roster, clock));
    this.years = new YearReportService(roster, grades, new ConductService(dynamo, roster, clock), attendance, primary);
  }

  /** One pupil's book: the year report and what else it prints. */
  public record Book(YearReport report, Student student, School school, String homeroomTeacherName) {}

  /** The caller's directory entry (their grants). */
  public Caller caller(String subject) {
    return directory.caller(subject);
  }

  /**
   * The pupil's book of {@code schoolYear}, when the caller may read it ({@link RecordsAccess#recordBookStudent}):
   * otherwise, and for an unknown pupil or a year they were in no class, 404.
   */
  public Book pupil(Caller caller, String studentId, String schoolYear, ApiRequest request, Locale locale) {
    Student student = access.recordBookStudent(caller, studentId, schoolYear, request);
    return book(student, schoolYear, locale);
  }

  /**
   * The books of a class's pupils, in roster order, for printing: its homeroom teacher and the
   * school's staff (its other teachers 403, anyone else 404); 404 when the class is not of that year.
   */
  public List<Book> classBooks(Caller caller, String classId, String schoolYear, ApiRequest request, Locale locale) {
    SchoolClass schoolClass = access.schoolClass(caller, classId, ClassAction.PRINT_RECORD_BOOKS, null, request);
    if (!schoolClass.schoolYear().equals(schoolYear)) {
      throw new ApiException.NotFound();
    }
    List<ClassMember> members = roster.members(schoolClass.schoolId(), schoolClass.id());
    if (members.isEmpty()) {
      throw new ApiException.NotFound();
    }
    Map<String, Student> students = roster.students(schoolClass.schoolId(),
        members.stream().map(ClassMember::studentId).toList());
    // Each book is a few reads: read several pupils at once (the order stays the roster's).
    try (ExecutorService pool = Executors.newFixedThreadPool(CLASS_READERS)) {
      List<Future<Book>> books = members.stream().map(m -> students.get(m.studentId())).filter(Objects::nonNull)
          .map(s -> pool.submit(() -> book(s, schoolYear, locale))).toList();
      List<Book> done = new ArrayList<>();
      for (Future<Book> book : books) {
        done.add(book.get());
      }
      return done;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading a class's record books", e);
    }
  }

  private Book book(Student student, String schoolYear, Locale locale) {
    YearReport report = years.report(student, schoolYear, locale);
    School school = roster.school(student.schoolId()).orElseThrow(ApiException.NotFound::new);
    String homeroom = roster.schoolClass(student.schoolId(), report.classId())
        .map(SchoolClass::homeroomTeacherId)
        .map(id -> directory.names(student.schoolId(), Role.TEACHER, List.of(id)).get(id))
        .orElse(null);
    return new Book(report, student, school, homeroom);
  }

  /** A {@code schoolYear} path parameter ({@code 2025-2026}: two consecutive years); 400 otherwise. */
  public static String schoolYear(String value) {
    return TermId.parse(value + "-HK1").map(TermId::schoolYear).filter(t -> t.equals(value))
        .orElseThrow(() -> new ApiException.BadRequest(
            List.of(Violation.of("schoolYear", "records.badSchoolYear", value)), "request.badParameter", "schoolYear"));
  }
}
