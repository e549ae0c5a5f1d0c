package vn.lienlac.app.rosterimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.app.officeannouncements.OfficeSchool;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.client.NetworkException;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.roster.ImportRow;
import vn.lienlac.model.roster.RosterImport;

/**
 * The office imports the school's roster (issue 15's API): a workbook (or CSV) is uploaded as it is
 * for a dry run; its counts and every rejected row (with the row number the spreadsheet shows) are
 * shown, and the whole report a page at a time; staff confirm the counts; then the job's progress is
 * polled until it is done. A poll that loses the network keeps trying and resumes on its own; the
 * import under way is remembered (offline cache), so leaving the tab and coming back resumes it too.
 */
public final class RosterImportViewModel extends ScreenModel {
  /** Where the import stands, as the screen shows it. */
  public enum Phase { CHOOSE, PLANNED, RUNNING, DONE, FAILED }

  /** One number of the dry run (or of the finished import). */
  public record Count(String id, String label, int value) {}

  /** One line of the report: where in the file, who, and what happens (or why not). */
  public record Line(String where, String who, String what, boolean rejected) {}

  /** What the cache keeps of the import under way. */
  public record Remembered(String schoolId, String importId) {}

  static final long MAX_BYTES = 4L * 1024 * 1024;
  /** The report is read on, page after page, until it has at least this many lines (or ends). */
  static final int SCREENFUL = 100;

