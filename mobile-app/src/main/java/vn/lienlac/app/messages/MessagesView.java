package vn.lienlac.app.messages;

import javafx.application.Platform;
import vn.lienlac.app.core.TabPages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;

/**
 * The messages tab: the conversation list, a thread, starting a conversation and the privacy notice,
 * swapped inside the tab (each with a back button).
 */
public final class MessagesView {
  private final AppContext context;
  private final AppText text;
  private final TabPages pages = new TabPages("messages-tab");

  public MessagesView(AppContext context) {
    this.context = context;
    this.text = context.text();
  }

  public Node build() {
    showList();
    return pages.root();
  }

  // --- the list ------------------------------------------------------------------------------------

  private void showList() {
    ConversationsViewModel model = new ConversationsViewModel(context);
    VBox list = new VBox(8);
    list.setId("conversations");
    model.rows().addListener((ListChangeListener<ConversationsViewModel.Row>) change -> fillList(list, model));
    ScrollPane scroll = Views.scroll(list);
    Button create = new Button(text.get("messages.new"), new FontIcon("mdoal-edit"));
    create.setId("messages-new");
    create.getStyleClass().add("accent");
    create.setOnAction(e -> showNew());
    Label hours = Views.note(model.officeHoursProperty(), "office-hours", "office-hours");
    HBox head = new HBox(8, Views.title(text.get("messages.title")), grow(), create);
    head.setAlignment(Pos.CENTER_LEFT);
    pages.show(Views.screen(head, hours, Views.staleNote(model), Views.failureBanner(model, text),
        Views.spinner(model), scroll));
    model.load();
  }

  private void fillList(VBox list, ConversationsViewModel model) {
    list.getChildren().clear();
    if (model.rows().isEmpty()) {
      Label empty = new Label(text.get("messages.empty"));
      empty.setWrapText(true);
      list.getChildren().add(empty);
    }
    for (ConversationsViewModel.Row row : model.rows()) {
      Label title = Views.wrapped(row.title(), "subject");
      Label subtitle = Views.wrapped(row.subtitle(), "muted");
      Label last = Views.wrapped(row.last(), "last-message");
      last.setMaxHeight(40);
      VBox texts = new VBox(2, title, subtitle, last);
      if (row.pending() != null) {
        texts.getChildren().add(Views.wrapped(row.pending(), "pending"));
      }
      HBox.setHgrow(texts, Priority.ALWAYS);
      Label when = new Label(row.when());
      when.getStyleClass().add("muted");
      when.setMinWidth(Region.USE_PREF_SIZE);
      VBox side = new VBox(4, when);
      side.setAlignment(Pos.TOP_RIGHT);
      if (row.unread() > 0) {
        Label unread = new Label(String.valueOf(row.unread()));
        unread.setId("unread-" + row.conversation().id());
        unread.getStyleClass().add("unread-badge");
        side.getChildren().add(unread);
      }
      HBox content = new HBox(8, texts, side);
      list.getChildren().add(Tappable.row("conversation-" + row.conversation().id(), row.title(), content,
          () -> showThread(row.conversation())));
    }
  }

  // --- a thread ------------------------------------------------------------------------------------

