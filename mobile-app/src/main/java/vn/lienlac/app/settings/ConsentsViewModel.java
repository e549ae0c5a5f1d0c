package vn.lienlac.app.settings;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Formats;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.privacy.Consent;

/**
 * A parent's consent for each child ({@code /v1/me/consents}): its state, giving it (to the school's
 * current notice), withdrawing it after a confirmation. After each change {@code /v1/me} is read
 * again so the other screens see the child's {@code consentGiven}.
 */
public final class ConsentsViewModel extends ScreenModel {
  /**
   * One child as shown. {@code version}: the notice version "Đồng ý" consents to (the school's
   * current one; null when none is published).
   */
  public record Row(String studentId, String childName, String schoolId, String schoolName, String status,
      boolean canGive, boolean canWithdraw, Integer version) {}

  private record Refreshed(List<Consent> consents, Me me, boolean stale) {}

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty confirming = new SimpleStringProperty();

  public ConsentsViewModel(AppContext context) {
    super(context);
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** The student whose withdrawal waits for the parent's confirmation; null when none. */
  public StringProperty confirmingProperty() {
    return confirming;
  }

  public void load() {
    load(() -> context.client().consents(), this::show, this::load);
  }

  /** Consents for one child to the school's current notice (409 when it changed meanwhile: read again). */
  public void give(Row row) {
    if (!row.canGive()) {
      return;
    }
    change(() -> context.client().giveConsent(row.studentId(), row.version()), () -> give(row));
  }

  /** Asks for the confirmation of a withdrawal (nothing is sent yet). */
  public void askWithdraw(Row row) {
    confirming.set(row.canWithdraw() ? row.studentId() : null);
  }

  public void cancelWithdraw() {
    confirming.set(null);
  }

  /** Withdraws the consent the parent just confirmed. */
  public void confirmWithdraw() {
    String studentId = confirming.get();
    if (studentId == null) {
      return;
    }
    confirming.set(null);
    change(() -> context.client().withdrawConsent(studentId), () -> {
      confirming.set(studentId);
      confirmWithdraw();
    });
  }

  private void change(java.util.concurrent.Callable<Consent> call, Runnable again) {
    load(() -> {
      boolean stale = false;
      try {
        call.call();
      } catch (ApiProblem problem) {
        if (problem.status() != 409) {
          throw problem;
        }
        stale = true;
      }
      return new Refreshed(context.client().consents(), context.client().me(), stale);
    }, refreshed -> {
      context.updateMe(refreshed.me());
      show(refreshed.consents());
      if (refreshed.stale()) {
        errorProperty().set(text.get("consent.staleNotice"));
      }
    }, again);
  }

  private void show(List<Consent> consents) {
    rows.setAll(consents.stream().map(this::row).toList());
  }

  private Row row(Consent consent) {
    Integer current = consent.currentNoticeVersion();
    String when = consent.at() == null ? "" : Formats.time(consent.at().toInstant());
    boolean given = consent.status() == Consent.Status.GIVEN;
    boolean outdated = given && current != null && consent.noticeVersion() != null
        && consent.noticeVersion() < current;
    String status;
    if (given) {
      status = outdated
          ? text.format("settings.consent.givenStale", String.valueOf(consent.noticeVersion()), String.valueOf(current))
          : text.format("settings.consent.given", String.valueOf(consent.noticeVersion()), when);
    } else if (current == null) {
      status = text.get("settings.consent.noNotice");
    } else if (consent.status() == Consent.Status.WITHDRAWN) {
      status = text.format("settings.consent.withdrawn", when);
    } else {
      status = text.get("settings.consent.notGiven");
    }
    return new Row(consent.studentId(), consent.studentName(), consent.schoolId(), consent.schoolName(), status,
        current != null && (!given || outdated), given, current);
  }
}
