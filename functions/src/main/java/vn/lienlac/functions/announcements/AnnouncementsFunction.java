package vn.lienlac.functions.announcements;

import java.time.Clock;
import java.util.List;
import vn.lienlac.functions.announcements.AnnouncementsAccess.Relation;
import vn.lienlac.functions.announcements.AnnouncementsAccess.Target;
import vn.lienlac.functions.announcements.AnnouncementsItems.AnnouncementItem;
import vn.lienlac.functions.announcements.AnnouncementsService.Published;
import vn.lienlac.functions.announcements.AnnouncementsService.Valid;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.common.Violation;

/**
 * announcements-fn: publish, the family feed, read and acknowledge, statistics. Each route: parse,
 * authorize ({@link AnnouncementsAccess}), call the service, respond.
 */
public final class AnnouncementsFunction extends ApiFunction {
  private final DirectoryRepository directory;
  private final AnnouncementsAccess access;
  private final AnnouncementsService announcements;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public AnnouncementsFunction() {
    this(Environment.system());
  }

  public AnnouncementsFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private AnnouncementsFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC(), Events.publisher(env));
    primeBeforeSnapshot(dynamo, env);
  }

  /** Tests and the local stack without an events queue: events go nowhere. */
  public AnnouncementsFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, EventPublisher.none());
  }

  public AnnouncementsFunction(Dynamo dynamo, Clock clock, EventPublisher events) {
    this.directory = new DirectoryRepository(dynamo, clock);
    this.access = new AnnouncementsAccess(new RosterRepository(dynamo));
    this.announcements = new AnnouncementsService(dynamo, clock, IdGenerator.RANDOM, events);
    on("POST /v1/announcements", this::publish);
    on("GET /v1/announcements", this::feed);
    on("GET /v1/announcements/{announcementId}", this::one);
    on("POST /v1/announcements/{announcementId}/read", this::read);
    on("POST /v1/announcements/{announcementId}/ack", this::acknowledge);
    on("GET /v1/announcements/{announcementId}/stats", this::stats);
    on("GET /v1/schools/{schoolId}/announcements", this::sent);
  }

  private ApiResponse publish(ApiRequest request) {
    Caller caller = caller(request);
    Announcement.Draft draft = request.body(Announcement.Draft.class);
    Valid valid = announcements.validate(draft, request.header("idempotency-key"));
    Target target = access.publishTarget(caller, valid.schoolId(), valid.scope(), valid.grade(), valid.classId());
    Published published = announcements.publish(caller, target, valid);
    return published.created()
        ? ApiResponse.created(published.announcement(), "/v1/announcements/" + published.announcement().id())
        : ApiResponse.ok(published.announcement());
  }

  private ApiResponse feed(ApiRequest request) {
    Caller caller = caller(request);
    int limit = limit(request);
    return ApiResponse.ok(announcements.feed(caller, access.family(caller).partitions(),
        request.queryParameter("cursor"), limit));
  }

  private ApiResponse one(ApiRequest request) {
    Caller caller = caller(request);
    AnnouncementItem item = item(request, caller);
    Relation relation = relation(caller, item);
    return ApiResponse.ok(announcements.one(caller, item, relation.family()));
  }

  private ApiResponse read(ApiRequest request) {
    Caller caller = caller(request);
    AnnouncementItem item = item(request, caller);
    access.mayMark(relation(caller, item));
    return ApiResponse.ok(announcements.mark(caller, item, false));
  }

  private ApiResponse acknowledge(ApiRequest request) {
    Caller caller = caller(request);
    AnnouncementItem item = item(request, caller);
    access.mayMark(relation(caller, item));
    return ApiResponse.ok(announcements.mark(caller, item, true));
  }

  private ApiResponse stats(ApiRequest request) {
    Caller caller = caller(request);
    AnnouncementItem item = item(request, caller);
    access.mayReadStats(relation(caller, item));
    return ApiResponse.ok(announcements.stats(caller, item, request.queryParameter("cursor")));
  }

  private ApiResponse sent(ApiRequest request) {
    Caller caller = caller(request);
    String schoolId = Ids.fromPath(request, "schoolId");
    boolean all = access.sentList(caller, schoolId);
    int limit = limit(request);
    return ApiResponse.ok(announcements.sent(caller, schoolId, all, request.queryParameter("cursor"), limit));
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }

  private AnnouncementItem item(ApiRequest request, Caller caller) {
    return announcements.find(caller, Ids.fromPath(request, "announcementId")).orElseThrow(ApiException.NotFound::new);
  }

  private Relation relation(Caller caller, AnnouncementItem item) {
    return access.relation(caller, item.schoolId, item.pk, item.authorId, item.classId);
  }

  /** {@code limit}: 1 to {@link AnnouncementsService#MAX_PAGE} items a page, 20 when absent. */
  private static int limit(ApiRequest request) {
    return request.queryParameter("limit").map(value -> {
      if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > AnnouncementsService.MAX_PAGE) {
        throw new ApiException.BadRequest(List.of(Violation.of("limit", "announcements.badLimit",
            AnnouncementsService.MAX_PAGE)), "request.badParameter", "limit");
      }
      return Integer.parseInt(value);
    }).orElse(AnnouncementsService.DEFAULT_PAGE);
  }
}
