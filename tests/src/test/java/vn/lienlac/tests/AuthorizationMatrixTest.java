package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.ANONYMOUS;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.COLLEAGUE;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.DPO;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.OTHER_PARENT;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.OTHER_SCHOOL_STAFF;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.OTHER_TEACHER;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.PARENT;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.STAFF;
import static vn.lienlac.tests.AuthorizationMatrixTest.Actor.TEACHER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.tests.SeededApi.Child;

/**
 * Who may call what, proven over HTTP for every operation of openapi.yaml. The {@link #MATRIX}
 * declares, per operation, the actors allowed and the actors who see the resource but get 403;
 * every other actor must get 404 (401 without a token). The resource is always one pupil of 7A1 at
 * Nguyễn Trãi, their class, a Toán gradebook, a day of attendance and a leave request of theirs: the
 * actor's relation to it (own child / other family, teaches the class / another class, same school /
 * another school) is part of the actor.
 *
 * <p>Allowed cells must answer 2xx with the resource's data; denied cells a problem+json body that
 * names nothing of the resource the caller did not send, and a denied write changes nothing in the
 * pupil's and the class's partitions. An operation of openapi.yaml without a row fails the test.
 *
 * <p>Adding a route: one {@code op("METHOD /path")...} line below. Path parameters are filled from
 * {@link #parameters} ({@code {leaveRequestId}} is a fresh pending request for every cell); writes
 * give a body with {@code .body(...)}.
 */
@ExtendWith(LocalStackExtension.class)
class AuthorizationMatrixTest {

  /** Who calls, relative to the matrix pupil (7A1, Nguyễn Trãi). */
  enum Actor {
    ANONYMOUS("no token"),
    PARENT("parent of the pupil"),
    OTHER_PARENT("parent of another family, same school"),
    TEACHER("homeroom and Toán teacher of the class (nt-gv-03)"),
    COLLEAGUE("teaches the class another subject, not homeroom (nt-gv-05)"),
    OTHER_TEACHER("teacher of the same school, not of the class (nt-gv-01)"),
    STAFF("office staff of the school (nt-vp-01)"),
    OTHER_SCHOOL_STAFF("office staff of another school (lqd-vp-01)"),
    /**
     * The school's data-protection officer (nt-dpo-01; issue 18): the school's access log and consents
     * overview, none of the pupils' records (404 there, like an unrelated person); 403 where the
     * school's other people without the right role get it.
     */
    DPO("data-protection officer of the school (nt-dpo-01)");

    final String who;

    Actor(String who) {
      this.who = who;
    }
  }

  static final String CLASS = SeededApi.CLASS_7A1;
  static final String SUBJECT = "toan";
  /** A school day the seed did not mark (it starts on 7 September) and no other test uses. */
  static final LocalDate MATRIX_DAY = LocalDate.of(2026, 9, 4);
  static final String REASON = "Ma trận phân quyền: việc gia đình";
  static final String ANNOUNCEMENT_TITLE = "Ma trận phân quyền: thông báo lớp";

  /**
   * Every actor with a token. The DPO (issue 18) has a cell in every row: a row that does not name
   * it expects 404 (the pupils' records, like an unrelated person), and the school-level rows whose
   * other school members get 403 name it there too.
   */
  static final Actor[] SIGNED_IN = {PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF, OTHER_SCHOOL_STAFF, DPO};

