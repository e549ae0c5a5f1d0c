package vn.lienlac.model.records;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET|PUT /v1/classes/{classId}/attendance/{date}}: one class on one school day, a row
 * per pupil in roster order. {@code version} is the register's version (0 before the day is
 * marked); send it back in an {@link Update} to make the write conditional.
 */
public record ClassAttendance(String classId, String className, LocalDate date, boolean marked, long version,
    List<Entry> entries) {

  public record Entry(String studentId, String fullName, AttendanceStatus status, String note, String leaveRequestId) {}

  /**
   * The PUT body, merged into the day's register: each listed pupil gets exactly the status and
   * note given (PRESENT clears an absence); pupils not listed keep what they have. The first PUT
   * of a day takes the register: everyone on the roster not listed is PRESENT. An empty list is
   * allowed ("taken, nothing to change"); a missing one is refused. With {@code version}, the
   * write happens only if the register is still at that version.
   */
  public record Update(List<Mark> marks, Long version) {}

  public record Mark(String studentId, AttendanceStatus status, String note) {}
}
