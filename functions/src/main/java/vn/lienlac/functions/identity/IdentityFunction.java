package vn.lienlac.functions.identity;

import java.time.Clock;
import java.util.Map;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.model.push.DeviceRegistration;
import vn.lienlac.model.push.NotificationSettings;

/**
 * identity-fn: {@code GET /health}, {@code GET /v1/me}; push devices ({@code POST /v1/devices},
 * {@code DELETE /v1/devices/{token}}) and {@code GET|PUT /v1/me/notification-settings}.
 */
public final class IdentityFunction extends ApiFunction {
  private final IdentityService identity;
  private final DeviceService devices;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public IdentityFunction() {
    this(Environment.system());
  }

  public IdentityFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private IdentityFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC());
    primeBeforeSnapshot(dynamo, env);
  }

  public IdentityFunction(Dynamo dynamo, Clock clock) {
    RosterRepository roster = new RosterRepository(dynamo);
    this.identity = new IdentityService(new DirectoryRepository(dynamo, clock), roster, clock);
    this.devices = new DeviceService(dynamo, roster, clock);
    on("GET /health", this::health);
    on("GET /v1/me", this::me);
    // Push: devices and settings (every caller manages their own, in each of their schools).
    on("POST /v1/devices", this::registerDevice);
    on("DELETE /v1/devices/{token}", this::removeDevice);
    on("GET /v1/me/notification-settings", this::notificationSettings);
    on("PUT /v1/me/notification-settings", this::updateNotificationSettings);
  }

  private ApiResponse health(ApiRequest request) {
    return ApiResponse.ok(Map.of("status", "ok"));
  }

  private ApiResponse me(ApiRequest request) {
    Caller caller = identity.caller(request.subject());
    return ApiResponse.ok(identity.me(caller));
  }

  private ApiResponse registerDevice(ApiRequest request) {
    Caller caller = identity.caller(request.subject());
    DeviceRegistration registration = request.body(DeviceRegistration.class);
    return ApiResponse.ok(devices.register(caller, registration));
  }

  private ApiResponse removeDevice(ApiRequest request) {
    Caller caller = identity.caller(request.subject());
    return ApiResponse.ok(devices.remove(caller, request.pathParameter("token")));
  }

  private ApiResponse notificationSettings(ApiRequest request) {
    return ApiResponse.ok(devices.settings(identity.caller(request.subject())));
  }

  private ApiResponse updateNotificationSettings(ApiRequest request) {
    Caller caller = identity.caller(request.subject());
    NotificationSettings update = request.body(NotificationSettings.class);
    return ApiResponse.ok(devices.updateSettings(caller, update));
  }
}
