package vn.lienlac.app.officeannouncements;

import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;

/** The school the office screens work on: the first where the signed-in person is staff. */
public final class OfficeSchool {
  private OfficeSchool() {}

  /** The school id, or null when the person is office staff of no school. */
  public static String of(Me me) {
    if (me == null || me.schools() == null) {
      return null;
    }
    for (Me.SchoolMembership school : me.schools()) {
      if (school.roles() != null && school.roles().contains(Role.STAFF)) {
        return school.schoolId();
      }
    }
    return me.schools().isEmpty() ? null : me.schools().get(0).schoolId();
  }
}
