package vn.lienlac.functions.roster;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.SqsFunction;
import vn.lienlac.functions.accounts.AccountDirectories;
import vn.lienlac.functions.accounts.AccountDirectory;

/**
 * roster-import-worker-fn: applies a confirmed roster import, one chunk (≤ 200 rows) per message of
 * {@code RosterImportQueue}, then sends the next chunk's message. A chunk that fails is retried by
 * SQS (ReportBatchItemFailures) and applied again from its start: every row is idempotent and the
 * chunk's done marker is written with the import's progress in one transaction.
 */
public final class RosterImportWorkerFunction extends SqsFunction {
  /** Local stack only: honour an import's simulated crash (never set in template.yaml; ContractTest). */
  public static final String TEST_FAULTS = ImportService.TEST_FAULTS;
  private final ImportService imports;

  /** Lambda's entry. */
  public RosterImportWorkerFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public RosterImportWorkerFunction(Environment env, Clock clock) {
    this.imports = service(Dynamo.fromEnvironment(env), clock, AccountDirectories.fromEnvironment(env),
        ChunkQueue.fromEnvironment(env), env.optional(ImportService.TEST_FAULTS).filter("true"::equals).isPresent());
  }

  /** Local stack only: the imports whose job crashed on purpose in this JVM (the tests' check that it did). */
  public static java.util.Set<String> simulatedCrashes() {
    return ImportService.simulatedCrashes();
  }

  static ImportService service(Dynamo dynamo, Clock clock, AccountDirectory accounts, ChunkQueue queue,
      boolean testFaults) {
    RosterRepository roster = new RosterRepository(dynamo);
    RosterImportRepository repository = new RosterImportRepository(dynamo);
    return new ImportService(repository, new ImportPlanner(roster, repository),
        new ImportApplier(repository, roster, new DirectoryRepository(dynamo, clock), accounts, clock), queue, clock,
        testFaults);
  }

  @Override
  protected void handle(DomainEvent event, Context context) {
    if (!ChunkQueue.TYPE.equals(event.type())) {
      throw new IllegalArgumentException("Not a roster import chunk: " + event.type());
    }
    String importId = event.get("importId");
    String chunk = event.get("chunk");
    if (!Ids.isValid(event.schoolId()) || !Ids.isValid(importId) || chunk == null || !chunk.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("A roster import chunk message without a valid school, import or chunk");
    }
    imports.runChunk(event.schoolId(), importId, Integer.parseInt(chunk));
  }
}
