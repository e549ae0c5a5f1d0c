package vn.lienlac.app.signin;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.app.core.SessionKeeper;
import vn.lienlac.app.core.SessionStore;
import vn.lienlac.client.CognitoException;
import vn.lienlac.client.CognitoSignIn;
import vn.lienlac.client.DevUser;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.client.NetworkException;
import vn.lienlac.client.Session;
import vn.lienlac.model.common.Phones;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;

/**
 * Sign-in. With Cognito (on AWS, and on the local stack through its stand-in): the phone number,
 * then the one-time code sent by SMS; the session is kept on the device and restored at the next
 * start. On the local stack also: pick one of the demo users.
 */
public final class SignInViewModel extends ScreenModel {
  private final ObservableList<DevUser> users = FXCollections.observableArrayList();
  private final StringProperty phone = new SimpleStringProperty("");
  private final StringProperty code = new SimpleStringProperty("");
  private final BooleanProperty codeSent = new SimpleBooleanProperty();
  private final StringProperty codeSentTo = new SimpleStringProperty();
  private final StringProperty notice = new SimpleStringProperty();
  private final BooleanProperty restoring = new SimpleBooleanProperty();
  private CognitoSignIn.Challenge challenge;
  /** Tokens Cognito gave for the code, kept until /v1/me has been read (a retry must not answer twice). */
  private volatile SessionKeeper answered;

  public SignInViewModel(AppContext context) {
    super(context);
  }

  public ObservableList<DevUser> users() {
    return users;
  }

  /** Whether the phone sign-in is offered (Cognito is configured). */
  public boolean phoneSignIn() {
    return context.signInOptions().cognito() != null;
  }

  /** Whether the demo users are offered (the local stack). */
  public boolean demoUsers() {
    return context.signInOptions().demoUsers();
  }

  public StringProperty phoneProperty() {
    return phone;
  }

  public StringProperty codeProperty() {
    return code;
  }

  /** True once a code has been sent: the screen asks for it. */
  public BooleanProperty codeSentProperty() {
    return codeSent;
  }

  /** "Đã gửi mã đến +*******0001". */
  public StringProperty codeSentToProperty() {
    return codeSentTo;
  }

  /** Why the user is here (e.g. "Phiên đăng nhập đã hết hạn…"); null when there is nothing to say. */
  public StringProperty noticeProperty() {
    return notice;
  }

  /** True while a stored session is being restored (the screen shows only a spinner). */
  public BooleanProperty restoringProperty() {
    return restoring;
  }

