package vn.lienlac.app.settings;

import javafx.collections.ListChangeListener;
import vn.lienlac.app.core.TabPages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.consent.NoticeView;
import vn.lienlac.app.consent.NoticeViewModel;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;

/**
 * The settings tab, for every role: language, phone notifications (quiet hours, lock-screen detail),
 * for parents each child's consent and "Tải dữ liệu của tôi", then the account and sign-out. A
 * school's notice opens inside the tab, with a back button.
 */
public final class SettingsView {
  private final AppContext context;
  private final AppText text;
  private final TabPages pages = new TabPages("settings");

  public SettingsView(AppContext context) {
    this.context = context;
    this.text = context.text();
  }

  public Node build() {
    SettingsViewModel settings = new SettingsViewModel(context);
    VBox sections = new VBox(12, language(settings), notifications());
    ConsentsViewModel consents = null;
    if (settings.isGuardian()) {
      consents = new ConsentsViewModel(context);
      sections.getChildren().addAll(privacy(consents), myData());
    }
    sections.getChildren().add(account(settings));
    ScrollPane scroll = Views.scroll(sections);
    scroll.getStyleClass().add("edge-to-edge");
    VBox main = Views.screen(Views.title(text.get("settings.title")), scroll);
    pages.show(main);
    if (consents != null) {
      consents.load();
    }
    return pages.root();
  }

  private Node language(SettingsViewModel model) {
    ToggleGroup group = new ToggleGroup();
    HBox choices = new HBox(0);
    choices.getStyleClass().add("language-choice");
    for (String language : new String[] {"vi", "en"}) {
      ToggleButton choice = new ToggleButton(text.get("settings.language." + language));
      choice.setId("lang-" + language);
      choice.setToggleGroup(group);
      choice.setSelected(language.equals(model.language()));
      choice.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(choice, Priority.ALWAYS);
      choice.setOnAction(e -> {
        choice.setSelected(true);
        model.useLanguage(language);
      });
      choices.getChildren().add(choice);
    }
    return card("mdal-language", text.get("settings.language"), choices);
  }

  private Node notifications() {
    NotificationSettingsViewModel model = new NotificationSettingsViewModel(context);
    CheckBox quiet = new CheckBox(text.get("settings.quietHours"));
    quiet.setId("quiet-enabled");
    quiet.setWrapText(true);
    quiet.selectedProperty().bindBidirectional(model.quietHoursEnabledProperty());
    ComboBox<String> from = times("quiet-start");
    from.valueProperty().bindBidirectional(model.quietHoursStartProperty());
    ComboBox<String> to = times("quiet-end");
    to.valueProperty().bindBidirectional(model.quietHoursEndProperty());
    HBox hours = new HBox(8, new Label(text.get("settings.quietHours.from")), from,
        new Label(text.get("settings.quietHours.to")), to);
    hours.getStyleClass().add("quiet-hours");
    hours.disableProperty().bind(quiet.selectedProperty().not());
    Label quietNote = hint(text.get("settings.quietHours.note"));

    CheckBox detailed = new CheckBox(text.get("settings.detailedPreviews"));
    detailed.setId("detailed-previews");
    detailed.setWrapText(true);
    detailed.selectedProperty().bindBidirectional(model.detailedPreviewsProperty());
    Label detailedNote = hint(text.get("settings.detailedPreviews.note"));
    detailedNote.setId("detailed-previews-note");

    Button save = new Button(text.get("settings.notifications.save"));
    save.setId("save-notifications");
    save.getStyleClass().add("accent");
    save.setMaxWidth(Double.MAX_VALUE);
    save.disableProperty().bind(model.busyProperty().or(model.loadedProperty().not()));
    save.setOnAction(e -> model.save());
    Label saved = hint("");
    saved.setId("notifications-saved");
    saved.getStyleClass().add("done");
    saved.textProperty().bind(model.savedProperty());
    saved.visibleProperty().bind(model.savedProperty().isNotNull());
    saved.managedProperty().bind(saved.visibleProperty());

    VBox controls = new VBox(8, quiet, hours, quietNote, detailed, detailedNote, save, saved);
    controls.disableProperty().bind(model.loadedProperty().not());
    Node card = card("mdmz-notifications", text.get("settings.notifications"), Views.failureBanner(model, text),
        Views.spinner(model), controls);
    model.load();
    return card;
  }

  private static ComboBox<String> times(String id) {
    ComboBox<String> box = new ComboBox<>();
    box.getItems().setAll(NotificationSettingsViewModel.TIMES);
    box.valueProperty().addListener((o, was, now) -> {
      if (now != null && !box.getItems().contains(now)) {
        box.getItems().add(now);
        box.getItems().sort(String::compareTo);
      }
    });
    box.setId(id);
    box.setVisibleRowCount(8);
    return box;
  }

