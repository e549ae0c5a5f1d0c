package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.OpenApi.Operation;
import vn.lienlac.tests.OpenApi.Parameter;

/**
 * Hostile input over real HTTP, for every operation of openapi.yaml, as a user allowed to call it
 * (so requests reach the handlers): huge numbers and exponents, values of the wrong JSON type,
 * nulls, empty and unknown fields, duplicate keys, bytes that are not UTF-8, Unicode oddities, deep
 * nesting, long strings, dates and terms out of range, in bodies, path and query parameters and
 * headers. Write bodies are built from each operation's schema with exactly one hostile change, so
 * none of them may be accepted.
 *
 * <p>Asserts: no 5xx; every error is application/problem+json with a non-blank detail; no hostile
 * write answers 2xx; and the whole table (a Scan, test-only) is the same after the run as before.
 * An operation, path parameter or body schema this class does not know makes it fail, so a new
 * route is fuzzed from the day it is documented. Tries: {@code -Djqwik.tries.default=N}
 * (junit-platform.properties sets the default).
 */
class FuzzTest {
  private static final String TEACHER = SeededApi.TEACHER_6A1;
  private static final String CLASS = SeededApi.CLASS_6A1;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final Map<String, AtomicInteger> PER_OPERATION = new ConcurrentHashMap<>();

  private static LocalStack stack;
  private static OpenApi openApi;
  private static List<Operation> operations;
  private static Map<String, String> pathValues;
  private static Map<String, String> tokens;
  private static String pupil;
  private static TableDump before;