  private void showThread(Conversation conversation) {
    ThreadViewModel model = new ThreadViewModel(context, conversation);
    Label title = new Label();
    title.textProperty().bind(model.titleProperty());
    title.getStyleClass().addAll("screen-title", "title-4");
    title.setWrapText(true);
    Label subtitle = new Label();
    subtitle.textProperty().bind(model.subtitleProperty());
    subtitle.getStyleClass().add("muted");
    subtitle.setWrapText(true);
    VBox titles = new VBox(2, title, subtitle);
    HBox.setHgrow(titles, Priority.ALWAYS);
    HBox head = Views.header("thread-back", text.get("messages.back"), this::showList,
        titles);

    VBox bubbles = new VBox(8);
    bubbles.setId("bubbles");
    Button olderButton = new Button(text.get("messages.older"));
    olderButton.setId("messages-older");
    olderButton.getStyleClass().add("flat");
    olderButton.setMaxWidth(Double.MAX_VALUE);
    olderButton.visibleProperty().bind(model.hasOlderProperty());
    olderButton.managedProperty().bind(olderButton.visibleProperty());
    boolean[] toOlder = {false};
    olderButton.setOnAction(e -> {
      toOlder[0] = true;
      model.loadOlder();
    });
    ScrollPane scroll = Views.scroll(new VBox(8, olderButton, bubbles));
    model.bubbles().addListener((ListChangeListener<ThreadViewModel.Bubble>) change -> {
      fillBubbles(bubbles, model);
      double to = toOlder[0] ? 0.0 : 1.0;
      toOlder[0] = false;
      Platform.runLater(() -> scroll.setVvalue(to));
    });

    TextArea compose = new TextArea();
    compose.setId("message-text");
    compose.setWrapText(true);
    compose.setPrefRowCount(2);
    compose.promptTextProperty().bind(model.composeHintProperty());
    compose.textProperty().bindBidirectional(model.draftProperty());
    HBox.setHgrow(compose, Priority.ALWAYS);
    Button send = new Button(null, new FontIcon("mdomz-send"));
    send.setId("message-send");
    send.getStyleClass().add("accent");
    send.setMinWidth(Region.USE_PREF_SIZE);
    send.setOnAction(e -> model.send());
    HBox composer = new HBox(6, compose, send);
    composer.setAlignment(Pos.CENTER);
    composer.visibleProperty().bind(model.canWriteProperty());
    composer.managedProperty().bind(composer.visibleProperty());

    pages.show(Views.screen(head, Views.staleNote(model), Views.failureBanner(model, text),
        consentButton(model.consentNoticeProperty(), () -> showThread(conversation)), Views.spinner(model), scroll,
        composer));
    model.load();
  }