  private Node privacy(ConsentsViewModel model) {
    VBox list = new VBox(10);
    list.setId("consents");
    model.rows().addListener((ListChangeListener<ConsentsViewModel.Row>) change -> fillConsents(list, model));
    model.confirmingProperty().addListener((o, was, now) -> fillConsents(list, model));
    return card("mdmz-privacy_tip", text.get("settings.privacy"), hint(text.get("settings.privacy.note")),
        Views.failureBanner(model, text), Views.spinner(model), list);
  }

  private void fillConsents(VBox list, ConsentsViewModel model) {
    list.getChildren().clear();
    for (ConsentsViewModel.Row row : model.rows()) {
      Label name = Views.wrapped(row.childName() + " · " + row.schoolName());
      name.getStyleClass().add("subject");
      Label status = Views.wrapped(row.status());
      status.setId("consent-status-" + row.studentId());
      status.getStyleClass().add(row.canWithdraw() && !row.canGive() ? "consent-given" : "consent-missing");
      HBox actions = new HBox(8);
      actions.getStyleClass().add("consent-actions");
      if (row.canGive()) {
        Button give = new Button(text.get("settings.consent.give"));
        give.setId("give-" + row.studentId());
        give.getStyleClass().add("accent");
        give.disableProperty().bind(model.busyProperty());
        give.setOnAction(e -> model.give(row));
        actions.getChildren().add(give);
      }
      if (row.canWithdraw()) {
        Button withdraw = new Button(text.get("settings.consent.withdraw"));
        withdraw.setId("withdraw-" + row.studentId());
        withdraw.getStyleClass().add("danger");
        withdraw.disableProperty().bind(model.busyProperty());
        withdraw.setOnAction(e -> model.askWithdraw(row));
        actions.getChildren().add(withdraw);
      }
      if (row.version() != null) {
        Button read = new Button(text.get("settings.consent.readNotice"));
        read.setId("read-notice-" + row.studentId());
        read.getStyleClass().add("flat");
        read.setOnAction(e -> openNotice(row.schoolId(), model));
        actions.getChildren().add(read);
      }
      VBox entry = new VBox(4, name, status, actions);
      entry.getStyleClass().add("consent-row");
      if (row.studentId().equals(model.confirmingProperty().get())) {
        entry.getChildren().add(confirmation(row, model));
      }
      list.getChildren().add(entry);
    }
  }

  /** The in-screen confirmation of a withdrawal: what stops, and the two choices. */
  private Node confirmation(ConsentsViewModel.Row row, ConsentsViewModel model) {
    Label what = Views.wrapped(text.format("settings.consent.confirm", row.childName()));
    what.setId("withdraw-warning");
    Button yes = new Button(text.get("settings.consent.confirmYes"));
    yes.setId("withdraw-confirm");
    yes.getStyleClass().add("danger");
    yes.setOnAction(e -> model.confirmWithdraw());
    Button no = new Button(text.get("settings.consent.confirmNo"));
    no.setId("withdraw-cancel");
    no.setOnAction(e -> model.cancelWithdraw());
    HBox buttons = new HBox(8, yes, no);
    VBox box = new VBox(8, what, buttons);
    box.getStyleClass().add("confirm");
    return box;
  }

  private void openNotice(String schoolId, ConsentsViewModel consents) {
    Node main = pages.shown();
    Node notice = new NoticeView(new NoticeViewModel(context, schoolId), text, () -> {
      pages.show(main);
      consents.load();
    }).build();
    pages.show(notice);
  }

  private Node myData() {
    MyDataViewModel model = new MyDataViewModel(context);
    Button export = new Button(text.get("settings.data.export"), new FontIcon("mdal-cloud_download"));
    export.setId("export");
    export.setMaxWidth(Double.MAX_VALUE);
    export.disableProperty().bind(model.busyProperty());
    export.setOnAction(e -> model.export());
    Label status = hint("");
    status.setId("export-status");
    status.textProperty().bind(model.statusProperty());
    status.visibleProperty().bind(model.statusProperty().isNotNull());
    status.managedProperty().bind(status.visibleProperty());
    return card("mdal-get_app", text.get("settings.data"), hint(text.get("settings.data.note")),
        Views.failureBanner(model, text), export, Views.spinner(model), status);
  }

  private Node account(SettingsViewModel model) {
    Label who = Views.wrapped(model.signedInAs());
    who.setId("signed-in-as");
    Button signOut = new Button(text.get("app.signOut"), new FontIcon("mdal-exit_to_app"));
    signOut.setId("sign-out");
    signOut.setMaxWidth(Double.MAX_VALUE);
    signOut.setOnAction(e -> model.signOut());
    return card("mdmz-person", text.get("settings.account"), who, signOut);
  }

  private static Node card(String icon, String title, Node... content) {
    Label heading = new Label(title, new FontIcon(icon));
    heading.getStyleClass().add("settings-heading");
    heading.setWrapText(true);
    VBox card = new VBox(8, heading);
    card.getChildren().addAll(content);
    card.getStyleClass().add("card");
    return card;
  }

  private static Label hint(String value) {
    Label label = Views.wrapped(value);
    label.getStyleClass().add("hint");
    return label;
  }
}
