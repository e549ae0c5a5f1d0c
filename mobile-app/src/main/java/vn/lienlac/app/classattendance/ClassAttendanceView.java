package vn.lienlac.app.classattendance;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.records.AttendanceStatus;

/**
 * The register of one class on one day: the day with ‹ › to move, one line per pupil (tap the
 * name or the status to cycle it, or pick it from the small ⋮ chooser), a summary, and "Lưu".
 * Ids: {@code att-row-{studentId}} (the status, a button: the tap), {@code att-choose-{studentId}},
 * {@code att-save}, {@code att-notice}, {@code att-prev}, {@code att-next}.
 */
public final class ClassAttendanceView {
  private final ClassAttendanceViewModel model;
  private final AppText text;

  public ClassAttendanceView(ClassAttendanceViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    Button previous = new Button(null, new FontIcon("mdal-chevron_left"));
    previous.setId("att-prev");
    previous.setOnAction(e -> model.previousDay());
    Button next = new Button(null, new FontIcon("mdal-chevron_right"));
    next.setId("att-next");
    next.disableProperty().bind(model.canGoForwardProperty().not());
    next.setOnAction(e -> model.nextDay());
    Label heading = new Label();
    heading.setId("att-heading");
    heading.getStyleClass().add("subject");
    heading.setWrapText(true);
    heading.textProperty().bind(model.headingProperty());
    heading.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(heading, Priority.ALWAYS);
    HBox day = new HBox(6, previous, heading, next);
    day.setAlignment(Pos.CENTER_LEFT);

    Label hint = new Label(text.get("teacher.attendance.hint"));
    hint.getStyleClass().add("gb-hint");
    hint.setWrapText(true);
    Label summary = new Label();
    summary.setId("att-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summaryProperty());
    Label notice = Views.note(model.noticeProperty(), "att-notice", "teacher-notice");

    VBox list = new VBox(4);
    list.setId("attendance");
    model.rows().addListener((ListChangeListener<ClassAttendanceViewModel.Row>) change -> fill(list));
    ScrollPane scroll = Views.scroll(list);
    scroll.setPrefHeight(120); // grows to fill; a tall pref would squeeze the wrapped labels above it to one line

    Button save = Views.submit("att-save", text.get("teacher.save"), null, model, model::save);

    VBox screen = Views.screen(Views.title(text.get("teacher.attendance.title")), day, hint,
        Views.failureBanner(model, text), notice, Views.spinner(model), summary, scroll, save);
    model.load();
    return screen;
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    for (ClassAttendanceViewModel.Row row : model.rows()) {
      String id = row.studentId();
      Label name = new Label(row.pupil());
      name.setWrapText(true);
      Label detail = new Label(detail(row));
      detail.getStyleClass().add("scores");
      detail.setWrapText(true);
      detail.visibleProperty().bind(Bindings.isNotEmpty(detail.textProperty()));
      detail.managedProperty().bind(detail.visibleProperty());
      VBox who = new VBox(2, name, detail);
      who.setAlignment(Pos.CENTER_LEFT);
      who.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(who, Priority.ALWAYS);
      // The tap target: the status chip (the whole line forwards its clicks to it).
      Button status = new Button();
      status.setId("att-row-" + id);
      status.setMinWidth(Region.USE_PREF_SIZE);
      status.setOnAction(e -> model.cycle(row));
      Runnable paint = () -> {
        status.setText(text.get("teacher.attendance.status." + row.status.get().name()));
        status.getStyleClass().setAll("button", "att-status", "att-" + row.status.get().name().toLowerCase());
        detail.setText(detail(row));
      };
      row.status.addListener((o, was, now) -> paint.run());
      paint.run();

      MenuButton choose = new MenuButton(null, new FontIcon("mdmz-more_vert"));
      choose.setId("att-choose-" + id);
      choose.getStyleClass().addAll("flat", "no-arrow", "att-choose");
      for (AttendanceStatus option : ClassAttendanceViewModel.CYCLE) {
        MenuItem item = new MenuItem(text.get("teacher.attendance.status." + option.name()));
        item.setId("att-set-" + option.name() + "-" + id);
        item.setOnAction(e -> model.set(row, option));
        choose.getItems().add(item);
      }

      Label error = Views.note(row.error, null, "failure-text");

      HBox line = new HBox(6, who, status, choose);
      line.setAlignment(Pos.CENTER_LEFT);
      line.getStyleClass().add("att-row");
      who.setOnMouseClicked(e -> model.cycle(row));
      VBox card = new VBox(2, line, error);
      card.getStyleClass().add("att-card");
      list.getChildren().add(card);
    }
  }

  private String detail(ClassAttendanceViewModel.Row row) {
    String note = row.note() == null ? "" : row.note();
    if (row.onLeave()) {
      return note.isEmpty() ? text.get("teacher.attendance.onLeave") : text.get("teacher.attendance.onLeave") + " · " + note;
    }
    return note;
  }
}
