package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienlac.app.announcements.ComposeAnnouncementViewModel;
import vn.lienlac.app.messages.NewConversationViewModel;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;

/**
 * Messaging and announcements in the app, headless, against the local stack: a teacher writes to a
 * family and the parent, after the app is started again and they sign in, reads it (and the read
 * mark reaches the API); a parent writes with the network cut, sees "Đang chờ gửi", and the message
 * is stored exactly once when the network returns, "Thử lại" pressed twice; a parent acknowledges
 * an announcement; a teacher publishes a class announcement. Users nt-ph-030..033 and the homeroom
 * teachers of their children.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingUiTest extends AppUiTest {
  private static final String PARENT = "nt-ph-030";
  private static final String OFFLINE_PARENT = "nt-ph-031";
  private static final String ACK_PARENT = "nt-ph-032";
  private static final String TEXT = "Chào anh/chị, tuần này cháu tiến bộ nhiều ở môn Toán. Gia đình khen cháu nhé.";
  private static final String OFFLINE_TEXT = "Thưa cô, chiều nay gia đình xin đón cháu sớm lúc 15 giờ ạ.";

  /** The first child of a parent. */
  private static Me.Child childOf(String parent) {
    return ui.as(parent).me().schools().get(0).children().get(0);
  }

  /** The homeroom teacher of a child's class, as the family sees them: the author of the class channel's post. */
  private static String homeroomOf(String parent, Me.Child child) {
    LienlacClient client = ui.as(parent);
    Conversation channel = client.conversations().stream()
        .filter(c -> c.kind() == Conversation.Kind.CLASS && child.classId().equals(c.classId())).findFirst().orElseThrow();
    List<Message> posts = client.messages(channel.id()).items();
    return posts.get(posts.size() - 1).senderId();
  }

  private static boolean bubbleShown(String text) {
    List<Node> labels = ui.lookupAll(".bubble-text");
    return labels.stream().anyMatch(n -> n instanceof Label l && text.equals(l.getText()) && l.isVisible());
  }

  @Test
  @Order(1)
  void a_teacher_signs_in_and_writes_to_a_family() throws Exception {
    Me.Child child = childOf(PARENT);
    String teacher = homeroomOf(PARENT, child);
    ui.signIn(teacher);
    ui.fire("#nav-messages");
    ui.node("#conversations");
    ui.waitFor("#office-hours", Label.class, l -> l.getText() != null);
    ui.shoot("30-tin-nhan-giao-vien");

    ui.fire("#messages-new");
    ComboBox<NewConversationViewModel.TaughtClass> classes = ui.node("#new-class");
    assertThat(classes.getItems()).isNotEmpty();
    UiHarnessChoices.select(ui, "#new-class",
        (NewConversationViewModel.TaughtClass c) -> c.taught().classId().equals(child.classId()));
    UiHarnessChoices.select(ui, "#new-to", (NewConversationViewModel.Choice c) -> c.id().equals(child.studentId()));
    ui.type("#new-text", TEXT);
    ui.shoot("31-giao-vien-nhan-phu-huynh");
    ui.fire("#new-send");
    ui.waitUntil("the message in the thread", () -> bubbleShown(TEXT));
    ui.shoot("32-giao-vien-da-gui");

    // The API has it, in the family's conversation with the teacher.
    Conversation family = ui.as(PARENT).conversations().stream()
        .filter(c -> c.kind() == Conversation.Kind.FAMILY && child.studentId().equals(c.studentId())
            && teacher.equals(c.teacherId())).findFirst().orElseThrow();
    assertThat(ui.as(PARENT).messages(family.id()).items()).extracting(Message::text).contains(TEXT);

    // The class channel is reachable too: a message to every family of the class.
    ui.fire("#thread-back");
    ui.fire("#messages-new");
    UiHarnessChoices.select(ui, "#new-class",
        (NewConversationViewModel.TaughtClass c) -> c.taught().classId().equals(child.classId()));
    ui.fire("#new-channel");
    ui.waitUntil("the channel's posts", () -> !ui.lookupAll(".bubble-text").isEmpty());
    assertThat(((Label) ui.node(".screen-title")).getText()).isEqualTo("Kênh lớp " + child.className());
  }

  @Test
  @Order(2)
  void the_parent_then_signs_in_and_reads_it() throws Exception {
    Me.Child child = childOf(PARENT);
    String teacher = homeroomOf(PARENT, child);
    Conversation family = ui.as(PARENT).conversations().stream()
        .filter(c -> c.kind() == Conversation.Kind.FAMILY && child.studentId().equals(c.studentId())
            && teacher.equals(c.teacherId())).findFirst().orElseThrow();
    assertThat(family.unread()).isPositive();

    ui.restart();
    ui.signIn(PARENT);
    ui.fire("#nav-messages");
    Label unread = ui.node("#unread-" + family.id());
    assertThat(Integer.parseInt(unread.getText())).isEqualTo(family.unread());
    ui.shoot("33-tin-nhan-phu-huynh");

    ui.fire("#conversation-" + family.id());
    ui.waitUntil("the teacher's message", () -> bubbleShown(TEXT));
    ui.shoot("34-phu-huynh-doc-tin");
    ui.waitUntil("read mark stored", () -> ui.as(PARENT).conversations().stream()
        .filter(c -> c.id().equals(family.id())).findFirst().orElseThrow().unread() == 0);
    String newest = ui.as(teacher).messages(family.id()).items().get(0).id();
    assertThat(ui.as(teacher).messages(family.id()).participants())
        .anyMatch(p -> p.side() == Conversation.Side.FAMILY && newest.equals(p.readUpTo()));
  }

  @Test
  @Order(3)
  void a_message_written_offline_waits_and_is_delivered_exactly_once_when_the_network_returns() throws Exception {
    Me.Child child = childOf(OFFLINE_PARENT);
    String teacher = homeroomOf(OFFLINE_PARENT, child);
    ui.restart();
    ui.signIn(OFFLINE_PARENT);
    ui.fire("#nav-messages");
    ui.fire("#messages-new");
    UiHarnessChoices.select(ui, "#new-child", (Me.Child c) -> c.studentId().equals(child.studentId()));
    UiHarnessChoices.select(ui, "#new-to", (NewConversationViewModel.Choice c) -> c.id().equals(teacher));
    ui.type("#new-text", "Thưa cô, gia đình xin chào cô.");
    ui.shoot("35-phu-huynh-nhan-moi");
    ui.fire("#new-send");
    ui.waitUntil("the first message", () -> bubbleShown("Thưa cô, gia đình xin chào cô."));
    Conversation family = ui.as(OFFLINE_PARENT).conversations().stream()
        .filter(c -> c.kind() == Conversation.Kind.FAMILY && child.studentId().equals(c.studentId())
            && teacher.equals(c.teacherId())).findFirst().orElseThrow();

    ui.network().cut();
    try {
      ui.type("#message-text", OFFLINE_TEXT);
      ui.fire("#message-send");
      ui.waitUntil("the waiting bubble", () -> bubbleShown(OFFLINE_TEXT)
          && ui.lookupAll(".bubble-pending").size() == 1);
      Label status = (Label) ui.lookupAll(".bubble-pending .bubble-meta").iterator().next();
      assertThat(status.getText()).endsWith("Đang chờ gửi");
      ui.node("#retry");
      ui.shoot("36-dang-cho-gui");
      assertThat(ui.as(OFFLINE_PARENT).messages(family.id()).items()).extracting(Message::text)
          .doesNotContain(OFFLINE_TEXT);
    } finally {
      ui.network().restore();
    }
    Button retry = ui.node("#retry");
    ui.onFx(() -> {
      retry.fire();
      retry.fire(); // pressed twice
    });
    ui.waitUntil("delivered", () -> ui.lookupAll(".bubble-pending").isEmpty()
        && bubbleShown(OFFLINE_TEXT));
    List<Message> stored = ui.as(OFFLINE_PARENT).messages(family.id()).items();
    assertThat(stored.stream().filter(m -> m.text().equals(OFFLINE_TEXT)).count()).isEqualTo(1);
    // Opening the thread again sends nothing more.
    ui.fire("#thread-back");
    ui.fire("#conversation-" + family.id());
    ui.waitUntil("the thread again", () -> bubbleShown(OFFLINE_TEXT));
    assertThat(ui.as(OFFLINE_PARENT).messages(family.id()).items().stream()
        .filter(m -> m.text().equals(OFFLINE_TEXT)).count()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void a_parent_acknowledges_an_announcement_and_the_api_records_it() throws Exception {
    Announcement target = ui.as(ACK_PARENT).announcements().stream()
        .filter(a -> a.acknowledgementRequired() && !Boolean.TRUE.equals(a.acknowledged())).findFirst().orElseThrow();
    ui.restart();
    ui.signIn(ACK_PARENT);
    ui.fire("#nav-announcements");
    ui.node("#announcement-" + target.id());
    ui.shoot("37-thong-bao");

    ui.fire("#announcement-" + target.id());
    Label title = ui.node("#announcement-title");
    assertThat(title.getText()).isEqualTo(target.title());
    ui.fire("#announcement-ack");
    ui.waitFor("#announcement-ack-state", Label.class, l -> l.getText().startsWith("Đã xác nhận lúc "));
    ui.shoot("38-da-xac-nhan");

    Announcement after = ui.as(ACK_PARENT).announcements().stream().filter(a -> a.id().equals(target.id()))
        .findFirst().orElseThrow();
    assertThat(after.acknowledged()).isTrue();
    assertThat(after.read()).isTrue();
  }

  @Test
  @Order(5)
  void a_teacher_publishes_a_class_announcement() throws Exception {
    Me.Child child = childOf(PARENT);
    String teacher = homeroomOf(PARENT, child);
    ui.restart();
    ui.signIn(teacher);
    ui.fire("#nav-announcements");
    ui.fire("#announcement-new");
    UiHarnessChoices.select(ui, "#announce-class",
        (ComposeAnnouncementViewModel.Target t) -> t.taught().classId().equals(child.classId()));
    ui.type("#announce-title", "Nhắc mang áo mưa tuần này");
    ui.type("#announce-body", "Tuần này trời hay mưa, phụ huynh cho các con mang áo mưa khi đến trường.");
    ui.onFx(() -> ((javafx.scene.control.CheckBox) ui.lookup("#announce-ack")).setSelected(true));
    ui.shoot("39-viet-thong-bao");
    ui.fire("#announce-publish");

    String schoolId = ui.as(teacher).me().schools().get(0).schoolId();
    Announcement published = ui.as(teacher).schoolAnnouncements(schoolId, null).items().stream()
        .filter(a -> a.title().equals("Nhắc mang áo mưa tuần này")).findFirst().orElseThrow();
    assertThat(published.scope()).isEqualTo(Announcement.Scope.CLASS);
    assertThat(published.classId()).isEqualTo(child.classId());
    assertThat(published.acknowledgementRequired()).isTrue();
    ui.fire("#announcement-" + published.id());
    ui.waitFor("#announcement-reach", Label.class, l -> l.getText().startsWith("Đã đọc: 0/"));
    assertThat(ui.as(PARENT).announcements()).extracting(Announcement::id).contains(published.id());
  }
}
