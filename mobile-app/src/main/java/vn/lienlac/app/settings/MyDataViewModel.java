package vn.lienlac.app.settings;

import java.time.Duration;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.model.privacy.ExportJob;

/**
 * "Tải dữ liệu của tôi" ({@code POST /v1/me/export}): asks for the archive, follows the job until
 * it is ready (off the UI thread, a bounded number of times) and opens its one download link in the
 * browser. The link is handed out once: when it was already, the parent is told when to ask again.
 */
public final class MyDataViewModel extends ScreenModel {
  private static final Set<ExportJob.Status> FINISHED =
      Set.of(ExportJob.Status.DOWNLOADED, ExportJob.Status.EXPIRED, ExportJob.Status.FAILED);

  private final Duration pollEvery;
  private final int polls;
  private final StringProperty status = new SimpleStringProperty();

  public MyDataViewModel(AppContext context) {
    this(context, Duration.ofSeconds(1), 90);
  }

  /** {@code polls} reads of the job at most, {@code pollEvery} apart. */
  public MyDataViewModel(AppContext context, Duration pollEvery, int polls) {
    super(context);
    this.pollEvery = pollEvery;
    this.polls = polls;
  }

  /** What happened to the last request, for the parent; null before any. */
  public StringProperty statusProperty() {
    return status;
  }

  public void export() {
    status.set(text.get("settings.data.preparing"));
    String language = text.locale().getLanguage();
    load(() -> {
      ExportJob job = context.client().requestExport(language);
      for (int read = 0; read < polls && !ready(job) && !FINISHED.contains(job.status()); read++) {
        if (job.status() != ExportJob.Status.READY) {
          Thread.sleep(pollEvery.toMillis());
        }
        job = context.client().export(job.id());
      }
      return job;
    }, this::show, this::export, failure -> status.set(null));
  }

  private static boolean ready(ExportJob job) {
    return job.status() == ExportJob.Status.READY && job.downloadUrl() != null;
  }

  private void show(ExportJob job) {
    String next = job.nextExportAt() == null ? "" : Formats.time(job.nextExportAt().toInstant());
    if (ready(job)) {
      context.browser().open(context.client().resolve(job.downloadUrl().toString()));
      status.set(text.format("settings.data.opened",
          job.linkExpiresAt() == null ? "" : Formats.time(job.linkExpiresAt().toInstant())));
    } else if (job.status() == ExportJob.Status.FAILED) {
      status.set(text.format("settings.data.failed", next));
    } else if (FINISHED.contains(job.status()) || job.status() == ExportJob.Status.READY) {
      status.set(text.format("settings.data.alreadyHanded", next));
    } else {
      status.set(text.get("settings.data.stillPreparing"));
    }
  }
}
