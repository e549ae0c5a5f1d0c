package vn.lienlac.functions.roster;

import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.privacy.AccessLog;
import vn.lienlac.model.identity.Role;

/**
 * Who may import a school's roster and read its imports: the school's office staff, nobody else.
 * Anyone else (teachers and parents of the school included) gets 404, like a school that does not
 * exist: the roster, with every family's phone number, is the office's.
 *
 * <p>An import's rows name pupils and their families: reading them is a school-wide read, logged
 * once per request in the school's access-log partition ({@code ACCESS#S#{school}#SCHOOL},
 * {@code roster-import}), which the DPO sees; not in each pupil's (a page names up to 100 pupils,
 * and the office onboarding a school is not a look at one child's file).
 */
final class RosterAccess {
  private final RosterRepository roster;
  private final AccessLog log;

  RosterAccess(RosterRepository roster, AccessLog log) {
    this.roster = roster;
    this.log = log;
  }

  /** The school, when the caller is its staff, reading an import's rows (logged). */
  School rowsReader(Caller caller, String schoolId, ApiRequest request) {
    School school = staffSchool(caller, schoolId);
    log.school(request, caller, Role.STAFF, schoolId, AccessLog.What.ROSTER_IMPORT);
    return school;
  }

  School staffSchool(Caller caller, String schoolId) {
    if (!caller.hasRole(schoolId, Role.STAFF)) {
      throw new ApiException.NotFound();
    }
    return roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
  }
}
