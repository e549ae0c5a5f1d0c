package vn.lienlac.app.leavedecisions;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/**
 * The pending leave requests to decide: one card each (pupil and class, days, reason, who asked),
 * an optional note, "Duyệt" and "Từ chối". Ids: {@code leave-{id}}, {@code leave-note-{id}},
 * {@code leave-approve-{id}}, {@code leave-decline-{id}}, {@code leave-error-{id}}, {@code leave-notice}.
 */
public final class LeaveDecisionsView {
  private final LeaveDecisionsViewModel model;
  private final AppText text;
  private final boolean withTitle;

  public LeaveDecisionsView(LeaveDecisionsViewModel model, AppText text, boolean withTitle) {
    this.model = model;
    this.text = text;
    this.withTitle = withTitle;
  }

  public Node build() {
    Label notice = Views.note(model.noticeProperty(), "leave-notice", "teacher-notice");
    Label empty = Views.note(model.emptyProperty(), "leave-empty");

    VBox list = new VBox(8);
    list.setId("leave-requests");
    model.items().addListener((ListChangeListener<LeaveDecisionsViewModel.Item>) change -> fill(list));
    ScrollPane scroll = Views.scroll(list);
    scroll.setPrefHeight(120); // grows to fill; a tall pref would squeeze the wrapped labels above it to one line

    VBox screen = Views.screen(Views.failureBanner(model, text), notice, Views.spinner(model), empty, scroll);
    if (withTitle) {
      screen.getChildren().add(0, Views.title(text.get("teacher.leave.title")));
    }
    model.load();
    return screen;
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    for (LeaveDecisionsViewModel.Item item : model.items()) {
      String id = item.id();
      Label who = new Label(item.who());
      who.getStyleClass().add("subject");
      who.setWrapText(true);
      Label days = new Label(model.days(item));
      days.getStyleClass().add("amount");
      Label reason = new Label(item.request().reason());
      reason.setWrapText(true);
      Label requested = new Label(model.requested(item));
      requested.getStyleClass().add("scores");
      requested.setWrapText(true);
      TextField note = new TextField();
      note.setId("leave-note-" + id);
      note.setPromptText(text.get("teacher.leave.note"));
      note.textProperty().bindBidirectional(item.note);
      Button approve = new Button(text.get("teacher.leave.approve"));
      approve.setId("leave-approve-" + id);
      approve.getStyleClass().add("success");
      approve.setOnAction(e -> model.approve(item));
      Button decline = new Button(text.get("teacher.leave.decline"));
      decline.setId("leave-decline-" + id);
      decline.getStyleClass().add("danger");
      decline.setOnAction(e -> model.decline(item));
      approve.disableProperty().bind(model.busyProperty());
      decline.disableProperty().bind(model.busyProperty());
      approve.setMaxWidth(Double.MAX_VALUE);
      decline.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(approve, Priority.ALWAYS);
      HBox.setHgrow(decline, Priority.ALWAYS);
      Label error = Views.note(item.error, "leave-error-" + id, "failure-text");
      VBox card = new VBox(4, who, days, reason, requested, note, error, new HBox(8, approve, decline));
      card.setId("leave-" + id);
      card.getStyleClass().add("card");
      list.getChildren().add(card);
    }
  }
}
