package vn.lienlac.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.privacy.Consent;
import vn.lienlac.model.privacy.ExportJob;
import vn.lienlac.model.privacy.ExportRequest;
import vn.lienlac.model.privacy.PrivacyNotice;
import vn.lienlac.model.push.NotificationSettings;
import vn.lienlac.model.records.AttendanceReport;
import vn.lienlac.model.records.ClassAttendance;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.LeaveRequest;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.roster.ImportRow;
import vn.lienlac.model.roster.RosterImport;

/**
 * The typed client of the Lienlac API, over {@code java.net.http}: one method per operation the app
 * uses, answering the {@code shared-model} DTOs. Immutable: {@link #withToken} and
 * {@link #withLanguage} give a new client. Calls block; the app makes them off the FX thread.
 *
 * <p>Errors: the API's problem+json becomes {@link ApiProblem} (its message, in the language asked
 * for, and its per-row violations); no answer at all (refused, reset, timed out) becomes
 * {@link NetworkException}, which a screen offers to retry.
 */
public final class LienlacClient {
  /** Lenient on unknown fields (an older app must keep working against a newer API); ISO dates. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  /** The client's JSON mapper (the app's offline cache writes the same DTOs with it). */
  public static ObjectMapper json() {
    return JSON;
  }

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final String token;
  private final String language;
  private final Credentials credentials;

  /** A client of the API at {@code base} (e.g. {@code http://localhost:3000}), in Vietnamese, signed out. */
  public static LienlacClient create(URI base) {
    return new LienlacClient(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(20), null, "vi");
  }

  public LienlacClient(URI base, HttpClient http, Duration timeout, String token, String language) {
    this(base, http, timeout, token, language, null);
  }

