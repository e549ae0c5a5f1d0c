package vn.lienlac.model.records;

/** A pupil's attendance on a school day (Circular 22 counts excused and unexcused absences apart). */
public enum AttendanceStatus {
  PRESENT,
  LATE,
  /** Vắng có phép: with a reason the school accepted (an approved leave request, or the teacher's word). */
  ABSENT_EXCUSED,
  /** Vắng không phép. */
  ABSENT_UNEXCUSED
}
