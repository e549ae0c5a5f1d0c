package vn.lienlac.functions.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.Json;

/** The SQS base: one record's failure is reported alone; a body that is not an event is a failure. */
class SqsFunctionTest {
  private final List<String> handled = new ArrayList<>();

  private final SqsFunction function = new SqsFunction() {
    @Override
    protected void handle(DomainEvent event, Context context) {
      if ("boom".equals(event.get("fail"))) {
        throw new IllegalStateException("boom");
      }
      handled.add(event.id());
    }
  };

  @Test
  void only_the_failed_records_should_be_reported_and_the_others_handled() {
    SQSEvent batch = batch(
        record("m1", event("e1", Map.of())),
        record("m2", event("e2", Map.of("fail", "boom"))),
        record("m3", "{\"not\":\"an event\"}"),
        record("m4", "not json"),
        record("m5", event("e5", Map.of())),
        record("m6", null));

    SQSBatchResponse response = function.handleRequest(batch, null);

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("m2", "m3", "m4", "m6");
    assertThat(handled).containsExactly("e1", "e5");
  }

  @Test
  void an_event_with_a_numeric_time_should_be_a_failure() {
    String body = "{\"id\":\"e1\",\"type\":\"message.sent\",\"schoolId\":\"nt\",\"occurredAt\":1700000000,\"data\":{}}";

    SQSBatchResponse response = function.handleRequest(batch(record("m1", body)), null);

    assertThat(response.getBatchItemFailures()).hasSize(1);
    assertThat(handled).isEmpty();
  }

  @Test
  void an_empty_batch_should_report_no_failure() {
    assertThat(function.handleRequest(new SQSEvent(), null).getBatchItemFailures()).isEmpty();
    assertThat(function.handleRequest(null, null).getBatchItemFailures()).isEmpty();
  }

  private static String event(String id, Map<String, String> data) {
    return Json.write(new DomainEvent(id, EventTypes.MESSAGE_SENT, "nt", Instant.parse("2026-11-21T03:00:00Z"), data));
  }

  private static SQSEvent.SQSMessage record(String messageId, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(messageId);
    message.setBody(body);
    message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    return message;
  }

  private static SQSEvent batch(SQSEvent.SQSMessage... records) {
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(records));
    return event;
  }
}
