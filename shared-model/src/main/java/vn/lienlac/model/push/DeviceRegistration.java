package vn.lienlac.model.push;

/**
 * {@code POST /v1/devices}: the app registers its FCM registration token at each start (and when
 * FCM rotates it), with the platform and the language the app shows, which pushes are written in.
 *
 * @param token    the FCM registration token (1 to 4,096 characters of {@code [A-Za-z0-9_:.-]})
 * @param platform {@code android}, {@code ios} or {@code web}
 * @param language {@code vi} or {@code en}
 */
public record DeviceRegistration(String token, String platform, String language) {}
