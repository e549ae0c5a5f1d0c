package vn.lienlac.functions.roster;

import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.identity.Role;

/**
 * Who may import a school's roster and read its imports: the school's office staff, nobody else.
 * Anyone else (teachers and parents of the school included) gets 404, like a school that does not
 * exist: the roster, with every family's phone number, is the office's.
 */
final class RosterAccess {
  private final RosterRepository roster;

  RosterAccess(RosterRepository roster) {
    this.roster = roster;
  }

  School staffSchool(Caller caller, String schoolId) {
    if (!caller.hasRole(schoolId, Role.STAFF)) {
      throw new ApiException.NotFound();
    }
    return roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
  }
}
