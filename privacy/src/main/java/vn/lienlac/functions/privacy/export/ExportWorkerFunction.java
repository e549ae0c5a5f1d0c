package vn.lienlac.functions.privacy.export;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.SqsFunction;

/**
 * export-worker-fn: builds a person's export (one message of {@code ExportQueue} per job) into one
 * archive in the {@link ExportStore}, and purges an archive once its link was handed out. A build that
 * fails is retried by SQS (ReportBatchItemFailures); the job's lease lets a later attempt take over one
 * that died, and the third failed attempt marks the job FAILED.
 */
public final class ExportWorkerFunction extends SqsFunction {
  private final ExportWorker worker;

  /** Lambda's entry. */
  public ExportWorkerFunction() {
    this(Environment.system(), Clock.systemUTC());
  }

  public ExportWorkerFunction(Environment env, Clock clock) {
    this.worker = new ExportWorker(Dynamo.fromEnvironment(env), clock, ExportStores.fromEnvironment(env));
  }

  @Override
  protected void handle(DomainEvent event, Context context) {
    String subject = event.get("sub");
    String exportId = event.get("exportId");
    if (!Ids.isValid(subject) || !Ids.isValid(exportId)) {
      throw new IllegalArgumentException("An export message without a valid sub or export id");
    }
    switch (event.type()) {
      case ExportQueue.BUILD -> worker.build(subject, exportId);
      case ExportQueue.PURGE -> worker.purge(subject, exportId);
      default -> throw new IllegalArgumentException("Not an export message: " + event.type());
    }
  }
}
