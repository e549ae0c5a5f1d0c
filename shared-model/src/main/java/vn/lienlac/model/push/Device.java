package vn.lienlac.model.push;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registered device as its owner sees it: the answer to {@code POST /v1/devices}.
 *
 * @param token        the FCM token the caller sent
 * @param platform     android, ios or web
 * @param language     vi or en: the language of its pushes
 * @param schools      the schools whose pushes it receives (every school of the caller)
 * @param registeredAt first registration (Asia/Ho_Chi_Minh)
 * @param lastSeenAt   this registration (Asia/Ho_Chi_Minh)
 */
public record Device(String token, String platform, String language, List<String> schools,
    OffsetDateTime registeredAt, OffsetDateTime lastSeenAt) {

  public Device {
    schools = List.copyOf(schools);
  }

  /** {@code DELETE /v1/devices/{token}}: how many of the caller's registrations (one per school) were removed. */
  public record Removed(String token, int removed) {}
}
