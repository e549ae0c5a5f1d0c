package vn.lienlac.model.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /v1/classes/{classId}/attendance/{date}/history}: one saved change to a class's
 * register, from the append-only audit: who, when, and for each pupil whose mark changed, the
 * mark before and after ({@code before} is absent when the pupil had no mark yet that day).
 */
public record AttendanceChange(LocalDate date, OffsetDateTime at, String actor, String actorName, long version,
    List<PupilChange> changes) {

  public record PupilChange(String studentId, String fullName, State before, State after) {}

  /** A pupil's mark as the teacher entered it (leave requests excuse absences only when read). */
  public record State(AttendanceStatus status, String note) {}
}
