package vn.lienlac.app.attendance;

import java.time.DayOfWeek;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.records.RecordsViews;

/**
 * A month of attendance: "‹ Tháng 11/2026 ›", the weekday headings T2 … CN, one square per day
 * coloured by its status ({@code #day-2026-11-17}, style class {@code day-LATE}...), the legend
 * with the month's counts ({@code #count-LATE}), and what a tapped day says ({@code #day-detail}).
 */
public final class AttendanceView {
  private final AttendanceViewModel model;
  private final AppText text;

  public AttendanceView(AttendanceViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    Button previous = new Button(null, new FontIcon("mdal-chevron_left"));
    previous.setId("month-prev");
    previous.getStyleClass().addAll("flat", "button-icon");
    previous.setOnAction(e -> model.previousMonth());
    Button next = new Button(null, new FontIcon("mdal-chevron_right"));
    next.setId("month-next");
    next.getStyleClass().addAll("flat", "button-icon");
    next.setOnAction(e -> model.nextMonth());
    Label month = new Label();
    month.setId("month");
    month.getStyleClass().add("month-title");
    month.textProperty().bind(model.monthTitleProperty());
    month.setMaxWidth(Double.MAX_VALUE);
    month.setAlignment(Pos.CENTER);
    HBox.setHgrow(month, Priority.ALWAYS);
    HBox header = new HBox(4, previous, month, next);
    header.setAlignment(Pos.CENTER);

    GridPane grid = new GridPane();
    grid.setId("calendar");
    grid.getStyleClass().add("calendar");
    grid.setHgap(4);
    grid.setVgap(4);
    for (int c = 0; c < 7; c++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / 7);
      column.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(column);
    }
    model.cells().addListener((ListChangeListener<AttendanceViewModel.Cell>) change -> fill(grid));
    fill(grid);

    FlowPane legend = new FlowPane(12, 6);
    legend.setId("legend");
    model.counts().addListener((ListChangeListener<AttendanceViewModel.Count>) change -> fillLegend(legend));
    fillLegend(legend);

    Label detail = RecordsViews.wrapped(new Label());
    detail.setId("day-detail");
    detail.getStyleClass().add("day-detail");
    detail.textProperty().bind(model.dayDetailProperty());
    detail.visibleProperty().bind(detail.textProperty().isNotNull());
    detail.managedProperty().bind(detail.visibleProperty());
    Label hint = RecordsViews.wrapped(new Label(text.get("attendance.hint")));
    hint.getStyleClass().add("note");

    VBox content = new VBox(10, grid, detail, legend, hint);
    content.getStyleClass().add("records-content");
    ScrollPane scroll = Views.scroll(content);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox screen = new VBox(8, header, Views.staleNote(model),
        Views.failureBanner(model, text), Views.spinner(model), scroll);
    model.load();
    return screen;
  }

  private void fill(GridPane grid) {
    grid.getChildren().clear();
    for (DayOfWeek day : DayOfWeek.values()) {
      Label heading = new Label(model.weekday(day));
      heading.getStyleClass().add("weekday");
      heading.setMaxWidth(Double.MAX_VALUE);
      heading.setAlignment(Pos.CENTER);
      grid.add(heading, day.getValue() - 1, 0);
    }
    int index = 0;
    for (AttendanceViewModel.Cell cell : model.cells()) {
      Button square = new Button(String.valueOf(cell.date().getDayOfMonth()));
      square.setId("day-" + cell.date());
      square.getStyleClass().add("day");
      square.setMinHeight(40);
      square.setMaxWidth(Double.MAX_VALUE);
      if (!cell.inMonth()) {
        square.getStyleClass().add("day-other-month");
      } else if (cell.status() != null) {
        square.getStyleClass().add("day-" + cell.status().name());
        if (!cell.marked()) {
          square.getStyleClass().add("day-planned");
        }
        square.setAccessibleText(model.statusName(cell.status(), cell.marked()));
      }
      if (cell.date().equals(model.today())) {
        square.getStyleClass().add("day-today");
      }
      if (cell.inMonth()) {
        square.setOnAction(e -> model.select(cell.date()));
      } else {
        square.setFocusTraversable(false);
      }
      grid.add(square, index % 7, 1 + index / 7);
      index++;
    }
  }

  private void fillLegend(FlowPane legend) {
    legend.getChildren().clear();
    for (AttendanceViewModel.Count count : model.counts()) {
      Region swatch = new Region();
      swatch.getStyleClass().addAll("swatch", "day-" + count.status().name());
      swatch.setMinSize(14, 14);
      swatch.setPrefSize(14, 14);
      swatch.setMaxSize(14, 14);
      Label label = new Label(count.label() + ": " + count.count());
      label.setId("count-" + count.status().name());
      label.setWrapText(true);
      HBox item = new HBox(6, swatch, label);
      item.setAlignment(Pos.CENTER_LEFT);
      legend.getChildren().add(item);
    }
  }
}
