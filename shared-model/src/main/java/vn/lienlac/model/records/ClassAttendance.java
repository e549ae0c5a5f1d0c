package vn.lienlac.model.records;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET|PUT /v1/classes/{classId}/attendance/{date}}: one class on one school day, a row
 * per pupil in roster order.
 */
public record ClassAttendance(String classId, String className, LocalDate date, boolean marked, List<Entry> entries) {

  public record Entry(String studentId, String fullName, AttendanceStatus status, String note, String leaveRequestId) {}

  /** The PUT body: the pupils who were not simply present. Everyone else on the roster is PRESENT. */
  public record Update(List<Mark> marks) {}

  public record Mark(String studentId, AttendanceStatus status, String note) {}
}
