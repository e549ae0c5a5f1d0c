package vn.lienlac.local.seed;

/**
 * A demo user that {@code GET /dev/users} lists and {@code GET /dev/token?user=ID} signs a token
 * for. {@code role} is PARENT, TEACHER or STAFF; {@code description} says what to try with them.
 */
public record DevUser(String id, String displayName, String role, String schoolId, String schoolName, String description) {}
