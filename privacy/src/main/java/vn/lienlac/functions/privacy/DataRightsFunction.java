package vn.lienlac.functions.privacy;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.accounts.AccountDirectories;
import vn.lienlac.functions.accounts.AccountDirectory;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.privacy.export.ExportQueue;
import vn.lienlac.functions.privacy.export.ExportService;
import vn.lienlac.functions.privacy.export.ExportStore;
import vn.lienlac.functions.privacy.erasure.ErasureService;
import vn.lienlac.functions.privacy.export.ExportStores;
import vn.lienlac.model.privacy.ExportRequest;

/**
 * data-rights-fn: a person's rights over the data Lienlac holds about them (issue 18, DESIGN.md §7).
 * The export ({@code POST /v1/me/export}, {@code GET /v1/me/exports/{exportId}}): a job that
 * {@link vn.lienlac.functions.privacy.export.ExportWorkerFunction} builds into one archive, handed
 * out once as a short-lived link ({@link ExportStore}). Erasure ({@code DELETE /v1/me}) lives here too.
 *
 * <p>Constructors: {@code ()} Lambda, {@code (Environment)} Lambda's configuration,
 * {@code (Environment, Clock)} the local stack (its clock, queue and store), {@code (Dynamo, Clock)}
 * unit tests (no queue: a job waits; no store). Routes are registered in the last, package-private
 * constructor: add a feature's routes there.
 */
public final class DataRightsFunction extends ApiFunction {
  private final ExportService exports;
  private ErasureService erasure; // erasure (issue 18, point 4): set by the constructors below

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public DataRightsFunction() {
    this(Environment.system());
  }

  public DataRightsFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env), Clock.systemUTC());
    primeBeforeSnapshot(Dynamo.fromEnvironment(env), env);
  }

  /** The local stack: its clock, the export queue ({@code EXPORT_QUEUE_URL}) and the store the environment names. */
  public DataRightsFunction(Environment env, Clock clock) {
    this(env, Dynamo.fromEnvironment(env), clock);
  }

  private DataRightsFunction(Environment env, Dynamo dynamo, Clock clock) {
    this(env, dynamo, clock, ExportStores.fromEnvironment(env));
  }

  private DataRightsFunction(Environment env, Dynamo dynamo, Clock clock, ExportStore store) {
    this(dynamo, clock, ExportQueue.fromEnvironment(env), store);
    erasure(dynamo, clock, AccountDirectories.fromEnvironment(env), store); // erasure: the sign-in accounts (USER_POOL_ID)
  }

  /** Tests: no queue (a requested export waits), no store (no link is ever handed out). */
  public DataRightsFunction(Dynamo dynamo, Clock clock) {
    this(dynamo, clock, ExportQueue.none(), ExportStore.none());
    erasure(dynamo, clock, AccountDirectories.fromEnvironment(Environment.of(java.util.Map.of())), ExportStore.none());
  }

  DataRightsFunction(Dynamo dynamo, Clock clock, ExportQueue queue, ExportStore store) {
    this.exports = new ExportService(dynamo, clock, queue, store);
    // --- export (issue 18, point 3)
    on("POST /v1/me/export", this::requestExport);
    on("GET /v1/me/exports/{exportId}", this::getExport);
    // --- erasure (issue 18, point 4)
    on("DELETE /v1/me", this::erase);
  }

  // --- erasure (issue 18, point 4; docs/privacy/erasure.md) ----------------------------------------

  /** The erasure service: the account port and the export store (a job's archive is deleted with the job). */
  private void erasure(Dynamo dynamo, Clock clock, AccountDirectory accounts, ExportStore store) {
    this.erasure = new ErasureService(dynamo, clock, accounts, job -> {
      AttributeValue blobKey = job.get("blobKey");
      if (blobKey != null && blobKey.s() != null) {
        store.delete(blobKey.s());
      }
    });
  }

  /** {@code DELETE /v1/me}: 204 once erased (again 204 for a retry); 404 unknown; 403 staff and teachers. */
  private ApiResponse erase(ApiRequest request) {
    erasure.erase(request.subject());
    return ApiResponse.noContent();
  }

  private ApiResponse requestExport(ApiRequest request) {
    ExportService.Requested requested = exports.request(request.subject(), request.body(ExportRequest.class));
    return new ApiResponse(202, requested.job(), null, "application/json",
        java.util.Map.of("location", "/v1/me/exports/" + requested.job().id()));
  }

  private ApiResponse getExport(ApiRequest request) {
    return ApiResponse.ok(exports.get(request.subject(), Ids.fromPath(request, "exportId")));
  }
}
