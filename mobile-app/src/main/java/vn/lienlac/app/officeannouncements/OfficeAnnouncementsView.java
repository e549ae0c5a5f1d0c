package vn.lienlac.app.officeannouncements;

import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.announcements.Announcement;

/**
 * The office's announcements tab: the list of what the school sent, a form to write one, and each
 * one's reach (counts and the families not reached). On a phone one of them at a time, with a
 * back button; in a wide desktop window the list stays on the left and the form or the reach on
 * the right.
 */
public final class OfficeAnnouncementsView {
  /** From this width on, list and detail side by side. */
  static final double WIDE = 760;

  private final AppContext context;
  private final AppText text;
  private final SentAnnouncementsViewModel list;
  private final BorderPane root = new BorderPane();
  private final VBox listPane = new VBox(10);
  private final BorderPane detailPane = new BorderPane();
  private final Button back = new Button();
  private boolean detailOpen;
  private boolean wide;

  public OfficeAnnouncementsView(SentAnnouncementsViewModel list, AppContext context) {
    this.list = list;
    this.context = context;
    this.text = context.text();
  }

  public Node build() {
    root.setId("office-announcements");
    root.getStyleClass().add("office");

    Button compose = new Button(text.get("office.ann.compose"), new FontIcon("mdmz-post_add"));
    compose.setId("compose");
    compose.getStyleClass().add("accent");
    compose.setMaxWidth(Double.MAX_VALUE);
    compose.setOnAction(e -> showCompose());

    VBox items = new VBox(8);
    items.setId("sent-list");
    list.rows().addListener((ListChangeListener<SentAnnouncementsViewModel.Row>) change -> fill(items));
    Button more = new Button(text.get("office.more"));
    more.setId("sent-more");
    more.visibleProperty().bind(list.hasMoreProperty());
    more.managedProperty().bind(more.visibleProperty());
    more.setOnAction(e -> list.loadMore());
    VBox content = new VBox(8, items, more);
    ScrollPane scroll = Views.scroll(content);
    listPane.getChildren().addAll(Views.title(text.get("office.ann.title")), compose,
        Views.failureBanner(list, text), Views.spinner(list), scroll);
    listPane.getStyleClass().add("screen");
    listPane.setMinWidth(0);

    back.setText(text.get("office.back"));
    back.setGraphic(new FontIcon("mdal-arrow_back"));
    back.setId("back");
    back.getStyleClass().add("flat");
    back.setOnAction(e -> closeDetail());
    detailPane.getStyleClass().add("screen");
    detailPane.setMinWidth(0);
    placeholder();

    root.widthProperty().addListener((o, was, now) -> {
      boolean nowWide = now.doubleValue() >= WIDE;
      if (nowWide != wide) {
        wide = nowWide;
        relayout();
      }
    });
    relayout();
    list.load();
    return root;
  }

  private void relayout() {
    back.setVisible(!wide);
    back.setManaged(!wide);
    if (wide) {
      listPane.setPrefWidth(360);
      listPane.setMaxWidth(420);
      root.setLeft(listPane);
      root.setCenter(detailPane);
      detailPane.getStyleClass().add("office-detail-wide");
    } else {
      detailPane.getStyleClass().remove("office-detail-wide");
      listPane.setMaxWidth(Double.MAX_VALUE);
      root.setLeft(null);
      root.setCenter(detailOpen ? detailPane : listPane);
    }
  }

  private void openDetail(Node content) {
    detailOpen = true;
    VBox top = new VBox(back);
    detailPane.setTop(top);
    detailPane.setCenter(content);
    relayout();
  }

  private void closeDetail() {
    detailOpen = false;
    placeholder();
    relayout();
  }

  private void placeholder() {
    Label hint = new Label(text.get("office.ann.pick"));
    hint.setWrapText(true);
    hint.getStyleClass().add("hint");
    detailPane.setTop(null);
    detailPane.setCenter(hint);
    BorderPane.setAlignment(hint, Pos.TOP_LEFT);
  }

  private void fill(VBox items) {
    items.getChildren().clear();
    if (list.rows().isEmpty()) {
      Label empty = new Label(text.get("office.ann.empty"));
      empty.setWrapText(true);
      items.getChildren().add(empty);
    }
    for (SentAnnouncementsViewModel.Row row : list.rows()) {
      Label title = new Label(row.title());
      title.setWrapText(true);
      title.getStyleClass().add("subject");
      Label meta = new Label(row.meta());
      meta.setWrapText(true);
      meta.getStyleClass().add("scores");
      VBox card = new VBox(2, title, meta);
      card.getStyleClass().addAll("card", "office-card");
      // The whole card opens the announcement: a transparent button over it (a Button's graphic would not
      // wrap its text to the card's width).
      Button open = new Button();
      open.setId("open-" + row.announcement().id());
      open.setAccessibleText(row.title());
      open.getStyleClass().add("card-overlay");
      open.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      open.setOnAction(e -> showStats(row.announcement()));
      StackPane item = new StackPane(card, open);
      item.setId("ann-" + row.announcement().id());
      items.getChildren().add(item);
    }
  }

