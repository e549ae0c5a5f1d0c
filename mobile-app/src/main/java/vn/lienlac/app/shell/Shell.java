package vn.lienlac.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.classes.ClassesView;
import vn.lienlac.app.classes.ClassesViewModel;
import vn.lienlac.app.leavedecisions.LeaveDecisionsView;
import vn.lienlac.app.leavedecisions.LeaveDecisionsViewModel;
import vn.lienlac.app.announcements.AnnouncementsView;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.invoices.InvoicesView;
import vn.lienlac.app.invoices.InvoicesViewModel;
import vn.lienlac.app.settings.SettingsView;
import vn.lienlac.app.records.ParentRecordsView;
import vn.lienlac.app.messages.MessagesView;
import vn.lienlac.app.officeannouncements.OfficeAnnouncementsView;
import vn.lienlac.app.officeannouncements.SentAnnouncementsViewModel;
import vn.lienlac.app.rosterimport.RosterImportView;
import vn.lienlac.app.rosterimport.RosterImportViewModel;

/**
 * The signed-in frame: the current screen above, the bottom navigation below. Which tabs there are
 * depends on the role the user signed in with (at most five: a phone's bottom bar).
 */
public final class Shell {
  /** One tab: its id (the node id is {@code nav-{id}}, the label key {@code nav.{id}}), icon and screen. */
  public record Tab(String id, String icon, Supplier<Node> screen) {}

  private final AppContext context;
  private final BorderPane frame = new BorderPane();

  public Shell(AppContext context) {
    this.context = context;
  }

  /** The tabs of the signed-in role, in order. */
  List<Tab> tabs() {
    AppText text = context.text();
    List<Tab> tabs = new ArrayList<>();
    switch (context.role() == null ? "" : context.role()) {
      case "PARENT" -> {
        // records (grades, attendance, leave)
        tabs.add(new Tab("grades", "mdmz-school", () -> new ParentRecordsView(context).build()));

        // payments (invoices, receipts, VietQR)
        tabs.add(new Tab("invoices", "mdmz-payments",
            () -> new InvoicesView(new InvoicesViewModel(context), text, context).build()));

        // messaging
        tabs.add(new Tab("messages", "mdoal-chat", () -> new MessagesView(context).build()));

        // announcements
        tabs.add(new Tab("announcements", "mdoal-campaign", () -> new AnnouncementsView(context).build()));

        // settings (language, notifications, consent, sign out)
        tabs.add(new Tab("settings", "mdmz-settings", () -> new SettingsView(context).build()));
      }
      case "TEACHER" -> {
        // teacher records (classes: gradebook, attendance; leave decisions)
        tabs.add(new Tab("classes", "mdmz-menu_book",
            () -> new ClassesView(context, new ClassesViewModel(context.me(), text)).build()));

        tabs.add(new Tab("leave", "mdoal-event_available", () -> new LeaveDecisionsView(
            new LeaveDecisionsViewModel(context, LeaveDecisionsViewModel.homeroomClasses(context.me())), text, true)
            .build()));

        // messaging
        tabs.add(new Tab("messages", "mdoal-chat", () -> new MessagesView(context).build()));

        // announcements
        tabs.add(new Tab("announcements", "mdoal-campaign", () -> new AnnouncementsView(context).build()));

        // settings
        tabs.add(new Tab("settings", "mdmz-settings", () -> new SettingsView(context).build()));
      }
      default -> { // STAFF (school office) and DPO
        // office announcements (compose, read/ack statistics, families not reached)
        tabs.add(new Tab("announcements", "mdoal-campaign",
            () -> new OfficeAnnouncementsView(new SentAnnouncementsViewModel(context), context).build()));

        // office fees (fees, fee report)
        tabs.add(new Tab("fees", "mdmz-payments",
            () -> new vn.lienlac.app.fees.FeesView(new vn.lienlac.app.fees.FeesViewModel(context), text).build()));

        // office roster (import with progress)
        tabs.add(new Tab("roster", "mdoal-group_add",
            () -> new RosterImportView(new RosterImportViewModel(context), text).build()));

        // settings
        tabs.add(new Tab("settings", "mdmz-settings", () -> new SettingsView(context).build()));
      }
    }
    return tabs;
  }

  public Node build() {
    return build(null);
  }

  /** The frame with tab {@code openTab} open (the first tab when null or not the role's). */
  public Node build(String openTab) {
    AppText text = context.text();
    ToggleButton open = null;
    ToggleGroup group = new ToggleGroup();
    HBox nav = new HBox();
    nav.getStyleClass().add("bottom-nav");
    for (Tab tab : tabs()) {
      ToggleButton button = new ToggleButton(text.get("nav." + tab.id()), new FontIcon(tab.icon()));
      button.setId("nav-" + tab.id());
      button.setToggleGroup(group);
      button.setContentDisplay(ContentDisplay.TOP);
      button.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(button, Priority.ALWAYS);
      button.setOnAction(e -> {
        button.setSelected(true);
        frame.setCenter(tab.screen().get());
      });
      nav.getChildren().add(button);
      if (tab.id().equals(openTab)) {
        open = button;
      }
    }
    frame.setBottom(nav);
    (open != null ? open : (ToggleButton) nav.getChildren().get(0)).fire();
    return frame;
  }

  private static Node notYet(AppText text) {
    Label label = new Label(text.get("screen.notYet"));
    label.setWrapText(true);
    return Views.screen(label);
  }
}
