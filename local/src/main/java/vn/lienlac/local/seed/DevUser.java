package vn.lienlac.local.seed;

/**
 * A demo user that {@code GET /dev/users} lists and {@code GET /dev/token?user=ID} signs a token
 * for. {@code role} is PARENT, TEACHER or STAFF; {@code description} says what to try with them.
 *
 * <p>{@code consented} (issue 18): for a parent, whether they have consented for all their children
 * (the one demo parent who has not is marked false and labelled in the description); null for others.
 */
public record DevUser(String id, String displayName, String role, String schoolId, String schoolName, String description,
    Boolean consented) {

  public DevUser(String id, String displayName, String role, String schoolId, String schoolName, String description) {
    this(id, displayName, role, schoolId, schoolName, description, null);
  }
}
