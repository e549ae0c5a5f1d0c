package vn.lienlac.app.messages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;

/**
 * Starting a conversation. A parent picks a child, then a teacher of the child's class, and writes
 * the first message (the teachers are those {@code /v1/me} lists for the child: the homeroom
 * teacher, then the subject teachers with their subjects). A teacher picks a class, then either its channel (a message to every family of
 * the class) or a pupil, whose family the message goes to.
 */
public final class NewConversationViewModel extends ScreenModel {
  /** Someone to write to: a teacher (parents) or a pupil's family (teachers). */
  public record Choice(String id, String name, String note) {}

  /** A class a teacher works in, with the school it is in. */
  public record TaughtClass(String schoolId, Me.TaughtClass taught) {}

  private final boolean parent;
  private final ObservableList<Me.Child> children = FXCollections.observableArrayList();
  private final ObservableList<TaughtClass> classes = FXCollections.observableArrayList();
  private final ObjectProperty<Me.Child> child = new SimpleObjectProperty<>();
  private final ObjectProperty<TaughtClass> taughtClass = new SimpleObjectProperty<>();
  private final ObservableList<Choice> choices = FXCollections.observableArrayList();
  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
  private final StringProperty draft = new SimpleStringProperty("");
  private final StringProperty consentNotice = new SimpleStringProperty();
  private final StringProperty emptyNote = new SimpleStringProperty();
  private String clientMessageId;
  private String idFor;

  public NewConversationViewModel(AppContext context) {
    super(context);
    this.parent = "PARENT".equals(context.role());
    for (Me.SchoolMembership school : context.me().schools()) {
      children.addAll(school.children() == null ? List.of() : school.children());
      for (Me.TaughtClass taught : school.classes() == null ? List.<Me.TaughtClass>of() : school.classes()) {
        classes.add(new TaughtClass(school.schoolId(), taught));
      }
    }
  }

  public boolean forParent() {
    return parent;
  }

  public ObservableList<Me.Child> children() {
    return children;
  }

  public ObservableList<TaughtClass> classes() {
    return classes;
  }

  public ObjectProperty<Me.Child> childProperty() {
    return child;
  }

  public ObjectProperty<TaughtClass> classProperty() {
    return taughtClass;
  }

  /** Teachers of the child (parents) or pupils of the class (teachers). */
  public ObservableList<Choice> choices() {
    return choices;
  }

  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  public StringProperty draftProperty() {
    return draft;
  }

  public StringProperty consentNoticeProperty() {
    return consentNotice;
  }

  /** Said when there is nobody to choose. */
  public StringProperty emptyNoteProperty() {
    return emptyNote;
  }

  /** Reads whom the chosen child's family (or the chosen class's teacher) can write to. */
  public void loadChoices() {
    choices.clear();
    choice.set(null);
    emptyNote.set(null);
    LienlacClient client = context.client();
    if (parent) {
      Me.Child selected = child.get();
      if (selected == null) {
        return;
      }
      load(() -> teachersOf(selected), found -> {
        choices.setAll(found);
        emptyNote.set(found.isEmpty() ? text.get("messages.new.noTeacher") : null);
      }, this::loadChoices);
    } else {
      TaughtClass selected = taughtClass.get();
      if (selected == null) {
        return;
      }
      load(() -> client.pupilsOfClass(selected.taught().classId(), lastSchoolDay()), pupils -> {
        choices.setAll(pupils.stream().map(p -> new Choice(p.studentId(), p.fullName(), null)).toList());
        emptyNote.set(pupils.isEmpty() ? text.get("messages.new.noPupil") : null);
      }, this::loadChoices);
    }
  }

  /** The teachers of the child's class, as {@code /v1/me} lists them (homeroom first). */
  private List<Choice> teachersOf(Me.Child selected) {
    List<Choice> found = new ArrayList<>();
    for (Me.ChildTeacher teacher : selected.teachers()) {
      List<String> subjects = teacher.subjects().stream().map(text::subjectName).toList();
      String note = teacher.homeroom()
          ? (subjects.isEmpty() ? text.format("messages.new.homeroom", selected.className())
              : text.format("messages.new.homeroomAndSubjects", selected.className(), String.join(", ", subjects)))
          : String.join(", ", subjects);
      found.add(new Choice(teacher.teacherId(), teacher.displayName(), note));
    }
    return found;
  }

  /** The register's day to list a class from: today, or the last weekday before a weekend. */
  private LocalDate lastSchoolDay() {
    LocalDate day = SchoolTime.today(context.clock());
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** Sends the first message; {@code started} gets the conversation. The client message id survives retries. */
  public void start(Consumer<Conversation> started) {
    String written = draft.get() == null ? "" : draft.get().strip();
    Choice to = choice.get();
    if (written.isEmpty() || to == null) {
      errorProperty().set(text.get(to == null ? "messages.new.pickFirst" : "messages.new.writeFirst"));
      return;
    }
    String target = (parent ? child.get().studentId() + "/" + to.id() : to.id()) + "\n" + written;
    if (clientMessageId == null || !target.equals(idFor)) {
      clientMessageId = LienlacClient.newClientMessageId();
      idFor = target;
    }
    String id = clientMessageId;
    LienlacClient client = context.client();
    load(() -> parent ? client.startConversation(child.get().studentId(), to.id(), id, written)
        : client.startConversation(to.id(), null, id, written), result -> {
          consentNotice.set(null);
          clientMessageId = null;
          draft.set("");
          started.accept(result.conversation());
        }, () -> start(started), failure -> consentNotice.set(Conversations.consentNotice(failure)));
  }

  /** A teacher opens the chosen class's channel (every family of the class reads it). */
  public void openChannel(Consumer<Conversation> opened) {
    TaughtClass selected = taughtClass.get();
    if (selected == null) {
      errorProperty().set(text.get("messages.new.pickClass"));
      return;
    }
    LienlacClient client = context.client();
    load(() -> client.openClassChannel(selected.taught().classId()), result -> opened.accept(result.conversation()),
        () -> openChannel(opened));
  }
}
