package vn.lienlac.functions.roster;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import vn.lienlac.functions.platform.Hashes;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Logs;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.functions.accounts.LocalAccountDirectory;
import vn.lienlac.functions.roster.file.RosterFile;
import vn.lienlac.functions.roster.file.RosterReader;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.roster.RosterImport;

/**
 * roster-fn: a school's roster from the Excel or CSV file the office holds. {@code POST} the file:
 * a dry run, stored as an import and answered with its report (nothing else is written); staff
 * confirm its counts, and {@link RosterImportWorkerFunction} applies it chunk by chunk. Office staff
 * of the school only ({@link RosterAccess}).
 */
public final class RosterFunction extends ApiFunction {
  /** Workbooks (Excel 2007 and later). */
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /**
   * The largest file accepted: a Lambda request is at most 6 MB, and the file arrives base64-encoded
   * (4 bytes for 3) inside the event's JSON: 4 MB leaves room for the rest. A 3,000-row workbook
   * weighs about 200 KB.
   */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
  /** The API function plans and confirms; only the worker creates or disables accounts (and may, in IAM). */
  private static final AccountDirectory NO_ACCOUNTS = new AccountDirectory() {
    @Override
    public String ensure(String phone, String displayName) {
      throw new IllegalStateException("roster-fn does not manage accounts; the import worker does");
    }

    @Override
    public java.util.Optional<Account> find(String phone) {
      throw new IllegalStateException("roster-fn does not manage accounts; the import worker does");
    }

    @Override
    public void disable(String phone) {
      throw new IllegalStateException("roster-fn does not manage accounts; the import worker does");
    }

    @Override
    public void enable(String phone) {
      throw new IllegalStateException("roster-fn does not manage accounts; the import worker does");
    }

    @Override
    public void delete(String phone) {
      throw new IllegalStateException("roster-fn does not manage accounts; the import worker does");
    }
  };

  /** The header with which the local stack's tests make the job crash once (ignored unless {@code LIENLAC_ROSTER_TEST_FAULTS=true}). */
  static final String TEST_FAULT_HEADER = "x-lienlac-test-fault";

  private final DirectoryRepository directory;
  private final RosterAccess access;
  private final ImportService imports;
  private final Clock clock;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public RosterFunction() {
    this(Environment.system());
  }

