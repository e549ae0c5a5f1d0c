package vn.lienlac.app.records;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.lienlac.app.AppText;
import vn.lienlac.app.attendance.AttendanceView;
import vn.lienlac.app.attendance.AttendanceViewModel;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.grades.GradesView;
import vn.lienlac.app.grades.GradesViewModel;
import vn.lienlac.app.leave.LeaveView;
import vn.lienlac.app.leave.LeaveViewModel;
import vn.lienlac.model.identity.Me;

/**
 * The parent's first tab: the child chooser ({@code #child}), then "Điểm | Chuyên cần | Nghỉ phép"
 * ({@code #seg-grades}, {@code #seg-attendance}, {@code #seg-leave}) over the chosen sub-screen.
 * Every sub-screen follows the same child; each is built once and read again when shown.
 */
public final class ParentRecordsView {
  /** The sub-screens of the tab. */
  public enum Segment {
    GRADES,
    ATTENDANCE,
    LEAVE
  }

  /** A built sub-screen: read again when shown again, and when another child is chosen. */
  private record Built(Node node, Runnable reload, Runnable otherChild) {}

  private final AppContext context;
  private final AppText text;
  private final ChildChoice choice;
  private final Map<Segment, Built> built = new EnumMap<>(Segment.class);
  /** The child each built sub-screen last showed. */
  private final Map<Segment, Me.Child> childShown = new EnumMap<>(Segment.class);
  private final StackPane body = new StackPane();
  private Segment shown;

  public ParentRecordsView(AppContext context) {
    this.context = context;
    this.text = context.text();
    this.choice = new ChildChoice(context.me());
  }

  public Node build() {
    ComboBox<Me.Child> child = new ComboBox<>(choice.children());
    child.setId("child");
    child.setMaxWidth(Double.MAX_VALUE);
    child.setConverter(new StringConverter<>() {
      @Override
      public String toString(Me.Child c) {
        return c == null ? "" : c.fullName() + " · " + c.className();
      }

      @Override
      public Me.Child fromString(String s) {
        return null;
      }
    });
    child.valueProperty().bindBidirectional(choice.childProperty());
    choice.childProperty().addListener((o, was, now) -> {
      if (shown != null && built.containsKey(shown)) {
        childShown.put(shown, now);
        built.get(shown).otherChild().run();
      }
    });

    ToggleGroup group = new ToggleGroup();
    HBox segments = new HBox();
    segments.getStyleClass().add("segmented");
    Segment[] all = Segment.values();
    ToggleButton first = null;
    for (int i = 0; i < all.length; i++) {
      Segment segment = all[i];
      ToggleButton button = new ToggleButton(text.get("records.seg." + segment.name()));
      button.setId("seg-" + segment.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(group);
      button.getStyleClass().add(i == 0 ? "left-pill" : i == all.length - 1 ? "right-pill" : "center-pill");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setMinWidth(Region.USE_PREF_SIZE);
      HBox.setHgrow(button, Priority.ALWAYS);
      button.setOnAction(e -> {
        button.setSelected(true);
        show(segment);
      });
      segments.getChildren().add(button);
      if (first == null) {
        first = button;
      }
    }
    VBox.setVgrow(body, Priority.ALWAYS);
    VBox screen = new VBox(8, child, segments, body);
    screen.getStyleClass().addAll("screen", "records");
    first.setSelected(true);
    show(Segment.GRADES);
    return screen;
  }

  private void show(Segment segment) {
    Built view = built.get(segment);
    if (view == null) {
      view = create(segment); // building loads
      built.put(segment, view);
    } else if (childShown.get(segment) != choice.childProperty().get()) {
      view.otherChild().run();
    } else if (segment != shown) {
      view.reload().run();
    }
    childShown.put(segment, choice.childProperty().get());
    shown = segment;
    body.getChildren().setAll(view.node());
  }

  private Built create(Segment segment) {
    return switch (segment) {
      case GRADES -> {
        GradesViewModel model = new GradesViewModel(context, choice, context.currentTerm());
        yield new Built(new GradesView(model, text).build(), model::load, model::load);
      }
      case ATTENDANCE -> {
        AttendanceViewModel model = new AttendanceViewModel(context, choice);
        yield new Built(new AttendanceView(model, text).build(), model::load, model::load);
      }
      case LEAVE -> {
        LeaveViewModel model = new LeaveViewModel(context, choice);
        yield new Built(new LeaveView(model, text).build(), model::load, model::reopen); // a form half filled stays
      }
    };
  }
}
