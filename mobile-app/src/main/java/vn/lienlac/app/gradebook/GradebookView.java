package vn.lienlac.app.gradebook;

import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/**
 * Gradebook entry for one subject: one card per pupil (name and the API's average on top, then
 * regular / midterm / final fields), the row's error right under its fields, "Lưu" at the bottom.
 * Ids: {@code gb-regular-{studentId}}, {@code gb-midterm-…}, {@code gb-final-…}, {@code gb-average-…},
 * {@code gb-error-…}, {@code gb-save}, {@code gb-notice}.
 */
public final class GradebookView {
  private final GradebookViewModel model;
  private final AppText text;

  public GradebookView(GradebookViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    Label title = Views.title("");
    title.textProperty().bind(model.titleProperty());
    Label hint = new Label();
    hint.setId("gb-hint");
    hint.getStyleClass().add("gb-hint");
    hint.setWrapText(true);
    hint.textProperty().bind(model.hintProperty());
    Label notice = Views.note(model.noticeProperty(), "gb-notice", "teacher-notice");

    VBox list = new VBox(8);
    list.setId("gradebook");
    model.rows().addListener((ListChangeListener<GradebookViewModel.Row>) change -> fill(list));
    ScrollPane scroll = Views.scroll(list);
    scroll.setPrefHeight(120); // grows to fill; a tall pref would squeeze the wrapped labels above it to one line

    Button save = Views.submit("gb-save", text.get("teacher.save"), null, model, model::save);

    VBox screen = Views.screen(title, hint, Views.failureBanner(model, text), notice, Views.spinner(model), scroll,
        save);
    model.load();
    return screen;
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    for (GradebookViewModel.Row row : model.rows()) {
      String id = row.studentId();
      Label name = new Label(row.pupil());
      name.getStyleClass().add("subject");
      name.setWrapText(true);
      HBox.setHgrow(name, Priority.ALWAYS);
      name.setMaxWidth(Double.MAX_VALUE);
      Label average = new Label();
      average.setId("gb-average-" + id);
      average.getStyleClass().add("average");
      average.textProperty().bind(row.average);
      average.setMinWidth(Region.USE_PREF_SIZE);
      HBox top = new HBox(8, name, average);

      TextField regular = field("gb-regular-" + id, "teacher.gradebook.regular", row.regular);
      HBox.setHgrow(regular, Priority.ALWAYS);
      TextField midterm = field("gb-midterm-" + id, "teacher.gradebook.midterm", row.midterm);
      TextField finalExam = field("gb-final-" + id, "teacher.gradebook.final", row.finalExam);
      midterm.setPrefColumnCount(3);
      finalExam.setPrefColumnCount(3);
      HBox fields = new HBox(6, regular, midterm, finalExam);
      row.invalid.addListener((SetChangeListener<String>) change -> {
        mark(regular, row.invalid.contains(GradebookViewModel.REGULAR));
        mark(midterm, row.invalid.contains(GradebookViewModel.MIDTERM));
        mark(finalExam, row.invalid.contains(GradebookViewModel.FINAL));
      });

      Label error = Views.note(row.error, "gb-error-" + id, "failure-text");

      VBox card = new VBox(4, top, fields, error);
      card.setId("gb-row-" + id);
      card.getStyleClass().add("card");
      row.error.addListener((o, was, now) -> {
        card.getStyleClass().remove("row-refused");
        if (now != null) {
          card.getStyleClass().add("row-refused");
          if (firstRefused(row)) {
            javafx.application.Platform.runLater(() -> reveal(card));
          }
        }
      });
      list.getChildren().add(card);
    }
  }

  private boolean firstRefused(GradebookViewModel.Row row) {
    for (GradebookViewModel.Row r : model.rows()) {
      if (r.error.get() != null) {
        return r == row;
      }
    }
    return false;
  }

  /** Scrolls the nearest enclosing ScrollPane so that {@code node} is in view (a refused row). */
  public static void reveal(Node node) {
    Node parent = node.getParent();
    while (parent != null && !(parent instanceof ScrollPane)) {
      parent = parent.getParent();
    }
    if (!(parent instanceof ScrollPane scroll) || scroll.getContent() == null) {
      return;
    }
    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (contentHeight <= viewport) {
      return;
    }
    double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
    scroll.setVvalue(Math.max(0, Math.min(1, (y - 16) / (contentHeight - viewport))));
  }

  private TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(text.get(prompt));
    field.textProperty().bindBidirectional(value);
    return field;
  }

  private static void mark(TextField field, boolean invalid) {
    field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), invalid);
  }
}
