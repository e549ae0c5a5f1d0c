package vn.lienlac.app.leave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.DraftKey;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.app.records.ChildChoice;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.LeaveRequest;

/**
 * A child's leave requests (newest first, with their status and the teacher's answer) and the
 * "Xin nghỉ" form: first and last day, reason. The API judges the form; each of its field errors
 * is shown beside its field. One Idempotency-Key per form content: a retry after a lost answer
 * sends the same key, so the school gets one request. The list is cached for offline reading.
 */
public final class LeaveViewModel extends ScreenModel {
  /** One request as shown. */
  public record Row(LeaveRequest request, String dates, String reason, String status, String sent, String answer) {}

  private final ChildChoice choice;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final BooleanProperty formOpen = new SimpleBooleanProperty();
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final StringProperty reason = new SimpleStringProperty();
  private final StringProperty fromError = new SimpleStringProperty();
  private final StringProperty toError = new SimpleStringProperty();
  private final StringProperty reasonError = new SimpleStringProperty();
  private final StringProperty confirmation = new SimpleStringProperty();
  private final DraftKey<LeaveRequest.Draft> draftKey = new DraftKey<>();
  private int generation;

  public LeaveViewModel(AppContext context, ChildChoice choice) {
    super(context);
    this.choice = choice;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Whether the "Xin nghỉ" form is shown (else the list). */
  public BooleanProperty formOpenProperty() {
    return formOpen;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  /** The API's message about the first day, shown beside it; null when none. */
  public StringProperty fromErrorProperty() {
    return fromError;
  }

  public StringProperty toErrorProperty() {
    return toError;
  }

  public StringProperty reasonErrorProperty() {
    return reasonError;
  }

  /** "Đã gửi đơn xin nghỉ…" after a request was sent. */
  public StringProperty confirmationProperty() {
    return confirmation;
  }

  /** Whose form it is: the chosen child's name. */
  public String childName() {
    Me.Child child = choice.childProperty().get();
    return child == null ? "" : child.fullName();
  }

  /** Shown again (another child chosen, or back to this sub-screen): the list, read again. */
  public void reopen() {
    formOpen.set(false);
    confirmation.set(null);
    load();
  }

  public void load() {
    Me.Child selected = choice.childProperty().get();
    if (selected == null) {
      return;
    }
    int asked = ++generation;
    String key = "leave-" + selected.studentId();
    loadCached(key, LeaveRequest[].class,
        () -> context.client().leaveRequests(selected.studentId()).toArray(new LeaveRequest[0]),
        requests -> show(List.of(requests)), this::load, () -> asked == generation, rows::clear);
  }

  /** Opens an empty form: today to today, no reason. */
  public void openForm() {
    LocalDate today = SchoolTime.today(context.clock());
    from.set(today);
    to.set(today);
    reason.set("");
    clearFieldErrors();
    errorProperty().set(null);
    confirmation.set(null);
    draftKey.reset();
    formOpen.set(true);
  }

  public void cancel() {
    formOpen.set(false);
    clearFieldErrors();
    errorProperty().set(null);
  }

  /**
   * Sends the form as it stands. The key is made once per form content: sending the same content
   * again (a retry after no answer) sends the same key, and the API answers with the request the
   * first call made instead of making a second.
   */
  public void submit() {
    Me.Child selected = choice.childProperty().get();
    if (selected == null) {
      return;
    }
    String typed = reason.get() == null ? null : reason.get().strip();
    LeaveRequest.Draft draft = new LeaveRequest.Draft(from.get(), to.get(), typed == null || typed.isEmpty() ? null : typed);
    String key = draftKey.of(draft);
    clearFieldErrors();
    load(() -> context.client().requestLeave(selected.studentId(), draft, key), created -> {
      List<LeaveRequest> all = new ArrayList<>();
      all.add(created);
      rows.stream().map(Row::request).filter(r -> !r.id().equals(created.id())).forEach(all::add);
      show(all);
      context.cache().put("leave-" + selected.studentId(), all, context.clock().instant());
      draftKey.reset();
      formOpen.set(false);
      confirmation.set(text.format("leave.sent", dates(created)));
    }, this::submit, failure -> {
      if (failure instanceof ApiProblem problem) {
        for (Problem.FieldError error : problem.errors()) {
          StringProperty field = switch (error.field() == null ? "" : error.field()) {
            case "from" -> fromError;
            case "to" -> toError;
            case "reason" -> reasonError;
            default -> null;
          };
          if (field != null) {
            field.set(field.get() == null ? error.message() : field.get() + " " + error.message());
          }
        }
      }
    });
  }

  private void clearFieldErrors() {
    fromError.set(null);
    toError.set(null);
    reasonError.set(null);
  }

  private void show(List<LeaveRequest> requests) {
    rows.setAll(requests.stream().map(this::row).toList());
  }

  private Row row(LeaveRequest request) {
    String answer = null;
    if (request.status() != LeaveRequest.Status.PENDING) {
      String who = request.decidedByName() == null ? "" : request.decidedByName();
      answer = request.decisionNote() == null || request.decisionNote().isBlank()
          ? text.format("leave.answeredBy", who)
          : text.format("leave.answer", who, request.decisionNote());
    }
    String sent = request.requestedAt() == null ? null
        : text.format("leave.sentAt", Formats.time(request.requestedAt().toInstant()));
    return new Row(request, dates(request), request.reason(), text.get("leave.status." + request.status().name()),
        sent, answer);
  }

  private String dates(LeaveRequest request) {
    if (request.from() != null && request.from().equals(request.to())) {
      return text.format("leave.oneDay", Formats.date(request.from()));
    }
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    return text.format("leave.days", Formats.date(request.from()), Formats.date(request.to()), days);
  }
}
