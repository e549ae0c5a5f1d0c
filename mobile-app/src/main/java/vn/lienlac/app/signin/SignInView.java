package vn.lienlac.app.signin;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.lienlac.app.AppText;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.Views;
import vn.lienlac.client.DevUser;

/**
 * The sign-in screen: "Đăng nhập bằng số điện thoại" (the number, then the SMS code) when Cognito is
 * configured, and on the local stack the demo users too (one button each, {@code #user-{id}}). While a
 * stored session is restored it shows only a spinner.
 */
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
    AppText text = context.text();
    Label notice = Views.note(model.noticeProperty(), "notice", "signin-notice");

    VBox screen = Views.screen(Views.title(text.title()), notice, Views.failureBanner(model, text),
        Views.spinner(model));
    if (model.phoneSignIn()) {
      screen.getChildren().add(phoneSignIn(text));
    }
    if (model.demoUsers()) {
      VBox list = new VBox(6);
      list.setId("users");
      model.users().addListener((javafx.collections.ListChangeListener<DevUser>) change -> fill(list));
      fill(list);
      ScrollPane scroll = Views.scroll(list);
      Label hint = new Label(text.get(model.phoneSignIn() ? "signin.orDemo" : "app.signIn.demo"));
      hint.setId("demo-hint");
      hint.setWrapText(true);
      hint.setMinHeight(Region.USE_PREF_SIZE);
      VBox demo = new VBox(8, hint, scroll);
      demo.setId("demo-users");
      VBox.setVgrow(demo, Priority.ALWAYS);
      hideWhileRestoring(demo);
      screen.getChildren().add(demo);
      model.loadUsers();
    }
    model.restore(signedIn);
    return screen;
  }

  private Node phoneSignIn(AppText text) {
    Label title = new Label(text.get("signin.phone.title"));
    title.setId("phone-title");
    title.getStyleClass().add("title-4");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);

    Label phoneLabel = new Label(text.get("signin.phone.label"));
    phoneLabel.setWrapText(true);
    TextField phone = new TextField();
    phone.setId("phone");
    phone.setPromptText(text.get("signin.phone.prompt"));
    phone.textProperty().bindBidirectional(model.phoneProperty());
    phone.setOnAction(e -> model.sendCode());
    Button send = Views.submit("send-code", text.get("signin.sendCode"), null, model, model::sendCode);
    phoneLabel.setLabelFor(phone);
    VBox phoneStep = new VBox(6, phoneLabel, phone, send);
    phoneStep.visibleProperty().bind(model.codeSentProperty().not());
    phoneStep.managedProperty().bind(phoneStep.visibleProperty());

    Label sentTo = new Label();
    sentTo.setId("code-sent");
    sentTo.setWrapText(true);
    sentTo.setMinHeight(Region.USE_PREF_SIZE);
    sentTo.textProperty().bind(model.codeSentToProperty());
    TextField code = new TextField();
    code.setId("code");
    code.setPromptText(text.get("signin.code.prompt"));
    code.setTextFormatter(new TextFormatter<String>(change ->
        change.getControlNewText().matches("\\d{0,6}") ? change : null));
    code.textProperty().bindBidirectional(model.codeProperty());
    code.setOnAction(e -> model.verify(signedIn));
    Button verify = Views.submit("verify", text.get("signin.verify"), null, model, () -> model.verify(signedIn));
    Hyperlink change = new Hyperlink(text.get("signin.changePhone"));
    change.setId("change-phone");
    change.setWrapText(true);
    change.setMinHeight(Region.USE_PREF_SIZE);
    change.setOnAction(e -> model.changePhone());
    VBox codeStep = new VBox(8, sentTo, code, verify, change);
    codeStep.visibleProperty().bind(model.codeSentProperty());
    codeStep.managedProperty().bind(codeStep.visibleProperty());

    VBox box = new VBox(10, title, phoneStep, codeStep);
    box.setId("phone-sign-in");
    box.getStyleClass().add("phone-sign-in");
    hideWhileRestoring(box);
    return box;
  }

  private void hideWhileRestoring(Node node) {
    node.visibleProperty().bind(model.restoringProperty().not());
    node.managedProperty().bind(node.visibleProperty());
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
