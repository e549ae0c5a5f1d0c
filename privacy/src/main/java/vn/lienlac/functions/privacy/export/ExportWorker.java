package vn.lienlac.functions.privacy.export;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.model.privacy.ExportJob;

/** The worker's two jobs: build a job's archive (claim, collect, render, store, READY) and purge it. */
public final class ExportWorker {
  /** The attempt that fails for the third time marks the job FAILED (and the message is not retried). */
  static final int MAX_ATTEMPTS = 3;
  private final ExportJobs jobs;
  private final ExportCollector collector;
  private final ExportStore store;
  private final Clock clock;

  public ExportWorker(Dynamo dynamo, Clock clock, ExportStore store) {
    this.jobs = new ExportJobs(dynamo);
    this.collector = new ExportCollector(dynamo, clock);
    this.store = store;
    this.clock = clock;
  }

  /** The archive's key in the store. */
  static String blobKey(String exportId) {
    return exportId + ".zip";
  }

  public void build(String subject, String exportId) {
    Optional<ExportJobs.Job> found = jobs.job(subject, exportId);
    Instant now = clock.instant();
    if (found.isEmpty() || !jobs.claim(found.get(), now)) {
      return; // gone (TTL), done, or another attempt holds it: a duplicate message
    }
    ExportJobs.Job job = jobs.job(subject, exportId).orElseThrow();
    try {
      ExportCollector.Export export = collector.collect(subject, exportId, now);
      byte[] archive = ExportArchive.zip(export, job.language());
      store.put(blobKey(exportId), archive);
      jobs.ready(job, blobKey(exportId), clock.instant());
    } catch (RuntimeException e) {
      if (job.attempts() >= MAX_ATTEMPTS) {
        jobs.failed(job, e.getClass().getSimpleName());
        return;
      }
      throw e;
    }
  }

  public void purge(String subject, String exportId) {
    Optional<ExportJobs.Job> job = jobs.job(subject, exportId);
    store.delete(blobKey(exportId));
    job.filter(j -> j.status() == ExportJob.Status.DOWNLOADED).ifPresent(j -> jobs.purged(j, clock.instant()));
  }
}
