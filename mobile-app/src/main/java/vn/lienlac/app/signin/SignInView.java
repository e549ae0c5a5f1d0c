package vn.lienlac.app.signin;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.client.DevUser;

/** The local sign-in screen: one button per demo user, grouped as the stack lists them. */
public final class SignInView {
  private final SignInViewModel model;
  private final AppContext context;
  private final Runnable signedIn;

  public SignInView(SignInViewModel model, AppContext context, Runnable signedIn) {
    this.model = model;
    this.context = context;
    this.signedIn = signedIn;
  }

  public Node build() {
    VBox list = new VBox(6);
    list.setId("users");
    model.users().addListener((javafx.collections.ListChangeListener<DevUser>) change -> fill(list));
    fill(list);
    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    Label hint = new Label(context.text().get("app.signIn.demo"));
    hint.setWrapText(true);
    VBox screen = Views.screen(Views.title(context.text().title()), hint, Views.failureBanner(model, context.text()),
        Views.spinner(model), scroll);
    model.loadUsers();
    return screen;
  }

  private void fill(VBox list) {
    list.getChildren().clear();
    for (DevUser user : model.users()) {
      Button button = new Button(user.displayName() + " · " + user.role() + "\n" + user.schoolName());
      button.setId("user-" + user.id());
      button.setMaxWidth(Double.MAX_VALUE);
      button.getStyleClass().add("user-button");
      button.setOnAction(e -> model.signIn(user, signedIn));
      list.getChildren().add(button);
    }
  }
}