  // --- compose -------------------------------------------------------------------------------------

  private void showCompose() {
    ComposeAnnouncementViewModel model = new ComposeAnnouncementViewModel(context, list.schoolId());

    TextField title = new TextField();
    title.setId("ann-title");
    title.setPromptText(text.get("office.compose.titlePrompt"));
    title.textProperty().bindBidirectional(model.titleProperty());
    TextArea body = new TextArea();
    body.setId("ann-body");
    body.setWrapText(true);
    body.setPrefRowCount(6);
    body.setPromptText(text.get("office.compose.bodyPrompt"));
    body.textProperty().bindBidirectional(model.bodyProperty());

    ComboBox<Announcement.Scope> scope = new ComboBox<>();
    scope.getItems().setAll(Announcement.Scope.values());
    scope.setId("ann-scope");
    scope.setMaxWidth(Double.MAX_VALUE);
    scope.setConverter(new StringConverter<>() {
      @Override
      public String toString(Announcement.Scope s) {
        return s == null ? "" : text.get("office.scope." + s.name());
      }

      @Override
      public Announcement.Scope fromString(String s) {
        return null;
      }
    });
    scope.valueProperty().bindBidirectional(model.scopeProperty());

    TextField grade = new TextField();
    grade.setId("ann-grade");
    grade.setPromptText(text.get("office.compose.gradePrompt"));
    grade.textProperty().bindBidirectional(model.gradeProperty());
    VBox gradeBox = Views.field(text.get("office.compose.grade"), grade, model.gradeErrorProperty(), "ann-grade-error");
    gradeBox.visibleProperty().bind(model.scopeProperty().isEqualTo(Announcement.Scope.GRADE));
    gradeBox.managedProperty().bind(gradeBox.visibleProperty());

    TextField classId = new TextField();
    classId.setId("ann-class");
    classId.setPromptText(text.get("office.compose.classPrompt"));
    classId.textProperty().bindBidirectional(model.classIdProperty());
    FlowPane known = new FlowPane(6, 6);
    known.setId("ann-known-classes");
    for (Map.Entry<String, String> entry : list.knownClasses().entrySet()) {
      Button pick = new Button(entry.getValue());
      pick.setId("ann-class-" + entry.getKey());
      pick.getStyleClass().addAll("small", "button-outlined");
      pick.setOnAction(e -> model.classIdProperty().set(entry.getKey()));
      known.getChildren().add(pick);
    }
    VBox classBox = Views.field(text.get("office.compose.class"), classId, model.classErrorProperty(), "ann-class-error");
    if (!known.getChildren().isEmpty()) {
      classBox.getChildren().add(2, known);
    }
    classBox.visibleProperty().bind(model.scopeProperty().isEqualTo(Announcement.Scope.CLASS));
    classBox.managedProperty().bind(classBox.visibleProperty());

    CheckBox ack = new CheckBox(text.get("office.compose.ack"));
    ack.setId("ann-ack");
    ack.setWrapText(true);
    ack.selectedProperty().bindBidirectional(model.acknowledgementRequiredProperty());
    CheckBox urgent = new CheckBox(text.get("office.compose.urgent"));
    urgent.setId("ann-urgent");
    urgent.setWrapText(true);
    urgent.selectedProperty().bindBidirectional(model.urgentProperty());

    Button publish = new Button(text.get("office.compose.publish"), new FontIcon("mdmz-send"));
    publish.setId("ann-publish");
    publish.getStyleClass().add("accent");
    publish.disableProperty().bind(model.busyProperty());
    publish.setOnAction(e -> model.publish(announcement -> {
      list.published(announcement);
      showStats(announcement);
    }));

    VBox form = new VBox(10, Views.title(text.get("office.compose.title")),
        Views.field(text.get("office.compose.titleLabel"), title, model.titleErrorProperty(), "ann-title-error"),
        Views.field(text.get("office.compose.bodyLabel"), body, model.bodyErrorProperty(), "ann-body-error"),
        Views.field(text.get("office.compose.scope"), scope, model.scopeErrorProperty(), "ann-scope-error"),
        gradeBox, classBox, ack, urgent, Views.failureBanner(model, text), Views.spinner(model), publish);
    form.setId("compose-form");
    form.getStyleClass().add("office-form");
    form.setMaxWidth(640);
    openDetail(scrolled(form));
  }

