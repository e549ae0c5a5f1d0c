package vn.lienlac.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Conversation;

/** Conversations, a thread and its outbox, without the toolkit: direct tasks, a loopback API, a temp cache. */
class MessagingViewModelTest {
  @TempDir
  Path cacheFolder;
  private MessagingWorld world;
  private AppContext context;

  @BeforeEach
  void start() throws Exception {
    world = new MessagingWorld();
    context = parentContext();
  }

  private AppContext parentContext() {
    Me me = new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-1", "Nguyễn An", "c-6a1", "6A1", true, null,
            List.of(new Me.ChildTeacher("gv-1", "Cô Lan", true, List.of()),
                new Me.ChildTeacher("gv-2", "Thầy Minh", false, List.of("toan", "tin-hoc"))))), List.of())));
    return TestContexts.against(world.api(), cacheFolder).signedIn(me, "PARENT");
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private Conversation family() {
    return new Conversation("c1", Conversation.Kind.FAMILY, "s1", "st-1", "Nguyễn An", "c-6a1", "6A1", "gv-1", "Cô Hà",
        null, 1, 1, true);
  }

  private long stored(String text) {
    return world.messages.stream().filter(m -> m.get("text").asText().equals(text)).count();
  }

  @Test
  void the_list_is_newest_first_with_unread_counts_and_stays_readable_offline() {
    ConversationsViewModel list = new ConversationsViewModel(context);
    list.load();

    assertThat(list.rows()).extracting(ConversationsViewModel.Row::title).containsExactly("Cô Hà", "Kênh lớp 6A1");
    assertThat(list.rows().get(0).unread()).isEqualTo(1);
    assertThat(list.rows().get(0).subtitle()).isEqualTo("Về em Nguyễn An · lớp 6A1");
    assertThat(list.rows().get(0).last()).isEqualTo("1 tin nhắn");
    assertThat(list.rows().get(0).when()).isEqualTo("16:10 19/11/2026");

    new ThreadViewModel(context, family()).load(); // the thread read once: its last message is known
    world.api().down(true);
    ConversationsViewModel offline = new ConversationsViewModel(context);
    offline.load();

    assertThat(offline.rows()).extracting(ConversationsViewModel.Row::title).containsExactly("Cô Hà", "Kênh lớp 6A1");
    assertThat(offline.rows().get(0).last()).isEqualTo("Chào anh chị, cháu học tốt.");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
    assertThat(offline.errorProperty().get()).isEqualTo(context.text().get("error.network"));
  }

  @Test
  void opening_a_thread_shows_bubbles_in_vietnam_time_and_marks_it_read() {
    ThreadViewModel thread = new ThreadViewModel(context, family());
    thread.load();

    assertThat(thread.bubbles()).hasSize(1);
    ThreadViewModel.Bubble first = thread.bubbles().get(0);
    assertThat(first.mine()).isFalse();
    assertThat(first.sender()).isEqualTo("Cô Hà");
    assertThat(first.time()).isEqualTo("16:10 19/11/2026");
    assertThat(world.reads).containsExactly("0000000001");
    assertThat(thread.titleProperty().get()).isEqualTo("Cô Hà");
  }

  @Test
  void a_message_written_offline_waits_in_the_outbox_and_is_sent_exactly_once_when_the_network_returns() {
    ThreadViewModel thread = new ThreadViewModel(context, family());
    thread.load();
    world.api().down(true);

    thread.draftProperty().set("Thưa cô, cháu xin nghỉ chiều nay.");
    thread.send();

    ThreadViewModel.Bubble waiting = thread.bubbles().get(thread.bubbles().size() - 1);
    assertThat(waiting.pending()).isTrue();
    assertThat(waiting.mine()).isTrue();
    assertThat(waiting.status()).isEqualTo("Đang chờ gửi");
    assertThat(thread.draftProperty().get()).isEmpty();
    assertThat(thread.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(thread.canRetryProperty().get()).isTrue();
    List<Outbox.Pending> kept = new Outbox(new OfflineCache(cacheFolder), "p1").all();
    assertThat(kept).hasSize(1);
    String clientMessageId = kept.get(0).clientMessageId();

    // Opened again while still offline: the cached page and the waiting message, marked "cập nhật lúc …".
    ThreadViewModel reopened = new ThreadViewModel(context, family());
    reopened.load();
    assertThat(reopened.bubbles()).extracting(ThreadViewModel.Bubble::text)
        .containsExactly("Chào anh chị, cháu học tốt.", "Thưa cô, cháu xin nghỉ chiều nay.");
    assertThat(reopened.staleNoteProperty().get()).startsWith("Không có mạng — cập nhật lúc ");
    assertThat(new Outbox(new OfflineCache(cacheFolder), "p1").all()).extracting(Outbox.Pending::clientMessageId)
        .containsExactly(clientMessageId);

    // The network returns; "Thử lại" pressed twice.
    world.api().down(false);
    thread.retry();
    thread.retry();

    assertThat(stored("Thưa cô, cháu xin nghỉ chiều nay.")).isEqualTo(1);
    assertThat(world.created.get()).isEqualTo(1);
    assertThat(world.messages.get(1).get("clientMessageId").asText()).isEqualTo(clientMessageId);
    assertThat(new Outbox(new OfflineCache(cacheFolder), "p1").all()).isEmpty();
    assertThat(thread.bubbles()).extracting(ThreadViewModel.Bubble::text)
        .containsExactly("Chào anh chị, cháu học tốt.", "Thưa cô, cháu xin nghỉ chiều nay.");
    ThreadViewModel.Bubble sent = thread.bubbles().get(1);
    assertThat(sent.pending()).isFalse();
    assertThat(sent.status()).isEqualTo("Đã xem"); // the teacher's read mark covers it
    assertThat(thread.errorProperty().get()).isNull();
    assertThat(thread.staleNoteProperty().get()).isNull();
  }

  @Test
  void a_lost_answer_is_resent_with_the_same_client_message_id_and_stored_once() {
    ThreadViewModel thread = new ThreadViewModel(context, family());
    thread.load();
    world.loseNextAnswer = true;

    thread.draftProperty().set("Con đã khỏi ốm ạ.");
    thread.send();

    assertThat(thread.bubbles().get(thread.bubbles().size() - 1).pending()).isTrue();
    assertThat(world.created.get()).isEqualTo(1); // the server stored it; the app never heard

    new ThreadViewModel(context, family()).load(); // opening the thread again sends what waits

    assertThat(world.sendAttempts.get()).isEqualTo(2);
    assertThat(world.created.get()).isEqualTo(1);
    assertThat(stored("Con đã khỏi ốm ạ.")).isEqualTo(1);
    assertThat(new Outbox(new OfflineCache(cacheFolder), "p1").all()).isEmpty();
  }

  @Test
  void the_list_sends_what_waits_on_its_next_successful_call() {
    new ConversationsViewModel(context).load();
    ThreadViewModel thread = new ThreadViewModel(context, family());
    thread.load();
    world.api().down(true);
    thread.draftProperty().set("Gửi khi có mạng.");
    thread.send();
    ConversationsViewModel offline = new ConversationsViewModel(context);
    offline.load();
    assertThat(offline.rows().get(0).pending()).isEqualTo("1 tin đang chờ gửi");

    world.api().down(false);
    ConversationsViewModel list = new ConversationsViewModel(context);
    list.load();

    assertThat(stored("Gửi khi có mạng.")).isEqualTo(1);
    assertThat(list.rows().get(0).pending()).isNull();
  }

  @Test
  void a_consent_required_refusal_shows_its_message_and_the_notice_not_a_generic_error() {
    ThreadViewModel thread = new ThreadViewModel(context, family());
    thread.load();
    world.consentMissing = true;

    thread.draftProperty().set("Thưa cô");
    thread.send();

    assertThat(thread.errorProperty().get()).isEqualTo("Phụ huynh chưa đồng ý cho nhà trường xử lý dữ liệu không bắt buộc.");
    assertThat(thread.consentNoticeProperty().get()).isEqualTo("/v1/schools/s1/privacy-notice");
    assertThat(thread.draftProperty().get()).isEqualTo("Thưa cô");
    assertThat(thread.bubbles()).noneMatch(ThreadViewModel.Bubble::pending);
    assertThat(new Outbox(new OfflineCache(cacheFolder), "p1").all()).isEmpty();

    NoticeViewModel notice = new NoticeViewModel(context, thread.consentNoticeProperty().get());
    notice.load();
    assertThat(notice.titleProperty().get()).isEqualTo("Thông báo xử lý dữ liệu");
    assertThat(notice.bodyProperty().get()).startsWith("Nhà trường xử lý…");
  }

  @Test
  void a_parent_picks_a_child_then_one_of_its_teachers_and_writes_the_first_message_after_a_retry() {
    NewConversationViewModel start = new NewConversationViewModel(context);
    start.childProperty().set(start.children().get(0));
    start.loadChoices();

    assertThat(start.choices()).extracting(NewConversationViewModel.Choice::id).containsExactly("gv-1", "gv-2");
    assertThat(start.choices()).extracting(NewConversationViewModel.Choice::note)
        .containsExactly("giáo viên chủ nhiệm lớp 6A1", "Toán, Tin học");
    start.choiceProperty().set(start.choices().get(0));
    start.draftProperty().set("Thưa cô, cho em hỏi lịch thi.");
    world.api().down(true);
    Conversation[] opened = new Conversation[1];
    start.start(c -> opened[0] = c);
    assertThat(start.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(opened[0]).isNull();
    world.api().down(false);
    start.retry();

    assertThat(opened[0].id()).isEqualTo("c2");
    assertThat(world.started).hasSize(1);
    assertThat(world.started.get(0).get("studentId").asText()).isEqualTo("st-1");
    assertThat(world.started.get(0).get("teacherId").asText()).isEqualTo("gv-1");
    assertThat(world.started.get(0).get("text").asText()).isEqualTo("Thưa cô, cho em hỏi lịch thi.");
    assertThat(start.draftProperty().get()).isEmpty();
  }

  @Test
  void in_a_class_channel_a_family_replies_privately_to_the_teachers_post() {
    Conversation channel = new Conversation("ch-6a1", Conversation.Kind.CLASS, "s1", null, null, "c-6a1", "6A1", null,
        null, null, 1, 0, false);
    ThreadViewModel thread = new ThreadViewModel(context, channel);
    thread.load();
    assertThat(thread.titleProperty().get()).isEqualTo("Kênh lớp 6A1");
    assertThat(thread.canWriteProperty().get()).isTrue();
    assertThat(thread.composeHintProperty().get()).isEqualTo("Trả lời riêng giáo viên…");

    thread.draftProperty().set("Gia đình đã biết ạ.");
    thread.send();

    assertThat(world.channelPosts).hasSize(1);
    assertThat(world.channelPosts.get(0).get("replyTo").asText()).isEqualTo("0000000001");
    assertThat(stored("Gia đình đã biết ạ.")).isEqualTo(1);
    assertThat(new Outbox(new OfflineCache(cacheFolder), "p1").all()).isEmpty();
  }
}
