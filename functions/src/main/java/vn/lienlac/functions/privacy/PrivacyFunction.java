package vn.lienlac.functions.privacy;

import java.time.Clock;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;

/**
 * privacy-fn (issue 18): a school's purpose notice, the guardians' consent per child. Each route:
 * parse, authorize (ConsentAccess), call the service, respond.
 */
public final class PrivacyFunction extends ApiFunction {
  private final DirectoryRepository directory;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public PrivacyFunction() {
    this(Environment.system());
  }

  public PrivacyFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private PrivacyFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC());
    primeBeforeSnapshot(dynamo, env);
  }

  public PrivacyFunction(Dynamo dynamo, Clock clock) {
    this.directory = new DirectoryRepository(dynamo, clock);
    // Consent (issue 18, point 1): the notice, consent per child.
    on("GET /v1/schools/{schoolId}/privacy-notice", this::notice);
    on("PUT /v1/schools/{schoolId}/privacy-notice", this::publishNotice);
    on("GET /v1/me/consents", this::consents);
    on("POST /v1/me/consents", this::give);
    on("DELETE /v1/me/consents/{studentId}", this::withdraw);
    // Access log (issue 18, point 2): read only; no route writes, changes or deletes an entry.
    AccessLogRoutes accessLog = new AccessLogRoutes(dynamo, clock);
    on("GET /v1/students/{studentId}/access-log", accessLog::student);
    on("GET /v1/schools/{schoolId}/access-log", accessLog::school);
  }

  private ApiResponse notice(ApiRequest request) {
    caller(request);
    throw new ApiException.NotFound();
  }

  private ApiResponse publishNotice(ApiRequest request) {
    caller(request);
    throw new ApiException.NotFound();
  }

  private ApiResponse consents(ApiRequest request) {
    caller(request);
    throw new ApiException.NotFound();
  }

  private ApiResponse give(ApiRequest request) {
    caller(request);
    throw new ApiException.NotFound();
  }

  private ApiResponse withdraw(ApiRequest request) {
    caller(request);
    throw new ApiException.NotFound();
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }
}
