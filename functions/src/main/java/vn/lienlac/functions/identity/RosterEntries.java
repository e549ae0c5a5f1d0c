package vn.lienlac.functions.identity;

import java.util.List;
import vn.lienlac.functions.platform.Hashes;

/**
 * The roster entry's guardians and fingerprint ({@code S#{school}#ST#{student}} / {@code ROSTER}),
 * shared by the roster import (which writes entries) and erasure (which removes an erased guardian
 * from them and must leave a fingerprint the next import agrees with).
 */
public final class RosterEntries {
  private RosterEntries() {}

  /** The fingerprint of an entry's state: what the import compares to see whether a row changed. */
  public static String fingerprint(String learnerId, String pupilCode, String fullName, String dateOfBirth,
      String gender, String classId, String className, String schoolYear, List<String> guardians, String status) {
    return Hashes.sha256(String.join("\u001f", String.valueOf(learnerId), String.valueOf(pupilCode), fullName,
        String.valueOf(dateOfBirth), String.valueOf(gender), classId, String.valueOf(className), schoolYear,
        String.join("\u001e", guardians), status));
  }

  /** A guardian as the entry holds it: {@code {e164}|{FATHER|MOTHER|GUARDIAN|}|{name}}. */
  public static String guardian(String phone, String relationship, String name) {
    return phone + "|" + (relationship == null ? "" : relationship) + "|" + (name == null ? "" : name);
  }

  /** The phone (E.164) of a guardian entry. */
  public static String phoneOf(String guardian) {
    return guardian.substring(0, guardian.indexOf('|'));
  }
}
