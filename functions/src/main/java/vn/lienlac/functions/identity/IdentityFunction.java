package vn.lienlac.functions.identity;

import java.time.Clock;
import java.util.Map;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;

/** identity-fn: {@code GET /health}, {@code GET /v1/me}. */
public final class IdentityFunction extends ApiFunction {
  private final IdentityService identity;

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
    this.identity = new IdentityService(new DirectoryRepository(dynamo, clock), new RosterRepository(dynamo));
    on("GET /health", this::health);
    on("GET /v1/me", this::me);
  }

  private ApiResponse health(ApiRequest request) {
    return ApiResponse.ok(Map.of("status", "ok"));
  }

  private ApiResponse me(ApiRequest request) {
    Caller caller = identity.caller(request.subject());
    return ApiResponse.ok(identity.me(caller));
  }
}
