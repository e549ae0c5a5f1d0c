package vn.lienlac.app.signin;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.DevUser;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.client.Session;
import vn.lienlac.model.identity.Me;

/**
 * Local sign-in: pick one of the local stack's demo users. (On AWS the app signs in with Cognito:
 * phone number and one-time code; not built yet.)
 */
public final class SignInViewModel extends ScreenModel {
  private final AppContext context;
  private final ObservableList<DevUser> users = FXCollections.observableArrayList();

  public SignInViewModel(AppContext context) {
    super(context.tasks(), context.text());
    this.context = context;
  }

  public ObservableList<DevUser> users() {
    return users;
  }

  public void loadUsers() {
    load(() -> context.anonymous().devUsers(), users::setAll, this::loadUsers);
  }

  /** Signs {@code user} in; {@code then} runs once /v1/me has been read. */
  public void signIn(DevUser user, Runnable then) {
    load(() -> {
      Session session = context.anonymous().devSignIn(user.id());
      LienlacClient client = context.anonymous().withToken(session.token());
      Me me = client.me();
      return new Object[] {client, me, session.role()};
    }, result -> {
      context.signedIn((LienlacClient) result[0], (Me) result[1], (String) result[2]);
      then.run();
    }, () -> signIn(user, then));
  }
}
