package vn.lienlac.functions.messaging;

import java.time.Clock;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.messaging.MessagingAccess.Seat;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.model.messaging.OfficeHours;

/**
 * messaging-fn: conversations between school and families, messages, read receipts, teachers'
 * office hours. Each route: parse, authorize ({@link MessagingAccess}), call the service, respond.
 */
public final class MessagingFunction extends ApiFunction {
  private final DirectoryRepository directory;
  private final MessagingAccess access;
  private final MessagingService messaging;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public MessagingFunction() {
    this(Environment.system());
  }

  public MessagingFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private MessagingFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC(), Events.publisher(env));
    primeBeforeSnapshot(dynamo, env);
  }

  /** Tests and the local stack without a queue: events go nowhere. */
  public MessagingFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, EventPublisher.none());
  }

  public MessagingFunction(Dynamo dynamo, Clock clock, EventPublisher events) {
    this.directory = new DirectoryRepository(dynamo, clock);
    this.messaging = new MessagingService(dynamo, clock, events, IdGenerator.RANDOM);
    this.access = messaging.access();
    on("GET /v1/conversations", this::list);
    on("POST /v1/conversations", this::start);
    on("GET /v1/conversations/{conversationId}/messages", this::messages);
    on("POST /v1/conversations/{conversationId}/messages", this::send);
    on("PATCH /v1/conversations/{conversationId}/messages/{messageId}", this::edit);
    on("POST /v1/conversations/{conversationId}/read", this::markRead);
    on("GET /v1/me/office-hours", this::getOfficeHours);
    on("PUT /v1/me/office-hours", this::putOfficeHours);
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.ok(ListResponse.of(messaging.list(caller(request))));
  }

  private ApiResponse start(ApiRequest request) {
    Caller caller = caller(request);
    Conversation.Start start = request.body(Conversation.Start.class);
    MessagingService.Opened opened = messaging.start(caller, start);
    String location = messagesPath(opened.started().conversation().id());
    return opened.created() ? ApiResponse.created(opened.started(), location) : ApiResponse.ok(opened.started());
  }

  private ApiResponse messages(ApiRequest request) {
    Seat seat = access.seat(caller(request), Ids.fromPath(request, "conversationId"));
    return ApiResponse.ok(messaging.page(seat, request.queryParameter("cursor"), request.queryParameter("limit")));
  }

  private ApiResponse send(ApiRequest request) {
    Caller caller = caller(request);
    Seat seat = access.seat(caller, Ids.fromPath(request, "conversationId"));
    Message.Draft draft = request.body(Message.Draft.class);
    MessagingService.Sent sent = messaging.send(caller, seat, draft);
    return sent.created() ? ApiResponse.created(sent.message(), messagesPath(sent.message().conversationId()))
        : ApiResponse.ok(sent.message());
  }

  private ApiResponse edit(ApiRequest request) {
    Caller caller = caller(request);
    Seat seat = access.seat(caller, Ids.fromPath(request, "conversationId"));
    String messageId = Ids.fromPath(request, "messageId");
    Message.Edit edit = request.body(Message.Edit.class);
    return ApiResponse.ok(messaging.edit(caller, seat, messageId, edit));
  }

  private ApiResponse markRead(ApiRequest request) {
    Caller caller = caller(request);
    Seat seat = access.seat(caller, Ids.fromPath(request, "conversationId"));
    Message.ReadMark mark = request.body(Message.ReadMark.class);
    return ApiResponse.ok(messaging.markRead(caller, seat, mark));
  }

  private ApiResponse getOfficeHours(ApiRequest request) {
    return ApiResponse.ok(messaging.officeHours(caller(request)));
  }

  private ApiResponse putOfficeHours(ApiRequest request) {
    Caller caller = caller(request);
    access.teacherSchools(caller);
    OfficeHours hours = request.body(OfficeHours.class);
    return ApiResponse.ok(messaging.setOfficeHours(caller, hours));
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }

  private static String messagesPath(String conversationId) {
    return "/v1/conversations/" + conversationId + "/messages";
  }
}