  // --- demo users (local stack) -----------------------------------------------------------------

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
      notice.set(null);
      context.signedIn((LienlacClient) result[0], (Me) result[1], (String) result[2]);
      then.run();
    }, () -> signIn(user, then));
  }

  // --- phone and SMS code (Cognito) -------------------------------------------------------------

  /** Asks Cognito to send a code to the number typed (checked first with the project's phone rule). */
  public void sendCode() {
    Phones.Parsed parsed = Phones.parse(phone.get());
    if (!parsed.ok()) {
      errorProperty().set(text.get("signin.error.INVALID_PHONE"));
      canRetryProperty().set(false);
      return;
    }
    load(() -> context.signInOptions().cognito().sendCode(parsed.e164()), sent -> {
      challenge = sent;
      code.set("");
      codeSentTo.set(text.format("signin.codeSent", sent.destination() == null ? sent.phone() : sent.destination()));
      codeSent.set(true);
    }, this::sendCode);
  }

  /** Back to the number (to change it, or to have a new code sent). */
  public void changePhone() {
    challenge = null;
    answered = null;
    codeSent.set(false);
    code.set("");
    errorProperty().set(null);
  }

  /** Answers the challenge with the code typed; {@code then} runs once signed in. */
  public void verify(Runnable then) {
    CognitoSignIn.Challenge answering = challenge;
    String typed = code.get() == null ? "" : code.get().strip();
    if (answering == null) {
      return;
    }
    if (answered == null && !typed.matches("\\d{6}")) {
      errorProperty().set(text.get("signin.error.codeFormat"));
      canRetryProperty().set(false);
      return;
    }
    CognitoSignIn cognito = context.signInOptions().cognito();
    load(() -> {
      SessionKeeper keeper = answered;
      if (keeper == null) {
        CognitoSignIn.Tokens tokens = cognito.answer(answering, typed);
        SessionStore.Stored stored = new SessionStore.Stored(tokens.idToken(), tokens.refreshToken(),
            tokens.expiresAt(), answering.phone(), null, null);
        context.sessions().save(stored);
        keeper = new SessionKeeper(cognito, context.sessions(), context.clock(), stored, context::sessionExpired);
        answered = keeper; // the code is used up: a retry (no network for /v1/me) reuses these tokens
      }
      Me me = context.anonymous().withCredentials(keeper).me();
      String role = roleOf(me);
      keeper.signedInAs(me, role);
      return new Object[] {keeper, me, role};
    }, result -> {
      challenge = null;
      answered = null;
      codeSent.set(false);
      code.set("");
      notice.set(null);
      context.signedIn((SessionKeeper) result[0], (Me) result[1], (String) result[2]);
      then.run();
    }, () -> verify(then), failure -> {
      if (failure instanceof CognitoException refused) {
        switch (refused.reason()) {
          case WRONG_CODE -> code.set("");
          case CODE_EXPIRED, SESSION_ENDED -> {
            challenge = null;
            codeSent.set(false);
          }
          default -> { }
        }
      }
    });
  }

  // --- the session kept on the device -----------------------------------------------------------

  /**
   * Restores the session kept on the device, if any: reads {@code /v1/me} with it (refreshing the ID
   * token first when it has expired on the clock) and runs {@code then}. With no network it opens on
   * what was kept (the screens show their cached data); when the refresh token no longer works the
   * session is cleared and the sign-in screen says so. Returns false when there is nothing to restore.
   */
  public boolean restore(Runnable then) {
    CognitoSignIn cognito = context.signInOptions().cognito();
    var kept = context.sessions().load();
    if (cognito == null || kept.isEmpty()) {
      return false;
    }
    SessionKeeper keeper = new SessionKeeper(cognito, context.sessions(), context.clock(), kept.get(),
        context::sessionExpired);
    restoring.set(true);
    load(() -> {
      Me me = context.anonymous().withCredentials(keeper).me();
      String role = roleOf(me);
      keeper.signedInAs(me, role);
      return new Object[] {me, role};
    }, result -> {
      restoring.set(false);
      context.signedIn(keeper, (Me) result[0], (String) result[1]);
      then.run();
    }, () -> restore(then), failure -> {
      restoring.set(false);
      SessionStore.Stored stored = keeper.current();
      if (failure instanceof NetworkException && stored != null && stored.me() != null) {
        errorProperty().set(null);
        context.signedIn(keeper, stored.me(), stored.role());
        then.run();
      } else if (stored == null) {
        errorProperty().set(null);
        notice.set(text.get("error.signedOut"));
      }
    });
    return true;
  }

  /**
   * The role whose screens the app shows: a parent's when the person follows children, else a
   * teacher's, else the office's (a teacher who is also a parent sees the parent's screens).
   */
  static String roleOf(Me me) {
    boolean teacher = false;
    boolean office = false;
    for (Me.SchoolMembership school : me.schools()) {
      var roles = school.roles() == null ? java.util.List.<Role>of() : school.roles();
      if ((school.children() != null && !school.children().isEmpty()) || roles.contains(Role.PARENT)) {
        return Role.PARENT.name();
      }
      teacher |= (school.classes() != null && !school.classes().isEmpty()) || roles.contains(Role.TEACHER);
      office |= roles.contains(Role.STAFF);
    }
    if (teacher) {
      return Role.TEACHER.name();
    }
    return office ? Role.STAFF.name() : Role.DPO.name();
  }
}