  private LienlacClient(URI base, HttpClient http, Duration timeout, String token, String language,
      Credentials credentials) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.token = token;
    this.language = language;
    this.credentials = credentials;
  }

  public URI base() {
    return base;
  }

  public LienlacClient withToken(String bearerToken) {
    return new LienlacClient(base, http, timeout, bearerToken, language, null);
  }

  /** The language of the API's messages: {@code vi} (the default) or {@code en}. */
  public LienlacClient withLanguage(String acceptLanguage) {
    return new LienlacClient(base, http, timeout, token, acceptLanguage, credentials);
  }

  public boolean signedIn() {
    return token != null || credentials != null;
  }

  // --- local stack sign-in (DevGateway's /dev routes; not deployed on AWS) ------------------------

  /** The local stack's demo users ({@code GET /dev/users}). */
  public List<DevUser> devUsers() {
    return call("GET", "/dev/users", null, null, new TypeReference<List<DevUser>>() {});
  }

  /** Signs a demo user in on the local stack ({@code GET /dev/token?user=}). */
  public Session devSignIn(String userId) {
    JsonNode body = call("GET", "/dev/token?user=" + q(userId), null, null, new TypeReference<JsonNode>() {});
    JsonNode user = body.path("user");
    return new Session(body.path("token").asText(), Instant.parse(body.path("expiresAt").asText()),
        user.path("id").asText(), user.path("displayName").asText(), user.path("role").asText());
  }

  // --- identity ------------------------------------------------------------------------------------

  public Me me() {
    return get("/v1/me", Me.class);
  }

  // --- records -------------------------------------------------------------------------------------

  /** A pupil's grades for one term (e.g. {@code 2026-2027-HK1}), averages and level as the API computed them. */
  public GradeReport grades(String studentId, String term) {
    return get("/v1/students/" + p(studentId) + "/grades?term=" + q(term), GradeReport.class);
  }

  /** A pupil's year report (schoolYear like {@code 2026-2027}). */
  public YearReport yearReport(String studentId, String schoolYear) {
    return get("/v1/students/" + p(studentId) + "/report/" + p(schoolYear), YearReport.class);
  }

  public AttendanceReport attendance(String studentId, LocalDate from, LocalDate to) {
    return get("/v1/students/" + p(studentId) + "/attendance?from=" + from + "&to=" + to, AttendanceReport.class);
  }

  public List<LeaveRequest> leaveRequests(String studentId) {
    return call("GET", "/v1/students/" + p(studentId) + "/leave-requests", null, null,
        new TypeReference<ListResponse<LeaveRequest>>() {}).items();
  }

  /** Asks for leave; {@code idempotencyKey} makes a retry after a lost answer safe (same request back). */
  public LeaveRequest requestLeave(String studentId, LeaveRequest.Draft draft, String idempotencyKey) {
    return call("POST", "/v1/students/" + p(studentId) + "/leave-requests", draft, idempotencyKey,
        new TypeReference<LeaveRequest>() {});
  }

  public Gradebook gradebook(String classId, String subject, String term) {
    return get(gradebookPath(classId, subject, term), Gradebook.class);
  }

  /** Saves gradebook rows; a refused row comes back as {@link ApiProblem#rowErrors()}. */
  public Gradebook saveGradebook(String classId, String subject, String term, Gradebook.Update update) {
    return call("PUT", gradebookPath(classId, subject, term), update, null, new TypeReference<Gradebook>() {});
  }

  private static String gradebookPath(String classId, String subject, String term) {
    return "/v1/classes/" + p(classId) + "/gradebook/" + p(subject) + "/" + p(term);
  }

  // --- payments ------------------------------------------------------------------------------------

  public List<Invoice> invoices(String studentId) {
    return call("GET", "/v1/students/" + p(studentId) + "/invoices", null, null,
        new TypeReference<ListResponse<Invoice>>() {}).items();
  }

  /** Starts a VNPay payment of one invoice; {@link Payment#redirectUrl()} is the page to open. */
  public Payment payWithVnpay(String invoiceId, String locale) {
    return call("POST", "/v1/invoices/" + p(invoiceId) + "/payments",
        new Payment.InvoiceDraft(Payment.Method.VNPAY, locale), null, new TypeReference<Payment>() {});
  }

  /** The absolute address of a payment page ({@link Payment#redirectUrl()} may be relative locally). */
  public URI resolve(String url) {
    return base.resolve(url);
  }

  // --- messaging -----------------------------------------------------------------------------------

  public List<Conversation> conversations() {
    return call("GET", "/v1/conversations", null, null, new TypeReference<ListResponse<Conversation>>() {}).items();
  }

  /** A parent writes to a teacher of their child's class (the first message starts the conversation). */
  public Conversation.Started startConversation(String studentId, String teacherId, String clientMessageId,
      String text) {
    return call("POST", "/v1/conversations", new Conversation.Start(studentId, teacherId, null, text, clientMessageId),
        null, new TypeReference<Conversation.Started>() {});
  }

  public Conversation.Page messages(String conversationId) {
    return get("/v1/conversations/" + p(conversationId) + "/messages", Conversation.Page.class);
  }

  /** Sends a message; the same {@code clientMessageId} sent twice makes one message (safe to retry). */
  public Message send(String conversationId, String clientMessageId, String text) {
    return call("POST", "/v1/conversations/" + p(conversationId) + "/messages",
        new Message.Draft(clientMessageId, text, null, null), null, new TypeReference<Message>() {});
  }

  /** A fresh client message id, made once per message written (keep it across retries). */
  public static String newClientMessageId() {
    return UUID.randomUUID().toString();
  }

  // --- announcements -------------------------------------------------------------------------------

  public List<Announcement> announcements() {
    return call("GET", "/v1/announcements", null, null, new TypeReference<ListResponse<Announcement>>() {}).items();
  }

  public Announcement.Receipt acknowledge(String announcementId) {
    return call("POST", "/v1/announcements/" + p(announcementId) + "/ack", null, null,
        new TypeReference<Announcement.Receipt>() {});
  }

  // --- privacy and settings (consent, notice, notification settings, devices) -------------------------

  /** A school's current purpose notice, Vietnamese and English ({@code GET /v1/schools/{id}/privacy-notice}). */
  public PrivacyNotice privacyNotice(String schoolId) {
    return get("/v1/schools/" + p(schoolId) + "/privacy-notice", PrivacyNotice.class);
  }

  /** The caller's consent for each of their children, across schools ({@code GET /v1/me/consents}). */
  public List<Consent> consents() {
    return call("GET", "/v1/me/consents", null, null, new TypeReference<Consent.Page>() {}).items();
  }

  /**
   * Consents, in the app, for one child to the notice version the guardian read. A stale version is
   * an {@link ApiProblem} 409 whose {@code currentVersion} is the school's current one: read it again.
   */
  public Consent giveConsent(String studentId, int noticeVersion) {
    return call("POST", "/v1/me/consents", new Consent.Grant(studentId, noticeVersion, Consent.Channel.APP), null,
        new TypeReference<Consent>() {});
  }

  /** Withdraws the consent for one child: its messages and paying by app stop; the school's devices may go. */
  public Consent withdrawConsent(String studentId) {
    return call("DELETE", "/v1/me/consents/" + p(studentId), null, null, new TypeReference<Consent>() {});
  }

  /** Quiet hours and lock-screen detail ({@code GET /v1/me/notification-settings}). */
  public NotificationSettings notificationSettings() {
    return get("/v1/me/notification-settings", NotificationSettings.class);
  }

  public NotificationSettings saveNotificationSettings(NotificationSettings settings) {
    return call("PUT", "/v1/me/notification-settings", settings, null, new TypeReference<NotificationSettings>() {});
  }

  /** Asks for an export of the caller's data ({@code vi} or {@code en} readable part): the job, new or under way. */
  public ExportJob requestExport(String language) {
    return call("POST", "/v1/me/export", new ExportRequest(language), null, new TypeReference<ExportJob>() {});
  }

  /** An export job; the first answer that finds it READY carries the one download link. */
  public ExportJob export(String exportId) {
    return get("/v1/me/exports/" + p(exportId), ExportJob.class);
  }

  // --- records, parent side (attendance, leave, year report) ------------------------------------------

  // --- messaging and announcements, more --------------------------------------------------------------

  /** A page of older messages: {@code cursor} is the {@link Conversation.Page#next()} of the page before. */
  public Conversation.Page messages(String conversationId, String cursor) {
    return get("/v1/conversations/" + p(conversationId) + "/messages"
        + (cursor == null ? "" : "?cursor=" + q(cursor)), Conversation.Page.class);
  }

  /** Read receipt: everything up to and including {@code upToMessageId} is read (the mark never moves back). */
  public Message.ReadState markConversationRead(String conversationId, String upToMessageId) {
    return call("POST", "/v1/conversations/" + p(conversationId) + "/read", new Message.ReadMark(upToMessageId), null,
        new TypeReference<Message.ReadState>() {});
  }

  /** A teacher opens (or finds) the channel of a class they teach: a message there reaches every family of it. */
  public Conversation.Started openClassChannel(String classId) {
    return call("POST", "/v1/conversations", new Conversation.Start(null, null, classId, null, null), null,
        new TypeReference<Conversation.Started>() {});
  }

  /**
   * Sends with every field of the draft: in a class channel a family's message is a private reply to
   * the author of {@code replyTo} (about {@code studentId} when several children are in the class);
   * the answer's {@code conversationId} names the FAMILY conversation it went to.
   */
  public Message send(String conversationId, Message.Draft draft) {
    return call("POST", "/v1/conversations/" + p(conversationId) + "/messages", draft, null,
        new TypeReference<Message>() {});
  }

  /** The calling teacher's own weekly office hours (anyone else: 404). */
  public vn.lienlac.model.messaging.OfficeHours myOfficeHours() {
    return get("/v1/me/office-hours", vn.lienlac.model.messaging.OfficeHours.class);
  }

  /** This family has read the announcement (idempotent). */
  public Announcement.Receipt markAnnouncementRead(String announcementId) {
    return call("POST", "/v1/announcements/" + p(announcementId) + "/read", null, null,
        new TypeReference<Announcement.Receipt>() {});
  }

  /**
   * Publishes an announcement (a teacher: to a class they teach); {@code idempotencyKey}, made once
   * per draft, makes a retry after a lost answer answer the same announcement.
   */
  public Announcement publishAnnouncement(Announcement.Draft draft, String idempotencyKey) {
    return call("POST", "/v1/announcements", draft, idempotencyKey, new TypeReference<Announcement>() {});
  }

  /** A privacy notice by its path, as a consent-required problem links it ({@code /v1/schools/x/privacy-notice}). */
  public vn.lienlac.model.privacy.PrivacyNotice privacyNoticeAt(String link) {
    if (!link.startsWith("/v1/")) {
      throw new IllegalArgumentException("not an API path: " + link);
    }
    return get(link, vn.lienlac.model.privacy.PrivacyNotice.class);
  }

  /** The pupils of a class as its register lists them on {@code date} (teachers: whom to write to). */
  public List<vn.lienlac.model.records.ClassAttendance.Entry> pupilsOfClass(String classId, LocalDate date) {
    return get("/v1/classes/" + p(classId) + "/attendance/" + date, vn.lienlac.model.records.ClassAttendance.class)
        .entries();
  }

  // --- records, teacher side (class attendance, leave decisions) --------------------------------------

  /** One class on one school day ({@code version} 0 and {@code marked} false before the day is taken). */
  public ClassAttendance classAttendance(String classId, LocalDate date) {
    return get("/v1/classes/" + p(classId) + "/attendance/" + date, ClassAttendance.class);
  }

  /**
   * Marks pupils on a day: merged into the register (pupils not listed keep their mark; the first
   * write of a day takes it, everyone not listed present). With {@code update.version()}, 409 when
   * the register changed since. {@code update.marks()} must not be null (the API refuses it).
   */
  public ClassAttendance markAttendance(String classId, LocalDate date, ClassAttendance.Update update) {
    Objects.requireNonNull(update.marks(), "marks");
    return call("PUT", "/v1/classes/" + p(classId) + "/attendance/" + date, update, null,
        new TypeReference<ClassAttendance>() {});
  }

  /** A class's leave requests, newest first (homeroom teacher, staff); {@code status} null for all. */
  public List<LeaveRequest> classLeaveRequests(String classId, LeaveRequest.Status status) {
    return call("GET", "/v1/classes/" + p(classId) + "/leave-requests" + (status == null ? "" : "?status=" + status),
        null, null, new TypeReference<ListResponse<LeaveRequest>>() {}).items();
  }

  /** The homeroom teacher approves or declines a leave request (declining needs a note). */
  public LeaveRequest decideLeave(String leaveRequestId, LeaveRequest.Decision decision) {
    return call("PATCH", "/v1/leave-requests/" + p(leaveRequestId), decision, null,
        new TypeReference<LeaveRequest>() {});
  }

  // --- payments, more (receipts, VietQR, office fees and report) --------------------------------------

  /** Starts a VietQR (bank transfer) payment of one invoice: {@link Payment#reference()} goes in the transfer's note. */
  public Payment payWithVietQr(String invoiceId) {
    return call("POST", "/v1/invoices/" + p(invoiceId) + "/payments",
        new Payment.InvoiceDraft(Payment.Method.VIETQR, null), null, new TypeReference<Payment>() {});
  }

  /** The VietQR code of a VIETQR payment: the EMVCo payload to draw, and the bank, account, amount and reference. */
  public vn.lienlac.model.payments.VietQrCode vietQr(String paymentId) {
    return get("/v1/payments/" + p(paymentId) + "/vietqr", vn.lienlac.model.payments.VietQrCode.class);
  }

  /** The e-receipt of the latest payment credited to an invoice (404 while nothing was paid). */
  public vn.lienlac.model.payments.Receipt receipt(String invoiceId) {
    return get("/v1/invoices/" + p(invoiceId) + "/receipt", vn.lienlac.model.payments.Receipt.class);
  }

  /** The same receipt as a PDF (Vietnamese text, embedded font), to save or share. */
  public byte[] receiptPdf(String invoiceId) {
    return bytes("/v1/invoices/" + p(invoiceId) + "/receipt?format=pdf", "application/pdf");
  }

  /** Office staff create a fee (one invoice per pupil in scope); posting the same draft again creates nothing new. */
  public vn.lienlac.model.payments.Fee createFee(vn.lienlac.model.payments.Fee.Draft draft) {
    return call("POST", "/v1/fees", draft, null, new TypeReference<vn.lienlac.model.payments.Fee>() {});
  }

  /** Per fee and per class: invoiced, paid, outstanding, and the pupils who still owe (staff). */
  public vn.lienlac.model.payments.FeeReport feeReport(String schoolId) {
    return get("/v1/schools/" + p(schoolId) + "/fees/report", vn.lienlac.model.payments.FeeReport.class);
  }

  /** A binary answer (a PDF): its bytes on 2xx; a problem as {@link ApiProblem}, no answer as {@link NetworkException}. */
  private byte[] bytes(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", accept)
        .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new NetworkException("GET " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("GET " + path + ": interrupted", e);
    }
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return response.body();
    }
    throw new ApiProblem(problem(response.statusCode(), response));
  }

  // --- office (announcements statistics, roster import) -----------------------------------------------

  /**
   * What was announced in a school, newest first (office staff: all of it; a teacher: their own);
   * {@code cursor} null for the first page.
   */
  public Announcement.Sent schoolAnnouncements(String schoolId, String cursor) {
    return get("/v1/schools/" + p(schoolId) + "/announcements" + (cursor == null ? "" : "?cursor=" + q(cursor)),
        Announcement.Sent.class);
  }

  /** Who an announcement reached, and a page (50) of the families it has not reached; {@code cursor} null first. */
  public Announcement.Stats announcementStats(String announcementId, String cursor) {
    return get("/v1/announcements/" + p(announcementId) + "/stats" + (cursor == null ? "" : "?cursor=" + q(cursor)),
        Announcement.Stats.class);
  }

  /** The media type of an Excel workbook, as {@code POST /v1/schools/{id}/roster} takes it. */
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * Uploads a roster file (the body is the file itself, {@link #XLSX} or {@code text/csv}) for a dry run;
   * answers the import, PLANNED, with its counts and rejected rows. {@code partial}: pupils the file does
   * not list are left as they are.
   */
  public RosterImport uploadRoster(String schoolId, byte[] file, String contentType, String fileName,
      boolean partial) {
    StringBuilder query = new StringBuilder();
    if (fileName != null && !fileName.isBlank()) {
      query.append("fileName=").append(q(fileName.length() > 200 ? fileName.substring(0, 200) : fileName));
    }
    if (partial) {
      query.append(query.isEmpty() ? "" : "&").append("partial=true");
    }
    return call("POST", "/v1/schools/" + p(schoolId) + "/roster" + (query.isEmpty() ? "" : "?" + query),
        new RawBody(contentType, file), null, new TypeReference<RosterImport>() {});
  }

  /** An import's state, counts and progress. */
  public RosterImport rosterImport(String schoolId, String importId) {
    return get(importPath(schoolId, importId), RosterImport.class);
  }

  /** A page (about 200) of an import's report, row by row; {@code cursor} null for the first. */
  public ListResponse<ImportRow> rosterImportRows(String schoolId, String importId, String cursor) {
    return call("GET", importPath(schoolId, importId) + "/rows" + (cursor == null ? "" : "?cursor=" + q(cursor)),
        null, null, new TypeReference<ListResponse<ImportRow>>() {});
  }

  /** Applies a dry run, confirming the counts staff saw (409 if they differ); answers the import, RUNNING or done. */
  public RosterImport confirmRosterImport(String schoolId, String importId, RosterImport.Counts counts) {
    return call("POST", importPath(schoolId, importId) + "/confirm", new RosterImport.Confirmation(counts), null,
        new TypeReference<RosterImport>() {});
  }

  private static String importPath(String schoolId, String importId) {
    return "/v1/schools/" + p(schoolId) + "/roster/imports/" + p(importId);
  }

  /** A request body sent as it is (a file), not as JSON. */
  private record RawBody(String contentType, byte[] bytes) {}

  // --- sign-in and session ----------------------------------------------------------------------------

  /**
   * Where a signed-in client gets its bearer token at each call, instead of one fixed token: the app's
   * Cognito session, which refreshes the ID token when it expires on the clock ({@link CognitoSignIn}).
   */
  public interface Credentials {
    /** A token to send now (refreshing first if it has expired); may throw what a refresh throws. */
    String bearerToken();

    /** The API answered 401 to the token: refresh it; false when there is no session any more. */
    boolean renew();

    /** The API refused a freshly renewed token too: the session is over. */
    void rejected();
  }

  /** A client whose every call asks {@code source} for the token, and renews it once on a 401. */
  public LienlacClient withCredentials(Credentials source) {
    return new LienlacClient(base, http, timeout, null, language, Objects.requireNonNull(source, "source"));
  }

  // --- plumbing ------------------------------------------------------------------------------------

  private <T> T get(String path, Class<T> type) {
    return call("GET", path, null, null, new TypeReference<T>() {
      @Override
      public java.lang.reflect.Type getType() {
        return type;
      }
    });
  }

  private <T> T call(String method, String path, Object body, String idempotencyKey, TypeReference<T> type) {
    if (credentials == null) {
      return call(method, path, body, idempotencyKey, type, token);
    }
    try {
      return call(method, path, body, idempotencyKey, type, credentials.bearerToken());
    } catch (ApiProblem problem) {
      if (problem.status() != 401 || !credentials.renew()) {
        throw problem;
      }
    }
    try {
      return call(method, path, body, idempotencyKey, type, credentials.bearerToken());
    } catch (ApiProblem problem) {
      if (problem.status() == 401) {
        credentials.rejected();
      }
      throw problem;
    }
  }

  private <T> T call(String method, String path, Object body, String idempotencyKey, TypeReference<T> type,
      String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else if (body instanceof RawBody raw) {
      request.header("Content-Type", raw.contentType())
          .method(method, HttpRequest.BodyPublishers.ofByteArray(raw.bytes()));
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new NetworkException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(method + " " + path + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      if (response.body().length == 0) {
        return null; // 204 No Content (a delete, a withdrawal)
      }
      try {
        return JSON.readValue(response.body(), type);
      } catch (IOException e) {
        throw new NetworkException(method + " " + path + ": not the API's answer (" + e.getMessage() + ")", e);
      }
    }
    throw new ApiProblem(problem(status, response));
  }

  private static Problem problem(int status, HttpResponse<byte[]> response) {
    boolean json = response.headers().firstValue("content-type").orElse("").contains("json");
    if (json) {
      try {
        Problem parsed = JSON.readValue(response.body(), Problem.class);
        if (parsed.status() == 0) {
          parsed = new Problem(parsed.type(), parsed.title(), status, parsed.detail(), parsed.instance(),
              parsed.errors(), parsed.currentVersion(), parsed.notice(), parsed.studentId());
        }
        return parsed;
      } catch (IOException e) {
        // not a problem document: fall through to a bare one
      }
    }
    return new Problem(null, "HTTP " + status, status, null, null, List.of(), null);
  }

  private static byte[] write(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }

  /** A path segment, percent-encoded. */
  private static String p(String segment) {
    return URLEncoder.encode(Objects.requireNonNull(segment, "path segment"), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static String q(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value, "query value"), StandardCharsets.UTF_8);
  }
}
