package vn.lienlac.app.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.model.identity.Me;

/**
 * The parent's children across schools and the one the records tab shows (grades, attendance and
 * leave share it, so switching sub-screen keeps the child). Plain JavaFX properties, no Scene.
 */
public final class ChildChoice {
  private final Me me;
  private final ObservableList<Me.Child> children = FXCollections.observableArrayList();
  private final ObjectProperty<Me.Child> child = new SimpleObjectProperty<>();

  public ChildChoice(Me me) {
    this.me = me;
    List<Me.Child> all = new ArrayList<>();
    for (Me.SchoolMembership school : me.schools()) {
      all.addAll(school.children());
    }
    children.setAll(all);
    if (!all.isEmpty()) {
      child.set(all.get(0));
    }
  }

  public ObservableList<Me.Child> children() {
    return children;
  }

  public ObjectProperty<Me.Child> childProperty() {
    return child;
  }

  /** The school the child is in (its level and current term), if /v1/me named it. */
  public Optional<Me.SchoolMembership> schoolOf(Me.Child c) {
    if (c == null) {
      return Optional.empty();
    }
    return me.schools().stream()
        .filter(s -> s.children().stream().anyMatch(k -> k.studentId().equals(c.studentId())))
        .findFirst();
  }
}
