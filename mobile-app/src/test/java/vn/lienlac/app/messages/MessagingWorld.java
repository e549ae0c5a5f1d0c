package vn.lienlac.app.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.FakeApi.Answer;
import vn.lienlac.app.testing.FakeApi.Request;
import vn.lienlac.client.LienlacClient;

/**
 * The messaging and announcements API as the ViewModel tests see it, served by the shared loopback
 * {@link FakeApi}: one FAMILY
 * conversation {@code c1} (teacher gv-1, parent p1, about st-1), the class channel {@code ch-6a1},
 * and a feed of three announcements. Sending is idempotent on the client message id, like the API.
 * {@code api().down(true)} drops every request without an answer (no network); {@link #loseNextAnswer}
 * stores a message (or an announcement) and then drops the answer.
 */
public final class MessagingWorld implements AutoCloseable {
  public volatile boolean loseNextAnswer;
  public volatile boolean consentMissing;
  /** Messages of c1, oldest first. */
  public final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  public final AtomicInteger created = new AtomicInteger();
  public final AtomicInteger sendAttempts = new AtomicInteger();
  public final List<String> reads = new CopyOnWriteArrayList<>();
  public final List<String> announcementReads = new CopyOnWriteArrayList<>();
  public final List<String> acks = new CopyOnWriteArrayList<>();
  public final List<JsonNode> started = new CopyOnWriteArrayList<>();
  public final List<JsonNode> channelPosts = new CopyOnWriteArrayList<>();
  public final List<JsonNode> published = new CopyOnWriteArrayList<>();
  public final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
  public final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
  private final FakeApi api = new FakeApi();

  public MessagingWorld() {
    api.otherwise(this::handle);
    messages.add(message("0000000001", "gv-1", "Cô Hà", "Chào anh chị, cháu học tốt.", "2026-11-19T16:10:00+07:00",
        "seed-1"));
  }

  public FakeApi api() {
    return api;
  }

  private static ObjectNode message(String id, String sender, String name, String text, String at, String cmid) {
    ObjectNode m = LienlacClient.json().createObjectNode();
    m.put("id", id).put("conversationId", "c1").put("senderId", sender).put("senderName", name).put("text", text)
        .put("sentAt", at).put("clientMessageId", cmid);
    return m;
  }

