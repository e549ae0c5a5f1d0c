package vn.lienlac.app.classes;

import java.util.function.Supplier;
import vn.lienlac.app.core.TabPages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.classattendance.ClassAttendanceView;
import vn.lienlac.app.classattendance.ClassAttendanceViewModel;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.gradebook.GradebookView;
import vn.lienlac.app.gradebook.GradebookViewModel;
import vn.lienlac.app.leavedecisions.LeaveDecisionsView;
import vn.lienlac.app.leavedecisions.LeaveDecisionsViewModel;

/**
 * The "Lớp" tab: one card per class the teacher teaches, with "Sổ điểm <môn>" per subject taught
 * there, "Điểm danh", and (homeroom only) "Đơn xin nghỉ". Each opens inside this tab, with a back
 * button. Ids: {@code class-{classId}}, {@code open-gradebook-{classId}-{subject}},
 * {@code open-attendance-{classId}}, {@code open-leave-{classId}}, {@code back}.
 */
public final class ClassesView {
  private final AppContext context;
  private final ClassesViewModel model;
  private final AppText text;
  private final TabPages pages = new TabPages("classes-host");

  public ClassesView(AppContext context, ClassesViewModel model) {
    this.context = context;
    this.model = model;
    this.text = context.text();
  }

  public Node build() {
    showList();
    return pages.root();
  }

  private void showList() {
    VBox list = new VBox(10);
    list.setId("classes");
    if (model.cards().isEmpty()) {
      Label none = new Label(text.get("teacher.classes.none"));
      none.setWrapText(true);
      list.getChildren().add(none);
    }
    for (ClassesViewModel.Card card : model.cards()) {
      list.getChildren().add(card(card));
    }
    ScrollPane scroll = Views.scroll(list);
    scroll.setPrefHeight(120); // grows to fill; a tall pref would squeeze the wrapped labels above it to one line
    pages.show(Views.screen(Views.title(text.get("teacher.classes.title")), scroll));
  }

  private Node card(ClassesViewModel.Card card) {
    String classId = card.classId();
    Label name = new Label(text.format("teacher.classes.class", card.taught().className()));
    name.getStyleClass().add("title-4");
    name.setWrapText(true);
    VBox box = new VBox(6, name);
    if (card.homeroom()) {
      Label homeroom = new Label(text.get("teacher.classes.homeroom"));
      homeroom.getStyleClass().add("homeroom-badge");
      box.getChildren().add(homeroom);
    }
    if (model.severalSchools()) {
      Label school = new Label(card.schoolName());
      school.getStyleClass().add("scores");
      box.getChildren().add(school);
    }
    FlowPane actions = new FlowPane(6, 6);
    if (card.primary() && !card.subjects().isEmpty()) {
      Label primary = new Label(text.get("teacher.classes.primary"));
      primary.getStyleClass().add("scores");
      primary.setWrapText(true);
      box.getChildren().add(primary);
    }
    for (ClassesViewModel.Subject subject : card.primary() ? java.util.List.<ClassesViewModel.Subject>of()
        : card.subjects()) {
      actions.getChildren().add(action("open-gradebook-" + classId + "-" + subject.code(), "mdmz-menu_book",
          text.format("teacher.classes.gradebook", subject.name()), () -> new GradebookView(
              new GradebookViewModel(context, classId, subject.code(), context.currentTerm()), text).build()));
    }
    actions.getChildren().add(action("open-attendance-" + classId, "mdoal-fact_check",
        text.get("teacher.classes.attendance"),
        () -> new ClassAttendanceView(new ClassAttendanceViewModel(context, classId), text).build()));
    if (card.homeroom()) {
      actions.getChildren().add(action("open-leave-" + classId, "mdoal-event_available",
          text.get("teacher.classes.leave"), () -> new LeaveDecisionsView(
              new LeaveDecisionsViewModel(context, java.util.List.of(card.taught())), text, true).build()));
    }
    box.getChildren().add(actions);
    box.setId("class-" + classId);
    box.getStyleClass().add("card");
    return box;
  }

  private Button action(String id, String icon, String label, Supplier<Node> screen) {
    Button button = new Button(label, new FontIcon(icon));
    button.setId(id);
    button.setWrapText(true);
    button.setOnAction(e -> open(screen.get()));
    return button;
  }

  /** Shows a sub-screen in this tab, under a back button that returns to the classes. */
  private void open(Node screen) {
    Button back = Views.back("back", text.get("teacher.back"), this::showList);
    HBox bar = new HBox(back);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("back-bar");
    VBox.setVgrow(screen, Priority.ALWAYS);
    pages.show(new VBox(bar, screen));
  }
}
