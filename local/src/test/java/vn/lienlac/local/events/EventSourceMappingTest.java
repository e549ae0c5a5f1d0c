package vn.lienlac.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.local.template.SamTemplate;

/**
 * The local event source mapping against real ElasticMQ, with a fixture template (short visibility
 * timeouts, so that a retry takes a second): batch size and batching window, a failed record retried
 * alone with the same message id and a higher receive count, a poison message dead-lettered after
 * maxReceiveCount, a throwing handler without ReportBatchItemFailures failing the whole batch, and
 * a schedule run on the clock. No sleeps: {@link LocalEvents#awaitIdle}.
 */
class EventSourceMappingTest {
  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private static final Duration IDLE = Duration.ofSeconds(30);
  private static SamTemplate template;
  private static LocalEvents events;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = EventSourceMappingTest.class.getResourceAsStream("/events/esm-template.yaml")) {
      template = SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    LocalSqs sqs = LocalSqs.start();
    sqs.createQueues(template.queues());
    events = new LocalEvents(sqs, Clock.fixed(NOW, ZoneOffset.UTC), null, false,
        System.out);
    for (SamTemplate.Function function : template.functions()) {
      Environment env = Environment.of(function.environment(sqs::url));
      events.deploy(function, function.sqsEvents().isEmpty()
          ? new TestScheduledFunction(env, Clock.systemUTC())
          : new TestSqsFunction(env, Clock.systemUTC()));
    }
  }

  @AfterAll
  static void stop() {
    if (events != null) {
      events.close();
    }
  }

  @BeforeEach
  void reset() throws Exception {
    events.awaitIdle(IDLE);
    TestSqsFunction.reset();
  }

  @Test
  void the_template_should_give_the_queues_and_mappings_as_written() {
    assertThat(template.queue("WorkQueue").orElseThrow().redrive()).contains(new SamTemplate.Redrive("WorkDeadLetterQueue", 3));
    assertThat(template.queue("WorkDeadLetterQueue").orElseThrow().messageRetentionSeconds()).isEqualTo(1_209_600);
    assertThat(template.function("BatchFunction").orElseThrow().sqsEvents()).containsExactly(
        new SamTemplate.SqsEventSource("Batch", "BatchQueue", 5, 1, true, true));
    assertThat(template.function("WorkerFunction").orElseThrow().isHttp()).isFalse();
    assertThat(events.deadLetterQueues()).containsOnly("WorkDeadLetterQueue");
    assertThat(events.mappings()).containsExactly("WorkerFunction.Work", "BatchFunction.Batch",
        "WholeBatchFunction.Work");
  }

  @Test
  void batches_should_hold_at_most_the_batch_size_and_every_message_once() throws Exception {
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> "batch-" + i).toList();
    sendBatch("BatchQueue", ids.subList(0, 10));
    sendBatch("BatchQueue", ids.subList(10, 12));

    events.awaitIdle(IDLE);

    List<Integer> sizes = TestSqsFunction.BATCHES.stream().map(b -> b.getRecords().size()).toList();
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 5)).contains(5);
    assertThat(TestSqsFunction.HANDLED.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(TestSqsFunction.HANDLED.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    SQSEvent.SQSMessage record = TestSqsFunction.BATCHES.getFirst().getRecords().getFirst();
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).endsWith(":BatchQueue");
    assertThat(record.getAwsRegion()).isEqualTo(LocalSqs.REGION);
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).isNotBlank();
    assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
  }

  @Test
  void a_failed_record_should_be_retried_alone_with_the_same_message_id() throws Exception {
    events.send("WorkQueue", event("ok-1", Map.of()));
    String failing = events.send("WorkQueue", event("flaky-1", Map.of("fail", "once")));

    events.awaitIdle(IDLE);

    assertThat(TestSqsFunction.HANDLED).containsOnlyKeys("ok-1", "flaky-1");
    assertThat(TestSqsFunction.HANDLED.get("ok-1").get()).as("the good record is not redelivered").isEqualTo(1);
    assertThat(TestSqsFunction.ATTEMPTS.get("flaky-1").get()).isEqualTo(2);
    List<SQSEvent.SQSMessage> deliveries = deliveries(failing);
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries).extracting(m -> m.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "2");
    assertThat(TestSqsFunction.BATCHES.getLast().getRecords()).as("the retry carries the failed record only")
        .extracting(SQSEvent.SQSMessage::getMessageId).containsExactly(failing);
  }

  @Test
  void a_poison_message_should_land_in_the_dead_letter_queue_after_max_receive_count() throws Exception {
    String poison = events.send("WorkQueue", "{\"not\":\"an event\"}");
    String failing = events.send("WorkQueue", event("always-1", Map.of("fail", "always")));

    events.awaitIdle(IDLE);

    assertThat(deliveries(poison)).hasSize(3);
    assertThat(TestSqsFunction.ATTEMPTS.get("always-1").get()).isEqualTo(3);
    assertThat(events.deadLetters("WorkDeadLetterQueue")).extracting(LocalEvents.Received::messageId)
        .contains(poison, failing);
    assertThat(events.deadLetters("WorkDeadLetterQueue")).as("reading leaves them there").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void without_report_batch_item_failures_a_throwing_handler_should_fail_the_whole_batch() throws Exception {
    sendBatch("WholeBatchQueue", List.of("whole-ok"), List.of("whole-throw"));

    events.awaitIdle(IDLE);

    // Each receive redelivers both (the good one too), until the redrive takes them (maxReceiveCount 2).
    assertThat(TestSqsFunction.ATTEMPTS.get("whole-ok").get()).isEqualTo(2);
    assertThat(TestSqsFunction.ATTEMPTS.get("whole-throw").get()).isEqualTo(2);
  }

  @Test
  void a_schedule_should_run_on_demand_with_the_clocks_time() {
    TestScheduledFunction.RUNS.clear();

    events.runSchedule("NightlyFunction");

    assertThat(TestScheduledFunction.RUNS).containsExactly(NOW);
  }

  @Test
  void await_idle_should_time_out_while_a_record_waits_for_its_retry() {
    events.send("WorkQueue", event("slow-1", Map.of("fail", "once")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.awaitIdle(Duration.ZERO))
        .isInstanceOf(TimeoutException.class);
  }

  private static List<SQSEvent.SQSMessage> deliveries(String messageId) {
    List<SQSEvent.SQSMessage> found = new ArrayList<>();
    TestSqsFunction.BATCHES.forEach(b -> b.getRecords().stream().filter(r -> r.getMessageId().equals(messageId))
        .forEach(found::add));
    return found;
  }

  private static void sendBatch(String queue, List<String> eventIds) {
    sendBatch(queue, eventIds, List.of());
  }

  /** One SendMessageBatch: events, then events whose data says {@code throw=true}. */
  private static void sendBatch(String queue, List<String> eventIds, List<String> throwing) {
    String url = events.queueUrl(queue);
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    eventIds.forEach(id -> entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(event(id, Map.of()))
        .build()));
    throwing.forEach(id -> entries.add(SendMessageBatchRequestEntry.builder().id(id)
        .messageBody(event(id, Map.of("throw", "true"))).build()));
    events.sqs().client().sendMessageBatch(r -> r.queueUrl(url).entries(entries));
  }

  private static String event(String id, Map<String, String> data) {
    return Json.write(new DomainEvent(id, EventTypes.MESSAGE_SENT, "nt", NOW, data));
  }
}