  @BeforeContainer
  static void setUp() {
    stack = LocalStackExtension.shared();
    openApi = OpenApi.read();
    operations = openApi.operations();
    SeededApi seeded = new SeededApi(stack, new ApiClient(stack.baseUri()));
    String parent = null;
    for (int n = 1; n < 200 && pupil == null; n++) {
      String candidate = "nt-ph-" + String.format("%03d", n);
      for (SeededApi.Child child : seeded.children(candidate)) {
        if (child.classId().equals(CLASS)) {
          parent = candidate;
          pupil = child.studentId();
        }
      }
    }
    assertThat(pupil).as("a parent with a child in " + CLASS).isNotNull();
    tokens = Map.of(TEACHER, stack.issueToken(TEACHER, Duration.ofHours(2)),
        parent, stack.issueToken(parent, Duration.ofHours(2)));
    // A pending leave request for the PATCH to aim at (a valid write, made before the table is dumped).
    String today = SeededApi.today().toString();
    ApiClient.Response created = seeded.as(parent).post("/v1/students/" + pupil + "/leave-requests",
        Map.of("from", today, "to", today, "reason", "Khám sức khoẻ"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    // Announcements: one to the class from its homeroom teacher (the parent's to read; the teacher's stats).
    ApiClient.Response announced = seeded.as(TEACHER).post("/v1/announcements", Map.of("schoolId",
        SeededApi.NGUYEN_TRAI, "scope", "CLASS", "classId", CLASS, "title", "Fuzz", "body", "Thông báo cho fuzz",
        "acknowledgementRequired", true));
    assertThat(announced.status()).as(announced.text()).isEqualTo(201);
    // Messaging: the teacher's conversation with the pupil's family and a message of the teacher's in it
    // (the fuzzed caller is the parent: a participant, not the author).
    ApiClient teacher = new ApiClient(stack.baseUri()).withToken(tokens.get(TEACHER));
    ApiClient.Response conversation = teacher.post("/v1/conversations", Map.of("studentId", pupil,
        "text", "Fuzz", "clientMessageId", java.util.UUID.randomUUID().toString()));
    assertThat(conversation.status()).as(conversation.text()).isBetween(200, 201);
    // payments: an open invoice of the pupil (a fee for the pupil alone, made by the office before the dump).
    ApiClient office = seeded.as("nt-vp-01");
    ApiClient.Response fee = office.post("/v1/fees", Map.of("schoolId", SeededApi.NGUYEN_TRAI, "name", "Fuzz",
        "amountVnd", 100_000, "dueDate", today, "scope", "PUPILS", "studentIds", List.of(pupil)));
    assertThat(fee.status()).as(fee.text()).isIn(200, 201);
    String invoice = office.get("/v1/students/" + pupil + "/invoices").body().get("items").get(0).get("id").asText();
    pathValues = new java.util.HashMap<>(Map.ofEntries(Map.entry("studentId", pupil), Map.entry("classId", CLASS), Map.entry("subject", "toan"),
        Map.entry("term", SeededApi.TERM), Map.entry("date", lastWeekday().toString()),
        Map.entry("leaveRequestId", created.body().get("id").asText()),
        Map.entry("conversationId", conversation.body().at("/conversation/id").asText()),
        Map.entry("messageId", conversation.body().at("/message/id").asText()),
        Map.entry("invoiceId", invoice), Map.entry("schoolId", SeededApi.NGUYEN_TRAI),
        // paydocs: a transfer parked through the signed SePay webhook, and a VIETQR payment of the parent.
        Map.entry("reviewId", parkedTransfer()), Map.entry("paymentId", vietqrPayment(seeded.as(parent), invoice)),
        Map.entry("announcementId", announced.body().get("id").asText()),
        // roster import: a finished import of the office's (a confirmation of it writes nothing more).
        Map.entry("importId", finishedRosterImport(office))));
    // Push: a well-formed token nobody registered (a DELETE of it is a 404 and removes nothing).
    pathValues.put("token", "fuzz-token:APA91b_never-registered");
    // Secondary e-records (issue 16): the seeded school year.
    pathValues.put("schoolYear", SeededApi.SCHOOL_YEAR);
    // Data export (issue 18): the parent's own export job (a GET of it hands nothing out before it is READY).
    ApiClient.Response export = seeded.as(parent).post("/v1/me/export", Map.of("language", "vi"));
    assertThat(export.status()).as(export.text()).isEqualTo(202);
    pathValues.put("exportId", export.body().get("id").asText());
    // Built and handed out before the dump: later GETs of it (fuzzed or not) change nothing.
    try {
      stack.events().awaitIdle(Duration.ofSeconds(60));
    } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(seeded.as(parent).get("/v1/me/exports/" + pathValues.get("exportId")).status()).isEqualTo(200);
    parentId = parent;
    for (Operation operation : operations) {
      for (Parameter parameter : operation.in("path")) {
        assertThat(pathValues).as("a value for path parameter %s of %s (add it to FuzzTest)", parameter.name(),
            operation.id()).containsKey(parameter.name());
      }
      if (operation.writes() && !erasesCaller(operation.method(), operation.path())) {
        // A write without a body (mark read, acknowledge) is fuzzed through its path: every request has a hostile one.
        assertThat(operation.body() != null || !operation.in("path").isEmpty())
            .as("%s writes: its body or its path is what the fuzz changes", operation.id()).isTrue();
      }
    }
    // The events of the writes above (the announcement's push) are handled before the table is dumped.
    before = TableDump.settled(stack);
  }

  /** A bank transfer without a reference, through the SePay webhook with the dev stack's key: parked. */
  private static String parkedTransfer() {
    ApiClient.Response parked = new ApiClient(stack.baseUri()).send("POST",
        "/v1/payments/bank-transfers/sepay/" + SeededApi.NGUYEN_TRAI,
        Map.of("id", 990_001, "transferType", "in", "transferAmount", 50_000, "content", "fuzz",
            "accountNumber", "1133666688"),
        Map.of("authorization", "Apikey dev-sepay-" + SeededApi.NGUYEN_TRAI));
    assertThat(parked.status()).as(parked.text()).isEqualTo(200);
    return "sepay-990001";
  }

  /** A roster import of one rejected row, confirmed and finished (nothing of the school changes). */
  private static String finishedRosterImport(ApiClient office) {
    ApiClient.Response created = office.send("POST", "/v1/schools/" + SeededApi.NGUYEN_TRAI + "/roster",
        "Mã định danh,Họ và tên,Ngày sinh,Lớp\n0199999998,,01/01/2014,7A1\n".getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "text/csv"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String importId = created.body().get("importId").asText();
    stack.events(); // the queues start in the background
    ApiClient.Response confirmed = office.post("/v1/schools/" + SeededApi.NGUYEN_TRAI + "/roster/imports/" + importId
        + "/confirm", Map.of("counts", created.body().get("counts")));
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(202);
    return importId;
  }

  /** A VIETQR payment of a new invoice of the pupil (a fee of its own: the other invoices may be paid). */
  private static String vietqrPayment(ApiClient parent, String unused) {
    SeededApi seeded = new SeededApi(stack, new ApiClient(stack.baseUri()));
    ApiClient office = seeded.as("nt-vp-01");
    ApiClient.Response fee = office.post("/v1/fees", Map.of("schoolId", SeededApi.NGUYEN_TRAI, "name", "Fuzz VietQR",
        "amountVnd", 120_000, "dueDate", SeededApi.today().plusDays(10).toString(), "scope", "PUPILS",
        "studentIds", List.of(pupil)));
    assertThat(fee.status()).as(fee.text()).isIn(200, 201);
    String feeId = fee.body().get("id").asText();
    String invoiceId = null;
    for (JsonNode invoice : office.get("/v1/students/" + pupil + "/invoices").body().get("items")) {
      if (invoice.get("feeId").asText().equals(feeId)) {
        invoiceId = invoice.get("id").asText();
      }
    }
    ApiClient.Response payment = parent.post("/v1/payments", Map.of("method", "VIETQR", "invoiceIds", List.of(invoiceId)));
    assertThat(payment.status()).as(payment.text()).isEqualTo(201);
    return payment.body().get("id").asText();
  }

  private static String parentId;
  private static long started;

  @Property(shrinking = net.jqwik.api.ShrinkingMode.OFF, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void hostile_requests_should_get_a_4xx_problem_and_change_nothing(@ForAll("requests") Hostile request) {
    if (started == 0) {
      started = System.nanoTime();
    }
    HttpResponse<String> response = send(request);
    REQUESTS.incrementAndGet();
    PER_OPERATION.computeIfAbsent(request.operation().id(), k -> new AtomicInteger()).incrementAndGet();
    int status = response.statusCode();
    if (status >= 500) {
      SERVER_ERRORS.incrementAndGet();
    }
    String what = request + " -> " + status + " " + abbreviate(response.body());
    assertThat(status).as(what).isLessThan(500);
    // An idempotent DELETE of something that is not there may answer 2xx; the table check still holds.
    if (request.operation().writes() && !request.operation().method().equals("DELETE")) {
      assertThat(status).as("a hostile write must be refused: " + what).isGreaterThanOrEqualTo(400);
    }
    if (status >= 400) {
      assertThat(response.headers().firstValue("content-type").orElse("")).as(what)
          .startsWith("application/problem+json");
      JsonNode problem = json(response.body());
      assertThat(problem.path("detail").asText()).as(what).isNotBlank();
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
      assertThat(response.body().length()).as("an error never echoes a huge value: " + what).isLessThan(20_000);
    }
  }

  @AfterContainer
  static void tableUnchanged() {
    TableDump after = TableDump.of(stack.dynamo());
    List<String> differences = after.differencesFrom(before);
    // Access-log entries (issue 18) record access granted, whatever the request then did: a teacher's
    // read with a hostile query is logged, then refused. Such entries may be added, never anything else.
    List<String> logged = differences.stream().filter(d -> d.startsWith("added ACCESS#")).toList();
    differences = differences.stream().filter(d -> !logged.contains(d)).toList();
    assertThat(differences).as("items changed by rejected requests").isEmpty();
    assertThat(PER_OPERATION.keySet()).as("every operation of openapi.yaml was fuzzed")
        .containsAll(operations.stream().map(Operation::id).toList());
    System.out.printf("Fuzz: %d requests, %d 5xx, table unchanged (%d items) in %.1f s; per operation: %s%n",
        REQUESTS.get(), SERVER_ERRORS.get(), after.size(), (System.nanoTime() - started) / 1e9,
        new TreeMap<>(PER_OPERATION));
    TestSummaries.write("fuzz", String.format("Fuzz: %d requests over %d operations, %d 5xx, table unchanged (%d items)",
        REQUESTS.get(), PER_OPERATION.size(), SERVER_ERRORS.get(), after.size()));
  }

  // --- generation ----------------------------------------------------------------------------------

  /** One request: operation, path, query, headers, body bytes (null: none) and what was made hostile. */
  record Hostile(Operation operation, String path, String query, Map<String, String> headers, byte[] body,
      String contentType, String change) {
    @Override
    public String toString() {
      String shown = body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8));
      return operation.method() + " " + path + (query.isEmpty() ? "" : "?" + abbreviate(query)) + " [" + change + "]"
          + shown;
    }
  }

  private static Arbitrary<Hostile> requests;

  @Provide
  Arbitrary<Hostile> requests() {
    if (requests == null) {
      requests = Arbitraries.oneOf(operations.stream().map(FuzzTest::request).toList());
    }
    return requests;
  }

  private static Arbitrary<Hostile> request(Operation operation) {
    Arbitrary<String> path = pathFor(operation);
    Arbitrary<String> query = queryFor(operation);
    Arbitrary<Map<String, String>> headers = headersFor(operation);
    Arbitrary<Body> body = !operation.uploadTypes().isEmpty() ? uploadsFor(operation)
        : operation.body() == null ? Arbitraries.just(new Body(null, null, "no body"))
        : bodiesFor(operation);
    return Combinators.combine(path, query, headers, body).as((p, q, h, b) ->
        new Hostile(operation, p, q, h, b.bytes(), b.contentType(), b.change()));
  }

  /** Valid path parameters, or one of them hostile (a negative index: none). */
  private static Arbitrary<String> pathFor(Operation operation) {
    List<Parameter> parameters = operation.in("path");
    // One request in five has a hostile path parameter; the others reach the body and query checks.
    // A write without a body always has one (with valid parameters it would be a valid write).
    boolean bodyless = operation.writes() && operation.body() == null && !parameters.isEmpty();
    Arbitrary<Integer> which = Arbitraries.integers().between(bodyless ? 0 : -4 * parameters.size() - 1,
        parameters.size() - 1);
    return Combinators.combine(which, Arbitraries.of(HOSTILE_STRINGS)).as((index, hostile) -> {
      String path = operation.path();
      for (int i = 0; i < parameters.size(); i++) {
        String name = parameters.get(i).name();
        String value = i == index ? segment(hostile) : pathValues.get(name);
        path = path.replace("{" + name + "}", value);
      }
      return path;
    });
  }

  /** Each documented query parameter absent, or hostile (and sometimes repeated). */
  private static Arbitrary<String> queryFor(Operation operation) {
    List<Parameter> parameters = operation.in("query");
    if (parameters.isEmpty()) {
      return Arbitraries.just("");
    }
    List<Arbitrary<String>> each = parameters.stream().map(p -> Arbitraries.of(HOSTILE_STRINGS)
        .map(v -> p.name() + "=" + segment(v)).injectNull(0.3)).toList();
    return Combinators.combine(each).as(values -> String.join("&", values.stream().filter(v -> v != null).toList()));
  }

  private static Arbitrary<Map<String, String>> headersFor(Operation operation) {
    List<String> headerParameters = operation.in("header").stream().map(Parameter::name).toList();
    return Combinators.combine(Arbitraries.of("", "en", "vi", "*", "en;q=x", "zz-ZZ, en;q=0.1", "x".repeat(3_000)),
        Arbitraries.of("x".repeat(300), "a,b", " ", "%00", "\t"), Arbitraries.of(true, false)).as((language, header, send) -> {
          Map<String, String> headers = new LinkedHashMap<>();
          if (!language.isEmpty()) {
            headers.put("Accept-Language", language);
          }
          if (send) {
            headerParameters.forEach(name -> headers.put(name, header));
          }
          return headers;
        });
  }

  record Body(byte[] bytes, String contentType, String change) {}

  /**
   * An upload (a roster file) that no reader can take as a roster: bytes that are no workbook and
   * no table, a workbook's first bytes and then garbage, a header without rows, text that is not
   * CSV, and JSON; with each documented media type and others. Each must be refused (4xx) and write
   * nothing (a dry run of a readable file would store an import).
   */
  private static Arbitrary<Body> uploadsFor(Operation operation) {
    List<byte[]> files = new ArrayList<>(List.of(new byte[0], new byte[] {0, 1, 2, (byte) 0xFF},
        new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9, 9}, "{\"rows\": []}".getBytes(StandardCharsets.UTF_8),
        "Họ và tên,Ngày sinh,Lớp\n".getBytes(StandardCharsets.UTF_8),
        "\u0000\u0001 not a roster at all".getBytes(StandardCharsets.UTF_8),
        "a\"b,\"\"\"\n\"".getBytes(StandardCharsets.UTF_8), "x".repeat(5_000).getBytes(StandardCharsets.UTF_8)));
    HOSTILE_STRINGS.forEach(text -> files.add(text.getBytes(StandardCharsets.UTF_8)));
    List<String> types = new ArrayList<>(operation.uploadTypes());
    types.addAll(List.of("application/json", "text/plain", "application/octet-stream"));
    return Combinators.combine(Arbitraries.of(files), Arbitraries.of(types)).as((bytes, type) ->
        new Body(bytes, type, "upload " + type + " of " + bytes.length + " bytes"));
  }

  /** The operation's schema made into a valid body, then changed in exactly one place. */
  private static Arbitrary<Body> bodiesFor(Operation operation) {
    Object template = template(operation.body(), "");
    List<Location> locations = new ArrayList<>();
    locations(operation, operation.body(), List.of(), true, locations);
    List<Mutation> mutations = new ArrayList<>();
    for (Location location : locations) {
      mutations.addAll(mutationsAt(operation, location));
    }
    // Structure (a field missing, null, unknown or twice; an empty object) is a handful of cases
    // among a hundred values: it gets its own share, so every run tries each of them.
    Arbitrary<Body> values = changed(template, mutations.stream().filter(m -> !m.structural()).toList());
    Arbitrary<Body> structure = changed(template, mutations.stream().filter(Mutation::structural).toList());
    List<String> wholeBodies = wholeBodies(operation);
    Arbitrary<Body> emptyObject = wholeBodies.contains("{}") ? whole(List.of("{}")) : structure;
    Arbitrary<Body> whole = whole(wholeBodies);
    // A body without any string (grading settings: numbers only) has nowhere to put bytes that are not UTF-8.
    List<Location> strings = locations.stream().filter(l -> l.kind().isString()).toList();
    Arbitrary<Body> notUtf8 = strings.isEmpty() ? whole : Arbitraries.of(strings)
        .flatMap(location -> Arbitraries.of(BAD_BYTES).map(bad -> {
          byte[] rendered = render(template, new Mutation(location.path(), Op.REPLACE, "\"\u0001\""));
          return new Body(splice(rendered, bad), "application/json", "bytes not UTF-8 at " + location.path());
        }));
    Arbitrary<Body> wrongType = Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "application/xml")
        .map(type -> new Body(render(template, new Mutation(List.of(), Op.NONE, null)), type, "content-type " + type));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(6, values),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(3, structure),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(1, emptyObject),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(2, whole),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(2, notUtf8),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Body>>of(1, wrongType));
  }

  private static Arbitrary<Body> changed(Object template, List<Mutation> mutations) {
    return Arbitraries.of(mutations).flatMap(mutation -> Arbitraries.of(TEXT_ODDITIES)
        .map(oddity -> new Body(render(withText(template, oddity), mutation), "application/json",
            mutation.toString())));
  }

  private static Arbitrary<Body> whole(List<String> bodies) {
    return Arbitraries.of(bodies).map(raw ->
        new Body(raw.getBytes(StandardCharsets.UTF_8), "application/json", "whole body " + abbreviate(raw)));
  }

  enum Kind {
    OBJECT, ARRAY, NUMBER, INTEGER, BOOLEAN, DATE, ENUM, ID, TEXT;

    boolean isString() {
      return this == DATE || this == ENUM || this == ID || this == TEXT;
    }
  }

  /** A place in the body: its path (keys and indexes), kind, whether required, and its schema. */
  record Location(List<Object> path, Kind kind, boolean required, Map<String, Object> schema) {}

  enum Op { REPLACE, REMOVE, ADD_UNKNOWN, DUPLICATE, NONE }

  record Mutation(List<Object> path, Op op, String raw) {
    boolean structural() {
      return op != Op.REPLACE || "null".equals(raw);
    }

    @Override
    public String toString() {
      return op + " " + path.stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("(root)")
          + (raw == null ? "" : " = " + abbreviate(raw));
    }
  }

  private static Kind kind(Map<String, Object> schema, String name) {
    Object type = schema.get("type");
    if ("object".equals(type)) {
      return Kind.OBJECT;
    }
    if ("array".equals(type)) {
      return Kind.ARRAY;
    }
    if ("number".equals(type)) {
      return Kind.NUMBER;
    }
    if ("integer".equals(type)) {
      return Kind.INTEGER;
    }
    if ("boolean".equals(type)) {
      return Kind.BOOLEAN;
    }
    if ("string".equals(type)) {
      if ("date".equals(schema.get("format"))) {
        return Kind.DATE;
      }
      if (schema.get("enum") != null) {
        return Kind.ENUM;
      }
      return name.endsWith("Id") ? Kind.ID : Kind.TEXT;
    }
    throw new AssertionError("FuzzTest does not know the schema of " + name + ": " + schema + " (teach it)");
  }

  private static void locations(Operation operation, Map<String, Object> schema, List<Object> path, boolean required,
      List<Location> out) {
    String name = path.isEmpty() ? "" : String.valueOf(path.getLast());
    Kind kind = kind(schema, name);
    out.add(new Location(path, kind, required, schema));
    if (kind == Kind.OBJECT) {
      List<Object> requiredNames = OpenApi.list(schema.get("required"));
      OpenApi.map(schema.get("properties")).forEach((property, raw) -> locations(operation,
          openApi.resolve(OpenApi.map(raw)), append(path, property), requiredNames.contains(property), out));
    } else if (kind == Kind.ARRAY) {
      locations(operation, openApi.resolve(OpenApi.map(schema.get("items"))), append(path, 0), true, out);
    }
  }

  private static List<Mutation> mutationsAt(Operation operation, Location location) {
    List<Mutation> mutations = new ArrayList<>();
    List<Object> path = location.path();
    if (!path.isEmpty()) {
      for (String raw : hostileValues(location)) {
        mutations.add(new Mutation(path, Op.REPLACE, raw));
      }
      if (location.required() && !(path.getLast() instanceof Integer)) {
        mutations.add(new Mutation(path, Op.REMOVE, null));
        mutations.add(new Mutation(path, Op.REPLACE, "null"));
      }
    }
    if (location.kind() == Kind.OBJECT) {
      mutations.add(new Mutation(path, Op.ADD_UNKNOWN, null));
      List<Object> required = OpenApi.list(location.schema().get("required"));
      if (!required.isEmpty()) {
        mutations.add(new Mutation(append(path, required.getFirst()), Op.DUPLICATE, null));
      }
    }
    return mutations;
  }

  /** Values that are wrong for the location whatever else the body holds. */
  private static List<String> hostileValues(Location location) {
    List<String> values = new ArrayList<>(List.of("true", "{}", "[]", "1e2147483647", "\"" + "x".repeat(20_000) + "\""));
    switch (location.kind()) {
      case NUMBER -> values.addAll(List.of("-1e2147483647", "1e-2147483647", "1e10000000", "1E+101", "10.1", "-0.1",
          "8.25", "1e400", "9".repeat(200), "0.0000000001", "-0.05", "10.000001", "\" 7 \"", "\"1e1\"", "\"\"",
          "\"7\"", "[7]", "NaN", "Infinity", "0x10", "07.5", "+7", ".5", "7."));
      case INTEGER -> {
        values.addAll(List.of("1.5", "1e2", "\"1\"", "\"\"", "99999999999999999999", "-1e30", "1.0"));
        // Below the documented minimum (a version's is 0: 0 itself is a valid, if stale, version).
        long minimum = location.schema().get("minimum") instanceof Number min ? min.longValue() : 0;
        values.add(String.valueOf(minimum - 1));
      }
      case DATE -> values.addAll(List.of("\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"0000-01-01\"",
          "\"2026-02-30\"", "20000", "[2026,11,23]", "\"\"", "\"2026-11-23T00:00:00Z\"", "\"+10000-01-01\"",
          "\"1999-12-31\"", "\"2101-01-01\"", "\"23/11/2026\"", "\"2026-1-1\"", "\"２０２６-１１-２３\"",
          "\" " + SeededApi.today() + "\"", "\"" + SeededApi.today() + "\\n\""));
      case ENUM -> {
        values.addAll(List.of("0", "1", "-1", "1.5", "\"\"", "\"nope\"", "\"" + first(location) + " \"",
            OpenApi.list(location.schema().get("enum")).contains("PENDING") ? "\"X\"" : "\"PENDING\"", "\"\\u0000\""));
        // The first value in the other case: a valid value itself when the enum is lower-case (a language: vi, en).
        String other = first(location).toLowerCase(java.util.Locale.ROOT);
        other = other.equals(first(location)) ? first(location).toUpperCase(java.util.Locale.ROOT) : other;
        if (!OpenApi.list(location.schema().get("enum")).contains(other)) {
          values.add("\"" + other + "\"");
        }
      }
      case ID -> values.addAll(List.of("5", "\"\"", "\"../../x\"", "\"nt-hs-9999\"", "\"a#b\"", "\"" + "a".repeat(70)
          + "\"", "\"\\u0000\"", "\"S#x#ST#y\"", "\"" + pupil + " \""));
      case BOOLEAN -> {
        values.remove("true"); // a valid value here
        values.addAll(List.of("1", "0", "\"true\"", "\"false\"", "\"\"", "[true]", "\"yes\""));
      }
      case TEXT -> values.addAll(List.of("5", "5.5", "\"\\u202Eevil\"", "\"" + "x".repeat(longerThan(location)) + "\"",
          "\"a\\u0000b\"",
          "\"\\uD800\"", "\"a\\u200Bb\"", "\"\\uFEFFx\"", "\"\\uE000\"", "\"\\u0085\"", "\"\\u001B[31m\""));
      case ARRAY -> values.addAll(List.of("\"\"", "7", "\"[]\"", "[".repeat(40) + "]".repeat(40), "[1e2147483647]",
          "{\"0\":1}"));
      case OBJECT -> values.addAll(List.of("5", "\"\"", "\"{}\""));
      default -> { }
    }
    if (location.kind() == Kind.ARRAY) {
      if (!(location.schema().get("minItems") instanceof Integer min && min > 0)) {
        values.remove("[]"); // an empty list is a valid value there ("everyone present", "no TX scores")
      }
      if ("object".equals(openApi.resolve(OpenApi.map(location.schema().get("items"))).get("type"))) {
        values.add(render51(location));
      }
    }
    return values;
  }

  /** A length the text may not have: one over its documented maxLength, else 600 (a leave reason's 500 and more). */
  private static int longerThan(Location location) {
    return location.schema().get("maxLength") instanceof Integer max ? max + 1 : 600;
  }

  private static String first(Location location) {
    return String.valueOf(OpenApi.list(location.schema().get("enum")).getFirst());
  }

  /** More items than any list of ours accepts (51 rows; 51 marks of the same pupil). */
  private static String render51(Location location) {
    Object item = template(openApi.resolve(OpenApi.map(location.schema().get("items"))), "");
    String one = new String(render(item, new Mutation(List.of("-"), Op.NONE, null)), StandardCharsets.UTF_8);
    return "[" + String.join(",", java.util.Collections.nCopies(51, one)) + "]";
  }

  private static List<String> wholeBodies(Operation operation) {
    List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "7", "\"x\"", "{", "{}{}", "{} x", "\uFEFF[]",
        "{\"a\":".repeat(40) + "1" + "}".repeat(40), "[".repeat(100_000), "{\"" + "k".repeat(100_000) + "\":1}",
        "{\"x\":\"" + "y".repeat(1_000_000) + "\"}", "\u0000", "{'a':1}", "{\"a\":1,}", "/* */{}"));
    bodies.add("{}");
    return bodies;
  }

  /** The valid value of a schema: required properties only, one item per list. */
  private static Object template(Map<String, Object> schema, String name) {
    return switch (kind(schema, name)) {
      case OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        Map<String, Object> properties = OpenApi.map(schema.get("properties"));
        for (Object required : OpenApi.list(schema.get("required"))) {
          object.put(required.toString(), template(openApi.resolve(OpenApi.map(properties.get(required))),
              required.toString()));
        }
        yield object;
      }
      case ARRAY -> List.of(template(openApi.resolve(OpenApi.map(schema.get("items"))), name));
      case NUMBER -> new java.math.BigDecimal("7.5");
      case INTEGER -> 1L;
      case BOOLEAN -> false;
      case DATE -> SeededApi.today().toString();
      case ENUM -> String.valueOf(OpenApi.list(schema.get("enum")).getFirst());
      case ID -> pupil;
      case TEXT -> "Ốm";
    };
  }

  /** The template with every free text replaced by {@code text} (valid oddities: NFD, emoji, RTL). */
  private static Object withText(Object node, String text) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k.toString(), "Ốm".equals(v) ? text : withText(v, text)));
      return copy;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(v -> withText(v, text)).toList();
    }
    return node;
  }

  private static byte[] render(Object template, Mutation mutation) {
    StringBuilder out = new StringBuilder();
    render(template, List.of(), mutation, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void render(Object node, List<Object> path, Mutation mutation, StringBuilder out) {
    if (mutation.op() == Op.REPLACE && mutation.path().equals(path)) {
      out.append(mutation.raw());
      return;
    }
    if (node instanceof Map<?, ?> map) {
      out.append('{');
      List<String> members = new ArrayList<>();
      map.forEach((key, value) -> {
        List<Object> at = append(path, key);
        if (mutation.op() == Op.REMOVE && mutation.path().equals(at)) {
          return;
        }
        StringBuilder member = new StringBuilder(Json.write(key)).append(':');
        render(value, at, mutation, member);
        members.add(member.toString());
        if (mutation.op() == Op.DUPLICATE && mutation.path().equals(at)) {
          members.add(member.toString());
        }
      });
      // A change inside an optional property the template leaves out: the property is made for it.
      if (mutation.op() == Op.REPLACE && mutation.path().size() > path.size()
          && mutation.path().subList(0, path.size()).equals(path) && !map.containsKey(mutation.path().get(path.size()))) {
        members.add(Json.write(String.valueOf(mutation.path().get(path.size()))) + ":"
            + materialize(mutation.path().subList(path.size() + 1, mutation.path().size()), mutation.raw()));
      }
      if (mutation.op() == Op.ADD_UNKNOWN && mutation.path().equals(path)) {
        members.add("\"zzUnknown\":1");
      }
      out.append(String.join(",", members)).append('}');
    } else if (node instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        render(list.get(i), append(path, i), mutation, out);
      }
      out.append(']');
    } else {
      out.append(node instanceof String ? Json.write(node) : node.toString());
    }
  }

  private static String materialize(List<Object> rest, String raw) {
    if (rest.isEmpty()) {
      return raw;
    }
    String inner = materialize(rest.subList(1, rest.size()), raw);
    return rest.getFirst() instanceof Integer ? "[" + inner + "]" : "{" + Json.write(rest.getFirst()) + ":" + inner + "}";
  }

  /** The rendered body with its {@code \u0001} marker replaced by bytes that are not UTF-8. */
  private static byte[] splice(byte[] rendered, byte[] bad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : rendered) {
      if (b == 0x01) {
        out.writeBytes(bad);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static List<Object> append(List<Object> path, Object next) {
    return Stream.concat(path.stream(), Stream.of(next)).toList();
  }

  // --- values ---------------------------------------------------------------------------------------

  /** For path and query parameters; those in {@link #ENCODED} are sent as they are. */
  private static final List<String> HOSTILE_STRINGS = List.of(
      "-999999999-01-01", "+999999999-12-31", "0000-01-01", "2026-02-30", "20000", "", " ", "2026-11-23T00:00:00Z",
      "1999-12-31", "2101-01-01", "2026-1-1", "٢٠٢٦-١١-٢٣", "0000-0001-HK1", "9998-9999-HK1", "2026-2027-HK3",
      "2026-2027-hk1", "２０２６-２０２７-HK1", "2026-2027-HK1 ", "-2026-2027-HK1", "x".repeat(5_000), "\u202E",
      "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "null", "[]", "{}", "1e2147483647", "approved", "maths", "toan\u0000",
      "🙂", "a/b", "#", "S#x#ST#y", "..", "%C0%AF", "%FF%FE", "%00", "%E2%80%AE", "%ED%A0%80", "%F4%90%80%80");
  /** Percent-encoded already: bytes that are not UTF-8, NUL, a bidi override. */
  private static final Set<String> ENCODED = Set.of("%C0%AF", "%FF%FE", "%00", "%E2%80%AE", "%ED%A0%80", "%F4%90%80%80");

  private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xC0, (byte) 0xAF},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x99});

  /** Text that is valid but unusual: combining marks (NFD), emoji with joiners, right-to-left, astral. */
  private static final List<String> TEXT_ODDITIES = List.of("Ốm", "O\u0302\u0301m", "🙂👨‍👩‍👧", "مرحبا", "𝔘𝔫𝔦",
      "a\u0301\u0301\u0301");

  private static String segment(String value) {
    return ENCODED.contains(value) ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static LocalDate lastWeekday() {
    LocalDate day = SeededApi.today().minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }

  // --- erasure (issue 18): DELETE /v1/me has no input to make hostile and, as a parent, would erase the fuzzer's
  // parent: it is sent as the teacher (403, the school manages staff accounts) with hostile query and headers.
  private static boolean erasesCaller(String method, String path) {
    return method.equals("DELETE") && path.equals("/v1/me");
  }

  // --- HTTP -----------------------------------------------------------------------------------------

  private static HttpResponse<String> send(Hostile request) {
    String path = request.operation().path();
    // The teacher: class routes, deciding leave, publishing, the announcement's statistics and the school's sent list.
    String actor = path.contains("{classId}") || path.contains("{leaveRequestId}") || path.contains("{schoolId}")
        || path.endsWith("/stats") || (path.equals("/v1/announcements") && request.operation().writes())
        || erasesCaller(request.operation().method(), path)
        ? TEACHER : parentId;
    URI uri = URI.create(stack.baseUri() + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.get(actor));
    request.headers().forEach(builder::header);
    if (request.body() == null) {
      builder.method(request.operation().method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", request.contentType())
          .method(request.operation().method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }
    try {
      return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + abbreviate(body), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
  }
}
