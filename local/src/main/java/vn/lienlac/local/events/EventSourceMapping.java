package vn.lienlac.local.events;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.lienlac.local.gateway.LocalContext;
import vn.lienlac.local.template.SamTemplate;

/**
 * One SQS event source mapping, emulated as Lambda's poller runs it: long-polls the queue, gathers
 * up to {@code BatchSize} messages (waiting at most {@code MaximumBatchingWindowInSeconds} for a
 * full batch), builds the {@link SQSEvent} Lambda sends (message id, receipt handle, body, MD5,
 * system attributes with {@code ApproximateReceiveCount}, message attributes, {@code aws:sqs},
 * the queue ARN, the region), calls the handler in this JVM, and deletes what succeeded:
 * <ul>
 *   <li>with {@code ReportBatchItemFailures}, every record but those the answer lists (an answer
 *       naming an id not in the batch, or an empty one, fails the whole batch, as Lambda does);
 *   <li>without it, every record when the handler returns, none when it throws.
 * </ul>
 * A record not deleted reappears after the queue's visibility timeout (or {@code retryDelay}, when
 * the stack sets one) with its receive count one higher, and ElasticMQ's redrive policy moves it to
 * the dead-letter queue after {@code maxReceiveCount} receives. One poller, one batch at a time:
 * Lambda scales pollers and concurrent invocations with the queue; here the order is simpler.
 */
final class EventSourceMapping implements Runnable {
  /** ElasticMQ's (and SQS's) limit per ReceiveMessage call. */
  private static final int MAX_PER_RECEIVE = 10;
  private static final int LONG_POLL_SECONDS = 1;

  private final SamTemplate.Function function;
  private final SamTemplate.SqsEventSource source;
  private final String queueUrl;
  private final String queueArn;
  private final SqsClient sqs;
  private final RequestHandler<SQSEvent, ?> handler;
  private final Duration retryDelay;
  private final PrintStream out;
  private final AtomicInteger busy;
  private final AtomicLong invocations = new AtomicLong();
  private volatile boolean stopped;

  EventSourceMapping(SamTemplate.Function function, SamTemplate.SqsEventSource source, String queueUrl,
      String queueArn, SqsClient sqs, RequestHandler<SQSEvent, ?> handler, Duration retryDelay, PrintStream out,
      AtomicInteger busy) {
    this.function = function;
    this.source = source;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.sqs = sqs;
    this.handler = handler;
    this.retryDelay = retryDelay;
    this.out = out;
    this.busy = busy;
  }

  String name() {
    return function.logicalId() + "." + source.eventId();
  }

  String queue() {
    return source.queue();
  }