  private void fillBubbles(VBox box, ThreadViewModel model) {
    box.getChildren().clear();
    for (ThreadViewModel.Bubble b : model.bubbles()) {
      VBox bubble = new VBox(2);
      bubble.getStyleClass().addAll("bubble", b.mine() ? "bubble-mine" : "bubble-theirs");
      if (b.pending()) {
        bubble.getStyleClass().add("bubble-pending");
      }
      bubble.setId("bubble-" + b.key());
      if (b.sender() != null) {
        bubble.getChildren().add(Views.wrapped(b.sender(), "bubble-sender"));
      }
      bubble.getChildren().add(Views.wrapped(b.text(), "bubble-text"));
      String meta = b.status() == null ? b.time() : b.time() + " · " + b.status();
      Label metaLabel = Views.wrapped(meta, "bubble-meta");
      if (b.status() != null) {
        metaLabel.setId("status-" + b.key());
      }
      bubble.getChildren().add(metaLabel);
      if (b.note() != null) {
        bubble.getChildren().add(Views.wrapped(b.note(), "bubble-note"));
      }
      bubble.setMaxWidth(280);
      HBox line = new HBox(bubble);
      line.setAlignment(b.mine() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
      box.getChildren().add(line);
    }
  }

  // --- a new conversation --------------------------------------------------------------------------

  private void showNew() {
    NewConversationViewModel model = new NewConversationViewModel(context);
    HBox head = Views.header("new-back", text.get("messages.back"), this::showList,
        Views.title(text.get("messages.new.title")));
    VBox form = new VBox(8);
    if (model.forParent()) {
      ComboBox<Me.Child> child = combo("new-child", model.children(), c -> c.fullName() + " · " + c.className());
      child.valueProperty().bindBidirectional(model.childProperty());
      child.valueProperty().addListener((o, was, now) -> model.loadChoices());
      form.getChildren().addAll(new Label(text.get("messages.new.child")), child);
    } else {
      ComboBox<NewConversationViewModel.TaughtClass> taught = combo("new-class", model.classes(),
          c -> text.format("messages.new.classItem", c.taught().className()));
      taught.valueProperty().bindBidirectional(model.classProperty());
      taught.valueProperty().addListener((o, was, now) -> model.loadChoices());
      Button channel = new Button(text.get("messages.new.channel"), new FontIcon("mdoal-campaign"));
      channel.setId("new-channel");
      channel.setMaxWidth(Double.MAX_VALUE);
      channel.disableProperty().bind(model.classProperty().isNull());
      channel.setOnAction(e -> model.openChannel(this::showThread));
      form.getChildren().addAll(new Label(text.get("messages.new.class")), taught, channel);
    }
    ComboBox<NewConversationViewModel.Choice> to = combo("new-to", model.choices(),
        c -> c.note() == null ? c.name() : c.name() + " — " + c.note());
    to.valueProperty().bindBidirectional(model.choiceProperty());
    Label empty = Views.note(model.emptyNoteProperty(), "new-empty", "muted");
    TextArea compose = new TextArea();
    compose.setId("new-text");
    compose.setWrapText(true);
    compose.setPrefRowCount(4);
    compose.setPromptText(text.get("messages.compose.hint"));
    compose.textProperty().bindBidirectional(model.draftProperty());
    Button send = new Button(text.get("messages.new.send"), new FontIcon("mdomz-send"));
    send.setId("new-send");
    send.getStyleClass().add("accent");
    send.setMaxWidth(Double.MAX_VALUE);
    send.setOnAction(e -> model.start(this::showThread));
    Label hoursNote = new Label(text.get(model.forParent() ? "messages.new.hoursNote" : "messages.new.pupilNote"));
    hoursNote.setWrapText(true);
    hoursNote.getStyleClass().add("muted");
    form.getChildren().addAll(new Label(text.get(model.forParent() ? "messages.new.teacher" : "messages.new.pupil")),
        to, empty, compose, hoursNote, send);
    pages.show(Views.screen(head, Views.failureBanner(model, text),
        consentButton(model.consentNoticeProperty(), this::showNew), Views.spinner(model), Views.scroll(form)));
    if (model.forParent() && !model.children().isEmpty()) {
      model.childProperty().set(model.children().get(0));
    } else if (!model.forParent() && !model.classes().isEmpty()) {
      model.classProperty().set(model.classes().get(0));
    }
  }

  // --- the privacy notice --------------------------------------------------------------------------

  private void showNotice(String link, Runnable back) {
    NoticeViewModel model = new NoticeViewModel(context, link);
    Label title = new Label();
    title.textProperty().bind(model.titleProperty());
    title.getStyleClass().addAll("screen-title", "title-4");
    title.setWrapText(true);
    Label body = new Label();
    body.setId("notice-body");
    body.textProperty().bind(model.bodyProperty());
    body.setWrapText(true);
    Label where = new Label(text.get("messages.notice.where"));
    where.setWrapText(true);
    where.getStyleClass().add("muted");
    HBox head = Views.header("notice-back", text.get("messages.back"), back,
        title);
    pages.show(Views.screen(head, Views.failureBanner(model, text), Views.spinner(model), Views.scroll(new VBox(10, body, where))));
    model.load();
  }

  private Node consentButton(javafx.beans.property.StringProperty notice, Runnable back) {
    Button read = new Button(text.get("messages.notice.read"), new FontIcon("mdoal-description"));
    read.setId("consent-notice");
    read.setWrapText(true);
    read.visibleProperty().bind(notice.isNotNull());
    read.managedProperty().bind(read.visibleProperty());
    read.setOnAction(e -> showNotice(notice.get(), back));
    return read;
  }

  // --- pieces --------------------------------------------------------------------------------------

  private static Region grow() {
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    return grow;
  }

  private static <T> ComboBox<T> combo(String id, javafx.collections.ObservableList<T> items,
      java.util.function.Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>(items);
    box.setId(id);
    box.setMaxWidth(Double.MAX_VALUE);
    StringConverter<T> converter = new StringConverter<>() {
      @Override
      public String toString(T item) {
        return item == null ? "" : label.apply(item);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
    box.setConverter(converter);
    box.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : label.apply(item));
        setWrapText(true);
        setPrefWidth(0);
      }
    });
    return box;
  }
}
