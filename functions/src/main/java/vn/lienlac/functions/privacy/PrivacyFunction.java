package vn.lienlac.functions.privacy;

import java.time.Clock;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.model.privacy.Consent;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * privacy-fn (issue 18): a school's purpose notice, the guardians' consent per child. Each route:
 * parse, authorize ({@link ConsentAccess}), call the service, respond.
 */
public final class PrivacyFunction extends ApiFunction {
  private final DirectoryRepository directory;
  private final RosterRepository roster;
  private final NoticeService notices;
  private final ConsentService consents;

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
    this.roster = new RosterRepository(dynamo);
    this.notices = new NoticeService(dynamo, clock);
    this.consents = new ConsentService(dynamo, clock);
    // Consent (issue 18, point 1): the notice, consent per child.
    on("GET /v1/schools/{schoolId}/privacy-notice", this::notice);
    on("PUT /v1/schools/{schoolId}/privacy-notice", this::publishNotice);
    on("GET /v1/me/consents", this::consents);
    on("POST /v1/me/consents", this::give);
    on("DELETE /v1/me/consents/{studentId}", this::withdraw);
  }

  private ApiResponse notice(ApiRequest request) {
    Caller caller = caller(request);
    String schoolId = Ids.fromPath(request, "schoolId");
    ConsentAccess.readNotice(caller, schoolId);
    return ApiResponse.ok(notices.current(school(schoolId)));
  }

  private ApiResponse publishNotice(ApiRequest request) {
    Caller caller = caller(request);
    String schoolId = Ids.fromPath(request, "schoolId");
    ConsentAccess.publishNotice(caller, schoolId);
    PrivacyNotice.Draft draft = request.body(PrivacyNotice.Draft.class);
    PrivacyNotice published = notices.publish(caller, school(schoolId), draft, request.requestId());
    return ApiResponse.created(published, published.link());
  }

  private ApiResponse consents(ApiRequest request) {
    return ApiResponse.ok(consents.list(caller(request)));
  }

  private ApiResponse give(ApiRequest request) {
    Caller caller = caller(request);
    Consent.Grant grant = request.body(Consent.Grant.class);
    return ApiResponse.ok(consents.give(caller, grant, request.requestId()));
  }

  private ApiResponse withdraw(ApiRequest request) {
    Caller caller = caller(request);
    String studentId = Ids.fromPath(request, "studentId");
    return ApiResponse.ok(consents.withdraw(caller, studentId, request.requestId()));
  }

  private School school(String schoolId) {
    return roster.school(schoolId).orElseThrow(ApiException.NotFound::new);
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }
}
