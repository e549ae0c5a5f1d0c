package vn.lienlac.app.consent;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * The consent gate a parent meets after signing in while a child has no consent (issue 18): per
 * school, its purpose notice (in the app's language, with its version) and, per child without
 * consent, the choice to consent to that version. The parent may go on without consenting; the gate
 * comes back at the next sign-in while a child is left without.
 */
public final class ConsentGateViewModel extends ScreenModel {
  /** A child waiting for consent, or just given it. */
  public record ChildRow(String studentId, String name, boolean consented) {}

  /** One school's notice ({@code notice} null: none published, nothing to consent to) and its children without consent. */
  public record Section(String schoolId, String schoolName, NoticeText notice, Integer version, List<ChildRow> children) {}

  private final ObservableList<Section> sections = FXCollections.observableArrayList();
  private final BooleanProperty allConsented = new SimpleBooleanProperty();
  private boolean changed;

  public ConsentGateViewModel(AppContext context) {
    super(context);
  }

  /** Whether the signed-in person has a child without consent (then the gate shows). */
  public static boolean needed(Me me) {
    return me != null && me.schools().stream().flatMap(s -> s.children().stream()).anyMatch(c -> !c.consentGiven());
  }

  public ObservableList<Section> sections() {
    return sections;
  }

  /** True once every child shown has consent (the button then says "Tiếp tục", not "Để sau"). */
  public BooleanProperty allConsentedProperty() {
    return allConsented;
  }

  /** Reads the notice of each school where a child has no consent. */
  public void load() {
    Me me = context.me();
    load(() -> {
      List<Section> read = new ArrayList<>();
      for (Me.SchoolMembership school : me.schools()) {
        List<ChildRow> waiting = school.children().stream().filter(c -> !c.consentGiven())
            .map(c -> new ChildRow(c.studentId(), c.fullName(), false)).toList();
        if (!waiting.isEmpty()) {
          PrivacyNotice notice = notice(school.schoolId());
          read.add(new Section(school.schoolId(), school.schoolName(),
              notice == null ? null : NoticeText.of(notice, text), notice == null ? null : notice.version(), waiting));
        }
      }
      return read;
    }, read -> {
      sections.setAll(read);
      updateAllConsented();
    }, this::load);
  }

  /**
   * Consents for one child to the version shown. When the school published a newer one meanwhile
   * (409), the new notice replaces the old and the parent is asked to read it first.
   */
  public void consent(String studentId) {
    Section section = sectionOf(studentId);
    if (section == null || section.version() == null) {
      return;
    }
    load(() -> {
      try {
        context.client().giveConsent(studentId, section.version());
        return null;
      } catch (ApiProblem problem) {
        if (problem.status() != 409) {
          throw problem;
        }
        return context.client().privacyNotice(section.schoolId());
      }
    }, newer -> {
      if (newer == null) {
        changed = true;
        replace(section, new Section(section.schoolId(), section.schoolName(), section.notice(), section.version(),
            section.children().stream().map(c -> c.studentId().equals(studentId)
                ? new ChildRow(c.studentId(), c.name(), true) : c).toList()));
      } else {
        replace(section, new Section(section.schoolId(), section.schoolName(), NoticeText.of(newer, text),
            newer.version(), section.children()));
        errorProperty().set(text.get("consent.staleNotice"));
      }
    }, () -> consent(studentId));
  }

  /** Leaves the gate: when a consent was given, {@code /v1/me} is read again first (the screens see it). */
  public void finish(Runnable then) {
    if (!changed) {
      then.run();
      return;
    }
    load(() -> context.client().me(), me -> {
      context.updateMe(me);
      changed = false;
      then.run();
    }, () -> finish(then), failure -> then.run());
  }

  private PrivacyNotice notice(String schoolId) {
    try {
      return context.client().privacyNotice(schoolId);
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        return null; // none published yet
      }
      throw problem;
    }
  }

  private Section sectionOf(String studentId) {
    return sections.stream().filter(s -> s.children().stream().anyMatch(c -> c.studentId().equals(studentId)))
        .findFirst().orElse(null);
  }

  private void replace(Section old, Section now) {
    int at = sections.indexOf(old);
    if (at >= 0) {
      sections.set(at, now);
    }
    updateAllConsented();
  }

  private void updateAllConsented() {
    allConsented.set(sections.stream().flatMap(s -> s.children().stream()).allMatch(ChildRow::consented));
  }
}
