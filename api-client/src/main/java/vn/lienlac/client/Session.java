package vn.lienlac.client;

import java.time.Instant;

/** A signed-in user: the bearer token, when it expires, and who it is. */
public record Session(String token, Instant expiresAt, String userId, String displayName, String role) {
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
