package vn.lienlac.app.rosterimport;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/**
 * The office's roster tab: choose a workbook, read the dry run (counts, rejected rows with their row
 * numbers, the whole report page by page), confirm, then watch the job's progress until it is done.
 * One column, at most 760 px wide, so it reads the same on a phone and in a desktop window.
 */
public final class RosterImportView {
  private final RosterImportViewModel model;
  private final AppText text;
  private final VBox screen = new VBox(12);

  public RosterImportView(RosterImportViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    screen.setId("roster-import");
    screen.setMaxWidth(760);

    // 1. Choose and upload.
    Label intro = new Label(text.get("roster.intro"));
    intro.setWrapText(true);
    CheckBox partial = new CheckBox(text.get("roster.partial"));
    partial.setId("roster-partial");
    partial.setWrapText(true);
    partial.selectedProperty().bindBidirectional(model.partialProperty());
    Button choose = new Button(text.get("roster.choose"), new FontIcon("mdal-file_upload"));
    choose.setId("roster-choose");
    choose.getStyleClass().add("accent");
    choose.disableProperty().bind(model.busyProperty());
    choose.setOnAction(e -> chooser().choose(screen.getScene() == null ? null : screen.getScene().getWindow())
        .ifPresent(model::upload));
    VBox choosing = section("roster-step-choose", intro, partial, choose);
    showIn(choosing, RosterImportViewModel.Phase.CHOOSE);

    // The file and the numbers (dry run, then what was done).
    Label file = new Label();
    file.setId("roster-file");
    file.setWrapText(true);
    file.getStyleClass().add("subject");
    file.textProperty().bind(Bindings.createStringBinding(() -> model.fileNameProperty().get() == null ? ""
        : text.format("roster.file", model.fileNameProperty().get()), model.fileNameProperty()));
    Label importId = new Label();
    importId.setId("roster-import-id");
    importId.setWrapText(true);
    importId.getStyleClass().add("hint");
    importId.textProperty().bind(Bindings.createStringBinding(() -> model.currentProperty().get() == null ? ""
        : text.format("roster.importId", model.currentProperty().get().importId()), model.currentProperty()));
    FlowPane counts = new FlowPane(8, 8);
    counts.setId("roster-counts");
    model.counts().addListener((ListChangeListener<RosterImportViewModel.Count>) c -> fillCounts(counts));
    Label countsTitle = new Label(text.get("roster.dryRunTitle"));
    countsTitle.getStyleClass().add("subject");
    countsTitle.textProperty().bind(Bindings.createStringBinding(() -> text.get(
        model.phaseProperty().get() == RosterImportViewModel.Phase.PLANNED ? "roster.dryRunTitle" : "roster.countsTitle"),
        model.phaseProperty()));
    VBox numbers = section("roster-numbers", file, importId, countsTitle, counts);
    numbers.visibleProperty().bind(model.currentProperty().isNotNull());
    numbers.managedProperty().bind(numbers.visibleProperty());

    // 2. The dry run: rejected rows, confirm, and the whole report.
    Label rejectedTitle = new Label();
    rejectedTitle.setId("roster-rejected-title");
    rejectedTitle.getStyleClass().add("subject");
    rejectedTitle.setWrapText(true);
    rejectedTitle.textProperty().bind(Bindings.createStringBinding(() -> {
      int rejectedRows = model.currentProperty().get() == null ? 0 : model.currentProperty().get().counts().rejected();
      return rejectedRows == 0 ? text.get("roster.noRejections")
          : text.format("roster.rejectedTitle", String.valueOf(rejectedRows));
    }, model.currentProperty()));
    VBox rejected = new VBox(6);
    rejected.setId("roster-rejections");
    model.rejections().addListener((ListChangeListener<RosterImportViewModel.Line>) c ->
        fillLines(rejected, model.rejections(), "rejection"));
    Label confirmHint = new Label(text.get("roster.confirmHint"));
    confirmHint.setWrapText(true);
    Button confirm = new Button(text.get("roster.confirm"), new FontIcon("mdal-check"));
    confirm.setId("roster-confirm");
    confirm.getStyleClass().add("accent");
    confirm.disableProperty().bind(model.busyProperty());
    confirm.setOnAction(e -> model.confirm());
    Button cancel = new Button(text.get("roster.cancel"));
    cancel.setId("roster-cancel");
    cancel.setOnAction(e -> model.startOver());
    FlowPane actions = new FlowPane(8, 8, confirm, cancel);
    Label reportTitle = new Label(text.get("roster.reportTitle"));
    reportTitle.getStyleClass().add("subject");
    VBox report = new VBox(6);
    report.setId("roster-report");
    model.report().addListener((ListChangeListener<RosterImportViewModel.Line>) c ->
        fillLines(report, model.report(), "report"));
    Button more = new Button(text.get("office.more"));
    more.setId("roster-report-more");
    more.visibleProperty().bind(model.moreReportProperty());
    more.managedProperty().bind(more.visibleProperty());
    more.setOnAction(e -> model.loadMoreReport());
    VBox planned = section("roster-step-planned", rejectedTitle, rejected, confirmHint, actions, reportTitle, report, more);
    showIn(planned, RosterImportViewModel.Phase.PLANNED);

    // 3. The job: progress until done.
    Label running = new Label(text.get("roster.running"));
    running.setWrapText(true);
    ProgressBar bar = new ProgressBar();
    bar.setId("roster-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(model.progressProperty());
    Label progressText = new Label();
    progressText.setId("roster-progress-text");
    progressText.textProperty().bind(model.progressTextProperty());
    Label pollNote = Views.note(model.pollNoteProperty(), "roster-poll-note", "stale");
    Label outcome = Views.note(model.outcomeProperty(), "roster-outcome", "subject");
    Button another = new Button(text.get("roster.another"));
    another.setId("roster-another");
    another.setOnAction(e -> model.startOver());
    another.visibleProperty().bind(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.DONE)
        .or(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.FAILED)));
    another.managedProperty().bind(another.visibleProperty());
    running.visibleProperty().bind(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.RUNNING));
    running.managedProperty().bind(running.visibleProperty());
    VBox job = section("roster-step-job", running, bar, progressText, pollNote, outcome, another);
    job.visibleProperty().bind(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.RUNNING)
        .or(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.DONE))
        .or(model.phaseProperty().isEqualTo(RosterImportViewModel.Phase.FAILED)));
    job.managedProperty().bind(job.visibleProperty());

    screen.getChildren().addAll(Views.title(text.get("roster.title")), Views.failureBanner(model, text),
        Views.spinner(model), choosing, job, numbers, planned);
    VBox centred = new VBox(screen);
    centred.setAlignment(Pos.TOP_CENTER);
    ScrollPane scroll = Views.scroll(centred);
    scroll.getStyleClass().add("edge-to-edge");
    VBox outer = Views.screen(scroll);
    outer.setId("roster-screen");
    outer.setAlignment(Pos.TOP_CENTER);
    // Polling stops when the tab is left; the import is remembered and resumed when it is opened again.
    outer.sceneProperty().addListener((o, was, now) -> {
      if (now == null) {
        model.stop();
      }
    });
    model.resume();
    return outer;
  }

  /** The chooser a test put on the screen node, else the desktop's file dialog. */
  private WorkbookChooser chooser() {
    Node outer = screen.getParent();
    while (outer != null && !"roster-screen".equals(outer.getId())) {
      outer = outer.getParent();
    }
    Object given = outer == null ? null : outer.getProperties().get(WorkbookChooser.KEY);
    if (given instanceof WorkbookChooser chooser) {
      return chooser;
    }
    return WorkbookChooser.desktop(text.get("roster.choose"), text.get("roster.filter"));
  }

  private void showIn(Node node, RosterImportViewModel.Phase phase) {
    node.visibleProperty().bind(model.phaseProperty().isEqualTo(phase));
    node.managedProperty().bind(node.visibleProperty());
  }

  private static VBox section(String id, Node... children) {
    VBox box = new VBox(8, children);
    box.setId(id);
    box.getStyleClass().add("card");
    return box;
  }

  private void fillCounts(FlowPane pane) {
    pane.getChildren().clear();
    for (RosterImportViewModel.Count count : model.counts()) {
      Label number = new Label(String.valueOf(count.value()));
      number.setId("count-" + count.id());
      number.getStyleClass().add("stat-number");
      if (count.id().equals("rejected") && count.value() > 0) {
        number.getStyleClass().add("failure-text");
      }
      Label name = new Label(count.label());
      name.setWrapText(true);
      name.getStyleClass().add("stat-label");
      VBox tile = new VBox(2, number, name);
      tile.getStyleClass().add("stat-tile");
      tile.setPrefWidth(104);
      tile.setMinWidth(96);
      pane.getChildren().add(tile);
    }
  }

  private static void fillLines(VBox box, java.util.List<RosterImportViewModel.Line> lines, String prefix) {
    box.getChildren().clear();
    int i = 0;
    for (RosterImportViewModel.Line line : lines) {
      Label where = new Label(line.where());
      where.setId(prefix + "-row-" + i);
      where.getStyleClass().add("subject");
      where.setMinWidth(70);
      Label who = new Label(line.who());
      who.setWrapText(true);
      who.setVisible(!line.who().isEmpty());
      who.setManaged(who.isVisible());
      Label what = new Label(line.what());
      what.setId(prefix + "-what-" + i);
      what.setWrapText(true);
      what.getStyleClass().add(line.rejected() ? "failure-text" : "scores");
      GridPane row = new GridPane();
      row.setHgap(8);
      row.add(where, 0, 0);
      row.add(new VBox(2, who, what), 1, 0);
      GridPane.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
      row.getStyleClass().add("roster-line");
      box.getChildren().add(row);
      i++;
    }
  }

  /** For tests: the chooser that gives this file. */
  public static WorkbookChooser giving(Path file) {
    return owner -> Optional.of(file);
  }
}
