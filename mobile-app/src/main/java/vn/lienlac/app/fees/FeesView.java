package vn.lienlac.app.fees;

import javafx.collections.ListChangeListener;
import vn.lienlac.app.core.TabPages;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.payments.Fee;

/**
 * The office's fees tab: the fee report (school totals, then each fee with its classes) and, behind
 * "Tạo khoản thu", the form for a new fee with each API error under its field.
 */
public final class FeesView {
  private final FeesViewModel model;
  private final AppText text;
  private final TabPages pages = new TabPages("fees-tab");
  private Node report;
  private Node form;

  public FeesView(FeesViewModel model, AppText text) {
    this.model = model;
    this.text = text;
  }

  public Node build() {
    report = reportScreen();
    form = formScreen();
    pages.show(report);
    model.load();
    return pages.root();
  }

  // --- the report ---------------------------------------------------------------------------------

  private Node reportScreen() {
    Button add = new Button(text.get("fees.new"), new FontIcon("mdal-add"));
    add.setId("fee-new");
    add.getStyleClass().add("accent");
    add.setOnAction(e -> {
      model.newFee();
      pages.show(form);
    });
    Label created = Views.note(model.createdProperty(), "fee-created", "success-text");

    GridPane totals = new GridPane();
    totals.setId("report-totals");
    totals.getStyleClass().addAll("card", "report-totals");
    totals.setHgap(8);
    totals.setVgap(4);
    total(totals, 0, text.get("fees.invoiced"), model.invoicedProperty(), "report-invoiced");
    total(totals, 1, text.get("fees.paid"), model.paidProperty(), "report-paid");
    total(totals, 2, text.get("fees.outstanding"), model.outstandingProperty(), "report-outstanding");
    totals.visibleProperty().bind(model.invoicedProperty().isNotNull());
    totals.managedProperty().bind(totals.visibleProperty());
    Label generated = Views.note(model.generatedAtProperty(), "report-generated", "muted");
    Label school = Views.note(model.schoolNameProperty(), "report-school", "subject");

    VBox list = new VBox(10);
    list.setId("fees");
    model.fees().addListener((ListChangeListener<FeesViewModel.FeeRow>) change -> fill(list));
    VBox content = new VBox(10, school, totals, generated, list);
    ScrollPane scroll = new ScrollPane(content);
    scroll.setId("fees-scroll");
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    return Views.screen(Views.title(text.get("fees.title")), add, created, Views.failureBanner(model, text),
        Views.spinner(model), scroll);
  }

  private static void total(GridPane grid, int row, String name, javafx.beans.property.StringProperty value, String id) {
    Label key = new Label(name);
    key.getStyleClass().add("muted");
    Label shown = new Label();
    shown.setId(id);
    shown.getStyleClass().add("amount");
    shown.textProperty().bind(value);
    grid.add(key, 0, row);
    grid.add(shown, 1, row);
    GridPane.setHgrow(key, Priority.ALWAYS);
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    if (model.fees().isEmpty()) {
      list.getChildren().add(new Label(text.get("fees.none")));
    }
    for (FeesViewModel.FeeRow fee : model.fees()) {
      Label name = Views.wrapped(fee.name(), "subject");
      Label terms = Views.wrapped(fee.terms(), "muted");
      Label sums = Views.wrapped(text.format("fees.sums", fee.paid(), fee.invoiced(), fee.outstanding()));
      sums.setId("fee-sums-" + fee.feeId());
      VBox card = new VBox(4, name, terms, sums);
      card.setId("fee-" + fee.feeId());
      card.getStyleClass().add("card");
      for (FeesViewModel.ClassRow line : fee.classes()) {
        Label row = Views.wrapped(text.format("fees.classLine", line.className(), line.count(), line.outstanding()), "class-line");
        row.setId("fee-" + fee.feeId() + "-class-" + line.classId());
        card.getChildren().add(row);
      }
      list.getChildren().add(card);
    }
  }

  // --- the form -----------------------------------------------------------------------------------