  /** The declaration: one row per operation of openapi.yaml. Everything not allowed is denied. */
  static final List<Operation> MATRIX = List.of(
      op("GET /health").publicRoute(),
      op("GET /v1/me").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("schools")).isNotEmpty()),
      op("GET /v1/students/{studentId}/grades").query("term=" + SeededApi.TERM).allow(PARENT, TEACHER, COLLEAGUE, STAFF),
      op("GET /v1/students/{studentId}/grades/history").query("term=" + SeededApi.TERM + "&subject=" + SUBJECT)
          .allow(PARENT, TEACHER, COLLEAGUE, STAFF).unnamed() // the entries do not repeat the pupil's id
          .expect(body -> assertThat(body.get("items")).isNotEmpty()
              .allSatisfy(item -> assertThat(item.get("subject").asText()).isEqualTo(SUBJECT))),
      op("GET /v1/students/{studentId}/attendance").query("from=2026-10-01&to=2026-10-31")
          .allow(PARENT, TEACHER, COLLEAGUE, STAFF).expect(body -> assertThat(body.get("days")).isNotEmpty()),
      op("GET /v1/students/{studentId}/leave-requests").allow(PARENT, TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      op("GET /v1/students/{studentId}/leave-requests/{leaveRequestId}").allow(PARENT, TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("reason").asText()).isEqualTo(REASON)),
      op("POST /v1/students/{studentId}/leave-requests").body(World::leaveDraft)
          .allow(PARENT).forbid(TEACHER, COLLEAGUE, STAFF),
      op("GET /v1/classes/{classId}/gradebook/{subject}/{term}").allow(TEACHER, STAFF).forbid(COLLEAGUE)
          .expect(body -> assertThat(body.get("rows")).isNotEmpty()),
      op("PUT /v1/classes/{classId}/gradebook/{subject}/{term}").body(World::changedMarks).restore(World::restoreMarks)
          .allow(TEACHER).forbid(COLLEAGUE, STAFF),
      op("GET /v1/classes/{classId}/attendance/{date}").allow(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("entries")).isNotEmpty()),
      op("PUT /v1/classes/{classId}/attendance/{date}").body(World::marks).allow(TEACHER, COLLEAGUE).forbid(STAFF),
      op("GET /v1/classes/{classId}/attendance/{date}/history").allow(TEACHER, COLLEAGUE, STAFF).unnamed()
          .expect(body -> assertThat(body.get("items").isArray()).isTrue()),
      op("GET /v1/classes/{classId}/leave-requests").allow(TEACHER, STAFF).forbid(COLLEAGUE)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      // Only the homeroom teacher decides; whoever else can read the request is told so (403).
      op("PATCH /v1/leave-requests/{leaveRequestId}").body(w -> Map.of("status", "APPROVED", "note", "Đồng ý"))
          .allow(TEACHER).forbid(PARENT, COLLEAGUE, STAFF),
      // --- announcements: {announcementId} is a new announcement to the class from its homeroom teacher
      // (acknowledgement required). Families of the class read and acknowledge; its teachers and staff see it.
      op("POST /v1/announcements").body(World::announcementDraft).allow(TEACHER, COLLEAGUE, STAFF).forbid(PARENT),
      op("GET /v1/announcements").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("items").isArray()).isTrue()),
      op("GET /v1/announcements/{announcementId}").allow(PARENT, TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("title").asText()).isEqualTo(ANNOUNCEMENT_TITLE)),
      op("POST /v1/announcements/{announcementId}/read").allow(PARENT).forbid(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("read").asBoolean()).isTrue()),
      op("POST /v1/announcements/{announcementId}/ack").allow(PARENT).forbid(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("acknowledged").asBoolean()).isTrue()),
      op("GET /v1/announcements/{announcementId}/stats").allow(TEACHER, STAFF).forbid(PARENT, COLLEAGUE)
          .expect(body -> assertThat(body.get("families").asInt()).isPositive()),
      op("GET /v1/schools/{schoolId}/announcements").allow(TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF)
          .forbid(PARENT, OTHER_PARENT, DPO).expect(body -> assertThat(body.get("items").isArray()).isTrue()),
      // Messaging: the matrix conversation is the homeroom teacher's with the pupil's family. Only its
      // participants see it (other teachers of the class and the office included: 404).
      op("GET /v1/conversations").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("items").isArray()).isTrue()),
      // A parent names a teacher of the child's class; that teacher opens it themselves; the class's
      // other teachers and the office can see the pupil but not open it for someone else (403).
      op("POST /v1/conversations").body(World::startWithMessage).allow(PARENT, TEACHER).forbid(COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.at("/conversation/studentId").asText()).isNotBlank()),
      op("GET /v1/conversations/{conversationId}/messages").allow(PARENT, TEACHER)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      op("POST /v1/conversations/{conversationId}/messages").body(World::message).allow(PARENT, TEACHER),
      // Only the author edits (the message is the teacher's); the family sees it: 403.
      op("PATCH /v1/conversations/{conversationId}/messages/{messageId}").body(w -> Map.of("text", "Đã sửa: ma trận"))
          .allow(TEACHER).forbid(PARENT),
      op("POST /v1/conversations/{conversationId}/read").body(World::readMark).allow(PARENT, TEACHER),
      op("GET /v1/me/office-hours").allow(TEACHER, COLLEAGUE, OTHER_TEACHER).unnamed()
          .expect(body -> assertThat(body.get("windows").isArray()).isTrue()),
      op("PUT /v1/me/office-hours").body(World::officeHours).allow(TEACHER, COLLEAGUE, OTHER_TEACHER).unnamed(),
      // Push: every signed-in person manages their own devices and settings (their USER#{sub} partition).
      op("POST /v1/devices").body(World::newDevice).allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("schools")).isNotEmpty()),
      op("DELETE /v1/devices/{token}").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("removed").asInt()).isEqualTo(1)),
      op("GET /v1/me/notification-settings").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("quietHoursStart").asText()).matches("\\d\\d:\\d\\d")),
      op("PUT /v1/me/notification-settings").body(World::quietHours).allow(SIGNED_IN),
      // --- payments (issue 14): money is between the family and the school office; teachers see none of it.
      // {invoiceId} is a new open invoice of the pupil for every cell (a paid one for the receipt).
      op("POST /v1/fees").body(World::feeDraft).allow(STAFF).unnamed()
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO),
      op("GET /v1/students/{studentId}/invoices").allow(PARENT, STAFF)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      op("POST /v1/invoices/{invoiceId}/payments").body(w -> Map.of("method", "VIETQR")).allow(PARENT).forbid(STAFF),
      op("POST /v1/payments").body(World::paymentDraft).allow(PARENT).forbid(STAFF),
      op("POST /v1/invoices/{invoiceId}/cancel").body(w -> Map.of("reason", "Ma trận: thu nhầm")).allow(STAFF)
          .forbid(PARENT),
      op("POST /v1/invoices/{invoiceId}/cash-payments").body(w -> Map.of("amountVnd", World.MATRIX_FEE_VND))
          .allow(STAFF).forbid(PARENT),
      op("GET /v1/invoices/{invoiceId}/receipt").allow(PARENT, STAFF)
          .expect(body -> assertThat(body.get("number").asText()).startsWith("BL-")),
      op("GET /v1/schools/{schoolId}/fees/report").allow(STAFF)
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO),
      // VNPay's server-to-server IPN and the payer's return: public; unsigned, they change nothing (RspCode 97).
      op("GET /v1/payments/vnpay/ipn").publicRoute()
          .expect(body -> assertThat(body.get("RspCode").asText()).isEqualTo("97")),
      op("GET /v1/payments/vnpay/return").publicRoute()
          .expect(body -> assertThat(body.get("signatureValid").asBoolean()).isFalse()),
      // --- bank transfers and VietQR (paydocs). The webhooks are public, and a JWT is not their credential:
      // without the provider's signature every caller, anonymous or signed in, gets 401 and nothing is stored
      // (the signed path is proven over HTTP by BankTransferWebhookTest).
      op("POST /v1/payments/bank-transfers/sepay/{schoolId}").body(World::sepayNotification).signatureOnly(),
      op("POST /v1/payments/bank-transfers/casso/{schoolId}").body(World::cassoNotification).signatureOnly(),
      op("GET /v1/schools/{schoolId}/bank-transfers/review").allow(STAFF).unnamed()
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO)
          // The seed parks one transfer per school (DemoPayments).
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      // {reviewId} is a new transfer parked (no reference) for every cell.
      op("POST /v1/schools/{schoolId}/bank-transfers/review/{reviewId}/resolve")
          .body(w -> Map.of("action", "DISMISS", "reason", "Ma trận: không phải tiền học")).allow(STAFF).unnamed()
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO)
          .expect(body -> assertThat(body.get("status").asText()).isEqualTo("DISMISSED")),
      // {paymentId} is a new VIETQR payment the parent started for the pupil.
      op("GET /v1/payments/{paymentId}/vietqr").allow(PARENT, STAFF)
          .expect(body -> assertThat(body.get("payload").asText()).startsWith("000201010212")),
      // --- secondary e-records (issue 16): the class's teachers and staff read conduct; only the
      // homeroom teacher rates it (the other teachers and staff see the class: 403).
      op("GET /v1/classes/{classId}/conduct/{term}").allow(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("rows")).isNotEmpty()),
      op("PUT /v1/classes/{classId}/conduct/{term}").body(World::conductRating).allow(TEACHER).forbid(COLLEAGUE, STAFF),
      // The year report: the same readers as the grades. The class summary: homeroom teacher and staff.
      op("GET /v1/students/{studentId}/report/{schoolYear}").allow(PARENT, TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.at("/secondary/subjects")).isNotEmpty()),
      op("GET /v1/classes/{classId}/year-summary/{schoolYear}").allow(TEACHER, STAFF).forbid(COLLEAGUE)
          .expect(body -> assertThat(body.at("/secondary/rows")).isNotEmpty()),
      // Grading settings: the school's teachers and staff read, staff change; the school's families see
      // the school but not this (403); another school's staff: 404.
      op("GET /v1/schools/{schoolId}/grading-settings").allow(TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF)
          .forbid(PARENT, OTHER_PARENT, DPO).expect(body -> assertThat(body.get("commentRegularCount").asInt()).isPositive()),
      op("PUT /v1/schools/{schoolId}/grading-settings").body(World::gradingSettings).restore(World::restoreSettings)
          .allow(STAFF).forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO),
      // --- primary e-records (issue 16, Circular 27/2020): at the primary school (Kim Đồng), relative to a
      // pupil of 4A (World.PRIMARY_CLASS): its homeroom teacher teaches it Toán; the specialist teaches it
      // Ngoại ngữ 1 (COLLEAGUE); another class's homeroom teacher; the school's office.
      op("GET /v1/classes/{classId}/evaluations/{subject}/{term}").primary().allow(TEACHER, STAFF).forbid(COLLEAGUE)
          .expect(body -> assertThat(body.get("rows")).isNotEmpty()),
      op("PUT /v1/classes/{classId}/evaluations/{subject}/{term}").primary().body(World::changedEvaluation)
          .restore(World::restoreEvaluation).allow(TEACHER).forbid(COLLEAGUE, STAFF),
      op("GET /v1/classes/{classId}/competencies/{term}").primary().allow(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("qualities")).hasSize(15)),
      op("PUT /v1/classes/{classId}/competencies/{term}").primary().body(World::changedCompetencies)
          .restore(World::restoreCompetencies).allow(TEACHER).forbid(COLLEAGUE, STAFF),
      // --- record book (học bạ PDF): the family, the homeroom teacher, staff; a subject teacher sees the marks, not
      // the book (404). A class's books: its homeroom teacher and staff; its other teachers 403.
      op("GET /v1/students/{studentId}/record-book/{schoolYear}").allow(PARENT, TEACHER, STAFF).pdf(),
      op("GET /v1/classes/{classId}/record-books/{schoolYear}").allow(TEACHER, STAFF).forbid(COLLEAGUE).pdf(),
      // Roster import (issue 15): the school's office staff only, everyone else 404. The file is one
      // row the reader rejects, so that a confirmation changes nothing but the import (the seed's
      // school stays as it is); {importId} is a fresh dry run of it for every cell.
      op("POST /v1/schools/{schoolId}/roster").upload(World::rosterFile, "text/csv").allow(STAFF)
          .expect(body -> assertThat(body.get("status").asText()).isEqualTo("PLANNED")),
      op("GET /v1/schools/{schoolId}/roster/imports/{importId}").allow(STAFF)
          .expect(body -> assertThat(body.at("/counts/rejected").asInt()).isEqualTo(1)),
      op("GET /v1/schools/{schoolId}/roster/imports/{importId}/rows").allow(STAFF).unnamed()
          .expect(body -> assertThat(body.get("items").findValuesAsText("action")).containsExactly("REJECTED")),
      op("POST /v1/schools/{schoolId}/roster/imports/{importId}/confirm").body(World::rosterConfirmation)
          .allow(STAFF).restore(World::queuesIdle)
          .expect(body -> assertThat(body.get("status").asText()).isIn("RUNNING", "DONE")),
      // Privacy (issue 18): the school's notice, read by anyone of the school, published by its office (a new
      // version each allowed cell); consent by the pupil's parent for their own child (a new version to consent to
      // since the row above; withdrawn, then given again by restore); anyone else 404.
      op("GET /v1/schools/{schoolId}/privacy-notice").allow(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF, DPO)
          .expect(body -> assertThat(body.get("bodyVi").asText()).isNotBlank()),
      op("PUT /v1/schools/{schoolId}/privacy-notice").body(World::noticeDraft).allow(STAFF)
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, DPO)
          .expect(body -> assertThat(body.get("titleVi").asText()).startsWith("Ma trận")),
      op("GET /v1/me/consents").allow(SIGNED_IN)
          .expect(body -> assertThat(body.get("items").isArray()).isTrue()),
      op("POST /v1/me/consents").body(World::consentGrant).allow(PARENT)
          .expect(body -> assertThat(body.get("status").asText()).isEqualTo("GIVEN")),
      op("DELETE /v1/me/consents/{studentId}").allow(PARENT).restore(World::consentAgain)
          .expect(body -> assertThat(body.get("status").asText()).isEqualTo("WITHDRAWN")),
      // --- access log (issue 18): the pupil's family and the school's DPO; the pupil's teachers and staff
      // see the pupil but not who looked (403). The rows above have teachers and staff read the pupil.
      op("GET /v1/students/{studentId}/access-log").allow(PARENT, DPO).forbid(TEACHER, COLLEAGUE, STAFF)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      op("GET /v1/schools/{schoolId}/access-log").allow(DPO)
          .forbid(PARENT, OTHER_PARENT, TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF)
          .expect(body -> assertThat(body.get("items")).isNotEmpty()),
      // --- privacy: data export (issue 18). Anyone signed in exports their own data (a job of their own: the
      // same one again within the hour); a job is its owner's alone: {exportId} is the parent's, everyone else 404.
      // (Each allowed cell waits for its job: the worker changes the job item, which a later cell's
      // "a denied write changes nothing" would otherwise see.)
      op("POST /v1/me/export").body(World::exportRequest).allow(SIGNED_IN).restore(World::queuesIdle)
          .expect(body -> assertThat(body.get("requestedAt").asText()).endsWith("+07:00")),
      op("GET /v1/me/exports/{exportId}").allow(PARENT)
          .expect(body -> assertThat(body.get("status").asText())
              .isIn("QUEUED", "RUNNING", "READY", "DOWNLOADED", "EXPIRED", "FAILED")),
      // --- erasure (issue 18, point 4): a parent erases their own account (204); teachers and staff are told
      // that the school manages theirs (403). An allowed cell runs as a stand-in with the actor's grants.
      op("DELETE /v1/me").consumesCaller().allow(PARENT, OTHER_PARENT)
          .forbid(TEACHER, COLLEAGUE, OTHER_TEACHER, STAFF, OTHER_SCHOOL_STAFF, DPO));

  private final SeededApi seeded;
  private final ApiClient anonymous;

  AuthorizationMatrixTest(LocalStack stack, ApiClient api) {
    this.anonymous = api;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void every_operation_should_allow_exactly_the_declared_actors_and_leak_nothing_to_the_others() throws IOException {
    Map<String, Map<String, Object>> spec = OpenApi.read().byRouteKey();
    assertThat(undeclared(spec.keySet(), MATRIX)).as("operations of openapi.yaml without a row in the matrix").isEmpty();
    assertThat(contradictions(spec, MATRIX)).as("rows that contradict openapi.yaml").isEmpty();

    World world = new World(seeded);
    Map<Actor, ApiClient> clients = new EnumMap<>(Actor.class);
    Map<Actor, ApiClient> primaryClients = new EnumMap<>(Actor.class);
    for (Actor actor : Actor.values()) {
      clients.put(actor, actor == ANONYMOUS ? anonymous : seeded.as(world.users.get(actor)));
      primaryClients.put(actor, actor == ANONYMOUS ? anonymous : seeded.as(world.primaryUsers.get(actor)));
    }
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (Operation operation : MATRIX) {
      // Denied cells first, so that an allowed write cannot hide what a denied one would have done.
      List<Actor> order = new ArrayList<>();
      for (Actor actor : Actor.values()) {
        if (!operation.allows(actor)) {
          order.add(actor);
        }
      }
      for (Actor actor : Actor.values()) {
        if (operation.allows(actor)) {
          order.add(actor);
        }
      }
      for (Actor actor : order) {
        cells++;
        world.actor = actor;
        Cell cell = new Cell(operation, actor);
        try {
          run(cell, world, operation.consumesCaller && operation.allows(actor) ? world.standIn(actor)
              : (operation.primary ? primaryClients : clients).get(actor));
        } catch (AssertionError | RuntimeException e) {
          failures.add(cell + ": " + e.getMessage());
        }
      }
    }
    String summary = String.format("Authorization matrix: %d operations x %d actors = %d cells, %d failed, %d leaks",
        MATRIX.size(), Actor.values().length, cells, failures.size(), leaks.size());
    System.out.println(summary);
    TestSummaries.write("authorization-matrix", summary);
    assertThat(cells).isEqualTo(MATRIX.size() * Actor.values().length);
    assertThat(failures).as("cells that did not answer as declared").isEmpty();
    assertThat(leaks).as("denied cells that answered with data").isEmpty();
  }

  /** Denied cells that answered 2xx or named something of the resource. */
  private final List<Cell> leaks = new ArrayList<>();

  /** Runs one cell; throws when the answer is not the declared one, and records a leak. */
  private void run(Cell cell, World world, ApiClient client) {
    Operation operation = cell.operation;
    Map<String, String> values = world.parameters(operation);
    String path = operation.path(values);
    Object body = operation.body == null ? null : operation.body.apply(world);
    boolean write = !operation.method.equals("GET");
    List<Map<String, AttributeValue>> before = write ? world.snapshot(values) : null;

    ApiClient.Response response = operation.contentType == null ? client.send(operation.method, path, body)
        : client.send(operation.method, path, (byte[]) body, Map.of("Content-Type", operation.contentType));

    String sent = path + (body == null ? "" : body.toString());
    int status = response.status();
    if (operation.allows(cell.actor) && operation.consumesCaller) { // erasure: 204, the stand-in is gone, a retry is 204
      assertThat(status).as(response.text()).isEqualTo(204);
      assertThat(client.get("/v1/me").body().get("schools")).as("the erased stand-in's grants").isEmpty();
      assertThat(client.send(operation.method, path, null).status()).isEqualTo(204);
      return;
    }
    if (operation.allows(cell.actor)) {
      assertThat(status).as(response.text()).isBetween(200, 299);
      assertThat(response.header("content-type")).startsWith(operation.mediaType);
      if (operation.mediaType.equals("application/pdf")) {
        assertThat(response.text()).startsWith("%PDF-");
      }
      for (String value : operation.unnamed ? List.<String>of() : values.values()) {
        if (!value.equals(SeededApi.TERM)) {
          assertThat(response.text()).as("the answer names the resource").contains(value);
        }
      }
      if (operation.expect != null) {
        operation.expect.accept(response.body());
      }
      if (write) {
        assertThat(world.snapshot(values)).as("an allowed write changes the pupil or the class").isNotEqualTo(before);
      }
      if (operation.restore != null) {
        operation.restore.accept(world);
      }
      return;
    }
    if (status < 300 || world.secrets(status).stream()
        .anyMatch(secret -> !sent.contains(secret) && problemText(response).contains(secret))) {
      leaks.add(cell);
    }
    int expected = operation.signatureOnly || cell.actor == ANONYMOUS ? 401
        : operation.forbidden.contains(cell.actor) ? 403 : 404;
    assertThat(status).as(response.text()).isEqualTo(expected);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(response.body().path("status").asInt()).isEqualTo(expected);
    for (String secret : world.secrets(status)) {
      if (!sent.contains(secret)) {
        assertThat(problemText(response)).as("a denied answer names nothing of the resource").doesNotContain(secret);
      }
    }
    if (write) {
      assertThat(world.snapshot(values)).as("a denied write changes nothing").isEqualTo(before);
    }
  }

  /** The body without its {@code instance} (a random request id could spell anything). */
  private static String problemText(ApiClient.Response response) {
    if (response.body() instanceof com.fasterxml.jackson.databind.node.ObjectNode problem) {
      return problem.deepCopy().without("instance").toString();
    }
    return response.text();
  }

  @Test
  void an_operation_of_the_spec_without_a_row_should_be_reported() throws IOException {
    Set<String> spec = new TreeSet<>(OpenApi.read().byRouteKey().keySet());
    spec.add("DELETE /v1/students/{studentId}");

    assertThat(undeclared(spec, MATRIX)).containsExactly("DELETE /v1/students/{studentId}");
  }

  @Test
  void a_row_for_an_operation_the_spec_does_not_have_or_a_403_the_spec_does_not_document_should_be_reported()
      throws IOException {
    Map<String, Map<String, Object>> spec = OpenApi.read().byRouteKey();
    List<Operation> rows = List.of(
        op("GET /v1/no-such-route").allow(STAFF),
        op("GET /v1/students/{studentId}/grades").allow(PARENT),
        op("GET /v1/students/{studentId}/grades").allow(PARENT).forbid(STAFF),
        op("GET /v1/me").allow(PARENT),
        op("GET /v1/me").publicRoute(),
        op("GET /health").allow(PARENT));

    assertThat(contradictions(spec, rows)).containsExactlyInAnyOrder(
        "GET /v1/no-such-route: not in openapi.yaml",
        "GET /v1/students/{studentId}/grades: 403 for [STAFF] but openapi.yaml documents no 403",
        "GET /v1/students/{studentId}/grades: declared more than once",
        "GET /v1/me: declared more than once",
        "GET /v1/me: public here but not in openapi.yaml (security: [])",
        "GET /health: public in openapi.yaml but not here");
  }

  /** Operations of the spec that no row declares. */
  static Set<String> undeclared(Set<String> specOperations, List<Operation> rows) {
    Set<String> missing = new TreeSet<>(specOperations);
    rows.forEach(row -> missing.remove(row.routeKey()));
    return missing;
  }

  /** Rows that the spec contradicts: unknown operations, undocumented 403s, public or not, duplicates. */
  static List<String> contradictions(Map<String, Map<String, Object>> spec, List<Operation> rows) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Operation row : rows) {
      String key = row.routeKey();
      if (!seen.add(key)) {
        problems.add(key + ": declared more than once");
      }
      Map<String, Object> operation = spec.get(key);
      if (operation == null) {
        problems.add(key + ": not in openapi.yaml");
        continue;
      }
      Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
      if (!row.forbidden.isEmpty() && !responses.containsKey("403")) {
        problems.add(key + ": 403 for " + row.forbidden + " but openapi.yaml documents no 403");
      }
      boolean specPublic = operation.get("security") instanceof List<?> list && list.isEmpty();
      if (row.isPublic && !specPublic) {
        problems.add(key + ": public here but not in openapi.yaml (security: [])");
      } else if (!row.isPublic && specPublic) {
        problems.add(key + ": public in openapi.yaml but not here");
      } else if (!row.isPublic && !responses.containsKey("401")) {
        problems.add(key + ": openapi.yaml documents no 401");
      }
    }
    return problems;
  }

  static Operation op(String routeKey) {
    return new Operation(routeKey);
  }

  /** One row of the matrix: an operation, who may call it, who gets 403, and how to call it. */
  static final class Operation {
    final String method;
    final String template;
    final Set<Actor> allowed = EnumSet.noneOf(Actor.class);
    final Set<Actor> forbidden = EnumSet.noneOf(Actor.class);
    boolean isPublic;
    /** Public, but authorized by a provider's signature only: every actor, token or not, gets 401. */
    boolean signatureOnly;
    boolean unnamed;
    /** About the primary school's pupil and class ({@link World#PRIMARY_CLASS}), with its actors. */
    boolean primary;
    /** What an allowed answer is: JSON, or a document ({@link #pdf}). */
    String mediaType = "application/json";
    String query;
    Function<World, Object> body;
    /** The body's media type when it is not JSON (then {@code body} makes bytes). */
    String contentType;
    Consumer<JsonNode> expect;
    Consumer<World> restore;
    boolean consumesCaller;

    Operation(String routeKey) {
      String[] parts = routeKey.split(" ", 2);
      this.method = parts[0];
      this.template = parts[1];
    }

    String routeKey() {
      return method + " " + template;
    }

    /** No token needed, and none suffices: a webhook whose only credential is the provider's signature. */
    Operation signatureOnly() {
      isPublic = true;
      signatureOnly = true;
      return this;
    }

    /** No token needed: every actor is allowed, anonymous too. */
    Operation publicRoute() {
      isPublic = true;
      allowed.addAll(EnumSet.allOf(Actor.class));
      return this;
    }

    Operation allow(Actor... actors) {
      allowed.addAll(List.of(actors));
      return this;
    }

    /** Denied with 403: they can see the resource but may not do this (openapi.yaml must document 403). */
    Operation forbid(Actor... actors) {
      forbidden.addAll(List.of(actors));
      return this;
    }

    Operation query(String queryString) {
      this.query = queryString;
      return this;
    }

    Operation body(Function<World, Object> makeBody) {
      this.body = makeBody;
      return this;
    }

    /** The resource is the primary school's (issue 16): the primary pupil and class, and the actors around them. */
    Operation primary() {
      primary = true;
      return this;
    }

    /** A body of another media type than JSON (an upload). */
    Operation upload(Function<World, Object> makeBytes, String type) {
      this.body = makeBytes;
      this.contentType = type;
      return this;
    }

    /** An allowed answer need not repeat the path's ids (by default it must). */
    Operation unnamed() {
      unnamed = true;
      return this;
    }

    /** An allowed answer is a PDF (the record book), which does not spell the path's ids. */
    Operation pdf() {
      mediaType = "application/pdf";
      unnamed = true;
      return this;
    }

    /** More to check in an allowed cell's answer. */
    Operation expect(Consumer<JsonNode> check) {
      this.expect = check;
      return this;
    }

    /**
     * The operation consumes its caller (DELETE /v1/me erases them): an allowed cell answers 204 and runs
     * as a stand-in, a new account with the actor's grants ({@link World#standIn}), so that the actors stay.
     */
    Operation consumesCaller() {
      consumesCaller = true;
      return this;
    }

    /** Undoes an allowed write that other tests could see. */
    Operation restore(Consumer<World> undo) {
      this.restore = undo;
      return this;
    }

    boolean allows(Actor actor) {
      return allowed.contains(actor);
    }

    List<String> parameterNames() {
      List<String> names = new ArrayList<>();
      Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return names;
    }

    String path(Map<String, String> values) {
      String path = template;
      for (var entry : values.entrySet()) {
        path = path.replace("{" + entry.getKey() + "}", entry.getValue());
      }
      return query == null ? path : path + "?" + query;
    }
  }

  record Cell(Operation operation, Actor actor) {
    @Override
    public String toString() {
      return operation.routeKey() + " as " + actor + " (" + actor.who + ")";
    }
  }

  /**
   * The resources of the matrix and the people around them, found through the API. The pupil is a
   * 7A1 pupil whose parents no other test signs in as (other tests take parents from the start of
   * the list), and whose only children are at Nguyễn Trãi.
   */
  static final class World {
    final SeededApi seeded;
    final Map<Actor, String> users = new EnumMap<>(Actor.class);
    final String pupil;
    final Set<String> rosterIds = new LinkedHashSet<>();
    final Set<String> rosterNames = new LinkedHashSet<>();
    private JsonNode originalRow;
    private int markCount;

    // --- the primary school (issue 16): a 4A pupil at Kim Đồng and the people around them.
    static final String PRIMARY_CLASS = "kd-2026-4a";
    final Map<Actor, String> primaryUsers = new EnumMap<>(Actor.class);
    final String primaryPupil;
    final Set<String> primaryRosterIds = new LinkedHashSet<>();
    final Set<String> primaryRosterNames = new LinkedHashSet<>();
    private JsonNode originalEvaluation;
    private JsonNode originalCompetencies;

    private int standIns;

    /** A new account with the actor's grants (erasure cells consume their caller). */
    ApiClient standIn(Actor actor) {
      String sub = "matrix-stand-in-" + actor.name().toLowerCase(Locale.ROOT) + "-" + (++standIns);
      var directory = new vn.lienlac.functions.identity.DirectoryRepository(seeded.stack().dynamo(), seeded.stack().clock());
      directory.caller(users.get(actor)).grants().forEach(grant -> directory.grant(sub, grant));
      return new ApiClient(seeded.stack().baseUri()).withToken(seeded.stack().issueToken(
          new DevUser(sub, "Stand-in", "PARENT", SeededApi.NGUYEN_TRAI, "", "matrix"), java.time.Duration.ofHours(1)));
    }

    World(SeededApi seeded) {
      this.seeded = seeded;
      List<DevUser> parents = seeded.stack().users().stream()
          .filter(u -> u.role().equals("PARENT") && u.schoolId().equals(SeededApi.NGUYEN_TRAI)).toList().reversed();
      String found = null;
      String parent = null;
      for (DevUser user : parents) {
        List<Child> children = seeded.children(user.id());
        if (children.stream().allMatch(c -> c.schoolId().equals(SeededApi.NGUYEN_TRAI))) {
          var inClass = children.stream().filter(c -> c.classId().equals(CLASS)).findFirst();
          if (inClass.isPresent()) {
            found = inClass.get().studentId();
            parent = user.id();
            break;
          }
        }
      }
      assertThat(found).as("a 7A1 pupil with a parent account").isNotNull();
      this.pupil = found;
      String pupilId = found;
      // Another family: no child in the pupil's class either (a class's announcements are theirs to read).
      String otherParent = parents.stream().map(DevUser::id)
          .filter(id -> seeded.children(id).stream().noneMatch(c -> c.studentId().equals(pupilId)
              || c.classId().equals(CLASS)))
          .findFirst().orElseThrow();
      users.put(PARENT, parent);
      users.put(OTHER_PARENT, otherParent);
      users.put(TEACHER, SeededApi.TEACHER_7A1);
      users.put(COLLEAGUE, "nt-gv-05");
      users.put(OTHER_TEACHER, SeededApi.TEACHER_6A1);
      users.put(STAFF, "nt-vp-01");
      users.put(OTHER_SCHOOL_STAFF, "lqd-vp-01");
      users.put(DPO, "nt-dpo-01");

      JsonNode book = seeded.as(users.get(STAFF)).get(gradebookPath()).body();
      book.get("rows").forEach(row -> {
        rosterIds.add(row.get("studentId").asText());
        rosterNames.add(row.get("fullName").asText());
        if (row.get("studentId").asText().equals(pupilId)) {
          originalRow = row;
        }
      });
      assertThat(originalRow).isNotNull();
      // Something for the leave lists to show.
      newLeaveRequest();
      // Messaging: the homeroom teacher's conversation with the pupil's family, with a first message.
      ApiClient.Response started = seeded.as(users.get(TEACHER)).post("/v1/conversations",
          Map.of("studentId", pupil, "text", "Ma trận: lời chào", "clientMessageId", UUID.randomUUID().toString()));
      assertThat(started.status()).as(started.text()).isBetween(200, 201);
      conversationId = started.body().at("/conversation/id").asText();

      // Primary: the last family of the school with a child in 4A (other tests take families from the start).
      List<DevUser> primaryParents = seeded.stack().users().stream()
          .filter(u -> u.role().equals("PARENT") && u.schoolId().equals(SeededApi.KIM_DONG)).toList().reversed();
      String primaryParent = null;
      String primaryChild = null;
      for (DevUser user : primaryParents) {
        var inClass = seeded.children(user.id()).stream().filter(c -> c.classId().equals(PRIMARY_CLASS)).findFirst();
        if (inClass.isPresent()) {
          primaryParent = user.id();
          primaryChild = inClass.get().studentId();
          break;
        }
      }
      assertThat(primaryChild).as("a 4A pupil with a parent account").isNotNull();
      this.primaryPupil = primaryChild;
      String primaryPupilId = primaryChild;
      primaryUsers.put(PARENT, primaryParent);
      primaryUsers.put(OTHER_PARENT, primaryParents.stream().map(DevUser::id)
          .filter(id -> seeded.children(id).stream().noneMatch(c -> c.classId().equals(PRIMARY_CLASS)))
          .findFirst().orElseThrow());
      primaryUsers.put(TEACHER, "kd-gv-04");
      primaryUsers.put(COLLEAGUE, "kd-gv-06");
      primaryUsers.put(OTHER_TEACHER, "kd-gv-01");
      primaryUsers.put(STAFF, "kd-vp-01");
      primaryUsers.put(OTHER_SCHOOL_STAFF, "lqd-vp-01");
      primaryUsers.put(DPO, "kd-dpo-01");
      JsonNode evaluations = seeded.as(primaryUsers.get(STAFF)).get(evaluationsPath()).body();
      evaluations.get("rows").forEach(row -> {
        primaryRosterIds.add(row.get("studentId").asText());
        primaryRosterNames.add(row.get("fullName").asText());
        if (row.get("studentId").asText().equals(primaryPupilId)) {
          originalEvaluation = row.get("points").get("MID_TERM_1");
        }
      });
      seeded.as(primaryUsers.get(STAFF)).get(competenciesPath()).body().get("rows").forEach(row -> {
        if (row.get("studentId").asText().equals(primaryPupilId)) {
          originalCompetencies = row.get("points").get("MID_TERM_1");
        }
      });
      assertThat(originalEvaluation).as("the seed's Toán mark of the primary pupil at mid-term 1").isNotNull();
      assertThat(originalCompetencies).as("the seed's qualities of the primary pupil at mid-term 1").isNotNull();
    }

    String evaluationsPath() {
      return "/v1/classes/" + PRIMARY_CLASS + "/evaluations/" + SUBJECT + "/" + SeededApi.TERM;
    }

    String competenciesPath() {
      return "/v1/classes/" + PRIMARY_CLASS + "/competencies/" + SeededApi.TERM;
    }

    /** The primary pupil's Toán mark at mid-term 1 with a new comment each call. */
    Object changedEvaluation() {
      var mark = ((com.fasterxml.jackson.databind.node.ObjectNode) originalEvaluation.deepCopy())
          .put("comment", "Ma trận " + ++markCount);
      return Map.of("rows", List.of(Map.of("studentId", primaryPupil, "points", Map.of("MID_TERM_1", mark))));
    }

    void restoreEvaluation() {
      ApiClient.Response restored = seeded.as(primaryUsers.get(TEACHER)).put(evaluationsPath(), Map.of("rows",
          List.of(Map.of("studentId", primaryPupil, "points", Map.of("MID_TERM_1", originalEvaluation)))));
      assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    }

    /** The primary pupil's qualities at mid-term 1 with a new comment each call. */
    Object changedCompetencies() {
      var assessment = ((com.fasterxml.jackson.databind.node.ObjectNode) originalCompetencies.deepCopy())
          .put("comment", "Ma trận " + ++markCount);
      return Map.of("rows", List.of(Map.of("studentId", primaryPupil, "points", Map.of("MID_TERM_1", assessment))));
    }

    void restoreCompetencies() {
      ApiClient.Response restored = seeded.as(primaryUsers.get(TEACHER)).put(competenciesPath(), Map.of("rows",
          List.of(Map.of("studentId", primaryPupil, "points", Map.of("MID_TERM_1", originalCompetencies)))));
      assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    }

    // --- messaging ---
    String conversationId;
    private int messageCount;

    /** A new message of the teacher in the matrix conversation, for the PATCH to aim at. */
    String newTeacherMessage() {
      ApiClient.Response sent = seeded.as(users.get(TEACHER)).post("/v1/conversations/" + conversationId + "/messages",
          message());
      assertThat(sent.status()).as(sent.text()).isEqualTo(201);
      return sent.body().get("id").asText();
    }

    Object message() {
      return Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "Ma trận: tin " + ++messageCount);
    }

    /** Start the matrix conversation again (it exists: the same one) with a new first message. */
    Object startWithMessage() {
      return Map.of("studentId", pupil, "teacherId", users.get(TEACHER), "clientMessageId", UUID.randomUUID().toString(),
          "text", "Ma trận: mở lại " + ++messageCount);
    }

    /** Read up to the newest message. */
    Object readMark() {
      ApiClient.Response page = seeded.as(users.get(TEACHER)).get("/v1/conversations/" + conversationId + "/messages?limit=1");
      return Map.of("upTo", page.body().at("/items/0/id").asText());
    }

    /** Different hours each call, so that every allowed cell changes them. */
    Object officeHours() {
      return Map.of("windows", List.of(Map.of("day", "MONDAY", "start", "19:00",
          "end", String.format("20:%02d", ++messageCount % 60))));
    }

    /** Path parameters; {@code {leaveRequestId}} is a new pending request each time. */
    Map<String, String> parameters(Operation operation) {
      Map<String, String> values = new LinkedHashMap<>();
      if (operation.primary) {
        for (String name : operation.parameterNames()) {
          values.put(name, switch (name) {
            case "studentId" -> primaryPupil;
            case "classId" -> PRIMARY_CLASS;
            case "subject" -> SUBJECT;
            case "term" -> SeededApi.TERM;
            default -> throw new AssertionError("No primary value for {" + name + "}: add one to World.parameters");
          });
        }
        return values;
      }
      for (String name : operation.parameterNames()) {
        values.put(name, switch (name) {
          case "studentId" -> pupil;
          case "classId" -> CLASS;
          case "subject" -> SUBJECT;
          case "term" -> SeededApi.TERM;
          case "date" -> operation.method.equals("GET") ? "2026-11-20" : MATRIX_DAY.toString();
          case "leaveRequestId" -> newLeaveRequest();
          case "announcementId" -> newAnnouncement();
          case "schoolId" -> SeededApi.NGUYEN_TRAI;
          case "conversationId" -> conversationId;
          case "messageId" -> newTeacherMessage();
          case "token" -> registeredToken();
          case "invoiceId" -> operation.template.endsWith("/receipt") ? paidInvoice() : newInvoice();
          case "reviewId" -> parkedTransfer();
          case "paymentId" -> vietqrPayment();
          case "schoolYear" -> SeededApi.SCHOOL_YEAR;
          case "importId" -> newRosterImport();
          case "exportId" -> parentsExport();
          default -> throw new AssertionError("No value for {" + name + "}: add one to World.parameters");
        });
      }
      return values;
    }

    Map<String, Object> announcementDraft() {
      return Map.of("schoolId", SeededApi.NGUYEN_TRAI, "scope", "CLASS", "classId", CLASS, "title", ANNOUNCEMENT_TITLE,
          "body", "Nội dung thông báo của ma trận phân quyền", "acknowledgementRequired", true);
    }

    /**
     * The body of an export request. Each cell starts with no latest export for its actor (its {@code EXPORT} item
     * is removed: another test or cell of this JVM may have exported within the hour, and the request would then
     * answer that job and write nothing).
     */
    Map<String, Object> exportRequest() {
      if (actor != null && actor != ANONYMOUS) {
        var table = seeded.stack().dynamo();
        table.client().deleteItem(r -> r.tableName(table.tableName()).key(Map.of("pk",
            AttributeValue.fromS("USER#" + users.get(actor)), "sk", AttributeValue.fromS("EXPORT"))));
      }
      return Map.of("language", "vi");
    }

    /** The parent's export job (the same one each time within the hour). */
    String parentsExport() {
      ApiClient.Response job = seeded.as(users.get(PARENT)).post("/v1/me/export", exportRequest());
      assertThat(job.status()).as(job.text()).isEqualTo(202);
      queuesIdle(); // the worker finishes it now, not during a later cell's "a denied write changes nothing"
      return job.body().get("id").asText();
    }

    String newAnnouncement() {
      ApiClient.Response created = seeded.as(users.get(TEACHER)).post("/v1/announcements", announcementDraft());
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      return created.body().get("id").asText();
    }

    private int deviceCount;

    /** A new FCM-like token each call. */
    Map<String, Object> newDevice() {
      return Map.of("token", "matrix-token:" + ++deviceCount, "platform", "android", "language", "vi");
    }

    /** The actor of the cell being run. */
    Actor actor;

    /**
     * A token the cell's actor registered (the parent's for an anonymous cell), so that an allowed
     * DELETE removes a registration of the caller's own. (One token, one owner per school: a second
     * account registering it takes it over.)
     */
    String registeredToken() {
      String token = "matrix-delete:" + ++deviceCount;
      String owner = users.get(actor == ANONYMOUS ? PARENT : actor);
      var registered = seeded.as(owner).post("/v1/devices", Map.of("token", token, "platform", "ios", "language", "en"));
      assertThat(registered.status()).as(registered.text()).isEqualTo(200);
      return token;
    }

    // Privacy (issue 18).
    private int notices;

    /** The school's current notice version, as its office reads it. */
    int noticeVersion() {
      var notice = seeded.as(users.get(STAFF)).get("/v1/schools/" + SeededApi.NGUYEN_TRAI + "/privacy-notice");
      assertThat(notice.status()).as(notice.text()).isEqualTo(200);
      return notice.body().get("version").asInt();
    }

    /** The next version of the notice, on top of the current one. */
    Map<String, Object> noticeDraft() {
      return Map.of("baseVersion", noticeVersion(), "titleVi", "Ma trận phân quyền: thông báo " + ++notices,
          "bodyVi", "Nội dung thông báo xử lý dữ liệu.", "titleEn", "Matrix notice", "bodyEn", "Notice text.",
          "dpoContact", "Văn phòng nhà trường");
    }

    /** Consent for the matrix pupil to the current notice. */
    Map<String, Object> consentGrant() {
      return Map.of("studentId", pupil, "noticeVersion", noticeVersion(), "channel", "APP");
    }

    /** The parent consents again after a withdrawal (the rows after it, and other tests, expect consent). */
    void consentAgain() {
      var given = seeded.as(users.get(PARENT)).post("/v1/me/consents", consentGrant());
      assertThat(given.status()).as(given.text()).isEqualTo(200);
    }

    /** Different quiet hours each call, so that every allowed cell changes the settings. */
    Map<String, Object> quietHours() {
      return Map.of("quietHoursEnabled", true, "quietHoursStart", String.format("2%d:00", ++deviceCount % 4),
          "quietHoursEnd", "06:30");
    }

    static final long MATRIX_FEE_VND = 150_000;
    private int fees;

    /** A new fee for the matrix pupil alone (its content differs each call, so it is a new fee). */
    Map<String, Object> feeDraft() {
      return Map.of("schoolId", SeededApi.NGUYEN_TRAI, "name", "Ma trận phí " + ++fees + " " + System.nanoTime(),
          "amountVnd", MATRIX_FEE_VND, "dueDate", SeededApi.today().plusDays(30).toString(), "scope", "PUPILS",
          "studentIds", List.of(pupil));
    }

    /** A new open invoice of the pupil, through the API (staff create a fee for the pupil alone). */
    String newInvoice() {
      ApiClient staff = seeded.as(users.get(STAFF));
      ApiClient.Response fee = staff.post("/v1/fees", feeDraft());
      assertThat(fee.status()).as(fee.text()).isEqualTo(201);
      String feeId = fee.body().get("id").asText();
      for (JsonNode invoice : staff.get("/v1/students/" + pupil + "/invoices").body().get("items")) {
        if (invoice.get("feeId").asText().equals(feeId)) {
          return invoice.get("id").asText();
        }
      }
      throw new AssertionError("no invoice of fee " + feeId);
    }

    /** A new invoice of the pupil, paid in cash at the office (it has a receipt). */
    String paidInvoice() {
      String invoiceId = newInvoice();
      ApiClient.Response cash = seeded.as(users.get(STAFF)).post("/v1/invoices/" + invoiceId + "/cash-payments",
          Map.of("amountVnd", MATRIX_FEE_VND));
      assertThat(cash.status()).as(cash.text()).isEqualTo(201);
      return invoiceId;
    }

    private long bankIds = 900_000;

    /** A SePay notification with no payment reference in its note (parked when signed). */
    Map<String, Object> sepayNotification() {
      return Map.of("id", ++bankIds, "gateway", "VietinBank", "transactionDate", "2026-11-21 09:30:00",
          "accountNumber", "1133666688", "content", "Ma tran chuyen tien", "transferType", "in",
          "transferAmount", MATRIX_FEE_VND, "referenceCode", "FT" + bankIds);
    }

    Map<String, Object> cassoNotification() {
      return Map.of("error", 0, "data", Map.of("id", ++bankIds, "amount", MATRIX_FEE_VND, "description",
          "Ma tran chuyen tien", "accountNumber", "1133666688", "reference", "FT" + bankIds));
    }

    /** A new bank transfer parked in the school's review queue, through the signed SePay webhook (dev key). */
    String parkedTransfer() {
      Map<String, Object> notification = sepayNotification();
      ApiClient.Response parked = anonymousClient().send("POST",
          "/v1/payments/bank-transfers/sepay/" + SeededApi.NGUYEN_TRAI, notification,
          Map.of("authorization", "Apikey dev-sepay-" + SeededApi.NGUYEN_TRAI));
      assertThat(parked.status()).as(parked.text()).isEqualTo(200);
      return "sepay-" + notification.get("id");
    }

    /** A new VIETQR payment the parent started for a new invoice of the pupil. */
    String vietqrPayment() {
      ApiClient.Response payment = seeded.as(users.get(PARENT)).post("/v1/payments", paymentDraft());
      assertThat(payment.status()).as(payment.text()).isEqualTo(201);
      return payment.body().get("id").asText();
    }

    /** One row (row 2) without a name: the reader rejects it; the import plans nothing else. */
    byte[] rosterFile() {
      return "Mã định danh,Họ và tên,Ngày sinh,Lớp\n0199999999,,01/01/2014,7A1\n".getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode rosterImport;

    /** A new dry run of {@link #rosterFile} by the office (PLANNED). */
    String newRosterImport() {
      ApiClient.Response created = seeded.as(users.get(STAFF)).send("POST",
          "/v1/schools/" + SeededApi.NGUYEN_TRAI + "/roster", rosterFile(), Map.of("Content-Type", "text/csv"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      rosterImport = created.body();
      return rosterImport.get("importId").asText();
    }

    Map<String, Object> rosterConfirmation() {
      return Map.of("counts", rosterImport.get("counts"));
    }

    /** The confirmed import's job has finished (it writes its progress after the answer). */
    void queuesIdle() {
      try {
        seeded.stack().events().awaitIdle(java.time.Duration.ofMinutes(2));
      } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
        throw new AssertionError("the queued jobs (roster import, export) did not finish", e);
      }
    }

    private ApiClient anonymousClient() {
      return new ApiClient(seeded.stack().baseUri());
    }

    Map<String, Object> paymentDraft() {
      return Map.of("method", "VIETQR", "invoiceIds", List.of(newInvoice()));
    }

    Map<String, Object> leaveDraft() {
      String day = SeededApi.today().plusDays(60).toString();
      return Map.of("from", day, "to", day, "reason", REASON);
    }

    String newLeaveRequest() {
      ApiClient.Response created = seeded.as(users.get(PARENT)).post("/v1/students/" + pupil + "/leave-requests", leaveDraft());
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      return created.body().get("id").asText();
    }

    String gradebookPath() {
      return "/v1/classes/" + CLASS + "/gradebook/" + SUBJECT + "/" + SeededApi.TERM;
    }

    /** The pupil's Toán row with the midterm moved by one tenth. */
    Object changedMarks() {
      var midterm = originalRow.get("midterm").decimalValue();
      var changed = midterm.compareTo(java.math.BigDecimal.TEN) < 0 ? midterm.add(new java.math.BigDecimal("0.1"))
          : midterm.subtract(new java.math.BigDecimal("0.1"));
      return Map.of("rows", List.of(Map.of("studentId", pupil, "regular", originalRow.get("regular"),
          "midterm", changed, "finalExam", originalRow.get("finalExam"))));
    }

    /** The pupil's Toán row as the seed left it. */
    void restoreMarks() {
      ApiClient.Response restored = seeded.as(users.get(TEACHER)).put(gradebookPath(), Map.of("rows", List.of(Map.of(
          "studentId", pupil, "regular", originalRow.get("regular"), "midterm", originalRow.get("midterm"),
          "finalExam", originalRow.get("finalExam")))));
      assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    }

    private int conductCount;

    /** The pupil's term conduct, a different rating each call, so that every allowed cell changes it. */
    Object conductRating() {
      String[] ratings = {"TOT", "KHA", "DAT"};
      return Map.of("rows", List.of(Map.of("studentId", pupil, "conduct", ratings[++conductCount % ratings.length])));
    }

    /**
     * The school's settings with a primary-only value changed (the matrix school is secondary, so
     * nothing it grades changes), different each call.
     */
    Object gradingSettings() {
      return Map.of("commentRegularCount", 2, "primaryTestScoreMin", 1, "primaryCompletedMinTest", 6 + ++conductCount % 2);
    }

    /** The documented defaults back. */
    void restoreSettings() {
      ApiClient.Response restored = seeded.as(users.get(STAFF)).put("/v1/schools/" + SeededApi.NGUYEN_TRAI
          + "/grading-settings", Map.of("commentRegularCount", 2, "primaryTestScoreMin", 1, "primaryCompletedMinTest", 5));
      assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    }

    /** A different note each call, so that every allowed cell changes the register. */
    Object marks() {
      return Map.of("marks", List.of(Map.of("studentId", pupil, "status", "LATE", "note", "Ma trận " + ++markCount)));
    }

    /** What a denied answer must not name: the class's pupils, the request's reason; for 401/404 also the class. */
    List<String> secrets(int status) {
      List<String> secrets = new ArrayList<>(rosterIds);
      secrets.addAll(rosterNames);
      secrets.add(REASON);
      if (status != 403) {
        secrets.add("7A1");
        secrets.add("Nguyễn Trãi");
      }
      // The primary class's (issue 16).
      secrets.addAll(primaryRosterIds);
      secrets.addAll(primaryRosterNames);
      if (status != 403) {
        secrets.add("4A");
        secrets.add("Kim Đồng");
      }
      return secrets;
    }

    /**
     * Every item of the pupil's and the class's partitions (what a write on them could change), the actors' own
     * (push devices and settings), and
     * what the payments routes write around the pupil: the school's fees (its own partition), the
     * pupil's invoices (gsi1 {@code S#{school}#ST#{pupil}}) and the school's open payments (gsi1).
     */
    List<Map<String, AttributeValue>> snapshot(Map<String, String> values) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      List<String> partitions = new ArrayList<>(List.of("S#" + SeededApi.NGUYEN_TRAI + "#ST#" + pupil,
          "S#" + SeededApi.NGUYEN_TRAI + "#C#" + CLASS));
      // The primary pupil's and class's (issue 16).
      partitions.add("S#" + SeededApi.KIM_DONG + "#ST#" + primaryPupil);
      partitions.add("S#" + SeededApi.KIM_DONG + "#C#" + PRIMARY_CLASS);
      // Announcements: the class's scope partition, and the announcement's own (its receipts).
      partitions.add("S#" + SeededApi.NGUYEN_TRAI + "#ANN#C#" + CLASS);
      if (values.containsKey("announcementId")) {
        partitions.add("S#" + SeededApi.NGUYEN_TRAI + "#ANN#ID#" + values.get("announcementId"));
      }
      // Messaging: the matrix conversation, and the teachers' office hours.
      partitions.add("S#" + SeededApi.NGUYEN_TRAI + "#CONV#" + conversationId);
      for (Actor teacher : List.of(TEACHER, COLLEAGUE, OTHER_TEACHER)) {
        partitions.add("S#" + SeededApi.NGUYEN_TRAI + "#TEACHER#" + users.get(teacher));
      }
      users.values().forEach(user -> partitions.add("USER#" + user)); // push devices and settings
      var table = seeded.stack().dynamo();
      String school = "S#" + SeededApi.NGUYEN_TRAI;
      items.addAll(table.client().query(QueryRequest.builder().tableName(table.tableName())
          .keyConditionExpression("pk = :pk AND begins_with(sk, :fee)").consistentRead(true)
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(school), ":fee", AttributeValue.fromS("FEE#")))
          .build()).items());
      // Grading settings (issue 16): the school's item and its audit; privacy (issue 18): the school's notices.
      for (String prefix : List.of("SETTINGS#", "AUDIT#SETTINGS#", "NOTICE")) {
        items.addAll(table.client().query(QueryRequest.builder().tableName(table.tableName())
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)").consistentRead(true)
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(school), ":prefix", AttributeValue.fromS(prefix)))
            .build()).items());
      }
      // roster import: the school's imports (gsi1 S#{school}#IMPORTS: each import item, its status and counts).
      table.client().queryPaginator(QueryRequest.builder().tableName(table.tableName()).indexName("gsi1")
          .keyConditionExpression("gsi1pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(school + "#IMPORTS")))
          .build()).items().forEach(items::add);
      // bank transfers (paydocs): the school's parked transactions and their audit.
      table.client().queryPaginator(QueryRequest.builder().tableName(table.tableName())
          .keyConditionExpression("pk = :pk").consistentRead(true)
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(school + "#BANKTXN")))
          .build()).items().forEach(items::add);
      for (String gsi1pk : List.of(school + "#ST#" + pupil, school + "#PAY#OPEN")) {
        table.client().queryPaginator(QueryRequest.builder().tableName(table.tableName()).indexName("gsi1")
            .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(gsi1pk)))
            .build()).items().forEach(items::add);
      }
      for (String pk : partitions) {
        var dynamo = seeded.stack().dynamo();
        Map<String, AttributeValue> startKey = null;
        do {
          var page = dynamo.client().query(QueryRequest.builder().tableName(dynamo.tableName())
              .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
              .exclusiveStartKey(startKey).consistentRead(true).build());
          items.addAll(page.items());
          startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
      }
      return items;
    }
  }
}
