package vn.lienlac.app.fees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Money;

/**
 * The school office's fees: the fee report as the API computed it (totals invoiced, paid and
 * outstanding for the school, per fee and per class), which is also the list of the school's fees;
 * and the form that creates a fee (name, amount in VND as people write it, due date, scope: the
 * school, a grade, classes or listed pupils). The API's per-field errors land next to their fields.
 */
public final class FeesViewModel extends ScreenModel {
  /** The form's fields, named as the API names them in its errors. */
  public static final List<String> FIELDS = List.of("name", "amountVnd", "dueDate", "scope", "grade", "classIds",
      "studentIds");

  /** One class of one fee: "6A1", "12/36 đã nộp", paid, outstanding. */
  public record ClassRow(String classId, String className, String count, String paid, String outstanding) {}

  /** One fee: name, "350.000 ₫ · hạn 15/11/2026", its totals and its classes. */
  public record FeeRow(String feeId, String name, String terms, String invoiced, String paid, String outstanding,
      List<ClassRow> classes) {}

  /** A class to pick for scope CLASS. */
  public record SchoolClass(String classId, String className) {}

  private final String schoolId;
  private final StringProperty schoolName = new SimpleStringProperty();
  private final StringProperty invoiced = new SimpleStringProperty();
  private final StringProperty paid = new SimpleStringProperty();
  private final StringProperty outstanding = new SimpleStringProperty();
  private final StringProperty generatedAt = new SimpleStringProperty();
  private final ObservableList<FeeRow> fees = FXCollections.observableArrayList();
  private final ObservableList<SchoolClass> classes = FXCollections.observableArrayList();
  private final StringProperty created = new SimpleStringProperty();

  // the form
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>();
  private final ObjectProperty<Fee.Scope> scope = new SimpleObjectProperty<>(Fee.Scope.SCHOOL);
  private final StringProperty grade = new SimpleStringProperty("");
  private final ObservableSet<String> classIds = FXCollections.observableSet(new java.util.LinkedHashSet<>());
  private final StringProperty pupils = new SimpleStringProperty("");
  private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();

  public FeesViewModel(AppContext context) {
    super(context);
    Me.SchoolMembership school = context.me().schools().stream()
        .filter(s -> s.roles() != null && s.roles().contains(Role.STAFF)).findFirst()
        .orElse(context.me().schools().get(0));
    this.schoolId = school.schoolId();
    schoolName.set(school.schoolName());
  }

  public String schoolId() {
    return schoolId;
  }

  public StringProperty schoolNameProperty() {
    return schoolName;
  }

  public StringProperty invoicedProperty() {
    return invoiced;
  }

  public StringProperty paidProperty() {
    return paid;
  }

  public StringProperty outstandingProperty() {
    return outstanding;
  }

  /** "Số liệu lúc 10:01 21/11/2026". */
  public StringProperty generatedAtProperty() {
    return generatedAt;
  }

  public ObservableList<FeeRow> fees() {
    return fees;
  }

  /** The school's classes, as the report names them (every class with invoices). */
  public ObservableList<SchoolClass> classes() {
    return classes;
  }

  /** "Đã tạo khoản thu …: N hoá đơn" after a creation; null otherwise. */
  public StringProperty createdProperty() {
    return created;
  }

  public StringProperty nameProperty() {
    return name;
  }

  /** The amount as typed: "1.500.000", "1500000", "1.500.000 ₫". */
  public StringProperty amountProperty() {
    return amount;
  }

  public ObjectProperty<LocalDate> dueDateProperty() {
    return dueDate;
  }

  public ObjectProperty<Fee.Scope> scopeProperty() {
    return scope;
  }

  public StringProperty gradeProperty() {
    return grade;
  }

  public ObservableSet<String> classIds() {
    return classIds;
  }

  /** Pupil codes for scope PUPILS, separated by commas, spaces or lines. */
  public StringProperty pupilsProperty() {
    return pupils;
  }

  /** Field ({@link #FIELDS}) → the message to show next to it; empty when the form has none. */
  public ObservableMap<String, String> fieldErrors() {
    return fieldErrors;
  }

