package vn.lienlac.app.leave;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.records.RecordsViews;

/**
 * The child's leave requests ({@code #leave-<id>}, status {@code #leave-status-<id>}) with "Xin nghỉ"
 * ({@code #leave-new}), and the form: {@code #leave-from}, {@code #leave-to}, {@code #leave-reason},
 * each with the API's message beside it ({@code #leave-from-error}...), {@code #leave-send}.
 */
public final class LeaveView {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  private final LeaveViewModel model;
  private final AppText text;

  public LeaveView(LeaveViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    Node list = list();
    Node form = form();
    list.visibleProperty().bind(model.formOpenProperty().not());
    form.visibleProperty().bind(model.formOpenProperty());
    StackPane pages = new StackPane(list, form);
    VBox.setVgrow(pages, Priority.ALWAYS);
    VBox screen = new VBox(8, Views.failureBanner(model, text), Views.spinner(model), pages);
    model.load();
    return screen;
  }

  private Node list() {
    Button request = new Button(text.get("leave.new"), new FontIcon("mdal-add"));
    request.setId("leave-new");
    request.getStyleClass().add("accent");
    request.setMaxWidth(Double.MAX_VALUE);
    request.setOnAction(e -> model.openForm());
    Label sent = RecordsViews.wrapped(new Label());
    sent.setId("leave-sent");
    sent.getStyleClass().add("success-note");
    sent.textProperty().bind(model.confirmationProperty());
    sent.visibleProperty().bind(sent.textProperty().isNotNull());
    sent.managedProperty().bind(sent.visibleProperty());

    VBox cards = new VBox(8);
    cards.setId("leave-list");
    model.rows().addListener((ListChangeListener<LeaveViewModel.Row>) change -> fill(cards));
    fill(cards);
    ScrollPane scroll = Views.scroll(cards);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return new VBox(8, request, sent, Views.staleNote(model), scroll);
  }

  private void fill(VBox cards) {
    cards.getChildren().clear();
    if (model.rows().isEmpty()) {
      Label none = RecordsViews.wrapped(new Label(text.get("leave.empty")));
      none.setId("leave-empty");
      cards.getChildren().add(none);
    }
    for (LeaveViewModel.Row row : model.rows()) {
      String id = row.request().id();
      Label dates = RecordsViews.wrapped(new Label(row.dates()));
      dates.getStyleClass().add("subject");
      Label status = new Label(row.status());
      status.setId("leave-status-" + id);
      status.getStyleClass().addAll("leave-status", "leave-" + row.request().status().name());
      status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      dates.setMinWidth(0);
      HBox.setHgrow(dates, Priority.ALWAYS);
      HBox top = new HBox(8, dates, status);
      top.setAlignment(Pos.TOP_LEFT);
      VBox card = new VBox(4, top, RecordsViews.lines("leave-reason", row.reason()),
          RecordsViews.lines("scores", row.sent(), row.answer()));
      card.setId("leave-" + id);
      card.getStyleClass().add("card");
      cards.getChildren().add(card);
    }
  }

  private Node form() {
    Label title = RecordsViews.wrapped(new Label());
    title.getStyleClass().add("section-title");
    title.textProperty().bind(Bindings.createStringBinding(
        () -> text.format("leave.formTitle", model.childName()), model.formOpenProperty()));
    DatePicker from = datePicker("leave-from");
    from.valueProperty().bindBidirectional(model.fromProperty());
    DatePicker to = datePicker("leave-to");
    to.valueProperty().bindBidirectional(model.toProperty());
    TextArea reason = new TextArea();
    reason.setId("leave-reason");
    reason.setWrapText(true);
    reason.setPrefRowCount(4);
    reason.setPromptText(text.get("leave.reasonPrompt"));
    reason.textProperty().bindBidirectional(model.reasonProperty());

    Button send = new Button(text.get("leave.send"), new FontIcon("mdmz-send"));
    send.setId("leave-send");
    send.getStyleClass().add("accent");
    send.setDefaultButton(true);
    send.disableProperty().bind(model.busyProperty());
    send.setOnAction(e -> {
      from.setValue(committed(from));
      to.setValue(committed(to));
      model.submit();
    });
    Button cancel = new Button(text.get("leave.cancel"));
    cancel.setId("leave-cancel");
    cancel.setOnAction(e -> model.cancel());
    HBox buttons = new HBox(8, send, cancel);
    Label hint = RecordsViews.wrapped(new Label(text.get("leave.hint")));
    hint.getStyleClass().add("note");

    VBox fields = new VBox(6, title,
        Views.field(text.get("leave.from"), from, model.fromErrorProperty(), "leave-from-error"),
        Views.field(text.get("leave.to"), to, model.toErrorProperty(), "leave-to-error"),
        Views.field(text.get("leave.reason"), reason, model.reasonErrorProperty(), "leave-reason-error"),
        hint, buttons);
    fields.getStyleClass().add("records-content");
    ScrollPane scroll = new ScrollPane(fields);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  private static DatePicker datePicker(String id) {
    DatePicker picker = new DatePicker();
    picker.setId(id);
    picker.setMaxWidth(Double.MAX_VALUE);
    picker.setPromptText("dd/mm/yyyy");
    picker.setConverter(new StringConverter<>() {
      @Override
      public String toString(LocalDate date) {
        return date == null ? "" : DAY.format(date);
      }

      @Override
      public LocalDate fromString(String typed) {
        if (typed == null || typed.isBlank()) {
          return null;
        }
        try {
          return LocalDate.parse(typed.strip(), DAY);
        } catch (DateTimeParseException e) {
          return null;
        }
      }
    });
    return picker;
  }

  /** What is typed in the picker's field, even if the field has not lost focus yet. */
  private static LocalDate committed(DatePicker picker) {
    return picker.getConverter().fromString(picker.getEditor().getText()); // not a date: none (the API says so)
  }
}
