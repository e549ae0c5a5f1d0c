package vn.lienlac.app.leavedecisions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.LeaveRequest;

/**
 * The pending leave requests of the classes a teacher is homeroom teacher of (only they decide,
 * the API says), newest first; approve or decline each with an optional note (declining needs
 * one: the API's message says so on the request). A decided request leaves the list.
 */
public final class LeaveDecisionsViewModel extends ScreenModel {
  /** One pending request, the note being written for it, and an error on it, if any. */
  public static final class Item {
    private final LeaveRequest request;
    private final String className;
    public final StringProperty note = new SimpleStringProperty("");
    public final StringProperty error = new SimpleStringProperty();

    Item(LeaveRequest request, String className) {
      this.request = request;
      this.className = className;
    }

    public LeaveRequest request() {
      return request;
    }

    public String id() {
      return request.id();
    }

    /** "Bùi Thành Hải · 6A1". */
    public String who() {
      return (request.studentName() == null ? request.studentId() : request.studentName()) + " · " + className;
    }

    public String className() {
      return className;
    }
  }

  private final List<Me.TaughtClass> classes;
  private final ObservableList<Item> items = FXCollections.observableArrayList();
  private final StringProperty notice = new SimpleStringProperty();
  private final StringProperty empty = new SimpleStringProperty();

  /** The homeroom classes among {@code taught} are the ones whose requests are listed. */
  public LeaveDecisionsViewModel(AppContext context, List<Me.TaughtClass> taught) {
    super(context);
    this.classes = taught.stream().filter(Me.TaughtClass::homeroom).toList();
  }

  /** Every homeroom class of the signed-in teacher, in every school. */
  public static List<Me.TaughtClass> homeroomClasses(Me me) {
    List<Me.TaughtClass> all = new ArrayList<>();
    if (me != null) {
      for (Me.SchoolMembership school : me.schools()) {
        if (school.classes() != null) {
          school.classes().stream().filter(Me.TaughtClass::homeroom).forEach(all::add);
        }
      }
    }
    return all;
  }

  public ObservableList<Item> items() {
    return items;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  /** What an empty list means: no homeroom class, or nothing pending. Null while there are requests. */
  public StringProperty emptyProperty() {
    return empty;
  }

  public void load() {
    if (classes.isEmpty()) {
      items.clear();
      empty.set(text.get("teacher.leave.notHomeroom"));
      return;
    }
    load(() -> {
      List<Item> pending = new ArrayList<>();
      for (Me.TaughtClass taught : classes) {
        for (LeaveRequest request : context.client().classLeaveRequests(taught.classId(), LeaveRequest.Status.PENDING)) {
          pending.add(new Item(request, taught.className()));
        }
      }
      pending.sort(Comparator.comparing((Item i) -> i.request().requestedAt(),
          Comparator.nullsLast(Comparator.naturalOrder())).reversed());
      return pending;
    }, pending -> {
      items.setAll(pending);
      empty.set(pending.isEmpty() ? text.get("teacher.leave.none") : null);
    }, this::load);
  }

  public void approve(Item item) {
    decide(item, LeaveRequest.Status.APPROVED);
  }

  public void decline(Item item) {
    decide(item, LeaveRequest.Status.DECLINED);
  }

  private void decide(Item item, LeaveRequest.Status status) {
    notice.set(null);
    item.error.set(null);
    String note = item.note.get() == null || item.note.get().isBlank() ? null : item.note.get().trim();
    load(() -> context.client().decideLeave(item.id(), new LeaveRequest.Decision(status, note)), decided -> {
      items.remove(item);
      notice.set(text.format(status == LeaveRequest.Status.APPROVED ? "teacher.leave.approved" : "teacher.leave.declined",
          item.who()));
      if (items.isEmpty()) {
        empty.set(text.get("teacher.leave.none"));
      }
    }, () -> decide(item, status), failure -> {
      if (!(failure instanceof ApiProblem problem)) {
        return;
      }
      if (problem.status() == 409) {
        // Decided meanwhile (another device, or the office): say so and show the list as it is now.
        errorProperty().set(null);
        String said = text.format("teacher.leave.decidedMeanwhile", item.who());
        notice.set(said);
        load();
        return;
      }
      if (!problem.errors().isEmpty()) {
        item.error.set(String.join(" ", problem.errors().stream().map(Problem.FieldError::message).toList()));
      } else {
        item.error.set(problem.getMessage());
      }
      errorProperty().set(null); // shown on the request itself
    });
  }

  /** "23/11/2026 – 24/11/2026". */
  public String days(Item item) {
    LeaveRequest r = item.request();
    return r.from().equals(r.to()) ? Formats.date(r.from()) : Formats.date(r.from()) + " – " + Formats.date(r.to());
  }

  /** "Gửi lúc 10:00 21/11/2026 · Bùi Diệu Anh". */
  public String requested(Item item) {
    LeaveRequest r = item.request();
    String at = r.requestedAt() == null ? "" : Formats.time(r.requestedAt().toInstant());
    return text.format("teacher.leave.requested", at, r.requestedByName() == null ? "" : r.requestedByName());
  }
}
