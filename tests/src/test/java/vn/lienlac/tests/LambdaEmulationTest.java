package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.lambda.ApiGatewayEvent;
import vn.lienlac.local.lambda.Artifacts;
import vn.lienlac.local.lambda.LambdaEvents;
import vn.lienlac.local.lambda.LambdaSandbox;
import vn.lienlac.local.lambda.RuntimeApi;
import vn.lienlac.local.template.SamTemplate;
import vn.lienlac.tests.fixtures.FixtureScheduledFunction;
import vn.lienlac.tests.fixtures.FixtureSqsFunction;

/**
 * Every function of template.yaml run as Lambda runs it: its deployment jar (the one the Makefile
 * ships for it: {@link Artifacts}) in a fresh JVM under Lambda's own Java runtime interface client, fed API Gateway payload
 * 2.0 events as JSON through a fake Runtime API, with a SnapStart function's environment
 * (container credentials from an endpoint that checks its token, no access-key variables) and the
 * shared stack's DynamoDB Local as its endpoint. Answers are compared with what the dev gateway
 * answers for the same request. A function of the template without cases here fails the test.
 */
@ExtendWith(LocalStackExtension.class)
class LambdaEmulationTest {
  /** Numbers read as the dev gateway's answers are read (ApiClient), so that bodies compare equal. */
  private static final ObjectMapper JSON = ApiClient.READER;
  private static final SamTemplate TEMPLATE = SamTemplate.read(SamTemplate.repositoryRoot().resolve("template.yaml"));
  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final Set<String> FUNCTIONS_RUN = new TreeSet<>();

  private final LocalStack stack;
  private final SeededApi seeded;

  LambdaEmulationTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  /** The cases of each function, by logical id: every function of the template must have some. */
  private Map<String, Consumer<Sandbox>> cases() {
    return Map.ofEntries(
        Map.entry("IdentityFunction", this::identityCases),
        Map.entry("RecordsFunction", this::recordsCases),
        Map.entry("AnnouncementsFunction", this::announcementsCases),
        Map.entry("MessagingFunction", this::messagingCases),
        Map.entry("PaymentsFunction", this::paymentsCases),
        Map.entry("PaymentsReconcilerFunction", LambdaEmulationTest::reconcilerCases),
        Map.entry("RecordBookFunction", this::recordBookCases),
        Map.entry("RosterFunction", this::rosterCases),
        Map.entry("RosterImportWorkerFunction", LambdaEmulationTest::rosterWorkerCases),
        // privacy (issue 18)
        Map.entry("DataRightsFunction", this::dataRightsCases),
        Map.entry("ExportWorkerFunction", LambdaEmulationTest::exportWorkerCases),
        Map.entry("PrivacyFunction", this::privacyCases));
  }

