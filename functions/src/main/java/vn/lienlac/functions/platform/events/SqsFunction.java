package vn.lienlac.functions.platform.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienlac.functions.platform.Json;

/**
 * The base of every SQS-triggered function (template.yaml: an {@code SQS} event with
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}). Each record's body is a
 * {@link DomainEvent}; {@link #handle} runs once per record, and a record that throws is reported
 * as a batch item failure, so that SQS redelivers that record alone (after its visibility timeout)
 * and, after {@code maxReceiveCount} receives, moves it to the dead-letter queue. A body that is
 * not an event is a failure too: it is retried and then dead-lettered, never dropped silently.
 *
 * <p>Handlers must be idempotent: delivery is at least once, and a redelivered event keeps its
 * {@link DomainEvent#id()} (and its SQS message id). One INFO line per record (message id, event
 * id and type, outcome, milliseconds) and one ERROR line per failure (with the receive count, so
 * that the last attempt before the dead-letter queue is visible); never the body, which may be
 * what made it fail. Subclasses have the constructors of every non-HTTP function: {@code ()} for
 * Lambda and {@code (Environment, Clock)} for the local stack.
 */
public abstract class SqsFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** Handles one event; throw to have this record retried (and dead-lettered in the end). */
  protected abstract void handle(DomainEvent event, Context context) throws Exception;

  @Override
  public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    for (SQSEvent.SQSMessage message : records) {
      long started = System.nanoTime();
      String outcome = "ok";
      String eventType = null;
      String eventId = null;
      try {
        DomainEvent domainEvent = Json.MAPPER.readValue(message.getBody() == null ? "" : message.getBody(),
            DomainEvent.class);
        eventType = domainEvent.type();
        eventId = domainEvent.id();
        handle(domainEvent, context);
      } catch (VirtualMachineError e) {
        throw e; // out of memory: fail the whole batch (retried) rather than go on in a broken JVM
      } catch (Exception | Error e) {
        outcome = "failed";
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("message", "event failed");
        line.put("messageId", message.getMessageId());
        line.put("eventType", eventType);
        line.put("eventId", eventId);
        line.put("receiveCount", message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount"));
        line.put("error", String.valueOf(e));
        log(context, LogLevel.ERROR, Json.write(line));
      }
      Map<String, Object> access = new LinkedHashMap<>();
      access.put("message", "event");
      access.put("messageId", message.getMessageId());
      access.put("eventType", eventType);
      access.put("eventId", eventId);
      access.put("outcome", outcome);
      access.put("millis", (System.nanoTime() - started) / 1_000_000);
      log(context, LogLevel.INFO, Json.write(access));
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  private static void log(Context context, LogLevel level, String message) {
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(message, level);
    } else {
      System.out.println(message);
    }
  }
}
