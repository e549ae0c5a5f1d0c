package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Clock;
import java.time.ZoneOffset;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.messaging.MessagingService;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.messaging.Conversation;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.local.seed.DevUser;

/**
 * Messaging over HTTP: a teacher (nt-gv-01, Toán in 6A2, not its homeroom teacher) and the families
 * of 6A2 pupils that no other test writes to. Every conversation of a test is its own (its own pupil).
 */
@ExtendWith(LocalStackExtension.class)
class MessagingTest {
  private static final String TEACHER = SeededApi.TEACHER_6A1;
  private static final String CLASS = SeededApi.CLASS_6A2;

  private final SeededApi seeded;
  private final LocalStack stack;
  /** Parents of 6A2 pupils (only children at Nguyễn Trãi), each with that pupil. */
  private final List<String[]> families = new ArrayList<>();

  MessagingTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
    for (DevUser user : stack.users()) {
      if (!user.role().equals("PARENT") || !user.schoolId().equals(SeededApi.NGUYEN_TRAI) || families.size() >= 12) {
        continue;
      }
      var children = seeded.children(user.id());
      if (children.stream().allMatch(c -> c.schoolId().equals(SeededApi.NGUYEN_TRAI))) {
        children.stream().filter(c -> c.classId().equals(CLASS)).findFirst()
            .filter(c -> families.stream().noneMatch(f -> f[1].equals(c.studentId())))
            .ifPresent(c -> families.add(new String[] {user.id(), c.studentId()}));
      }
    }
    assertThat(families).hasSizeGreaterThanOrEqualTo(10);
    this.stack = stack;
  }

  private ApiClient as(String user) {
    return seeded.as(user);
  }

  private static Map<String, Object> message(String text) {
    return Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text);
  }

  /** The teacher's conversation with the family of {@code families[n]}, started by the parent. */
  private String conversationWith(int n, String firstText) {
    String[] family = families.get(n);
    ApiClient.Response started = as(family[0]).post("/v1/conversations", Map.of("studentId", family[1],
        "teacherId", TEACHER, "clientMessageId", UUID.randomUUID().toString(), "text", firstText));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    return started.body().at("/conversation/id").asText();
  }

  private static JsonNode find(ApiClient.Response list, String conversationId) {
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    for (JsonNode item : list.body().get("items")) {
      if (item.get("id").asText().equals(conversationId)) {
        return item;
      }
    }
    throw new AssertionError(conversationId + " not in " + list.text());
  }

  @Test
  void a_teacher_and_a_parent_should_exchange_messages_with_read_receipts_and_unread_counts() {
    String parent = families.get(0)[0];
    String[] family = families.get(0);
    ApiClient.Response started = as(parent).post("/v1/conversations", Map.of("studentId", family[1],
        "teacherId", TEACHER, "clientMessageId", UUID.randomUUID().toString(), "text", "Thưa thầy, cháu học Toán thế nào ạ?"));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    String id = started.body().at("/conversation/id").asText();
    assertThat(started.header("location")).isEqualTo("/v1/conversations/" + id + "/messages");
    assertThat(started.body().at("/conversation/kind").asText()).isEqualTo("FAMILY");
    assertThat(started.body().at("/message/id").asText()).isEqualTo("0000000001");

    // Starting it again gives the same conversation (200, nothing created).
    ApiClient.Response again = as(parent).post("/v1/conversations", Map.of("studentId", family[1], "teacherId", TEACHER));
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.body().at("/conversation/id").asText()).isEqualTo(id);

    JsonNode teacherView = find(as(TEACHER).get("/v1/conversations"), id);
    assertThat(teacherView.get("unread").asInt()).isEqualTo(1);
    assertThat(teacherView.get("studentId").asText()).isEqualTo(family[1]);

    ApiClient.Response reply = as(TEACHER).post("/v1/conversations/" + id + "/messages", message("Cháu tiến bộ nhiều."));
    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    assertThat(reply.body().get("id").asText()).isEqualTo("0000000002");
    ApiClient.Response second = as(TEACHER).post("/v1/conversations/" + id + "/messages", message("Anh chị yên tâm."));
    assertThat(second.status()).isEqualTo(201);

    // Replying reads what came before: the teacher has nothing unread; the parent has the two replies.
    assertThat(find(as(TEACHER).get("/v1/conversations"), id).get("unread").asInt()).isZero();
    JsonNode parentView = find(as(parent).get("/v1/conversations"), id);
    assertThat(parentView.get("unread").asInt()).isEqualTo(2);
    assertThat(parentView.get("messageCount").asInt()).isEqualTo(3);
    // Latest activity first: the conversation just written to leads the parent's list.
    assertThat(as(parent).get("/v1/conversations").body().at("/items/0/id").asText()).isEqualTo(id);

    ApiClient.Response read = as(parent).post("/v1/conversations/" + id + "/read", Map.of("upTo", "0000000002"));
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(read.body().get("unread").asInt()).isEqualTo(1);
    assertThat(find(as(parent).get("/v1/conversations"), id).get("unread").asInt()).isEqualTo(1);
    // A read mark never goes back.
    ApiClient.Response back = as(parent).post("/v1/conversations/" + id + "/read", Map.of("upTo", "0000000001"));
    assertThat(back.body().get("readUpTo").asText()).isEqualTo("0000000002");

    // The teacher sees the parent's read receipt.
    ApiClient.Response page = as(TEACHER).get("/v1/conversations/" + id + "/messages");
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    JsonNode receipt = null;
    for (JsonNode p : page.body().get("participants")) {
      if (p.get("userId").asText().equals(parent)) {
        receipt = p;
      }
    }
    assertThat(receipt).as(page.text()).isNotNull();
    assertThat(receipt.get("readUpTo").asText()).isEqualTo("0000000002");
    assertThat(receipt.get("side").asText()).isEqualTo("FAMILY");
    assertThat(page.body().get("items")).extracting(m -> m.get("id").asText())
        .containsExactly("0000000003", "0000000002", "0000000001");
    // A read mark past the last message is a 422.
    assertProblem(as(parent).post("/v1/conversations/" + id + "/read", Map.of("upTo", "0000000009")), 422, "validation");
  }

  @Test
  void a_parent_should_get_404_for_a_conversation_they_are_not_in() {
    String id = conversationWith(1, "Thưa thầy, xin gặp thầy.");
    String outsider = families.get(2)[0];
    String path = "/v1/conversations/" + id + "/messages";

    assertProblem(as(outsider).get(path), 404, "not-found");
    assertProblem(as(outsider).post(path, message("Tôi chen vào")), 404, "not-found");
    assertProblem(as(outsider).post("/v1/conversations/" + id + "/read", Map.of("upTo", "0000000001")), 404, "not-found");
    assertProblem(as(outsider).send("PATCH", path + "/0000000001", Map.of("text", "x")), 404, "not-found");
    // Another teacher of the school, and the office, are not in it either.
    assertProblem(as(SeededApi.TEACHER_7A1).get(path), 404, "not-found");
    assertProblem(as("nt-vp-01").get(path), 404, "not-found");
    assertThat(as(TEACHER).get(path).body().get("items")).hasSize(1);
    // A parent cannot start one about another family's child.
    assertProblem(as(outsider).post("/v1/conversations", Map.of("studentId", families.get(1)[1], "teacherId", TEACHER)),
        404, "not-found");
  }

  @Test
  void a_retried_send_with_the_same_client_message_id_should_store_one_message() throws Exception {
    String id = conversationWith(3, "Xin chào thầy.");
    String path = "/v1/conversations/" + id + "/messages";
    Map<String, Object> body = message("Gửi lại nhiều lần vẫn là một tin.");

    ApiClient.Response first = as(TEACHER).post(path, body);
    ApiClient.Response retry = as(TEACHER).post(path, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).as(retry.text()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    // The same id with another text is a mistake: 422, nothing stored.
    assertProblem(as(TEACHER).post(path, Map.of("clientMessageId", body.get("clientMessageId"), "text", "khác")),
        422, "validation");

    // Concurrently: eight twins, one message.
    Map<String, Object> twin = message("Tám lần cùng lúc.");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ApiClient.Response>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit((Callable<ApiClient.Response>) () -> as(TEACHER).post(path, twin)));
      }
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<ApiClient.Response> f : futures) {
        ApiClient.Response r = f.get();
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        created += r.status() == 201 ? 1 : 0;
        ids.add(r.body().get("id").asText());
      }
      assertThat(created).isEqualTo(1);
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    List<String> texts = new ArrayList<>();
    as(TEACHER).get(path).body().get("items").forEach(m -> texts.add(m.get("text").asText()));
    assertThat(texts).containsExactly("Tám lần cùng lúc.", "Gửi lại nhiều lần vẫn là một tin.", "Xin chào thầy.");
  }

  @Test
  void cursor_paging_should_return_every_message_exactly_once_newest_first_and_refuse_forged_cursors() {
    String id = conversationWith(4, "Tin 1");
    String path = "/v1/conversations/" + id + "/messages";
    for (int i = 2; i <= 23; i++) {
      String sender = i % 2 == 0 ? TEACHER : families.get(4)[0];
      assertThat(as(sender).post(path, message("Tin " + i)).status()).isEqualTo(201);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page = as(TEACHER).get(path + "?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.body().get("items").forEach(m -> seen.add(m.get("text").asText()));
      cursor = page.body().path("next").isMissingNode() ? null : page.body().get("next").asText();
      pages++;
    } while (cursor != null && pages < 20);
    List<String> expected = new ArrayList<>();
    for (int i = 23; i >= 1; i--) {
      expected.add("Tin " + i);
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(5);

    // Forged cursors: 400, never another conversation's messages.
    String other = conversationWith(5, "Khác");
    as(TEACHER).post("/v1/conversations/" + other + "/messages", message("Khác 2"));
    String foreign = as(families.get(5)[0]).get("/v1/conversations/" + other + "/messages?limit=1").body()
        .get("next").asText();
    String valid = as(TEACHER).get(path + "?limit=5").body().get("next").asText();
    // Tamper with the MAC itself: flipping the last base64 character can leave the decoded bytes unchanged
    // (its low bits are padding), which made this check pass or fail by chance.
    String decoded = new String(java.util.Base64.getUrlDecoder().decode(valid), java.nio.charset.StandardCharsets.US_ASCII);
    String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        (decoded.substring(0, decoded.length() - 1) + (decoded.endsWith("0") ? "1" : "0"))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(valid), java.nio.charset.StandardCharsets.US_ASCII)
            .replaceFirst("^m1\\.[0-9]+\\.", "m1.3.").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (String forged : List.of("bm90LWEtY3Vyc29y", "%25%25", "AAAA", tampered, edited, foreign)) {
      assertProblem(as(TEACHER).get(path + "?cursor=" + forged), 400, "bad-request");
    }
    // The other conversation's cursor works there, for its participants.
    assertThat(as(families.get(5)[0]).get("/v1/conversations/" + other + "/messages?cursor=" + foreign).body()
        .at("/items/0/text").asText()).isEqualTo("Khác");
    assertProblem(as(TEACHER).get(path + "?limit=0"), 400, "bad-request");
    assertProblem(as(TEACHER).get(path + "?limit=101"), 400, "bad-request");
  }

  @Test
  void an_edit_after_the_reader_read_it_should_stay_visible_as_edited() {
    String id = conversationWith(6, "Thưa thầy.");
    String parent = families.get(6)[0];
    String path = "/v1/conversations/" + id + "/messages";
    String messageId = as(TEACHER).post(path, message("Họp phụ huynh lúc 7 giờ.")).body().get("id").asText();
    assertThat(as(parent).post("/v1/conversations/" + id + "/read", Map.of("upTo", messageId)).status()).isEqualTo(200);

    ApiClient.Response edited = as(TEACHER).send("PATCH", path + "/" + messageId, Map.of("text", "Họp phụ huynh lúc 8 giờ."));
    assertThat(edited.status()).as(edited.text()).isEqualTo(200);
    assertThat(edited.body().get("text").asText()).isEqualTo("Họp phụ huynh lúc 8 giờ.");
    assertThat(edited.body().get("editedAt").asText()).endsWith("+07:00");
    assertThat(edited.body().get("previousText").asText()).isEqualTo("Họp phụ huynh lúc 7 giờ.");

    JsonNode seen = as(parent).get(path).body().at("/items/0");
    assertThat(seen.get("id").asText()).isEqualTo(messageId);
    assertThat(seen.get("changedSinceRead").asBoolean()).isTrue();
    assertThat(seen.get("previousText").asText()).isEqualTo("Họp phụ huynh lúc 7 giờ.");
    // Read again: no longer news, still shown as edited.
    as(parent).post("/v1/conversations/" + id + "/read", Map.of("upTo", messageId));
    JsonNode reread = as(parent).get(path).body().at("/items/0");
    assertThat(reread.get("changedSinceRead").asBoolean()).isFalse();
    assertThat(reread.has("editedAt")).isTrue();

    // Only the author edits; an unread message edited keeps no previous text.
    assertProblem(as(parent).send("PATCH", path + "/" + messageId, Map.of("text", "Tôi sửa")), 403, "forbidden");
    String unread = as(TEACHER).post(path, message("Mai nghỉ.")).body().get("id").asText();
    JsonNode quiet = as(TEACHER).send("PATCH", path + "/" + unread, Map.of("text", "Mai học bình thường.")).body();
    assertThat(quiet.has("editedAt")).isTrue();
    assertThat(quiet.has("previousText")).isFalse();
  }

  @Test
  void a_send_should_publish_one_message_sent_event_with_ids_only_after_it_committed() {
    EventPublisher.Recording events = EventPublisher.recording();
    Clock clock = Clock.fixed(LocalStackExtension.NOW.plusSeconds(60), ZoneOffset.UTC);
    MessagingService service = new MessagingService(stack.dynamo(), clock, events, IdGenerator.RANDOM);
    String[] family = families.get(9);
    Caller parent = new DirectoryRepository(stack.dynamo(), clock).caller(family[0]);
    String clientMessageId = UUID.randomUUID().toString();

    var started = service.start(parent, new Conversation.Start(family[1], TEACHER, null, "Thưa thầy.", clientMessageId));
    String id = started.started().conversation().id();
    assertThat(events.events()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventTypes.MESSAGE_SENT);
      assertThat(event.schoolId()).isEqualTo(SeededApi.NGUYEN_TRAI);
      assertThat(event.data()).isEqualTo(Map.of("conversationId", id, "messageId", "0000000001", "senderSub", family[0]));
    });
    // A retry republishes the same event (same id: consumers deduplicate), a new message a new one.
    service.send(parent, id, new Message.Draft(clientMessageId, "Thưa thầy.", null, null));
    service.send(parent, id, new Message.Draft(UUID.randomUUID().toString(), "Cháu ốm.", null, null));
    assertThat(events.events()).hasSize(3);
    assertThat(events.events().get(1).id()).isEqualTo(events.events().get(0).id());
    assertThat(events.events().get(2).id()).isNotEqualTo(events.events().get(0).id());
    assertThat(events.events().get(2).data().get("messageId")).isEqualTo("0000000002");
    // Refused: nothing published.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.send(parent, id,
        new Message.Draft(UUID.randomUUID().toString(), " ", null, null))).isInstanceOf(ApiException.class);
    assertThat(events.events()).hasSize(3);
  }

  @Test
  void who_may_start_a_conversation_should_follow_the_roster() {
    String[] family = families.get(10 % families.size());
    // The office: with a family of its school, and with a teacher of its school.
    ApiClient.Response office = as("nt-vp-01").post("/v1/conversations", Map.of("studentId", family[1]));
    assertThat(office.status()).as(office.text()).isIn(200, 201);
    String officeId = office.body().at("/conversation/id").asText();
    assertThat(find(as(family[0]).get("/v1/conversations"), officeId).get("teacherId").asText()).isEqualTo("nt-vp-01");
    ApiClient.Response colleague = as("nt-vp-01").post("/v1/conversations", Map.of("teacherId", SeededApi.TEACHER_7A1));
    assertThat(colleague.status()).as(colleague.text()).isIn(200, 201);
    assertThat(colleague.body().at("/conversation/kind").asText()).isEqualTo("STAFF");
    find(as(SeededApi.TEACHER_7A1).get("/v1/conversations"), colleague.body().at("/conversation/id").asText());
    // Another school's office and teachers: 404.
    assertProblem(as("lqd-vp-01").post("/v1/conversations", Map.of("studentId", family[1])), 404, "not-found");
    // (every Nguyễn Trãi teacher teaches 6A2 in the demo: another school's teacher stands for "not the class's")
    assertProblem(as("lqd-gv-01").post("/v1/conversations", Map.of("studentId", family[1])), 404, "not-found");
    // A parent must name a teacher of the child's class; the office does not post to class channels.
    assertProblem(as(family[0]).post("/v1/conversations", Map.of("studentId", family[1])), 422, "validation");
    assertProblem(as(family[0]).post("/v1/conversations", Map.of("studentId", family[1], "teacherId", "nt-vp-01")),
        422, "validation");
    assertProblem(as("nt-vp-01").post("/v1/conversations", Map.of("classId", CLASS)), 403, "forbidden");
    assertProblem(as(family[0]).post("/v1/conversations", Map.of("classId", CLASS)), 404, "not-found");
  }

  @Test
  void a_parent_writing_outside_office_hours_should_be_told_when_the_next_window_opens() {
    ApiClient.Response set = as(TEACHER).put("/v1/me/office-hours", Map.of("windows", List.of(
        Map.of("day", "MONDAY", "start", "19:00", "end", "20:30"), Map.of("day", "THURSDAY", "start", "19:00", "end", "20:30"))));
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    assertThat(as(TEACHER).get("/v1/me/office-hours").body().get("windows")).hasSize(2);
    assertProblem(as(TEACHER).put("/v1/me/office-hours", Map.of("windows", List.of(
        Map.of("day", "MONDAY", "start", "20:00", "end", "19:00")))), 422, "validation");
    assertProblem(as(families.get(7)[0]).get("/v1/me/office-hours"), 404, "not-found");

    // The stack's clock: Saturday 21 November 2026, about 10:00 in Vietnam; next window Monday 19:00.
    String id = conversationWith(7, "Thưa thầy, cháu xin phép hỏi bài.");
    JsonNode first = as(families.get(7)[0]).get("/v1/conversations/" + id + "/messages").body().at("/items/0");
    assertThat(first.get("expectReplyAfter").asText()).isEqualTo("2026-11-23T19:00:00+07:00");
    ApiClient.Response sent = as(families.get(7)[0]).post("/v1/conversations/" + id + "/messages", message("Cảm ơn thầy."));
    assertThat(sent.body().get("expectReplyAfter").asText()).isEqualTo("2026-11-23T19:00:00+07:00");
    // The teacher sees it in the conversation too; the teacher's own messages carry none.
    assertThat(as(TEACHER).get("/v1/conversations/" + id + "/messages").body().at("/items/0/expectReplyAfter").asText())
        .isEqualTo("2026-11-23T19:00:00+07:00");
    ApiClient.Response reply = as(TEACHER).post("/v1/conversations/" + id + "/messages", message("Thứ Hai thầy trả lời."));
    assertThat(reply.body().has("expectReplyAfter")).isFalse();
  }

  @Test
  void a_familys_reply_to_a_class_post_should_go_to_a_private_conversation_with_the_author() {
    ApiClient.Response channel = as(TEACHER).post("/v1/conversations", Map.of("classId", CLASS,
        "clientMessageId", UUID.randomUUID().toString(), "text", "Lớp 6A2: thứ Hai kiểm tra Toán 15 phút."));
    assertThat(channel.status()).as(channel.text()).isIn(200, 201);
    String channelId = channel.body().at("/conversation/id").asText();
    String postId = channel.body().at("/message/id").asText();
    String parent = families.get(8)[0];

    JsonNode listed = find(as(parent).get("/v1/conversations"), channelId);
    assertThat(listed.get("kind").asText()).isEqualTo("CLASS");
    assertThat(listed.get("canPost").asBoolean()).isFalse();
    assertThat(listed.get("unread").asInt()).isGreaterThanOrEqualTo(1);

    ApiClient.Response reply = as(parent).post("/v1/conversations/" + channelId + "/messages",
        Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "Cháu cần ôn phần nào ạ?", "replyTo", postId));
    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    String privateId = reply.body().get("conversationId").asText();
    assertThat(privateId).isNotEqualTo(channelId);
    JsonNode inTeacherList = find(as(TEACHER).get("/v1/conversations"), privateId);
    assertThat(inTeacherList.get("kind").asText()).isEqualTo("FAMILY");
    assertThat(inTeacherList.get("unread").asInt()).isEqualTo(1);
    // The channel itself got nothing from the family; another family does not see the reply.
    assertThat(as(TEACHER).get("/v1/conversations/" + channelId + "/messages").body().get("items"))
        .noneMatch(m -> m.get("text").asText().equals("Cháu cần ôn phần nào ạ?"));
    assertProblem(as(families.get(0)[0]).get("/v1/conversations/" + privateId + "/messages"), 404, "not-found");
  }
}