  long invocations() {
    return invocations.get();
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        List<Message> batch = receive();
        if (!batch.isEmpty()) {
          busy.incrementAndGet();
          try {
            deliver(batch);
          } finally {
            busy.decrementAndGet();
          }
        }
      } catch (SdkException e) {
        if (!stopped) {
          out.println("[" + name() + "] poll failed: " + e.getMessage());
          pause(Duration.ofMillis(200));
        }
      }
    }
  }

  /** Up to BatchSize messages: a long poll, then more until the batch is full or the window closes. */
  private List<Message> receive() {
    List<Message> batch = new ArrayList<>(receive(LONG_POLL_SECONDS, source.batchSize()));
    long deadline = System.nanoTime() + Duration.ofSeconds(source.maximumBatchingWindowSeconds()).toNanos();
    while (!batch.isEmpty() && batch.size() < source.batchSize() && System.nanoTime() < deadline && !stopped) {
      int wait = (int) Math.min(LONG_POLL_SECONDS, Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
      batch.addAll(receive(wait, source.batchSize() - batch.size()));
    }
    return batch;
  }

  private List<Message> receive(int waitSeconds, int wanted) {
    return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
        .maxNumberOfMessages(Math.min(MAX_PER_RECEIVE, wanted))
        .waitTimeSeconds(waitSeconds)
        .messageSystemAttributeNamesWithStrings("All")
        .messageAttributeNames("All")).messages();
  }

  /** One invocation with this batch, then the deletes (and the retry delay of the failures). */
  void deliver(List<Message> batch) {
    invocations.incrementAndGet();
    SQSEvent event = new SQSEvent();
    event.setRecords(batch.stream().map(this::record).toList());
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    Set<String> failed;
    try {
      Object answer = handler.handleRequest(event, new LocalContext(function, UUID.randomUUID().toString(), out));
      failed = source.reportBatchItemFailures() ? failures(answer, ids) : Set.of();
    } catch (RuntimeException | Error e) {
      out.println("[" + name() + "] the batch of " + batch.size() + " failed: " + e);
      failed = ids;
    }
    Set<String> failedIds = failed;
    List<Message> done = batch.stream().filter(m -> !failedIds.contains(m.messageId())).toList();
    for (int i = 0; i < done.size(); i += MAX_PER_RECEIVE) {
      List<Message> chunk = done.subList(i, Math.min(done.size(), i + MAX_PER_RECEIVE));
      // Entry ids by position: a message received twice in one batch (its visibility timeout ran out
      // within the batching window) would otherwise make the ids collide.
      List<DeleteMessageBatchRequestEntry> entries = IntStream.range(0, chunk.size())
          .mapToObj(n -> DeleteMessageBatchRequestEntry.builder().id(Integer.toString(n))
              .receiptHandle(chunk.get(n).receiptHandle()).build())
          .toList();
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed().forEach(f -> out.println(
          "[" + name() + "] could not delete " + chunk.get(Integer.parseInt(f.id())).messageId() + ": " + f.message()
              + " (it will be delivered again: is the queue's visibility timeout shorter than the function's?)"));
    }
    if (retryDelay != null) {
      List<Message> retried = batch.stream().filter(m -> failedIds.contains(m.messageId())).toList();
      for (int i = 0; i < retried.size(); i += MAX_PER_RECEIVE) {
        List<Message> chunk = retried.subList(i, Math.min(retried.size(), i + MAX_PER_RECEIVE));
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(IntStream.range(0, chunk.size())
            .mapToObj(n -> ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(n))
                .receiptHandle(chunk.get(n).receiptHandle()).visibilityTimeout((int) retryDelay.toSeconds()).build())
            .toList()));
      }
    }
  }

  /** The records the answer reports; all of them when the answer is malformed, as Lambda treats it. */
  private Set<String> failures(Object answer, Set<String> ids) {
    if (!(answer instanceof SQSBatchResponse response) || response.getBatchItemFailures() == null) {
      return Set.of(); // null or another type: Lambda reads it as success
    }
    Set<String> failed = new HashSet<>();
    for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
      String id = failure == null ? null : failure.getItemIdentifier();
      if (id == null || id.isBlank() || !ids.contains(id)) {
        out.println("[" + name() + "] the answer reports an unknown item " + id + ": the whole batch failed");
        return ids;
      }
      failed.add(id);
    }
    return failed;
  }

  private SQSEvent.SQSMessage record(Message message) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setMd5OfBody(message.md5OfBody());
    record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
    record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
    Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
    message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
    record.setMessageAttributes(attributes);
    record.setEventSource("aws:sqs");
    record.setEventSourceArn(queueArn);
    record.setAwsRegion(LocalSqs.REGION);
    return record;
  }

  private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType(value.dataType());
    attribute.setStringValue(value.stringValue());
    if (value.binaryValue() != null) {
      attribute.setBinaryValue(value.binaryValue().asByteBuffer());
    }
    attribute.setStringListValues(value.stringListValues());
    attribute.setBinaryListValues(value.binaryListValues().stream().map(b -> b.asByteBuffer()).toList());
    return attribute;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
