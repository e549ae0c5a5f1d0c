package vn.lienlac.model.records;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /v1/students/{id}/attendance?from=&to=}: a pupil's school days in a date range
 * (dates in Vietnam). A day covered by an approved leave request shows as an excused absence even
 * before the teacher marks it ({@code marked = false}).
 */
public record AttendanceReport(String studentId, String studentName, LocalDate from, LocalDate to, List<Day> days,
    Summary summary) {

  public record Day(LocalDate date, AttendanceStatus status, String note, String leaveRequestId, boolean marked) {}

  public record Summary(int present, int late, int absentExcused, int absentUnexcused) {}
}