  private Node formScreen() {
    Button back = Views.back("back", text.get("payments.back"), () -> pages.show(report));

    TextField name = new TextField();
    name.setId("fee-name");
    name.setPromptText(text.get("fees.namePrompt"));
    name.textProperty().bindBidirectional(model.nameProperty());
    TextField amount = new TextField();
    amount.setId("fee-amount");
    amount.setPromptText("1.500.000");
    amount.textProperty().bindBidirectional(model.amountProperty());
    DatePicker due = new DatePicker();
    due.setId("fee-due");
    due.setMaxWidth(Double.MAX_VALUE);
    due.setPromptText("dd/MM/yyyy");
    due.setConverter(new StringConverter<>() {
      @Override
      public String toString(java.time.LocalDate date) {
        return date == null ? "" : Formats.date(date);
      }

      @Override
      public java.time.LocalDate fromString(String s) {
        if (s == null || s.isBlank()) {
          return null;
        }
        try {
          return java.time.LocalDate.parse(s.strip(), java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"));
        } catch (java.time.format.DateTimeParseException e) {
          return null;
        }
      }
    });
    due.valueProperty().bindBidirectional(model.dueDateProperty());
    ComboBox<Fee.Scope> scope = new ComboBox<>();
    scope.setId("fee-scope");
    scope.getItems().setAll(Fee.Scope.values());
    scope.setMaxWidth(Double.MAX_VALUE);
    scope.setConverter(new StringConverter<>() {
      @Override
      public String toString(Fee.Scope s) {
        return s == null ? "" : text.get("fees.scope." + s.name());
      }

      @Override
      public Fee.Scope fromString(String s) {
        return null;
      }
    });
    scope.valueProperty().bindBidirectional(model.scopeProperty());

    TextField grade = new TextField();
    grade.setId("fee-grade");
    grade.setPromptText("6");
    grade.textProperty().bindBidirectional(model.gradeProperty());
    VBox gradeBox = field(text.get("fees.grade"), grade, "grade");
    FlowPane classes = new FlowPane(8, 6);
    classes.setId("fee-classes");
    model.classes().addListener((ListChangeListener<FeesViewModel.SchoolClass>) c -> fillClasses(classes));
    fillClasses(classes);
    VBox classBox = field(text.get("fees.classes"), classes, "classIds");
    TextArea pupils = new TextArea();
    pupils.setId("fee-pupils");
    pupils.setPrefRowCount(2);
    pupils.setWrapText(true);
    pupils.setPromptText(text.get("fees.pupilsPrompt"));
    pupils.textProperty().bindBidirectional(model.pupilsProperty());
    VBox pupilBox = field(text.get("fees.pupils"), pupils, "studentIds");
    showFor(gradeBox, Fee.Scope.GRADE);
    showFor(classBox, Fee.Scope.CLASS);
    showFor(pupilBox, Fee.Scope.PUPILS);

    Label other = new Label();
    other.setId("fee-error");
    other.setWrapText(true);
    other.getStyleClass().add("failure-text");
    errorFor(other, "");

    Button create = Views.submit("fee-create", text.get("fees.create"),
        null, model, () -> model.create(() -> pages.show(report)));

    VBox fields = new VBox(10, field(text.get("fees.name"), name, "name"),
        field(text.get("fees.amount"), amount, "amountVnd"), field(text.get("fees.dueDate"), due, "dueDate"),
        field(text.get("fees.scope"), scope, "scope"), gradeBox, classBox, pupilBox, other, create);
    ScrollPane scroll = Views.scroll(fields);
    VBox screen = Views.screen(back, Views.title(text.get("fees.newTitle")), Views.failureBanner(model, text),
        Views.spinner(model), scroll);
    screen.setId("fee-form");
    return screen;
  }

  private void fillClasses(FlowPane pane) {
    pane.getChildren().clear();
    for (FeesViewModel.SchoolClass c : model.classes()) {
      CheckBox box = new CheckBox(c.className());
      box.setId("fee-class-" + c.classId());
      box.setSelected(model.classIds().contains(c.classId()));
      box.selectedProperty().addListener((o, was, now) -> {
        if (now) {
          model.classIds().add(c.classId());
        } else {
          model.classIds().remove(c.classId());
        }
      });
      pane.getChildren().add(box);
    }
    model.classIds().addListener((javafx.collections.SetChangeListener<String>) change -> {
      for (Node node : pane.getChildren()) {
        CheckBox box = (CheckBox) node;
        box.setSelected(model.classIds().contains(box.getId().substring("fee-class-".length())));
      }
    });
  }

  private void showFor(Node node, Fee.Scope scope) {
    node.visibleProperty().bind(model.scopeProperty().isEqualTo(scope));
    node.managedProperty().bind(node.visibleProperty());
  }

  /** A field: its name above, the control, and the API's message for it below (id {@code fee-{field}-error}). */
  private VBox field(String label, Node control, String field) {
    Label name = new Label(label);
    name.setWrapText(true);
    name.getStyleClass().add("field-label");
    Label error = new Label();
    error.setId("fee-" + field + "-error");
    error.setWrapText(true);
    error.getStyleClass().add("failure-text");
    error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    errorFor(error, field);
    if (control instanceof javafx.scene.layout.Region region) {
      region.setMaxWidth(Double.MAX_VALUE);
    }
    return new VBox(4, name, control, error);
  }

  private void errorFor(Label error, String field) {
    Runnable update = () -> {
      String message = model.fieldErrors().get(field);
      error.setText(message);
      error.setVisible(message != null);
      error.setManaged(message != null);
    };
    model.fieldErrors().addListener((MapChangeListener<String, String>) change -> update.run());
    update.run();
  }
}
