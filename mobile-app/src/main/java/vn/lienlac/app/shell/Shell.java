package vn.lienlac.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.app.grades.GradesView;
import vn.lienlac.app.grades.GradesViewModel;
import vn.lienlac.app.invoices.InvoicesView;
import vn.lienlac.app.invoices.InvoicesViewModel;

/** The signed-in frame: the current screen above, the bottom navigation below (by role). */
public final class Shell {
  /** The term the screens show until the API says which one is current. */
  public static final String TERM = "2026-2027-HK1";

  private final AppContext context;
  private final BorderPane frame = new BorderPane();

  public Shell(AppContext context) {
    this.context = context;
  }

  public Node build() {
    AppText text = context.text();
    Map<String, Supplier<Node>> tabs = new LinkedHashMap<>();
    Map<String, String> icons = new LinkedHashMap<>();
    if ("PARENT".equals(context.role())) {
      tabs.put("grades", () -> new GradesView(new GradesViewModel(context, TERM), text).build());
      icons.put("grades", "mdmz-school");
      tabs.put("invoices", () -> new InvoicesView(new InvoicesViewModel(context), text).build());
      icons.put("invoices", "mdmz-payments");
    } else {
      tabs.put("gradebook", () -> notYet(text));
      icons.put("gradebook", "mdmz-menu_book");
    }
    tabs.put("messages", () -> notYet(text));
    icons.put("messages", "mdoal-chat");

    ToggleGroup group = new ToggleGroup();
    HBox nav = new HBox();
    nav.getStyleClass().add("bottom-nav");
    for (var tab : tabs.entrySet()) {
      ToggleButton button = new ToggleButton(text.get("nav." + tab.getKey()), new FontIcon(icons.get(tab.getKey())));
      button.setId("nav-" + tab.getKey());
      button.setToggleGroup(group);
      button.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
      button.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(button, Priority.ALWAYS);
      button.setOnAction(e -> {
        button.setSelected(true);
        frame.setCenter(tab.getValue().get());
      });
      nav.getChildren().add(button);
    }
    frame.setBottom(nav);
    ((ToggleButton) nav.getChildren().get(0)).fire();
    return frame;
  }

  private static Node notYet(AppText text) {
    Label label = new Label(text.get("screen.notYet"));
    label.setWrapText(true);
    VBox box = Views.screen(label);
    return box;
  }
}
