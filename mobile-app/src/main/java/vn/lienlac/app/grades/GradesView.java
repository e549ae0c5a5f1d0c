package vn.lienlac.app.grades;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.identity.Me;

/** A child's term grades: a child picker, the level, then one line per subject. */
public final class GradesView {
  private final GradesViewModel model;
  private final AppText text;

  public GradesView(GradesViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    ComboBox<Me.Child> child = new ComboBox<>(model.children());
    child.setId("child");
    child.setMaxWidth(Double.MAX_VALUE);
    child.setConverter(new StringConverter<>() {
      @Override
      public String toString(Me.Child c) {
        return c == null ? "" : c.fullName() + " · " + c.className();
      }

      @Override
      public Me.Child fromString(String s) {
        return null;
      }
    });
    child.valueProperty().bindBidirectional(model.childProperty());
    child.valueProperty().addListener((o, was, now) -> model.load());

    Label level = new Label();
    level.setId("level");
    level.getStyleClass().add("level");
    level.textProperty().bind(model.levelProperty());
    Label stale = new Label();
    stale.setId("stale");
    stale.getStyleClass().add("stale");
    stale.setWrapText(true);
    stale.textProperty().bind(model.staleNoteProperty());
    stale.visibleProperty().bind(model.staleNoteProperty().isNotNull());
    stale.managedProperty().bind(stale.visibleProperty());

    GridPane table = new GridPane();
    table.setId("grades");
    table.getStyleClass().add("grades");
    table.setHgap(8);
    table.setVgap(6);
    model.rows().addListener((ListChangeListener<GradesViewModel.Row>) change -> fill(table));
    ScrollPane scroll = new ScrollPane(table);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    VBox screen = Views.screen(Views.title(text.get("grades.title")), new Label(text.get("grades.term")), child,
        stale, Views.failureBanner(model, text), Views.spinner(model), level, scroll);
    model.load();
    return screen;
  }

  private void fill(GridPane table) {
    table.getChildren().clear();
    int r = 0;
    for (GradesViewModel.Row row : model.rows()) {
      Label subject = new Label(row.subject());
      subject.getStyleClass().add("subject");
      Label scores = new Label(row.scores());
      scores.getStyleClass().add("scores");
      scores.setWrapText(true);
      Label result = new Label(row.result());
      result.getStyleClass().add("average");
      result.setId("average-" + r);
      table.add(new VBox(2, subject, scores), 0, r);
      table.add(result, 1, r);
      GridPane.setHgrow(table.getChildren().get(table.getChildren().size() - 2), Priority.ALWAYS);
      r++;
    }
  }
}
