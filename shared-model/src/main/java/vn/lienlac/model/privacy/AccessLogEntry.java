package vn.lienlac.model.privacy;

import java.time.OffsetDateTime;
import vn.lienlac.model.identity.Role;

/**
 * One entry of the access log (issue 18): a staff member, a teacher or the data-protection officer
 * read or changed a pupil's records ({@code studentId}), or a whole class's ({@code classId}).
 * Shown to the pupil's guardians and to the school's data-protection officer.
 *
 * @param at         when, as Vietnam shows it ({@code 2026-11-21T10:00:00.123+07:00})
 * @param actorName  the name the school knows the actor by now (absent once their account is gone)
 * @param roleName   the role, in the caller's language
 * @param what       a resource code: {@code grades}, {@code attendance}, {@code leave}, {@code invoices}, …
 * @param whatName   that code in the caller's language
 * @param resource   the request's path, ids only ({@code /v1/students/nt-hs-0002/grades})
 */
public record AccessLogEntry(OffsetDateTime at, String actorId, String actorName, Role role, String roleName,
    Action action, String what, String whatName, String schoolId, String studentId, String classId, String resource,
    String requestId) {

  /** Whether the actor read the records or changed them. */
  public enum Action { READ, WRITE }
}