  @TestFactory
  Stream<DynamicTest> every_function_of_the_template_should_answer_api_gateway_events_under_the_lambda_runtime() {
    Map<String, Consumer<Sandbox>> cases = cases();
    Artifacts artifacts = Artifacts.read(SamTemplate.repositoryRoot());
    return TEMPLATE.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
      Consumer<Sandbox> functionCases = cases.get(function.logicalId());
      if (functionCases == null && !function.isHttp() && function.schedules().isEmpty()) {
        functionCases = LambdaEmulationTest::sqsCases; // until the function's own cases are written
      }
      assertThat(functionCases).as("cases for " + function.logicalId() + " in LambdaEmulationTest").isNotNull();
      try (LambdaSandbox sandbox = LambdaSandbox.start(LambdaSandbox.Spec.of(function,
          List.of(artifacts.jarOf(function.logicalId())), stack.sandboxVariables(function), runtimeClasspath()))) {
        functionCases.accept(new Sandbox(sandbox));

        RuntimeApi runtime = sandbox.runtime();
        assertThat(runtime.initError()).as(sandbox.output()).isNotDone();
        assertThat(runtime.restoreNext()).as("the SnapStart runtime ran its checkpoint hooks").isDone();
        assertThat(runtime.credentialsRefused()).isZero();
        if (function.isHttp()) {
          assertThat(runtime.credentialsServed()).as("DynamoDB calls signed with the container credentials")
              .isPositive();
          JsonNode priming = sandbox.output().lines().filter(l -> l.contains("\"priming done\""))
              .map(LambdaEmulationTest::read).findFirst().orElse(null);
          assertThat(priming).as("SnapStart priming ran before the checkpoint\n" + sandbox.output()).isNotNull();
          assertThat(priming.get("failed").asInt()).as(sandbox.output()).isZero();
        }
        FUNCTIONS_RUN.add(function.logicalId());
      }
    }));
  }

  /**
   * The SQS path under the real runtime client (its own deserialisation of {@code SQSEvent}, our
   * {@code SQSBatchResponse} back), with a test-only function: a good event, one that fails and a
   * body that is not an event, in one batch; only the last two come back as batch item failures.
   * And a scheduled function fed EventBridge's event.
   */
  @Test
  void sqs_batches_and_scheduled_events_should_reach_non_http_functions_under_the_lambda_runtime() throws IOException {
    Path fixtures = fixtureClasses();
    Path jar = Artifacts.read(SamTemplate.repositoryRoot()).jar("FUNCTIONS_JAR");
    SamTemplate.Function sqsFunction = new SamTemplate.Function("FixtureSqsFunction",
        FixtureSqsFunction.class.getName() + "::handleRequest", Map.of(), 10, 512, List.of());
    try (LambdaSandbox sandbox = LambdaSandbox.start(LambdaSandbox.Spec.of(sqsFunction, List.of(jar, fixtures), Map.of(),
        runtimeClasspath()))) {
      Map<String, String> bodies = new LinkedHashMap<>();
      bodies.put("m-ok", domainEvent("e-ok", "false"));
      bodies.put("m-fail", domainEvent("e-fail", "true"));
      bodies.put("m-poison", "{\"not\":\"an event\"}");
      JsonNode answer = new Sandbox(sandbox).sqs(bodies);
      assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-fail", "m-poison");
      assertThat(sandbox.output()).contains("event failed").contains("m-poison");
    }
    SamTemplate.Function scheduled = new SamTemplate.Function("FixtureScheduledFunction",
        FixtureScheduledFunction.class.getName() + "::handleRequest", Map.of(), 10, 512, List.of());
    try (LambdaSandbox sandbox = LambdaSandbox.start(LambdaSandbox.Spec.of(scheduled, List.of(jar, fixtures), Map.of(),
        runtimeClasspath()))) {
      EVENTS.incrementAndGet();
      RuntimeApi.Answer answer = sandbox.invoke(LambdaEvents.schedule("Nightly", LocalStackExtension.NOW));
      assertThat(answer.error()).as(answer.payload() + "\n" + sandbox.output()).isFalse();
      assertThat(sandbox.output()).contains("scheduled run").contains(LocalStackExtension.NOW.toString());
    }
  }

  /** The VNPay reconciler on its schedule: a run over the demo schools, against the dev stack's VNPay sandbox. */
  private static void reconcilerCases(Sandbox lambda) {
    EVENTS.incrementAndGet();
    RuntimeApi.Answer answer = lambda.sandbox().invoke(LambdaEvents.schedule("EveryTenMinutes", LocalStackExtension.NOW));
    assertThat(answer.error()).as(answer.payload() + "\n" + lambda.sandbox().output()).isFalse();
    assertThat(lambda.sandbox().output()).contains("\"reconciled\"").contains("\"errors\":0");
  }

  /** Roster import: the office's dry run of an uploaded CSV (binary body), read back as through the gateway. */
  private void rosterCases(Sandbox lambda) {
    byte[] file = "Mã định danh,Họ và tên,Ngày sinh,Lớp\n0199999997,,01/01/2014,7A1\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonNode planned = lambda.send(ApiGatewayEvent.of("POST", "/v1/schools/{schoolId}/roster")
        .path("schoolId", SeededApi.NGUYEN_TRAI).bearer(token("nt-vp-01")).body(file, "text/csv"), 201, "application/json");
    assertThat(planned.get("status").asText()).isEqualTo("PLANNED");
    assertThat(planned.at("/counts/rejected").asInt()).isEqualTo(1);
    String path = "/v1/schools/" + SeededApi.NGUYEN_TRAI + "/roster/imports/" + planned.get("importId").asText();
    JsonNode read = lambda.send(ApiGatewayEvent.of("GET", "/v1/schools/{schoolId}/roster/imports/{importId}")
        .path("schoolId", SeededApi.NGUYEN_TRAI).path("importId", planned.get("importId").asText())
        .bearer(token("nt-vp-01")), 200, "application/json");
    assertThat(read).isEqualTo(seeded.as("nt-vp-01").get(path).body());
    // A parent of the school: 404; JSON instead of a file: 415.
    lambda.send(ApiGatewayEvent.of("POST", "/v1/schools/{schoolId}/roster").path("schoolId", SeededApi.NGUYEN_TRAI)
        .bearer(token("nt-ph-002")).body(file, "text/csv"), 404, "application/problem+json");
    lambda.send(ApiGatewayEvent.of("POST", "/v1/schools/{schoolId}/roster").path("schoolId", SeededApi.NGUYEN_TRAI)
        .bearer(token("nt-vp-01")).json("{}"), 415, "application/problem+json");
  }

  /** The import worker: a chunk of an import that does not exist is done (nothing to do); a foreign body fails. */
  private static void rosterWorkerCases(Sandbox lambda) {
    sqsCases(lambda);
    JsonNode answer = lambda.sqs(Map.of("m-chunk", vn.lienlac.functions.platform.Json.write(
        new vn.lienlac.functions.platform.events.DomainEvent("01NOIMPORT-0", "roster.import.chunk", SeededApi.NGUYEN_TRAI,
            LocalStackExtension.NOW, Map.of("importId", "01NOIMPORT", "chunk", "0")))));
    assertThat(answer.get("batchItemFailures")).as(lambda.sandbox().output()).isEmpty();
  }

  /**
   * The data export (issue 18) under the runtime: a teacher's request (202, QUEUED or the job already under
   * way), a job of another person's id (404), a body in an unknown language (422).
   */
  private void dataRightsCases(Sandbox lambda) {
    String teacher = SeededApi.TEACHER_7A1;
    JsonNode job = lambda.send(ApiGatewayEvent.of("POST", "/v1/me/export").json("{\"language\":\"en\"}")
        .bearer(token(teacher)), 202, "application/json");
    assertThat(job.get("status").asText()).isIn("QUEUED", "RUNNING", "READY", "DOWNLOADED", "FAILED");
    assertThat(job.get("requestedAt").asText()).endsWith("+07:00");
    lambda.send(ApiGatewayEvent.of("GET", "/v1/me/exports/{exportId}").path("exportId", job.get("id").asText())
        .bearer(token("nt-ph-003")), 404, "application/problem+json");
    JsonNode bad = lambda.send(ApiGatewayEvent.of("POST", "/v1/me/export").json("{\"language\":\"fr\"}")
        .bearer(token(teacher)), 422, "application/problem+json");
    assertThat(bad.toString()).contains("language");
  }

  /** The export worker: a build message of a job that does not exist is done (nothing to build), a poison body fails. */
  private static void exportWorkerCases(Sandbox lambda) {
    sqsCases(lambda);
    JsonNode answer = lambda.sqs(Map.of("m-build", vn.lienlac.functions.platform.Json.write(
        new vn.lienlac.functions.platform.events.DomainEvent("01NOEXPORT", "privacy.export.build", "-",
            LocalStackExtension.NOW, Map.of("sub", "nt-ph-003", "exportId", "01NOEXPORT")))));
    assertThat(answer.get("batchItemFailures")).as(lambda.sandbox().output()).isEmpty();
  }

  /** The generic case of an SQS function: a body that is not an event comes back as a batch item failure. */
  private static void sqsCases(Sandbox lambda) {
    JsonNode answer = lambda.sqs(Map.of("m-poison", "{\"not\":\"an event\"}"));
    assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-poison");
  }

  private static String domainEvent(String id, String fail) {
    return vn.lienlac.functions.platform.Json.write(new vn.lienlac.functions.platform.events.DomainEvent(id,
        vn.lienlac.functions.platform.events.EventTypes.MESSAGE_SENT, "nt", LocalStackExtension.NOW,
        Map.of("fail", fail)));
  }

  /** The fixtures package alone, laid out as a task root's classes. */
  private static Path fixtureClasses() throws IOException {
    Path classes = Path.of(FixtureSqsFunction.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path folder = Files.createTempDirectory("lienlac-fixtures-");
    Path relative = Path.of("vn", "lienlac", "tests", "fixtures");
    Files.createDirectories(folder.resolve(relative));
    try (Stream<Path> files = Files.list(classes.resolve(relative))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(relative).resolve(file.getFileName()));
      }
    }
    return folder;
  }

  @AfterAll
  static void summary() throws IOException {
    String line = "Lambda emulation: %d events, %d functions (%s), %d 5xx".formatted(
        EVENTS.get(), FUNCTIONS_RUN.size(), String.join(", ", FUNCTIONS_RUN), SERVER_ERRORS.get());
    System.out.println(line);
    TestSummaries.write("lambda-emulation", line);
  }

  // -----------------------------------------------------------------------------------------------

  private void identityCases(Sandbox lambda) {
    JsonNode health = lambda.send(ApiGatewayEvent.of("GET", "/health"), 200, "application/json");
    assertThat(health).isEqualTo(JSON.createObjectNode().put("status", "ok"));

    String parent = "nt-ph-001"; // a child in each school
    JsonNode me = lambda.send(ApiGatewayEvent.of("GET", "/v1/me").bearer(token(parent)).cookie("lang=vi"), 200,
        "application/json");
    assertThat(me).isEqualTo(seeded.as(parent).get("/v1/me").body());
    assertThat(me.get("schools")).hasSize(2);
  }

  private void recordsCases(Sandbox lambda) {
    // A parent reads a child's grades: the same report as through the dev gateway.
    String parent = "nt-ph-002";
    String child = seeded.children(parent).getFirst().studentId();
    JsonNode report = lambda.send(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/grades")
        .path("studentId", child).query("term", SeededApi.TERM).bearer(token(parent)), 200, "application/json");
    assertThat(report).isEqualTo(seeded.as(parent).get("/v1/students/" + child + "/grades?term=" + SeededApi.TERM).body());
    assertThat(report.get("studentId").asText()).isEqualTo(child);
    assertThat(report.get("subjects")).isNotEmpty();

    // Unknown, and another family's pupil: both 404, as problem+json.
    String otherPupil = seeded.pupils(SeededApi.TEACHER_6A1, SeededApi.CLASS_6A1, "toan").stream()
        .filter(id -> !id.equals(child)).findFirst().orElseThrow();
    for (String pupil : List.of("nt-hs-9999", otherPupil)) {
      JsonNode problem = lambda.send(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/grades")
          .path("studentId", pupil).bearer(token(parent)), 404, "application/problem+json");
      assertThat(problem.get("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");
    }

    // A teacher changes one mark (base64 body): 200, the row's version goes up by one; then puts it back.
    String teacher = SeededApi.TEACHER_7A1; // Tin học everywhere
    ApiGatewayEvent read = ApiGatewayEvent.of("GET", "/v1/classes/{classId}/gradebook/{subject}/{term}")
        .path("classId", SeededApi.CLASS_6A2).path("subject", "tin-hoc").path("term", SeededApi.TERM).bearer(token(teacher));
    JsonNode before = lambda.send(read, 200, "application/json");
    JsonNode row = before.get("rows").get(0);
    String pupil = row.get("studentId").asText();
    double midterm = row.get("midterm").asDouble();
    JsonNode saved = lambda.send(write(teacher, pupil, row, midterm == 10 ? 9 : midterm + 0.5), 200, "application/json");
    assertThat(saved.get("rows").get(0).get("studentId").asText()).isEqualTo(pupil);
    assertThat(saved.get("rows").get(0).get("version").asLong()).isEqualTo(row.get("version").asLong() + 1);
    assertThat(saved).isEqualTo(seeded.as(teacher).get("/v1/classes/" + SeededApi.CLASS_6A2 + "/gradebook/tin-hoc/"
        + SeededApi.TERM).body());
    JsonNode restored = lambda.send(write(teacher, pupil, row, midterm), 200, "application/json");
    assertThat(restored.get("rows").get(0).get("midterm")).isEqualTo(row.get("midterm"));

    // A score out of range: 422 with the field, in English when asked, and nothing written.
    JsonNode invalid = lambda.send(write(teacher, pupil, row, 11).header("accept-language", "en"), 422,
        "application/problem+json");
    assertThat(invalid.get("type").asText()).isEqualTo("https://lienlac.vn/problems/validation");
    assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("rows/0/midterm");
    assertThat(lambda.send(read, 200, "application/json").get("rows").get(0)).isEqualTo(restored.get("rows").get(0));
  }

  private void announcementsCases(Sandbox lambda) {
    // A teacher publishes to their class: 201 with the announcement.
    String teacher = SeededApi.TEACHER_6A1;
    JsonNode published = lambda.send(ApiGatewayEvent.of("POST", "/v1/announcements").bearer(token(teacher))
        .json("{\"schoolId\":\"%s\",\"scope\":\"CLASS\",\"classId\":\"%s\",\"title\":\"Emulation\",\"body\":\"Thông báo\",\"acknowledgementRequired\":true}"
            .formatted(SeededApi.NGUYEN_TRAI, SeededApi.CLASS_6A1)), 201, "application/json");
    String id = published.get("id").asText();
    assertThat(published.get("classId").asText()).isEqualTo(SeededApi.CLASS_6A1);

    // A parent of the class: the feed as through the dev gateway, then an acknowledgement.
    String parent = null;
    for (int n = 1; parent == null; n++) {
      String candidate = "nt-ph-" + String.format("%03d", n);
      if (seeded.children(candidate).stream().anyMatch(c -> c.classId().equals(SeededApi.CLASS_6A1))) {
        parent = candidate;
      }
    }
    JsonNode feed = lambda.send(ApiGatewayEvent.of("GET", "/v1/announcements").bearer(token(parent)), 200,
        "application/json");
    assertThat(feed).isEqualTo(seeded.as(parent).get("/v1/announcements").body());
    assertThat(feed.get("items").get(0).get("id").asText()).isEqualTo(id);
    JsonNode ack = lambda.send(ApiGatewayEvent.of("POST", "/v1/announcements/{announcementId}/ack")
        .path("announcementId", id).bearer(token(parent)), 200, "application/json");
    assertThat(ack.get("acknowledged").asBoolean()).isTrue();

    // A title missing: 422 naming it, in English when asked; an unknown id: 404.
    JsonNode invalid = lambda.send(ApiGatewayEvent.of("POST", "/v1/announcements").bearer(token(teacher))
        .header("accept-language", "en").json("{\"schoolId\":\"%s\",\"scope\":\"SCHOOL\",\"body\":\"x\"}"
            .formatted(SeededApi.NGUYEN_TRAI)), 422, "application/problem+json");
    assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("title");
    lambda.send(ApiGatewayEvent.of("POST", "/v1/announcements/{announcementId}/read")
        .path("announcementId", "01KNOWNNOTHING0000000000000").bearer(token(parent)), 404, "application/problem+json");
  }

  private void messagingCases(Sandbox lambda) {
    // The homeroom teacher of 7A1 reads a conversation the seed wrote: the same page as through the gateway.
    String teacher = SeededApi.TEACHER_7A1;
    JsonNode list = lambda.send(ApiGatewayEvent.of("GET", "/v1/conversations").bearer(token(teacher)), 200,
        "application/json");
    JsonNode family = null;
    for (JsonNode item : list.get("items")) {
      if (item.get("kind").asText().equals("FAMILY") && family == null) {
        family = item;
      }
    }
    assertThat(family).as(list.toString()).isNotNull();
    String id = family.get("id").asText();
    JsonNode page = lambda.send(ApiGatewayEvent.of("GET", "/v1/conversations/{conversationId}/messages")
        .path("conversationId", id).bearer(token(teacher)), 200, "application/json");
    assertThat(page).isEqualTo(seeded.as(teacher).get("/v1/conversations/" + id + "/messages").body());
    assertThat(page.get("items")).isNotEmpty();

    // Someone not in it (the office, a teacher of another class): 404, as problem+json.
    for (String outsider : List.of("nt-vp-01", SeededApi.TEACHER_6A1)) {
      JsonNode problem = lambda.send(ApiGatewayEvent.of("GET", "/v1/conversations/{conversationId}/messages")
          .path("conversationId", id).bearer(token(outsider)), 404, "application/problem+json");
      assertThat(problem.get("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");
    }
    // A forged cursor: 400, not a 500.
    JsonNode forged = lambda.send(ApiGatewayEvent.of("GET", "/v1/conversations/{conversationId}/messages")
        .path("conversationId", id).query("cursor", "Zm9yZ2Vk").bearer(token(teacher)), 400, "application/problem+json");
    assertThat(forged.get("type").asText()).isEqualTo("https://lienlac.vn/problems/bad-request");
  }

  private void paymentsCases(Sandbox lambda) {
    // The office bills one pupil (through the dev gateway); the parent lists the invoices under Lambda.
    String parent = "nt-ph-003";
    String child = seeded.children(parent).getFirst().studentId();
    ApiClient.Response fee = seeded.as("nt-vp-01").post("/v1/fees", Map.of("schoolId", SeededApi.NGUYEN_TRAI,
        "name", "Lambda emulation", "amountVnd", 120_000, "dueDate", SeededApi.today().plusDays(10).toString(),
        "scope", "PUPILS", "studentIds", List.of(child)));
    assertThat(fee.status()).as(fee.text()).isIn(200, 201);
    JsonNode invoices = lambda.send(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/invoices")
        .path("studentId", child).bearer(token(parent)), 200, "application/json");
    // The same invoices as through the dev gateway. (Not the derived OPEN/OVERDUE: the sandboxed
    // function runs on the system clock, the dev stack on the demo world's.)
    assertThat(withoutStatus(invoices))
        .isEqualTo(withoutStatus(seeded.as(parent).get("/v1/students/" + child + "/invoices").body()));
    JsonNode open = null;
    for (JsonNode invoice : invoices.get("items")) {
      if (invoice.get("feeId").asText().equals(fee.body().get("id").asText())) {
        open = invoice;
      }
    }
    assertThat(open).isNotNull();

    // The parent pays it by bank transfer: 201, PENDING, the reference to put in the note.
    JsonNode payment = lambda.send(ApiGatewayEvent.of("POST", "/v1/payments").bearer(token(parent))
        .json("{\"method\":\"VIETQR\",\"invoiceIds\":[\"%s\"]}".formatted(open.get("id").asText())), 201,
        "application/json");
    assertThat(payment.get("state").asText()).isEqualTo("PENDING");
    assertThat(payment.get("amountVnd").asLong()).isEqualTo(120_000);
    assertThat(payment.get("reference").asText()).isEqualTo(payment.get("id").asText());

    // Another family's invoice: 404 as problem+json, like an unknown one.
    String other = java.util.stream.IntStream.range(4, 60).mapToObj(n -> "nt-ph-%03d".formatted(n))
        .filter(id -> seeded.children(id).stream().noneMatch(c -> c.studentId().equals(child))).findFirst().orElseThrow();
    JsonNode problem = lambda.send(ApiGatewayEvent.of("POST", "/v1/invoices/{invoiceId}/payments")
        .path("invoiceId", open.get("id").asText()).bearer(token(other)).json("{\"method\":\"VIETQR\"}"),
        404, "application/problem+json");
    assertThat(problem.get("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");

    // VNPay's IPN, public: unsigned, it is answered in VNPay's JSON (97) without touching anything.
    JsonNode ipn = lambda.send(ApiGatewayEvent.of("GET", "/v1/payments/vnpay/ipn")
        .query("vnp_TxnRef", payment.get("id").asText()).query("vnp_Amount", "12000000"), 200, "application/json");
    assertThat(ipn.get("RspCode").asText()).isEqualTo("97");
  }

  /**
   * The record book under Lambda: a parent's PDF comes base64-encoded in the response (API Gateway
   * decodes it) and opens, with the child's name in its text; another family's child is a 404.
   */
  /** Privacy (issue 18): the notice as the dev gateway answers it, the consents list, a bad consent, a stranger's 404. */
  private void privacyCases(Sandbox lambda) {
    String parent = "nt-ph-003";
    JsonNode notice = lambda.send(ApiGatewayEvent.of("GET", "/v1/schools/{schoolId}/privacy-notice")
        .path("schoolId", SeededApi.NGUYEN_TRAI).bearer(token(parent)), 200, "application/json");
    assertThat(notice).isEqualTo(seeded.as(parent).get("/v1/schools/" + SeededApi.NGUYEN_TRAI + "/privacy-notice").body());
    JsonNode consents = lambda.send(ApiGatewayEvent.of("GET", "/v1/me/consents").bearer(token(parent)), 200,
        "application/json");
    assertThat(consents.get("items").findValuesAsText("status")).isNotEmpty().containsOnly("GIVEN");
    JsonNode invalid = lambda.send(ApiGatewayEvent.of("POST", "/v1/me/consents").bearer(token(parent))
        .header("accept-language", "en").json("{\"studentId\":\"nt-hs-0001\",\"noticeVersion\":1,\"channel\":\"PAPER\"}"),
        422, "application/problem+json");
    assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("channel");
    lambda.send(ApiGatewayEvent.of("GET", "/v1/schools/{schoolId}/privacy-notice")
        .path("schoolId", SeededApi.LE_QUY_DON).bearer(token(parent)), 404, "application/problem+json");
  }

  private void recordBookCases(Sandbox lambda) {
    String parent = "nt-ph-003";
    var child = seeded.children(parent).getFirst();
    byte[] pdf = lambda.document(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/record-book/{schoolYear}")
        .path("studentId", child.studentId()).path("schoolYear", SeededApi.SCHOOL_YEAR).bearer(token(parent)),
        "application/pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String name = seeded.as(parent).get("/v1/me").body().findValues("children").stream()
          .flatMap(children -> java.util.stream.StreamSupport.stream(children.spliterator(), false))
          .filter(c -> c.get("studentId").asText().equals(child.studentId())).findFirst().orElseThrow()
          .get("fullName").asText();
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("HỌC BẠ", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String other = java.util.stream.IntStream.range(4, 60).mapToObj(n -> "nt-ph-%03d".formatted(n))
        .filter(id -> seeded.children(id).stream().noneMatch(c -> c.studentId().equals(child.studentId())))
        .findFirst().orElseThrow();
    JsonNode problem = lambda.send(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/record-book/{schoolYear}")
        .path("studentId", child.studentId()).path("schoolYear", SeededApi.SCHOOL_YEAR).bearer(token(other)),
        404, "application/problem+json");
    assertThat(problem.get("type").asText()).isEqualTo("https://lienlac.vn/problems/not-found");
    JsonNode bad = lambda.send(ApiGatewayEvent.of("GET", "/v1/students/{studentId}/record-book/{schoolYear}")
        .path("studentId", child.studentId()).path("schoolYear", "2026-2028").bearer(token(parent)),
        400, "application/problem+json");
    assertThat(bad.get("status").asInt()).isEqualTo(400);
  }

  private static JsonNode withoutStatus(JsonNode list) {
    JsonNode copy = list.deepCopy();
    copy.get("items").forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("status"));
    return copy;
  }

  private ApiGatewayEvent write(String teacher, String pupil, JsonNode row, double midterm) {
    return ApiGatewayEvent.of("PUT", "/v1/classes/{classId}/gradebook/{subject}/{term}")
        .path("classId", SeededApi.CLASS_6A2).path("subject", "tin-hoc").path("term", SeededApi.TERM)
        .bearer(token(teacher))
        .json("{\"rows\":[{\"studentId\":\"%s\",\"regular\":%s,\"midterm\":%s,\"finalExam\":%s}]}".formatted(
            pupil, row.get("regular"), midterm, row.get("finalExam")));
  }

  // -----------------------------------------------------------------------------------------------

  /** A sandbox that checks each answer's shape and counts what it sends. */
  private record Sandbox(LambdaSandbox sandbox) {
    /** Sends one SQS batch (receive count 1); the answer must be a batch response. Returns it. */
    JsonNode sqs(Map<String, String> bodiesByMessageId) {
      EVENTS.incrementAndGet();
      RuntimeApi.Answer answer = sandbox.invoke(LambdaEvents.sqs("EventsQueue", bodiesByMessageId, 1));
      assertThat(answer.error()).as(answer.payload() + "\n" + sandbox.output()).isFalse();
      return read(answer.payload());
    }

    /** Sends the event; the answer must be an API Gateway response with this status and media type. Returns its JSON body. */
    JsonNode send(ApiGatewayEvent event, int status, String mediaType) {
      JsonNode response = invoke(event, status);
      assertThat(response.path("headers").path("content-type").asText()).isEqualTo(mediaType + "; charset=utf-8");
      assertThat(response.path("headers").path("cache-control").asText()).isEqualTo("no-store");
      assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
      return read(response.path("body").asText());
    }

    /** Sends the event; the answer must be a 200 document of this media type, base64-encoded. Returns its bytes. */
    byte[] document(ApiGatewayEvent event, String mediaType) {
      JsonNode response = invoke(event, 200);
      assertThat(response.path("headers").path("content-type").asText()).isEqualTo(mediaType);
      assertThat(response.path("isBase64Encoded").asBoolean()).isTrue();
      return java.util.Base64.getDecoder().decode(response.path("body").asText());
    }

    /** Sends one API Gateway event; the answer must be a response with this status (5xx counted). */
    private JsonNode invoke(ApiGatewayEvent event, int status) {
      EVENTS.incrementAndGet();
      RuntimeApi.Answer answer = sandbox.invoke(event.toJson());
      assertThat(answer.error()).as(event.routeKey() + ": " + answer.payload() + "\n" + sandbox.output()).isFalse();
      JsonNode response = read(answer.payload());
      if (response.path("statusCode").asInt() >= 500) {
        SERVER_ERRORS.incrementAndGet();
      }
      assertThat(response.path("statusCode").asInt()).as(event.routeKey() + ": " + answer.payload()).isEqualTo(status);
      return response;
    }
  }

  private String token(String userId) {
    return stack.issueToken(userId, Duration.ofMinutes(15));
  }

  /** Lambda's runtime libraries, as this module's POM resolved them (lambda-runtime.classpath). */
  static List<Path> runtimeClasspath() {
    String file = System.getProperty("lienlac.lambda.runtime.classpath");
    assertThat(file).as("system property lienlac.lambda.runtime.classpath (set by tests/pom.xml)").isNotNull();
    try {
      List<Path> jars = new ArrayList<>();
      Arrays.stream(Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator)).map(Path::of)
          .forEach(jars::add);
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + json, e);
    }
  }
}
