package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.events.LocalEvents;
import vn.lienlac.local.seed.DevUser;

/**
 * A write over HTTP reaches the events queue: the local stack built the publishing function with
 * its SQS publisher (ElasticMQ), and the message on the queue is the committed event as JSON. While
 * nothing consumes EventsQueue the event is read off the queue; once a consumer is wired, the test
 * waits for the queue to drain into it instead.
 */
@ExtendWith(LocalStackExtension.class)
class EventsFlowTest {
  private final LocalStack stack;
  private final SeededApi seeded;

  EventsFlowTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void a_message_sent_over_http_should_put_one_message_sent_event_on_the_events_queue() throws Exception {
    // A 7A1 family (the last pupil by id, whom the seed does not write to) and the teacher of Tin học.
    // Not the family of the guardian /dev/users marks as not yet consented (issue 18: ConsentTest's pupil).
    java.util.Set<String> unconsented = stack.users().stream().filter(u -> Boolean.FALSE.equals(u.consented()))
        .flatMap(u -> seeded.children(u.id()).stream().map(c -> c.studentId())).collect(java.util.stream.Collectors.toSet());
    String[] family = stack.users().stream().filter(u -> u.role().equals("PARENT"))
        .filter(u -> u.schoolId().equals(SeededApi.NGUYEN_TRAI)).map(DevUser::id)
        .flatMap(parent -> seeded.children(parent).stream().filter(c -> c.classId().equals(SeededApi.CLASS_7A1))
            .filter(c -> !unconsented.contains(c.studentId()))
            .map(c -> new String[] {parent, c.studentId()}))
        .max(Comparator.comparing((String[] f) -> f[1])).orElseThrow();
    ApiClient.Response started = seeded.as(family[0]).post("/v1/conversations", Map.of("studentId", family[1],
        "teacherId", SeededApi.TEACHER_7A1, "clientMessageId", UUID.randomUUID().toString(), "text", "Chào thầy."));
    assertThat(started.status()).as(started.text()).isIn(200, 201);
    String conversation = started.body().at("/conversation/id").asText();
    LocalEvents events = stack.events();
    long consumedBefore = events.invocations().values().stream().mapToLong(Long::longValue).sum();

    ApiClient.Response sent = seeded.as(SeededApi.TEACHER_7A1).post("/v1/conversations/" + conversation + "/messages",
        Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "Chào anh chị."));
    assertThat(sent.status()).as(sent.text()).isEqualTo(201);

    boolean consumed = events.mappings().stream().anyMatch(m -> events.queueOf(m).equals("EventsQueue"));
    if (consumed) {
      events.awaitIdle(Duration.ofSeconds(30));
      assertThat(events.invocations().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(consumedBefore);
      return;
    }
    List<DomainEvent> published = events.deadLetters("EventsQueue").stream().map(m -> event(m.body()))
        .filter(e -> conversation.equals(e.get("conversationId"))).toList();
    assertThat(published).as("events of this conversation on EventsQueue").isNotEmpty()
        .allSatisfy(e -> assertThat(e.schoolId()).isEqualTo(SeededApi.NGUYEN_TRAI));
    assertThat(published).filteredOn(e -> e.type().equals(EventTypes.MESSAGE_SENT))
        .extracting(DomainEvent::id).doesNotHaveDuplicates().isNotEmpty();
  }

  private static DomainEvent event(String body) {
    try {
      return Json.MAPPER.readValue(body, DomainEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a domain event on EventsQueue: " + body, e);
    }
  }
}