  // --- statistics ----------------------------------------------------------------------------------

  private void showStats(Announcement announcement) {
    AnnouncementStatsViewModel model = new AnnouncementStatsViewModel(context, announcement);

    Label title = Views.title(announcement.title());
    title.setId("stats-title");
    Label meta = new Label(list.row(announcement).meta());
    meta.setWrapText(true);
    meta.getStyleClass().add("scores");
    Label body = new Label(announcement.body());
    body.setWrapText(true);

    FlowPane tiles = new FlowPane(8, 8,
        tile(text.get("office.stats.families"), model.familiesProperty(), "stat-families"),
        tile(text.get("office.stats.read"), model.readProperty(), "stat-read"),
        tile(text.get("office.stats.acknowledged"), model.acknowledgedProperty(), "stat-acknowledged"),
        tile(text.get("office.stats.notReached"), model.notReachedProperty(), "stat-not-reached"));
    tiles.setId("stat-tiles");
    tiles.visibleProperty().bind(model.statsProperty().isNotNull());
    tiles.managedProperty().bind(tiles.visibleProperty());

    Button refresh = new Button(text.get("office.stats.refresh"), new FontIcon("mdmz-refresh"));
    refresh.setId("stats-refresh");
    refresh.getStyleClass().add("small");
    refresh.setOnAction(e -> model.load());

    Label notReachedTitle = new Label();
    notReachedTitle.setId("not-reached-title");
    notReachedTitle.getStyleClass().add("subject");
    notReachedTitle.setWrapText(true);
    notReachedTitle.textProperty().bind(model.notReachedTitleProperty());
    Label hint = new Label(text.get("office.stats.callHint"));
    hint.setWrapText(true);
    hint.getStyleClass().add("hint");
    VBox families = new VBox(6);
    families.setId("not-reached");
    model.notReachedFamilies().addListener(
        (ListChangeListener<AnnouncementStatsViewModel.Family>) change -> fillFamilies(families, model));
    Button more = new Button(text.get("office.more"));
    more.setId("stats-more");
    more.visibleProperty().bind(model.hasMoreProperty());
    more.managedProperty().bind(more.visibleProperty());
    more.setOnAction(e -> model.loadMore());
    VBox notReached = new VBox(6, notReachedTitle, hint, families, more);
    notReached.visibleProperty().bind(model.statsProperty().isNotNull());
    notReached.managedProperty().bind(notReached.visibleProperty());

    VBox content = new VBox(10, title, meta, body, refresh, Views.failureBanner(model, text), Views.spinner(model),
        tiles, notReached);
    content.setId("stats");
    openDetail(scrolled(content));
    model.load();
  }

  private void fillFamilies(VBox families, AnnouncementStatsViewModel model) {
    families.getChildren().clear();
    if (model.notReachedFamilies().isEmpty()) {
      Label all = new Label(text.get("office.stats.allReached"));
      all.setId("all-reached");
      all.setWrapText(true);
      families.getChildren().add(all);
    }
    int i = 0;
    for (AnnouncementStatsViewModel.Family family : model.notReachedFamilies()) {
      Label name = new Label(family.guardian());
      name.setId("family-name-" + i);
      name.getStyleClass().add("subject");
      name.setWrapText(true);
      Label pupils = new Label(family.pupils());
      pupils.setId("family-pupils-" + i);
      pupils.setWrapText(true);
      Label status = new Label(family.status());
      status.setId("family-status-" + i);
      status.setWrapText(true);
      status.getStyleClass().add(family.hasDevice() ? "scores" : "failure-text");
      VBox card = new VBox(2, name, pupils, status);
      card.setId("family-" + i);
      card.getStyleClass().add("card");
      families.getChildren().add(card);
      i++;
    }
  }

  private static VBox tile(String label, StringProperty value, String id) {
    Label number = new Label();
    number.setId(id);
    number.getStyleClass().add("stat-number");
    number.textProperty().bind(value);
    Label name = new Label(label);
    name.setWrapText(true);
    name.getStyleClass().add("stat-label");
    VBox tile = new VBox(2, number, name);
    tile.getStyleClass().addAll("card", "stat-tile");
    tile.setPrefWidth(150);
    tile.setMinWidth(140);
    return tile;
  }

  private static ScrollPane scrolled(Node content) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    return scroll;
  }
}
