package vn.lienlac.model.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A parent's request that their child be excused from school for some days (đơn xin nghỉ học). */
public record LeaveRequest(String id, String studentId, String studentName, String classId, LocalDate from,
    LocalDate to, String reason, Status status, String requestedBy, String requestedByName, OffsetDateTime requestedAt,
    String decidedBy, String decidedByName, OffsetDateTime decidedAt, String decisionNote) {

  public enum Status { PENDING, APPROVED, DECLINED }

  /** {@code POST /v1/students/{id}/leave-requests}: both dates included. */
  public record Draft(LocalDate from, LocalDate to, String reason) {}

  /** {@code PATCH /v1/leave-requests/{id}}: the homeroom teacher's answer, APPROVED or DECLINED. */
  public record Decision(Status status, String note) {}
}
