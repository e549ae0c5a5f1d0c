package vn.lienlac.app.announcements;

import java.net.URI;
import vn.lienlac.app.core.TabPages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.announcements.Announcement;

/** The announcements tab: the feed (or what a teacher sent), one announcement, and a teacher's new one. */
public final class AnnouncementsView {
  private final AppContext context;
  private final AppText text;
  private final TabPages pages = new TabPages("announcements-tab");

  public AnnouncementsView(AppContext context) {
    this.context = context;
    this.text = context.text();
  }

  public Node build() {
    showList();
    return pages.root();
  }

  private void showList() {
    AnnouncementsViewModel model = new AnnouncementsViewModel(context);
    VBox list = new VBox(8);
    list.setId("announcements");
    model.rows().addListener((ListChangeListener<AnnouncementsViewModel.Row>) change -> fill(list, model));
    HBox head = new HBox(8, Views.title(text.get(model.family() ? "announcements.title" : "announcements.sent")));
    head.setAlignment(Pos.CENTER_LEFT);
    if (model.canCompose()) {
      Region grow = new Region();
      HBox.setHgrow(grow, Priority.ALWAYS);
      Button create = new Button(text.get("announcements.new"), new FontIcon("mdoal-edit"));
      create.setId("announcement-new");
      create.getStyleClass().add("accent");
      create.setMinWidth(Region.USE_PREF_SIZE);
      create.setOnAction(e -> showCompose());
      head.getChildren().addAll(grow, create);
    }
    pages.show(Views.screen(head, Views.staleNote(model), Views.failureBanner(model, text), Views.spinner(model),
        Views.scroll(list)));
    model.load();
  }

  private void fill(VBox list, AnnouncementsViewModel model) {
    list.getChildren().clear();
    if (model.rows().isEmpty()) {
      list.getChildren().add(Views.wrapped(text.get(model.family() ? "announcements.empty" : "announcements.noneSent"),
          "muted"));
    }
    for (AnnouncementsViewModel.Row row : model.rows()) {
      FlowPane chips = new FlowPane(6, 4, chip(row.scope(), "scope-chip"));
      if (row.urgent()) {
        chips.getChildren().add(chip(text.get("announcements.urgent"), "urgent-chip"));
      }
      if (row.unread()) {
        Label unread = chip(text.get("announcements.unread"), "unread-chip");
        unread.setId("unread-" + row.announcement().id());
        chips.getChildren().add(unread);
      }
      if (row.toAcknowledge()) {
        chips.getChildren().add(chip(text.get("announcements.toAcknowledge"), "ack-chip"));
      }
      Label title = Views.wrapped(row.title(), row.unread() ? "subject" : "title-read");
      VBox content = new VBox(4, chips, title, Views.wrapped(row.meta(), "muted"));
      list.getChildren().add(vn.lienlac.app.messages.Tappable.row("announcement-" + row.announcement().id(),
          row.title(), content, () -> showDetail(row.announcement())));
    }
  }

  private void showDetail(Announcement announcement) {
    AnnouncementDetailViewModel model = new AnnouncementDetailViewModel(context, announcement);
    HBox head = Views.header("announcement-back", text.get("messages.back"), this::showList,
        chip(model.scope(), "scope-chip"));
    if (announcement.urgent()) {
      head.getChildren().add(chip(text.get("announcements.urgent"), "urgent-chip"));
    }
    Label title = Views.wrapped(announcement.title(), "screen-title");
    title.getStyleClass().add("title-4");
    title.setId("announcement-title");
    Label body = Views.wrapped(announcement.body(), "announcement-body");
    body.setId("announcement-body");
    VBox content = new VBox(10, title, Views.wrapped(model.meta(), "muted"), body);
    for (Announcement.Link link : announcement.links()) {
      Hyperlink open = new Hyperlink(link.label() == null || link.label().isBlank() ? link.url() : link.label());
      open.setWrapText(true);
      open.setOnAction(e -> context.browser().open(URI.create(link.url())));
      content.getChildren().add(open);
    }
    Label ackState = Views.note(model.ackStateProperty(), "announcement-ack-state", "ack-state");
    Button ack = Views.submit("announcement-ack", text.get("announcements.ack"),
        "mdal-check_circle", model, model::acknowledge);
    ack.visibleProperty().bind(model.canAcknowledgeProperty());
    ack.managedProperty().bind(ack.visibleProperty());
    Label reach = Views.note(model.reachProperty(), "announcement-reach", "ack-state");
    content.getChildren().addAll(ackState, ack, reach);
    pages.show(Views.screen(head, Views.failureBanner(model, text), Views.spinner(model),
        Views.scroll(content)));
    model.open();
  }

  private void showCompose() {
    ComposeAnnouncementViewModel model = new ComposeAnnouncementViewModel(context);
    HBox head = Views.header("compose-back", text.get("messages.back"), this::showList,
        Views.title(text.get("announcements.compose.title")));
    ComboBox<ComposeAnnouncementViewModel.Target> target = new ComboBox<>(model.classes());
    target.setId("announce-class");
    target.setMaxWidth(Double.MAX_VALUE);
    StringConverter<ComposeAnnouncementViewModel.Target> names = new StringConverter<>() {
      @Override
      public String toString(ComposeAnnouncementViewModel.Target t) {
        return t == null ? "" : text.format("announcements.scope.CLASS", t.taught().className());
      }

      @Override
      public ComposeAnnouncementViewModel.Target fromString(String s) {
        return null;
      }
    };
    target.setConverter(names);
    target.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(ComposeAnnouncementViewModel.Target item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : names.toString(item));
      }
    });
    target.valueProperty().bindBidirectional(model.targetProperty());
    TextField title = new TextField();
    title.setId("announce-title");
    title.setPromptText(text.get("announcements.compose.titleHint"));
    title.textProperty().bindBidirectional(model.titleProperty());
    TextArea body = new TextArea();
    body.setId("announce-body");
    body.setWrapText(true);
    body.setPrefRowCount(6);
    body.setPromptText(text.get("announcements.compose.bodyHint"));
    body.textProperty().bindBidirectional(model.bodyProperty());
    CheckBox ack = new CheckBox(text.get("announcements.compose.ack"));
    ack.setId("announce-ack");
    ack.setWrapText(true);
    ack.selectedProperty().bindBidirectional(model.acknowledgementRequiredProperty());
    CheckBox urgent = new CheckBox(text.get("announcements.compose.urgent"));
    urgent.setId("announce-urgent");
    urgent.setWrapText(true);
    urgent.selectedProperty().bindBidirectional(model.urgentProperty());
    Button publish = Views.submit("announce-publish", text.get("announcements.compose.publish"),
        "mdoal-campaign", model, () -> model.publish(published -> showList()));
    Label note = Views.wrapped(text.get("announcements.compose.note"), "muted");
    VBox form = new VBox(8, new Label(text.get("announcements.compose.to")), target, title, body, ack, urgent, note,
        publish);
    pages.show(Views.screen(head, Views.failureBanner(model, text), Views.spinner(model), Views.scroll(form)));
  }

  private static Label chip(String value, String style) {
    Label chip = new Label(value);
    chip.getStyleClass().addAll("chip", style);
    chip.setMinWidth(Region.USE_PREF_SIZE);
    return chip;
  }
}