  private final String schoolId;
  private final Duration pollEvery;
  private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.CHOOSE);
  private final ObjectProperty<RosterImport> current = new SimpleObjectProperty<>();
  private final StringProperty fileName = new SimpleStringProperty();
  private final BooleanProperty partial = new SimpleBooleanProperty(true);
  private final ObservableList<Count> counts = FXCollections.observableArrayList();
  private final ObservableList<Line> rejections = FXCollections.observableArrayList();
  private final ObservableList<Line> report = FXCollections.observableArrayList();
  private final BooleanProperty moreReport = new SimpleBooleanProperty();
  private final DoubleProperty progress = new SimpleDoubleProperty();
  private final StringProperty progressText = new SimpleStringProperty("");
  private final StringProperty pollNote = new SimpleStringProperty();
  private final StringProperty outcome = new SimpleStringProperty();
  private String reportNext;
  /** The import was read again (GET answers no rejections): the rejected rows come from the report pages. */
  private boolean rejectionsFromReport;
  private boolean stopped;
  private int pollFailures;

  public RosterImportViewModel(AppContext context) {
    this(context, Duration.ofSeconds(1));
  }

  public RosterImportViewModel(AppContext context, Duration pollEvery) {
    super(context);
    this.schoolId = OfficeSchool.of(context.me());
    this.pollEvery = pollEvery;
  }

  public ObjectProperty<Phase> phaseProperty() {
    return phase;
  }

  /** The import as the API last answered it. */
  public ObjectProperty<RosterImport> currentProperty() {
    return current;
  }

  public StringProperty fileNameProperty() {
    return fileName;
  }

  /** The file is part of the school (some classes): pupils it does not list stay as they are. */
  public BooleanProperty partialProperty() {
    return partial;
  }

  public ObservableList<Count> counts() {
    return counts;
  }

  /** Every rejected row of the dry run, with its reasons. */
  public ObservableList<Line> rejections() {
    return rejections;
  }

  /** The whole report, row by row, as far as it has been paged. */
  public ObservableList<Line> report() {
    return report;
  }

  public BooleanProperty moreReportProperty() {
    return moreReport;
  }

  /** 0..1, or -1 while the total is not known yet. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  /** "12 / 30 dòng". */
  public StringProperty progressTextProperty() {
    return progressText;
  }

  /** Set while polling has lost the network (it keeps trying). */
  public StringProperty pollNoteProperty() {
    return pollNote;
  }

  /** What the finished import did, or why it failed. */
  public StringProperty outcomeProperty() {
    return outcome;
  }

  private String cacheKey() {
    return "roster-import-" + schoolId;
  }

  /** On opening the screen: the import under way (if any) is read again and followed. */
  public void resume() {
    if (schoolId == null) {
      errorProperty().set(text.get("office.noSchool"));
      return;
    }
    context.cache().get(cacheKey(), Remembered.class).map(vn.lienlac.app.core.OfflineCache.Entry::value)
        .filter(remembered -> remembered.importId() != null).ifPresent(remembered ->
        load(() -> context.client().rosterImport(schoolId, remembered.importId()), state -> {
          show(state);
          if (state.status() == RosterImport.Status.PLANNED) {
            loadReport();
          } else if (state.status() == RosterImport.Status.RUNNING) {
            poll();
          }
        }, this::resume));
  }

  /** Reads the chosen file and uploads it for a dry run (all off the UI thread). */
  public void upload(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String type = lower.endsWith(".xlsx") ? LienlacClient.XLSX : lower.endsWith(".csv") ? "text/csv" : null;
    if (type == null) {
      errorProperty().set(text.get("roster.wrongType"));
      canRetryProperty().set(false);
      return;
    }
    fileName.set(name);
    boolean onlySome = partial.get();
    load(() -> {
      if (Files.size(file) > MAX_BYTES) {
        return null;
      }
      return context.client().uploadRoster(schoolId, Files.readAllBytes(file), type, name, onlySome);
    }, planned -> {
      if (planned == null) {
        errorProperty().set(text.get("roster.tooLarge"));
        return;
      }
      remember(planned);
      show(planned);
      loadReport();
    }, () -> upload(file));
  }

  /** The first page of the whole report. */
  public void loadReport() {
    RosterImport state = current.get();
    if (state == null) {
      return;
    }
    load(() -> context.client().rosterImportRows(schoolId, state.importId(), null), page -> {
      report.setAll(lines(page.items()));
      if (rejectionsFromReport) {
        rejections.setAll(report.stream().filter(Line::rejected).toList());
      }
      reportPage(page);
    }, this::loadReport);
  }

  /** The next page of the report. */
  public void loadMoreReport() {
    RosterImport state = current.get();
    String cursor = reportNext;
    if (state == null || cursor == null) {
      return;
    }
    load(() -> context.client().rosterImportRows(schoolId, state.importId(), cursor), page -> {
      List<Line> more = lines(page.items());
      report.addAll(more);
      if (rejectionsFromReport) {
        rejections.addAll(more.stream().filter(Line::rejected).toList());
      }
      reportPage(page);
    }, this::loadMoreReport);
  }

  /** A page is one chunk of the plan (the classes' chunk may be a line or two): read on to a screenful. */
  private void reportPage(ListResponse<ImportRow> page) {
    reportNext = page.next();
    moreReport.set(page.next() != null);
    if (page.next() != null && report.size() < SCREENFUL) {
      loadMoreReport();
    }
  }

  /** Applies the dry run with the counts shown, then follows the job. */
  public void confirm() {
    RosterImport planned = current.get();
    if (planned == null) {
      return;
    }
    load(() -> context.client().confirmRosterImport(schoolId, planned.importId(), planned.counts()), state -> {
      show(state);
      if (state.status() == RosterImport.Status.RUNNING || state.status() == RosterImport.Status.PLANNED) {
        phase.set(Phase.RUNNING);
        poll();
      }
    }, this::confirm);
  }

  /** Back to choosing a file (the finished or abandoned import is forgotten here; the API keeps it). */
  public void startOver() {
    stopped = true;
    context.cache().put(cacheKey(), new Remembered(schoolId, null), context.clock().instant());
    current.set(null);
    counts.clear();
    rejections.clear();
    report.clear();
    moreReport.set(false);
    outcome.set(null);
    pollNote.set(null);
    fileName.set(null);
    errorProperty().set(null);
    phase.set(Phase.CHOOSE);
  }

  /** The screen is gone: stop polling (the import is remembered; opening the screen resumes it). */
  public void stop() {
    stopped = true;
  }

  private void poll() {
    stopped = false;
    pollFailures = 0;
    pollOnce();
  }

  private void pollOnce() {
    if (stopped) {
      return;
    }
    RosterImport state = current.get();
    long wait = pollEvery.toMillis() * (1 + Math.min(pollFailures, 4));
    tasks.run(() -> {
      if (wait > 0) {
        Thread.sleep(wait);
      }
      return context.client().rosterImport(schoolId, state.importId());
    }, fresh -> {
      pollFailures = 0;
      pollNote.set(null);
      show(fresh);
      if (fresh.status() == RosterImport.Status.RUNNING || fresh.status() == RosterImport.Status.PLANNED) {
        pollOnce();
      }
    }, failure -> {
      if (stopped) {
        return;
      }
      if (failure instanceof NetworkException) {
        pollFailures++;
        pollNote.set(text.get("roster.pollOffline"));
        pollOnce(); // resumes by itself when the network is back
      } else {
        // Not the network: read it once more in the open, with the failure banner and its retry.
        load(() -> context.client().rosterImport(schoolId, state.importId()), fresh -> {
          show(fresh);
          if (fresh.status() == RosterImport.Status.RUNNING) {
            poll();
          }
        }, this::poll);
      }
    });
  }

  private void remember(RosterImport state) {
    context.cache().put(cacheKey(), new Remembered(schoolId, state.importId()), context.clock().instant());
  }

  private void show(RosterImport state) {
    RosterImport before = current.get();
    current.set(state);
    counts.setAll(counts(state.counts()));
    if (state.rejections() != null) {
      rejectionsFromReport = false;
      rejections.setAll(lines(state.rejections()));
    } else if (before == null || !before.importId().equals(state.importId())) {
      rejectionsFromReport = true; // GET answers no rejections: they come with the report's pages
      rejections.clear();
    }
    if (state.fileName() != null) {
      fileName.set(state.fileName());
    }
    int done = state.progress() == null ? 0 : state.progress().rowsDone();
    int total = state.progress() == null ? 0 : state.progress().rowsTotal();
    switch (state.status()) {
      case PLANNED -> phase.set(phase.get() == Phase.RUNNING ? Phase.RUNNING : Phase.PLANNED);
      case RUNNING -> phase.set(Phase.RUNNING);
      case DONE -> {
        phase.set(Phase.DONE);
        RosterImport.Counts c = state.counts();
        outcome.set(text.format("roster.done", String.valueOf(c.create()), String.valueOf(c.update()),
            String.valueOf(c.move()), String.valueOf(c.leave()), String.valueOf(c.accountsCreated()),
            String.valueOf(c.rejected())));
      }
      case FAILED -> {
        phase.set(Phase.FAILED);
        outcome.set(text.format("roster.failed", state.failure() == null ? "" : state.failure()));
      }
    }
    if (state.status() == RosterImport.Status.DONE && total == 0) {
      progress.set(1);
    } else {
      progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
    }
    progressText.set(text.format("roster.progress", String.valueOf(done), String.valueOf(total)));
  }

  private List<Count> counts(RosterImport.Counts c) {
    List<Count> all = new ArrayList<>();
    all.add(new Count("create", text.get("roster.count.create"), c.create()));
    all.add(new Count("update", text.get("roster.count.update"), c.update()));
    all.add(new Count("move", text.get("roster.count.move"), c.move()));
    all.add(new Count("leave", text.get("roster.count.leave"), c.leave()));
    all.add(new Count("unchanged", text.get("roster.count.unchanged"), c.unchanged()));
    all.add(new Count("rejected", text.get("roster.count.rejected"), c.rejected()));
    optional(all, "classesCreated", c.classesCreated());
    optional(all, "classesUpdated", c.classesUpdated());
    optional(all, "guardiansCreated", c.guardiansCreated());
    optional(all, "guardiansLinked", c.guardiansLinked());
    optional(all, "guardiansUnlinked", c.guardiansUnlinked());
    optional(all, "accountsCreated", c.accountsCreated());
    optional(all, "accountsDisabled", c.accountsDisabled());
    optional(all, "teacherGrants", c.teacherGrants());
    return all;
  }

  private void optional(List<Count> all, String id, int value) {
    if (value > 0) {
      all.add(new Count(id, text.get("roster.count." + id), value));
    }
  }

  private List<Line> lines(List<ImportRow> rows) {
    return rows.stream().map(this::line).toList();
  }

  private Line line(ImportRow row) {
    String where = row.row() == null ? "—" : text.format("roster.row", String.valueOf(row.row()));
    if (row.kind() == ImportRow.Kind.CLASS) {
      where = where + " · " + text.get("roster.classSheet");
    }
    List<String> who = new ArrayList<>();
    if (row.fullName() != null && !row.fullName().isBlank()) {
      who.add(row.fullName());
    }
    if (row.className() != null && !row.className().isBlank()) {
      who.add(row.className());
    }
    String what;
    if (row.action() == ImportRow.Action.REJECTED) {
      what = String.join("; ", (row.reasons() == null ? List.<ImportRow.Reason>of() : row.reasons()).stream()
          .map(ImportRow.Reason::message).toList());
    } else if (row.action() == ImportRow.Action.MOVE && row.fromClassName() != null) {
      what = text.format("roster.action.MOVEfrom", row.fromClassName());
    } else {
      what = text.get("roster.action." + row.action().name());
    }
    return new Line(where, String.join(" · ", who), what, row.action() == ImportRow.Action.REJECTED);
  }
}
