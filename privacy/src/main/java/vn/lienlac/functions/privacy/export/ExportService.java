package vn.lienlac.functions.privacy.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.privacy.ExportJob;
import vn.lienlac.model.privacy.ExportRequest;

/**
 * The export's API side: request a job (one at a time, one an hour), report it, hand its link out once.
 * Any signed-in person with a grant may export what Lienlac holds about them; someone the directory does
 * not know gets 404 (there is nothing to export).
 */
public final class ExportService {
  /** At most one new export per person per hour (a second request within it finds the first). */
  public static final Duration ONE_PER = Duration.ofHours(1);
  /** How long a handed-out link works (AWS: the presigned URL's expiry). */
  public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);
  /** When the archive is deleted after its link was handed out (SQS's longest delay). */
  public static final Duration PURGE_AFTER = Duration.ofMinutes(15);
  /** A READY archive nobody fetched is gone after this (the bucket's lifecycle rule: 1 day). */
  public static final Duration ARCHIVE_KEPT = Duration.ofDays(1);

  public record Requested(ExportJob job, boolean created) {}

  /** The languages of the archive's PDF. */
  public static final Set<String> LANGUAGES = Set.of("vi", "en");

  private final ExportJobs jobs;
  private final DirectoryRepository directory;
  private final Clock clock;
  private final ExportQueue queue;
  private final ExportStore store;

  public ExportService(Dynamo dynamo, Clock clock, ExportQueue queue, ExportStore store) {
    this.jobs = new ExportJobs(dynamo);
    this.directory = new DirectoryRepository(dynamo, clock);
    this.clock = clock;
    this.queue = queue;
    this.store = store;
  }

  /**
   * {@code POST /v1/me/export}: the latest job when it is still under way (QUEUED, RUNNING, READY) or was
   * requested within the hour; otherwise a new QUEUED job. Two requests at once: one creates, the other
   * finds it (the latest-job item is written conditionally). A QUEUED job's message is sent again (a
   * send lost after the commit is not lost for good; the worker ignores a duplicate).
   */
  public Requested request(String subject, ExportRequest body) {
    String language = body.language();
    if (language == null || !LANGUAGES.contains(language)) { // Set.of(...).contains(null) throws
      throw new ApiException.Invalid(List.of(Violation.of("language", "privacy.export.badLanguage",
          String.valueOf(language))));
    }
    Caller caller = directory.caller(subject);
    if (caller.grants().isEmpty()) {
      throw new ApiException.NotFound();
    }
    Instant now = clock.instant();
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ExportJobs.Job> latest = jobs.latest(subject);
      if (latest.isPresent() && (underWay(latest.get(), now) || latest.get().requestedAt().plus(ONE_PER).isAfter(now))) {
        if (latest.get().status() == ExportJob.Status.QUEUED) {
          queue.send(ExportQueue.message(ExportQueue.BUILD, subject, latest.get().id(), now), Duration.ZERO);
        }
        return new Requested(view(latest.get(), now), false);
      }
      String id = Ids.newId(now.toEpochMilli());
      if (jobs.create(subject, id, language, now, latest.map(ExportJobs.Job::id).orElse(null))) {
        queue.send(ExportQueue.message(ExportQueue.BUILD, subject, id, now), Duration.ZERO);
        return new Requested(view(jobs.job(subject, id).orElseThrow(), now), true);
      }
    }
    throw new ApiException.Conflict("privacy.export.busy");
  }

  /**
   * {@code GET /v1/me/exports/{exportId}}: the job; the first GET that finds it READY turns it DOWNLOADED
   * (conditionally: of two GETs at once, one wins) and alone answers the link, valid {@link #LINK_VALIDITY};
   * the archive is purged {@link #PURGE_AFTER} later.
   */
  public ExportJob get(String subject, String exportId) {
    ExportJobs.Job job = jobs.job(subject, exportId).orElseThrow(ApiException.NotFound::new);
    Instant now = clock.instant();
    if (job.status() == ExportJob.Status.READY && !expired(job, now) && jobs.handOut(job, now)) {
      ExportStore.Link link = store.link(job.blobKey(), now, LINK_VALIDITY);
      if (!store.oneTimeLinks()) {
        queue.send(ExportQueue.message(ExportQueue.PURGE, subject, exportId, now), PURGE_AFTER);
      }
      ExportJob shown = view(job, now);
      return new ExportJob(shown.id(), ExportJob.Status.READY, shown.requestedAt(), shown.readyAt(),
          SchoolTime.show(now), link.url(), SchoolTime.show(link.expiresAt()), shown.nextExportAt());
    }
    return view(jobs.job(subject, exportId).orElseThrow(ApiException.NotFound::new), now);
  }

  private static boolean underWay(ExportJobs.Job job, Instant now) {
    return job.status() == ExportJob.Status.QUEUED || job.status() == ExportJob.Status.RUNNING
        || job.status() == ExportJob.Status.READY && !expired(job, now);
  }

  private static boolean expired(ExportJobs.Job job, Instant now) {
    return job.readyAt() != null && !job.readyAt().plus(ARCHIVE_KEPT).isAfter(now);
  }

  private static ExportJob view(ExportJobs.Job job, Instant now) {
    ExportJob.Status status = job.status() == ExportJob.Status.READY && expired(job, now)
        ? ExportJob.Status.EXPIRED : job.status();
    Instant next = job.requestedAt().plus(ONE_PER);
    return new ExportJob(job.id(), status, SchoolTime.show(job.requestedAt()), show(job.readyAt()),
        show(job.downloadedAt()), null, null, SchoolTime.show(next.isAfter(now) || underWay(job, now) ? next : now));
  }

  private static java.time.OffsetDateTime show(Instant instant) {
    return instant == null ? null : SchoolTime.show(instant);
  }
}
