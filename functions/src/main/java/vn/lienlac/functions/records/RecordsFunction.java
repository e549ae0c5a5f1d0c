package vn.lienlac.functions.records;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.functions.privacy.ConsentAccess;
import vn.lienlac.functions.records.RecordsAccess.ClassAction;
import vn.lienlac.functions.records.RecordsAccess.SchoolAction;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.ClassCompetencies;
import vn.lienlac.model.records.ClassEvaluations;
import vn.lienlac.model.records.ClassConduct;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.LeaveRequest;
import vn.lienlac.model.records.SchoolGradingSettings;
import vn.lienlac.model.records.TermId;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.Subjects;

/**
 * records-fn: grades, attendance and leave requests. Each route: parse, authorize
 * ({@link RecordsAccess}), call the service, respond.
 */
public final class RecordsFunction extends ApiFunction {
  private final DirectoryRepository directory;
  private final RecordsAccess access;
  private final GradesService grades;
  private final AttendanceService attendance;
  private final LeaveService leaves;
  private final PrimaryRecordsService primary;
  private final PrimaryReportService primaryReports;
  private final ConductService conduct;
  private final YearReportService years;
  private final GradingSettingsService settings;
  private final Clock clock;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public RecordsFunction() {
    this(Environment.system());
  }

  public RecordsFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private RecordsFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC(), Events.publisher(env));
    primeBeforeSnapshot(dynamo, env);
  }

  public RecordsFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, EventPublisher.none());
  }

  /** Publishes {@code grade.published} (gradebook PUT) and {@code leave.decided} (leave PATCH) after they commit. */
  public RecordsFunction(Dynamo dynamo, Clock clock, EventPublisher events) {
    RosterRepository roster = new RosterRepository(dynamo);
    this.clock = clock;
    this.directory = new DirectoryRepository(dynamo, clock);
    this.access = new RecordsAccess(roster);
    this.grades = new GradesService(dynamo, roster, clock, events);
    this.leaves = new LeaveService(dynamo, clock, IdGenerator.RANDOM, events);
    this.attendance = new AttendanceService(dynamo, roster, leaves, clock);
    this.primary = new PrimaryRecordsService(dynamo, roster, clock, events);
    this.primaryReports = new PrimaryReportService(dynamo, roster, primary);
    this.conduct = new ConductService(dynamo, roster, clock);
    this.settings = new GradingSettingsService(dynamo, clock);
    this.years = new YearReportService(roster, grades, conduct, attendance, primaryReports);
    on("GET /v1/students/{studentId}/grades", this::studentGrades);
    on("GET /v1/students/{studentId}/grades/history", this::studentGradeHistory);
    on("GET /v1/students/{studentId}/attendance", this::studentAttendance);
    on("GET /v1/students/{studentId}/leave-requests", this::studentLeaveRequests);
    on("POST /v1/students/{studentId}/leave-requests", this::createLeaveRequest);
    on("GET /v1/students/{studentId}/leave-requests/{leaveRequestId}", this::studentLeaveRequest);
    on("GET /v1/classes/{classId}/gradebook/{subject}/{term}", this::getGradebook);
    on("PUT /v1/classes/{classId}/gradebook/{subject}/{term}", this::putGradebook);
    on("GET /v1/classes/{classId}/attendance/{date}", this::getClassAttendance);
    on("PUT /v1/classes/{classId}/attendance/{date}", this::putClassAttendance);
    on("GET /v1/classes/{classId}/attendance/{date}/history", this::classAttendanceHistory);
    on("GET /v1/classes/{classId}/leave-requests", this::classLeaveRequests);
    on("PATCH /v1/leave-requests/{leaveRequestId}", this::decideLeaveRequest);
    // Primary schools (Circular 27/2020): a subject's marks at the term's two points; qualities and competencies.
    on("GET /v1/classes/{classId}/evaluations/{subject}/{term}", this::getEvaluations);
    on("PUT /v1/classes/{classId}/evaluations/{subject}/{term}", this::putEvaluations);
    on("GET /v1/classes/{classId}/competencies/{term}", this::getCompetencies);
    on("PUT /v1/classes/{classId}/competencies/{term}", this::putCompetencies);
    // Secondary e-records (issue 16): conduct, the year report, the class's year summary, grading settings.
    on("GET /v1/classes/{classId}/conduct/{term}", this::getClassConduct);
    on("PUT /v1/classes/{classId}/conduct/{term}", this::putClassConduct);
    on("GET /v1/students/{studentId}/report/{schoolYear}", this::studentYearReport);
    on("GET /v1/classes/{classId}/year-summary/{schoolYear}", this::classYearSummary);
    on("GET /v1/schools/{schoolId}/grading-settings", this::getGradingSettings);
    on("PUT /v1/schools/{schoolId}/grading-settings", this::putGradingSettings);
  }

  private ApiResponse studentGrades(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.readableStudent(caller, Ids.fromPath(request, "studentId"));
    TermId term = termOrCurrent(request);
    return statutory(caller, student, primary.isPrimary(student.schoolId())
        ? primaryReports.termReport(student, term, request.locale()) : grades.report(student, term, request.locale()));
  }

  private ApiResponse studentGradeHistory(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.readableStudent(caller, Ids.fromPath(request, "studentId"));
    TermId term = termOrCurrent(request);
    Optional<String> subject = request.queryParameter("subject").map(RecordsFunction::subjectCode);
    return statutory(caller, student, ListResponse.of(grades.history(student, term, subject, request.locale())));
  }

  private ApiResponse studentAttendance(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.readableStudent(caller, Ids.fromPath(request, "studentId"));
    return statutory(caller, student, attendance.report(student, request.queryDate("from"), request.queryDate("to")));
  }

  private ApiResponse studentLeaveRequests(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.readableStudent(caller, Ids.fromPath(request, "studentId"));
    return statutory(caller, student, ListResponse.of(leaves.forStudent(student)));
  }

  /**
   * A pupil's statutory records answer a guardian whether or not they consented (the school keeps
   * them by law); without consent the answer says so (issue 18), so that the app can ask.
   */
  private static ApiResponse statutory(Caller caller, Student student, Object body) {
    return new ApiResponse(200, body, null, "application/json",
        ConsentAccess.statutoryHeaders(caller, student.schoolId(), student.id()));
  }

  private ApiResponse createLeaveRequest(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.childOf(caller, Ids.fromPath(request, "studentId"));
    LeaveRequest.Draft draft = request.body(LeaveRequest.Draft.class);
    LeaveService.Created result = leaves.create(caller, student, draft, request.header("idempotency-key"));
    String location = "/v1/students/" + student.id() + "/leave-requests/" + result.request().id();
    return result.created() ? ApiResponse.created(result.request(), location) : ApiResponse.ok(result.request());
  }

  /** Where a created request's Location points; readable by whoever may read the pupil's list. */
  private ApiResponse studentLeaveRequest(ApiRequest request) {
    Student student = access.readableStudent(caller(request), Ids.fromPath(request, "studentId"));
    String leaveId = Ids.fromPath(request, "leaveRequestId");
    return ApiResponse.ok(leaves.ofStudent(student, leaveId).orElseThrow(ApiException.NotFound::new));
  }

  private ApiResponse getGradebook(ApiRequest request) {
    String subject = subject(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_GRADEBOOK, subject);
    primary.refusePrimary(schoolClass);
    return ApiResponse.ok(grades.gradebook(schoolClass, subject, term, request.locale()));
  }

  private ApiResponse putGradebook(ApiRequest request) {
    Caller caller = caller(request);
    String subject = subject(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller, Ids.fromPath(request, "classId"),
        ClassAction.WRITE_GRADEBOOK, subject);
    primary.refusePrimary(schoolClass);
    Gradebook.Update update = request.body(Gradebook.Update.class);
    return ApiResponse.ok(grades.update(caller, schoolClass, subject, term, update, request.requestId(), request.locale()));
  }

  private ApiResponse getClassAttendance(ApiRequest request) {
    var date = ApiRequest.date("date", request.pathParameter("date"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_ATTENDANCE, null);
    return ApiResponse.ok(attendance.classDay(schoolClass, date));
  }

  private ApiResponse putClassAttendance(ApiRequest request) {
    Caller caller = caller(request);
    var date = ApiRequest.date("date", request.pathParameter("date"));
    SchoolClass schoolClass = access.schoolClass(caller, Ids.fromPath(request, "classId"),
        ClassAction.MARK_ATTENDANCE, null);
    ClassAttendance.Update update = request.body(ClassAttendance.Update.class);
    return ApiResponse.ok(attendance.mark(caller, schoolClass, date, update, request.requestId()));
  }

  private ApiResponse classAttendanceHistory(ApiRequest request) {
    var date = ApiRequest.date("date", request.pathParameter("date"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_ATTENDANCE, null);
    return ApiResponse.ok(ListResponse.of(attendance.history(schoolClass, date)));
  }

  private ApiResponse classLeaveRequests(ApiRequest request) {
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_LEAVE, null);
    Optional<LeaveRequest.Status> status = request.queryParameter("status").map(RecordsFunction::leaveStatus);
    return ApiResponse.ok(ListResponse.of(leaves.forClass(schoolClass, status)));
  }

  private ApiResponse decideLeaveRequest(ApiRequest request) {
    String leaveId = Ids.fromPath(request, "leaveRequestId");
    LeaveRequest.Decision decision = request.body(LeaveRequest.Decision.class);
    return ApiResponse.ok(leaves.decide(caller(request), leaveId, decision));
  }

  private ApiResponse getEvaluations(ApiRequest request) {
    String subject = primarySubject(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_GRADEBOOK, subject);
    return ApiResponse.ok(primary.evaluations(schoolClass, subject, term, request.locale()));
  }

  private ApiResponse putEvaluations(ApiRequest request) {
    Caller caller = caller(request);
    String subject = primarySubject(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller, Ids.fromPath(request, "classId"),
        ClassAction.WRITE_GRADEBOOK, subject);
    ClassEvaluations.Update update = request.body(ClassEvaluations.Update.class);
    return ApiResponse.ok(primary.updateEvaluations(caller, schoolClass, subject, term, update, request.requestId(),
        request.locale()));
  }

  private ApiResponse getCompetencies(ApiRequest request) {
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_COMPETENCIES, null);
    return ApiResponse.ok(primary.competencies(schoolClass, term, request.locale()));
  }

  private ApiResponse putCompetencies(ApiRequest request) {
    Caller caller = caller(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller, Ids.fromPath(request, "classId"),
        ClassAction.WRITE_COMPETENCIES, null);
    ClassCompetencies.Update update = request.body(ClassCompetencies.Update.class);
    return ApiResponse.ok(primary.updateCompetencies(caller, schoolClass, term, update, request.requestId(),
        request.locale()));
  }

  private ApiResponse getClassConduct(ApiRequest request) {
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_CONDUCT, null);
    return ApiResponse.ok(conduct.classConduct(schoolClass, term, request.locale()));
  }

  private ApiResponse putClassConduct(ApiRequest request) {
    Caller caller = caller(request);
    TermId term = term("term", request.pathParameter("term"));
    SchoolClass schoolClass = access.schoolClass(caller, Ids.fromPath(request, "classId"),
        ClassAction.WRITE_CONDUCT, null);
    ClassConduct.Update update = request.body(ClassConduct.Update.class);
    return ApiResponse.ok(conduct.update(caller, schoolClass, term, update, request.requestId(), request.locale()));
  }

  private ApiResponse studentYearReport(ApiRequest request) {
    Caller caller = caller(request);
    Student student = access.readableStudent(caller, Ids.fromPath(request, "studentId"));
    String schoolYear = schoolYear(request);
    return statutory(caller, student, years.report(student, schoolYear, request.locale()));
  }

  private ApiResponse classYearSummary(ApiRequest request) {
    String schoolYear = schoolYear(request);
    SchoolClass schoolClass = access.schoolClass(caller(request), Ids.fromPath(request, "classId"),
        ClassAction.READ_YEAR_SUMMARY, null);
    return ApiResponse.ok(years.classSummary(schoolClass, schoolYear, request.locale()));
  }

  private ApiResponse getGradingSettings(ApiRequest request) {
    School school = access.school(caller(request), Ids.fromPath(request, "schoolId"), SchoolAction.READ_SETTINGS);
    return ApiResponse.ok(settings.view(school));
  }

  private ApiResponse putGradingSettings(ApiRequest request) {
    Caller caller = caller(request);
    School school = access.school(caller, Ids.fromPath(request, "schoolId"), SchoolAction.WRITE_SETTINGS);
    SchoolGradingSettings.Update update = request.body(SchoolGradingSettings.Update.class);
    return ApiResponse.ok(settings.update(caller, school, update, request.requestId()));
  }

  /** The {@code schoolYear} path parameter, {@code 2026-2027}: a malformed one is a 400. */
  private static String schoolYear(ApiRequest request) {
    return RecordBooks.schoolYear(request.pathParameter("schoolYear"));
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }

  /** A subject code the programme does not have names no gradebook: 404, like any unknown resource. */
  private static String subject(ApiRequest request) {
    String subject = request.pathParameter("subject");
    if (!Subjects.isValidCode(subject)) {
      throw new ApiException.NotFound();
    }
    return subject;
  }

  /** A primary subject code (Circular 27/2020) in the path; unknown: 404. */
  private static String primarySubject(ApiRequest request) {
    String subject = request.pathParameter("subject");
    if (!PrimarySubjects.isValidCode(subject)) {
      throw new ApiException.NotFound();
    }
    return subject;
  }

  /** A subject code in a query parameter (secondary or primary): an unknown one is a 400 that says which codes exist. */
  private static String subjectCode(String value) {
    if (!Subjects.isValidCode(value) && !PrimarySubjects.isValidCode(value)) {
      throw new ApiException.BadRequest(List.of(Violation.of("subject", "request.badSubject", value)),
          "request.badParameter", "subject");
    }
    return value;
  }

  /** The {@code term} query parameter, or the term of today's date when it is absent. */
  private TermId termOrCurrent(ApiRequest request) {
    return request.queryParameter("term").map(t -> term("term", t))
        .orElseGet(() -> TermId.containing(SchoolTime.today(clock)));
  }

  private static TermId term(String parameter, String value) {
    return TermId.parse(value).orElseThrow(() -> new ApiException.BadRequest(
        List.of(Violation.of(parameter, "request.badTerm", value)), "request.badParameter", parameter));
  }

  private static LeaveRequest.Status leaveStatus(String value) {
    try {
      return LeaveRequest.Status.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException.BadRequest(List.of(Violation.of("status", "request.wrongType", "PENDING | APPROVED | DECLINED")),
          "request.badParameter", "status");
    }
  }
}
