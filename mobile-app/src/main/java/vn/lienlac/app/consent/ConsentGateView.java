package vn.lienlac.app.consent;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/**
 * The consent gate: what works without consent and what waits for it, each school's notice, a
 * consent button per child, and a way on ("Để sau" until every child has consent, then "Tiếp tục").
 */
public final class ConsentGateView {
  private final ConsentGateViewModel model;
  private final AppText text;
  private final Runnable onward;

  public ConsentGateView(ConsentGateViewModel model, AppText text, Runnable onward) {
    this.model = model;
    this.text = text;
    this.onward = onward;
  }

  public Node build() {
    Label intro = Views.wrapped(text.get("consent.gate.intro"));
    Label without = Views.wrapped(text.get("consent.gate.without"));
    without.setId("consent-without");
    without.setGraphic(new FontIcon("mdoal-check_circle"));
    without.getStyleClass().add("consent-without");
    Label needs = Views.wrapped(text.get("consent.gate.needs"));
    needs.setId("consent-needs");
    needs.setGraphic(new FontIcon("mdoal-lock"));
    needs.getStyleClass().add("consent-needs");
    VBox what = new VBox(6, without, needs);
    what.getStyleClass().add("card");

    VBox schools = new VBox(10);
    schools.setId("consent-sections");
    model.sections().addListener((ListChangeListener<ConsentGateViewModel.Section>) change -> fill(schools));

    Label later = Views.wrapped(text.get("consent.gate.laterNote"));
    later.getStyleClass().add("hint");
    later.visibleProperty().bind(model.allConsentedProperty().not());
    later.managedProperty().bind(later.visibleProperty());

    VBox content = new VBox(10, intro, what, Views.failureBanner(model, text), Views.spinner(model), schools, later);
    ScrollPane scroll = Views.scroll(content);
    scroll.getStyleClass().add("edge-to-edge");

    Button onwardButton = new Button();
    onwardButton.setId("consent-continue");
    onwardButton.setMaxWidth(Double.MAX_VALUE);
    onwardButton.textProperty().bind(Bindings.when(model.allConsentedProperty())
        .then(text.get("consent.gate.continue")).otherwise(text.get("consent.gate.later")));
    onwardButton.disableProperty().bind(model.busyProperty());
    model.allConsentedProperty().addListener((o, was, all) -> {
      if (all) {
        onwardButton.getStyleClass().add("accent");
      } else {
        onwardButton.getStyleClass().remove("accent");
      }
    });
    onwardButton.setOnAction(e -> model.finish(onward));

    VBox screen = Views.screen(Views.title(text.get("consent.gate.title")), scroll, onwardButton);
    screen.setId("consent-gate");
    model.load();
    return screen;
  }

  private void fill(VBox schools) {
    schools.getChildren().clear();
    for (ConsentGateViewModel.Section section : model.sections()) {
      VBox card = new VBox(8);
      card.getStyleClass().addAll("card", "notice");
      card.setId("notice-" + section.schoolId());
      if (section.notice() == null) {
        Label school = Views.wrapped(section.schoolName());
        school.getStyleClass().add("subject");
        card.getChildren().addAll(school, Views.wrapped(text.get("consent.notice.none")));
      } else {
        card.getChildren().addAll(NoticeView.noticeNodes(section.schoolId(), section.notice()));
      }
      for (ConsentGateViewModel.ChildRow child : section.children()) {
        if (child.consented()) {
          Label done = Views.wrapped(text.format("consent.given", child.name()));
          done.setId("consented-" + child.studentId());
          done.setGraphic(new FontIcon("mdoal-check_circle"));
          done.getStyleClass().add("consent-given");
          card.getChildren().add(done);
        } else if (section.version() != null) {
          Button give = Views.submit("consent-" + child.studentId(), text.format("consent.give", child.name()),
              null, model, () -> model.consent(child.studentId()));
          give.setWrapText(true);
          card.getChildren().add(give);
        }
      }
      schools.getChildren().add(card);
    }
  }
}
