package vn.lienlac.app.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.messages.MessagingWorld;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;

/** The announcements feed, one announcement with its acknowledgement, a teacher's class announcement. */
class AnnouncementsViewModelTest {
  @TempDir
  Path cacheFolder;
  private MessagingWorld world;

  @BeforeEach
  void start() throws Exception {
    world = new MessagingWorld();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private AppContext context(String role, Me me) {
    return TestContexts.against(world.api(), cacheFolder).signedIn(me, role);
  }

  private AppContext parent() {
    return context("PARENT", new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi",
        List.of(), List.of(new Me.Child("st-1", "Nguyễn An", "c-6a1", "6A1", true, null)), List.of()))));
  }

  @Test
  void the_feed_is_newest_first_with_its_scope_and_unread_and_to_acknowledge_marked_and_is_kept_offline() {
    AppContext context = parent();
    AnnouncementsViewModel feed = new AnnouncementsViewModel(context);
    feed.load();

    assertThat(feed.rows()).extracting(AnnouncementsViewModel.Row::title)
        .containsExactly("Tan học sớm thứ Hai", "Họp phụ huynh khối 6", "Nghỉ Tết Dương lịch");
    assertThat(feed.rows()).extracting(AnnouncementsViewModel.Row::scope).containsExactly("Lớp 6A1", "Khối 6", "Toàn trường");
    assertThat(feed.rows()).extracting(AnnouncementsViewModel.Row::unread).containsExactly(true, true, false);
    assertThat(feed.rows()).extracting(AnnouncementsViewModel.Row::toAcknowledge).containsExactly(true, true, false);
    assertThat(feed.rows().get(0).meta()).isEqualTo("16:00 20/11/2026 · Cô Hà");
    assertThat(feed.canCompose()).isFalse();

    world.api().down(true);
    AnnouncementsViewModel offline = new AnnouncementsViewModel(context);
    offline.load();
    assertThat(offline.rows()).hasSize(3);
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
  }

  @Test
  void opening_marks_it_read_and_acknowledging_records_it() {
    AppContext context = parent();
    AnnouncementsViewModel feed = new AnnouncementsViewModel(context);
    feed.load();
    AnnouncementDetailViewModel detail = new AnnouncementDetailViewModel(context, feed.rows().get(0).announcement());

    detail.open();
    assertThat(world.announcementReads).containsExactly("a3");
    assertThat(detail.canAcknowledgeProperty().get()).isTrue();
    assertThat(detail.ackStateProperty().get()).isEqualTo("Nhà trường đề nghị phụ huynh xác nhận đã đọc thông báo này.");

    detail.acknowledge();

    assertThat(world.acks).containsExactly("a3");
    assertThat(detail.canAcknowledgeProperty().get()).isFalse();
    assertThat(detail.ackStateProperty().get()).isEqualTo("Đã xác nhận lúc 10:00 21/11/2026");
    // the cached feed follows, so it reads right offline
    world.api().down(true);
    AnnouncementsViewModel offline = new AnnouncementsViewModel(context);
    offline.load();
    assertThat(offline.rows().get(0).unread()).isFalse();
    assertThat(offline.rows().get(0).toAcknowledge()).isFalse();
  }

  @Test
  void an_announcement_that_asks_nothing_offers_no_acknowledgement() {
    AppContext context = parent();
    AnnouncementsViewModel feed = new AnnouncementsViewModel(context);
    feed.load();
    AnnouncementDetailViewModel detail = new AnnouncementDetailViewModel(context, feed.rows().get(2).announcement());
    detail.open();

    assertThat(detail.canAcknowledgeProperty().get()).isFalse();
    assertThat(detail.ackStateProperty().get()).isNull();
    assertThat(world.announcementReads).isEmpty(); // read already
  }

  @Test
  void a_teacher_publishes_to_a_class_they_teach_and_a_retry_reuses_the_idempotency_key() {
    AppContext context = context("TEACHER", new Me("gv-1", "Cô Hà", List.of(new Me.SchoolMembership("s1",
        "THCS Nguyễn Trãi", List.of(), List.of(), List.of(new Me.TaughtClass("c-6a1", "6A1", true, List.of("toan")))))));
    AnnouncementsViewModel sent = new AnnouncementsViewModel(context);
    sent.load();
    assertThat(sent.canCompose()).isTrue();
    assertThat(sent.family()).isFalse();
    assertThat(sent.rows()).extracting(AnnouncementsViewModel.Row::unread).containsExactly(false);
    AnnouncementDetailViewModel mine = new AnnouncementDetailViewModel(context, sent.rows().get(0).announcement());
    mine.open();
    assertThat(mine.reachProperty().get()).isEqualTo("Đã đọc: 12/35 gia đình · đã xác nhận: 6");
    assertThat(mine.canAcknowledgeProperty().get()).isFalse();
    assertThat(world.announcementReads).isEmpty();

    ComposeAnnouncementViewModel compose = new ComposeAnnouncementViewModel(context);
    compose.titleProperty().set("Mang áo mưa");
    compose.bodyProperty().set("Mai trời mưa, các con mang áo mưa.");
    compose.acknowledgementRequiredProperty().set(true);
    world.loseNextAnswer = true; // published, but the answer is lost
    String[] published = new String[1];
    compose.publish(a -> published[0] = a.id());
    assertThat(published[0]).isNull();
    assertThat(compose.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    compose.retry();

    assertThat(published[0]).isEqualTo("a9");
    assertThat(world.idempotencyKeys).hasSize(2);
    assertThat(world.idempotencyKeys.get(1)).isEqualTo(world.idempotencyKeys.get(0)).isNotBlank();
    assertThat(world.published.get(0).get("scope").asText()).isEqualTo("CLASS");
    assertThat(world.published.get(0).get("classId").asText()).isEqualTo("c-6a1");
    assertThat(world.published.get(0).get("acknowledgementRequired").asBoolean()).isTrue();
  }
}
