package vn.lienlac.functions.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.Violation;

/**
 * The access log's read routes, served by {@link PrivacyFunction} (issue 18): parse, authorize
 * ({@link AccessLogAccess}), read ({@link AccessLog}), respond. No route writes, changes or deletes
 * an entry.
 *
 * <ul>
 *   <li>{@code GET /v1/students/{studentId}/access-log}: who of the school read or changed the
 *       pupil's records, newest first.
 *   <li>{@code GET /v1/schools/{schoolId}/access-log}: the school's whole log (the DPO), with filters
 *       {@code from}, {@code to} (dates in Vietnam, inclusive), {@code actorId}, {@code studentId}.
 * </ul>
 * Both page with {@code limit} (1–100, 50) and the {@code next} cursor of the previous page.
 */
final class AccessLogRoutes {
  private final DirectoryRepository directory;
  private final RosterRepository roster;
  private final AccessLog log;
  private final AccessLogAccess access;

  AccessLogRoutes(Dynamo dynamo, Clock clock) {
    this.directory = new DirectoryRepository(dynamo, clock);
    this.roster = new RosterRepository(dynamo);
    this.log = new AccessLog(dynamo, clock);
    this.access = new AccessLogAccess(roster, log);
  }

  ApiResponse student(ApiRequest request) {
    String studentId = Ids.fromPath(request, "studentId");
    AccessLog.Filter filter = filter(request, null);
    Caller caller = directory.caller(request.subject());
    Student student = access.student(caller, studentId, request);
    return ApiResponse.ok(log.forStudent(caller, student, roster.enrolments(student.schoolId(), student.id()), filter,
        request.locale()));
  }

  ApiResponse school(ApiRequest request) {
    String schoolId = Ids.fromPath(request, "schoolId");
    Optional<String> studentId = request.queryParameter("studentId").map(id -> id("studentId", id));
    AccessLog.Filter filter = filter(request, request.queryParameter("actorId").map(id -> id("actorId", id)).orElse(null));
    Caller caller = directory.caller(request.subject());
    access.school(caller, schoolId);
    if (studentId.isPresent()) {
      Optional<Student> student = access.filteredPupil(caller, schoolId, studentId.get(), request);
      return ApiResponse.ok(student.map(s -> log.forStudent(caller, s, roster.enrolments(schoolId, s.id()), filter,
          request.locale())).orElse(ListResponse.of(List.of())));
    }
    return ApiResponse.ok(log.forSchool(caller, schoolId, filter, request.locale()));
  }

  /** from, to, cursor and limit (and the school view's actor): each checked, a 400 naming the parameter. */
  private static AccessLog.Filter filter(ApiRequest request, String actorId) {
    LocalDate from = request.queryDate("from").orElse(null);
    LocalDate to = request.queryDate("to").orElse(null);
    if (from != null && to != null && from.isAfter(to)) {
      throw new ApiException.BadRequest(List.of(Violation.of("from", "privacy.accessLog.badRange", from, to)),
          "request.badParameter", "from");
    }
    int limit = request.queryParameter("limit").map(value -> {
      if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > AccessLog.MAX_LIMIT) {
        throw new ApiException.BadRequest(List.of(Violation.of("limit", "privacy.accessLog.badLimit",
            AccessLog.MAX_LIMIT)), "request.badParameter", "limit");
      }
      return Integer.parseInt(value);
    }).orElse(AccessLog.DEFAULT_LIMIT);
    return new AccessLog.Filter(from, to, actorId, request.queryParameter("cursor").orElse(null), limit);
  }

  private static String id(String parameter, String value) {
    if (!Ids.isValid(value)) {
      throw new ApiException.BadRequest(List.of(Violation.of(parameter, "privacy.accessLog.badId", value)),
          "request.badParameter", parameter);
    }
    return value;
  }
}