  private Answer handle(Request request) {
    JsonNode body;
    try {
      body = request.body().isEmpty() ? null : LienlacClient.json().readTree(request.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String key = request.idempotencyKey();
    return switch (request.method() + " " + request.path()) {
      case "GET /v1/conversations" -> Answer.json(200, """
          {"items":[
           {"id":"ch-6a1","kind":"CLASS","schoolId":"s1","classId":"c-6a1","className":"6A1",
            "lastMessageAt":"2026-11-18T16:00:00+07:00","messageCount":1,"unread":0,"canPost":false},
           {"id":"c1","kind":"FAMILY","schoolId":"s1","studentId":"st-1","studentName":"Nguyễn An","classId":"c-6a1",
            "className":"6A1","teacherId":"gv-1","teacherName":"Cô Hà","lastMessageAt":"2026-11-19T16:10:00+07:00",
            "messageCount":%d,"unread":1,"canPost":true}]}""".formatted(messages.size()));
      case "GET /v1/conversations/c1/messages" -> {
        ObjectNode page = LienlacClient.json().createObjectNode();
        ArrayNode items = page.putArray("items");
        List<ObjectNode> newestFirst = new ArrayList<>(messages);
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(items::add);
        page.putArray("participants").addObject().put("userId", "gv-1").put("displayName", "Cô Hà")
            .put("side", "SCHOOL").put("readUpTo", "0000000002");
        yield Answer.json(200, page.toString());
      }
      case "GET /v1/conversations/ch-6a1/messages" -> Answer.json(200, """
          {"items":[{"id":"0000000001","conversationId":"ch-6a1","senderId":"gv-1","senderName":"Cô Hà",
            "text":"Thứ Sáu lớp đi tham quan.","sentAt":"2026-11-18T16:00:00+07:00","clientMessageId":"x"}],
           "participants":[]}""");
      case "POST /v1/conversations/c1/messages" -> {
        sendAttempts.incrementAndGet();
        if (consentMissing) {
          yield Answer.json(403, """
              {"type":"https://lienlac.vn/problems/consent-required","title":"Cần sự đồng ý của phụ huynh",
               "status":403,"detail":"Phụ huynh chưa đồng ý cho nhà trường xử lý dữ liệu không bắt buộc.",
               "notice":"/v1/schools/s1/privacy-notice","studentId":"st-1"}""");
        }
        String cmid = body.get("clientMessageId").asText();
        ObjectNode stored = messages.stream().filter(m -> m.get("clientMessageId").asText().equals(cmid))
            .findFirst().orElse(null);
        int status = 200;
        if (stored == null) {
          stored = message(String.format("%010d", messages.size() + 1), "p1", "Trần Bình",
              body.get("text").asText(), "2026-11-21T10:00:00+07:00", cmid);
          messages.add(stored);
          created.incrementAndGet();
          status = 201;
        }
        if (loseNextAnswer) {
          loseNextAnswer = false;
          yield Answer.drop();
        }
        yield Answer.json(status, stored.toString());
      }
      case "POST /v1/conversations/ch-6a1/messages" -> {
        channelPosts.add(body);
        ObjectNode reply = message(String.format("%010d", messages.size() + 1), "p1", "Trần Bình",
            body.get("text").asText(), "2026-11-21T10:00:00+07:00", body.get("clientMessageId").asText());
        messages.add(reply);
        yield Answer.json(201, reply.toString());
      }
      case "POST /v1/conversations/ch-6a1/read" -> Answer.json(200, "{\"conversationId\":\"ch-6a1\",\"unread\":0}");
      case "POST /v1/conversations/c1/read" -> {
        reads.add(body.get("upTo").asText());
        yield Answer.json(200, "{\"conversationId\":\"c1\",\"readUpTo\":\"" + body.get("upTo").asText()
            + "\",\"unread\":0}");
      }
      case "POST /v1/conversations" -> {
        started.add(body);
        yield Answer.json(201, """
            {"conversation":{"id":"c2","kind":"FAMILY","schoolId":"s1","studentId":"st-1","studentName":"Nguyễn An",
             "classId":"c-6a1","className":"6A1","teacherId":"gv-1","teacherName":"Cô Hà","messageCount":1,
             "unread":0,"canPost":true}}""");
      }
      case "GET /v1/privacy-notice-unused" -> Answer.json(404, "{}");
      case "GET /v1/schools/s1/privacy-notice" -> Answer.json(200, """
          {"schoolId":"s1","schoolName":"THCS Nguyễn Trãi","version":1,"titleVi":"Thông báo xử lý dữ liệu",
           "bodyVi":"Nhà trường xử lý…","titleEn":"Notice","bodyEn":"The school…","dpoContact":"dpo@truong.vn",
           "publishedAt":"2026-09-01T08:00:00+07:00","link":"/v1/schools/s1/privacy-notice"}""");
      case "GET /v1/announcements" -> Answer.json(200, """
          {"items":[
           {"id":"a1","schoolId":"s1","scope":"SCHOOL","title":"Nghỉ Tết Dương lịch","body":"Nghỉ 01/01.",
            "urgent":false,"acknowledgementRequired":false,"authorName":"Thầy Hiệu trưởng",
            "publishedAt":"2026-11-16T08:00:00+07:00","read":true,"acknowledged":false},
           {"id":"a3","schoolId":"s1","scope":"CLASS","classId":"c-6a1","className":"6A1","title":"Tan học sớm thứ Hai",
            "body":"Lớp tan lúc 10 giờ 30.","urgent":true,"acknowledgementRequired":true,"authorName":"Cô Hà",
            "publishedAt":"2026-11-20T16:00:00+07:00","read":false,"acknowledged":%s},
           {"id":"a2","schoolId":"s1","scope":"GRADE","grade":6,"title":"Họp phụ huynh khối 6","body":"Chủ nhật 29/11.",
            "urgent":false,"acknowledgementRequired":true,"authorName":"Văn phòng",
            "publishedAt":"2026-11-18T09:30:00+07:00","read":false,"acknowledged":false}]}"""
          .formatted(acknowledged.getOrDefault("a3", false)));
      case "POST /v1/announcements/a3/read" -> {
        announcementReads.add("a3");
        yield Answer.json(200, "{\"announcementId\":\"a3\",\"read\":true,\"acknowledged\":false}");
      }
      case "POST /v1/announcements/a3/ack" -> {
        acks.add("a3");
        acknowledged.put("a3", true);
        yield Answer.json(200, """
            {"announcementId":"a3","read":true,"readAt":"2026-11-21T10:00:00+07:00","acknowledged":true,
             "acknowledgedAt":"2026-11-21T10:00:00+07:00"}""");
      }
      case "GET /v1/schools/s1/announcements" -> Answer.json(200, """
          {"schoolId":"s1","items":[{"id":"a3","schoolId":"s1","scope":"CLASS","classId":"c-6a1","className":"6A1",
           "title":"Tan học sớm thứ Hai","body":"Lớp tan lúc 10 giờ 30.","urgent":true,"acknowledgementRequired":true,
           "authorName":"Cô Hà","publishedAt":"2026-11-20T16:00:00+07:00"}]}""");
      case "GET /v1/announcements/a3/stats" -> Answer.json(200, """
          {"announcementId":"a3","scope":"CLASS","acknowledgementRequired":true,"families":35,"read":12,
           "acknowledged":6,"notReached":29,"items":[]}""");
      case "POST /v1/announcements" -> {
        published.add(body);
        idempotencyKeys.add(key);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          yield Answer.drop();
        }
        yield Answer.json(201, """
            {"id":"a9","schoolId":"s1","scope":"CLASS","classId":"c-6a1","className":"6A1","title":"%s","body":"x",
             "urgent":false,"acknowledgementRequired":true,"publishedAt":"2026-11-21T10:00:00+07:00"}"""
            .formatted(body.get("title").asText()));
      }
      default -> Answer.json(404, "{\"status\":404,\"title\":\"Không tìm thấy\"}");
    };
  }

  @Override
  public void close() {
    api.close();
  }
}