  public RosterFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env), Clock.systemUTC());
    primeBeforeSnapshot(Dynamo.fromEnvironment(env), env);
  }

  /**
   * The local stack: its clock, the job's queue ({@code ROSTER_IMPORT_QUEUE_URL}), the accounts the
   * environment names (the dev issuer's when {@code USER_POOL_ID} is not a pool).
   */
  public RosterFunction(Environment env, Clock clock) {
    this(env, Dynamo.fromEnvironment(env), clock);
  }

  private RosterFunction(Environment env, Dynamo dynamo, Clock clock) {
    this(dynamo, clock, NO_ACCOUNTS, ChunkQueue.fromEnvironment(env),
        env.optional(ImportService.TEST_FAULTS).filter("true"::equals).isPresent());
  }

  /** Tests: the dev issuer's accounts, and no queue (a confirmed import waits). */
  public RosterFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, LocalAccountDirectory.shared(), ChunkQueue.none(), false);
  }

  RosterFunction(Dynamo dynamo, Clock clock, AccountDirectory accounts, ChunkQueue queue, boolean testFaults) {
    RosterRepository roster = new RosterRepository(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.access = new RosterAccess(roster, new vn.lienlac.functions.privacy.AccessLog(dynamo, clock));
    this.imports = RosterImportWorkerFunction.service(dynamo, clock, accounts, queue, testFaults);
    this.clock = clock;
    on("POST /v1/schools/{schoolId}/roster", this::upload);
    on("GET /v1/schools/{schoolId}/roster/imports/{importId}", this::get);
    on("GET /v1/schools/{schoolId}/roster/imports/{importId}/rows", this::rows);
    on("POST /v1/schools/{schoolId}/roster/imports/{importId}/confirm", this::confirm);
  }

  private ApiResponse upload(ApiRequest request) {
    School school = access.staffSchool(caller(request), Ids.fromPath(request, "schoolId"));
    String schoolYear = request.queryParameter("schoolYear").map(RosterFunction::schoolYear).orElse(school.schoolYear());
    boolean fullSchool = !request.queryParameter("partial").map(RosterFunction::flag).orElse(false);
    String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    if (!type.equals(XLSX) && !type.equals("text/csv")) {
      throw new UploadTypeUnsupported();
    }
    byte[] bytes = request.bodyBytes();
    if (bytes.length == 0) {
      throw new ApiException.BadRequest("roster.import.emptyFile");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new FileTooLarge();
    }
    RosterReader reader = new RosterReader(RosterReader.Options.at(clock)
        .withSchoolYearStart(ImportPlanner.yearStart(schoolYear)));
    String fileName = request.queryParameter("fileName").map(RosterFunction::fileName).orElse(null);
    long started = System.nanoTime();
    RosterFile file = reader.read(bytes);
    long read = System.nanoTime();
    if (file.rows().isEmpty() && file.rejected().isEmpty()) {
      throw new ApiException.Invalid(List.of(Violation.of("file", "roster.import.noRows")));
    }
    RosterImport report = imports.dryRun(caller(request), school, schoolYear, RosterInput.of(fileName, file), fullSchool,
        Hashes.sha256(java.util.Base64.getEncoder().encodeToString(bytes)),
        request.header(TEST_FAULT_HEADER).orElse(null), request.locale());
    // The dry run must fit API Gateway's 29 s: how long reading and planning took, without names or numbers.
    Logs.log(null, LogLevel.INFO, Json.write(java.util.Map.of("message", "roster dry run", "importId", report.importId(),
        "bytes", bytes.length, "rows", report.progress().rowsTotal(), "readMillis", (read - started) / 1_000_000,
        "planMillis", (System.nanoTime() - read) / 1_000_000)));
    return ApiResponse.created(report, location(school.id(), report.importId()));
  }

  private ApiResponse get(ApiRequest request) {
    School school = access.staffSchool(caller(request), Ids.fromPath(request, "schoolId"));
    return ApiResponse.ok(imports.get(school.id(), Ids.fromPath(request, "importId")));
  }

  private ApiResponse rows(ApiRequest request) {
    School school = access.rowsReader(caller(request), Ids.fromPath(request, "schoolId"), request);
    return ApiResponse.ok(imports.rows(school.id(), Ids.fromPath(request, "importId"),
        request.queryParameter("cursor").orElse(null), request.locale()));
  }

  private ApiResponse confirm(ApiRequest request) {
    Caller caller = caller(request);
    School school = access.staffSchool(caller, Ids.fromPath(request, "schoolId"));
    String importId = Ids.fromPath(request, "importId");
    RosterImport.Confirmation confirmation = request.body(RosterImport.Confirmation.class);
    if (confirmation.counts() == null) {
      throw new ApiException.Invalid(List.of(Violation.of("counts", "roster.import.countsRequired")));
    }
    imports.item(school.id(), importId); // 404 before anything else
    RosterImport state = imports.confirm(caller, school.id(), importId, confirmation.counts());
    return new ApiResponse(202, state, null, "application/json",
        java.util.Map.of("location", location(school.id(), importId)));
  }

  private Caller caller(ApiRequest request) {
    return directory.caller(request.subject());
  }

  private static String location(String schoolId, String importId) {
    return "/v1/schools/" + schoolId + "/roster/imports/" + importId;
  }

  /** {@code 2026-2027}: four digits, a dash, the next year, within the supported years. */
  static String schoolYear(String value) {
    if (value.matches("[0-9]{4}-[0-9]{4}")) {
      int first = Integer.parseInt(value.substring(0, 4));
      if (Integer.parseInt(value.substring(5)) == first + 1
          && SchoolTime.isSupported(LocalDate.of(first, 1, 1)) && SchoolTime.isSupported(LocalDate.of(first + 1, 12, 31))) {
        return value;
      }
    }
    throw new ApiException.BadRequest(List.of(Violation.of("schoolYear", "roster.import.badSchoolYear", value)),
        "request.badParameter", "schoolYear");
  }

  private static boolean flag(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ApiException.BadRequest("request.badParameter", "partial");
    };
  }

  private static String fileName(String value) {
    String name = vn.lienlac.model.common.Text.clean(value);
    if (name == null || vn.lienlac.model.common.Text.length(name) > 200
        || vn.lienlac.model.common.Text.firstForbiddenCodePoint(name).isPresent()) {
      throw new ApiException.BadRequest("request.badParameter", "fileName");
    }
    return name;
  }

  /** 415: the upload is neither a workbook nor CSV. */
  static final class UploadTypeUnsupported extends ApiException {
    UploadTypeUnsupported() {
      super(415, "unsupported-media-type", "roster.import.unsupportedType");
    }
  }

  /** 413: larger than a Lambda request can carry. */
  static final class FileTooLarge extends ApiException {
    FileTooLarge() {
      super(413, "payload-too-large", "roster.import.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
    }
  }
}
