package vn.lienlac.app.grades;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.records.RecordsViews;

/**
 * A child's results: the school year and the period (HK I, HK II, Cả năm), the level, then one line
 * per subject, and for the year the other results (conduct, absences, promotion, award). Every
 * text wraps: nothing is cut at a phone's 375 px.
 */
public final class GradesView {
  private final GradesViewModel model;
  private final AppText text;

  public GradesView(GradesViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  /** The screen, loading the first report. */
  public Node build() {
    ComboBox<String> year = new ComboBox<>(model.schoolYears());
    year.setId("school-year");
    year.setConverter(new StringConverter<>() {
      @Override
      public String toString(String schoolYear) {
        return GradesViewModel.yearLabel(schoolYear);
      }

      @Override
      public String fromString(String s) {
        return null;
      }
    });
    year.setValue(model.schoolYearProperty().get());
    year.setMinWidth(Region.USE_PREF_SIZE);

    ToggleGroup periods = new ToggleGroup();
    HBox periodBar = new HBox();
    periodBar.getStyleClass().add("segmented");
    GradesViewModel.Period[] all = GradesViewModel.Period.values();
    for (int i = 0; i < all.length; i++) {
      GradesViewModel.Period period = all[i];
      ToggleButton button = new ToggleButton(text.get("records.period." + period.name()));
      button.setId(period == GradesViewModel.Period.YEAR ? "term-year" : "term-" + period.name());
      button.setToggleGroup(periods);
      button.getStyleClass().add(i == 0 ? "left-pill" : i == all.length - 1 ? "right-pill" : "center-pill");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setMinWidth(Region.USE_PREF_SIZE);
      HBox.setHgrow(button, Priority.ALWAYS);
      button.setSelected(model.periodProperty().get() == period);
      button.setOnAction(e -> {
        button.setSelected(true); // a segment stays chosen when pressed again
        if (model.periodProperty().get() != period) {
          model.select(year.getValue(), period);
        }
      });
      periodBar.getChildren().add(button);
    }
    HBox.setHgrow(periodBar, Priority.ALWAYS);
    year.valueProperty().addListener((o, was, now) -> {
      if (now != null && !now.equals(model.schoolYearProperty().get())) {
        model.select(now, model.periodProperty().get());
      }
    });
    HBox choose = new HBox(8, year, periodBar);
    choose.setAlignment(Pos.CENTER_LEFT);

    Label level = RecordsViews.wrapped(new Label());
    level.setId("level");
    level.getStyleClass().add("level");
    level.textProperty().bind(model.levelProperty());
    level.visibleProperty().bind(Bindings.createBooleanBinding(
        () -> model.levelProperty().get() != null && !model.levelProperty().get().isEmpty(), model.levelProperty()));
    level.managedProperty().bind(level.visibleProperty());
    Label stale = Views.staleNote(model);

    VBox subjects = new VBox(6);
    subjects.setId("grades");
    subjects.getStyleClass().add("grades");
    VBox facts = new VBox(6);
    facts.setId("facts");
    VBox qualities = new VBox(6);
    qualities.setId("qualities");
    VBox notes = new VBox(4);
    notes.setId("notes");
    model.rows().addListener((ListChangeListener<GradesViewModel.Row>) change -> fillRows(subjects, model.rows(), "average-"));
    model.qualities().addListener((ListChangeListener<GradesViewModel.Row>) change -> fillRows(qualities, model.qualities(), "quality-"));
    model.facts().addListener((ListChangeListener<GradesViewModel.Fact>) change -> fillFacts(facts));
    model.notes().addListener((ListChangeListener<String>) change -> fillNotes(notes));
    Label qualitiesTitle = RecordsViews.sectionTitle(text.get("records.qualities"));
    qualitiesTitle.visibleProperty().bind(Bindings.isNotEmpty(model.qualities()));
    qualitiesTitle.managedProperty().bind(qualitiesTitle.visibleProperty());
    Label factsTitle = RecordsViews.sectionTitle(text.get("records.yearResults"));
    factsTitle.visibleProperty().bind(Bindings.isNotEmpty(model.facts()));
    factsTitle.managedProperty().bind(factsTitle.visibleProperty());

    VBox content = new VBox(10, level, subjects, factsTitle, facts, qualitiesTitle, qualities, notes);
    content.getStyleClass().add("records-content");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setId("grades-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    VBox screen = new VBox(8, choose, stale, Views.failureBanner(model, text), Views.spinner(model), scroll);
    VBox.setVgrow(screen, Priority.ALWAYS);
    model.load();
    return screen;
  }

  private void fillRows(VBox table, List<GradesViewModel.Row> rows, String idPrefix) {
    table.getChildren().clear();
    int r = 0;
    for (GradesViewModel.Row row : rows) {
      Label subject = RecordsViews.wrapped(new Label(row.subject()));
      subject.getStyleClass().add("subject");
      subject.setMinWidth(0);
      HBox.setHgrow(subject, Priority.ALWAYS);
      Label result = new Label(row.result());
      result.setId(idPrefix + r);
      result.setMinWidth(Region.USE_PREF_SIZE);
      Label scores = row.scores().isEmpty() ? null : RecordsViews.wrapped(new Label(row.scores()));
      if (scores != null) {
        scores.getStyleClass().add("scores");
      }
      Node line;
      if (!model.primaryProperty().get()) {
        // An average or Đạt / Chưa đạt: in a column on the right, as on a report card.
        result.getStyleClass().add(idPrefix.equals("average-") ? "average" : "rating");
        VBox name = scores == null ? new VBox(2, subject) : new VBox(2, subject, scores);
        name.setMinWidth(0);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox box = new HBox(8, name, result);
        box.setAlignment(Pos.CENTER_LEFT);
        line = box;
      } else {
        // Circular 27 words ("Hoàn thành tốt"): a badge beside the name, the details below at full width.
        result.getStyleClass().add("rating-badge");
        HBox top = row.result().isEmpty() ? new HBox(8, subject) : new HBox(8, subject, result);
        top.setAlignment(Pos.TOP_LEFT);
        line = scores == null ? new VBox(2, top) : new VBox(2, top, scores);
      }
      line.getStyleClass().add("grade-line");
      table.getChildren().add(line);
      r++;
    }
  }

  private void fillFacts(VBox box) {
    box.getChildren().clear();
    for (GradesViewModel.Fact fact : model.facts()) {
      box.getChildren().add(RecordsViews.fact(fact.id(), fact.label(), fact.value()));
    }
  }

  private void fillNotes(VBox box) {
    box.getChildren().clear();
    for (String note : model.notes()) {
      Label label = RecordsViews.wrapped(new Label(note));
      label.getStyleClass().add("note");
      box.getChildren().add(label);
    }
  }
}
