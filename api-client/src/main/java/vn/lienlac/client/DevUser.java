package vn.lienlac.client;

/**
 * A demo account of the local stack ({@code GET /dev/users}); the local sign-in screen lists them.
 * {@code role} is PARENT, TEACHER, STAFF or DPO (the data-protection officer).
 */
public record DevUser(String id, String displayName, String role, String schoolId, String schoolName,
    String description) {}