  public void load() {
    load(() -> context.client().feeReport(schoolId), this::show, this::load);
  }

  private void show(FeeReport report) {
    schoolName.set(report.schoolName());
    invoiced.set(Formats.vnd(report.invoiced()));
    paid.set(Formats.vnd(report.paid()));
    outstanding.set(Formats.vnd(report.outstanding()));
    generatedAt.set(text.format("fees.generatedAt",
        Formats.time(report.generatedAt() == null ? null : report.generatedAt().toInstant())));
    List<FeeRow> rows = new ArrayList<>();
    Map<String, SchoolClass> seen = new LinkedHashMap<>();
    for (FeeReport.Fee fee : report.fees()) {
      List<ClassRow> lines = new ArrayList<>();
      for (FeeReport.ClassLine line : fee.classes()) {
        lines.add(new ClassRow(line.classId(), line.className(),
            text.format("fees.classCount", line.paidInvoices(), line.invoices()), Formats.vnd(line.paid()),
            Formats.vnd(line.outstanding())));
        seen.putIfAbsent(line.classId(), new SchoolClass(line.classId(), line.className()));
      }
      rows.add(new FeeRow(fee.feeId(), fee.name(),
          text.format("fees.terms", Formats.vnd(fee.amount()), Formats.date(fee.dueDate())),
          Formats.vnd(fee.invoiced()), Formats.vnd(fee.paid()), Formats.vnd(fee.outstanding()), lines));
    }
    fees.setAll(rows);
    List<SchoolClass> sorted = new ArrayList<>(seen.values());
    sorted.sort(java.util.Comparator.comparing(SchoolClass::className));
    classes.setAll(sorted);
  }

  /** Empties the form for a new fee. */
  public void newFee() {
    name.set("");
    amount.set("");
    dueDate.set(null);
    scope.set(Fee.Scope.SCHOOL);
    grade.set("");
    classIds.clear();
    pupils.set("");
    fieldErrors.clear();
    created.set(null);
  }

  /**
   * Sends the form; {@code done} runs once the API created the fee (the report is read again).
   * An amount that is no amount at all is said at once; everything else the API checks.
   */
  public void create(Runnable done) {
    fieldErrors.clear();
    created.set(null);
    Long amountVnd = null;
    if (!amount.get().isBlank()) {
      Optional<Money> parsed = Money.parse(amount.get());
      if (parsed.isEmpty()) {
        fieldErrors.put("amountVnd", text.get("fees.amountUnreadable"));
        return;
      }
      amountVnd = parsed.get().vnd();
    }
    Fee.Scope chosen = scope.get();
    Integer gradeNumber = null;
    if (chosen == Fee.Scope.GRADE && !grade.get().isBlank()) {
      try {
        gradeNumber = Integer.valueOf(grade.get().strip());
      } catch (NumberFormatException e) {
        fieldErrors.put("grade", text.get("fees.gradeUnreadable"));
        return;
      }
    }
    List<String> classList = chosen == Fee.Scope.CLASS ? List.copyOf(classIds) : null;
    List<String> pupilList = chosen == Fee.Scope.PUPILS ? codes(pupils.get()) : null;
    Fee.Draft draft = new Fee.Draft(schoolId, name.get().strip(), amountVnd, dueDate.get(), chosen, gradeNumber,
        classList, pupilList, null);
    load(() -> context.client().createFee(draft), fee -> {
      created.set(text.format("fees.created", fee.name(), fee.invoiceCount()));
      done.run();
      load();
    }, () -> create(done), failure -> {
      if (failure instanceof ApiProblem problem) {
        for (var error : problem.errors()) {
          String field = fieldOf(error.field());
          fieldErrors.merge(field, error.message(), (a, b) -> a + " " + b);
        }
      }
    });
  }

  /** The form field an API error belongs to: {@code studentIds/0} → {@code studentIds}; unknown ones → {@code name}'s neighbour, the banner. */
  static String fieldOf(String apiField) {
    if (apiField == null) {
      return "";
    }
    String head = apiField.contains("/") ? apiField.substring(0, apiField.indexOf('/')) : apiField;
    return FIELDS.contains(head) ? head : "";
  }

  private static List<String> codes(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
