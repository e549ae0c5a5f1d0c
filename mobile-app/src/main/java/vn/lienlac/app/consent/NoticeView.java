package vn.lienlac.app.consent;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.Views;

/** A school's notice on its own screen, with a back button (settings: "Đọc thông báo"). */
public final class NoticeView {
  private final NoticeViewModel model;
  private final AppText text;
  private final Runnable back;

  public NoticeView(NoticeViewModel model, AppText text, Runnable back) {
    this.model = model;
    this.text = text;
    this.back = back;
  }

  public Node build() {
    Button backButton = Views.back("notice-back", text.get("settings.back"), back);
    VBox body = new VBox(8);
    body.getStyleClass().addAll("card", "notice");
    body.setId("notice-" + model.schoolId());
    model.noticeProperty().addListener((o, was, now) ->
        body.getChildren().setAll(now == null ? List.of() : noticeNodes(model.schoolId(), now)));
    ScrollPane scroll = Views.scroll(body);
    scroll.getStyleClass().add("edge-to-edge");
    VBox screen = Views.screen(backButton, Views.failureBanner(model, text), Views.spinner(model), scroll);
    model.load();
    return screen;
  }

  /** Title, version and date, body, data-protection contact; ids {@code notice-title-{school}} and so on. */
  static List<Node> noticeNodes(String schoolId, NoticeText notice) {
    Label title = Views.wrapped(notice.title());
    title.setId("notice-title-" + schoolId);
    title.getStyleClass().add("notice-title");
    Label version = Views.wrapped(notice.version());
    version.setId("notice-version-" + schoolId);
    version.getStyleClass().add("hint");
    Label body = Views.wrapped(notice.body());
    body.setId("notice-body-" + schoolId);
    Label contact = Views.wrapped(notice.contact());
    contact.getStyleClass().add("hint");
    return List.of(title, version, body, contact);
  }
}
