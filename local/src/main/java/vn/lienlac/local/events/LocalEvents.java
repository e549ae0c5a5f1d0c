package vn.lienlac.local.events;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import vn.lienlac.local.gateway.LocalContext;
import vn.lienlac.local.template.SamTemplate;

/**
 * The non-HTTP half of the local stack: the template's queues in ElasticMQ ({@link LocalSqs}), one
 * {@link EventSourceMapping} poller per {@code Type: SQS} event, and the {@code Type: Schedule}
 * events (a timer per {@code rate(...)} on the stack's clock when timers are on; any schedule on
 * demand with {@link #runSchedule}). What tests use: queue URLs, {@link #deadLetters},
 * {@link #awaitIdle}.
 */
public final class LocalEvents implements AutoCloseable {
  private final LocalSqs sqs;
  private final Clock clock;
  private final Duration retryDelay;
  private final boolean timers;
  private final PrintStream out;
  private final AtomicInteger busy = new AtomicInteger();
  private final List<EventSourceMapping> mappings = new ArrayList<>();
  private final List<Thread> pollers = new ArrayList<>();
  private final Set<String> consumedQueues = new LinkedHashSet<>();
  private final Map<String, Scheduled> schedules = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  private record Scheduled(SamTemplate.Function function, SamTemplate.Schedule schedule,
      RequestHandler<Map<String, Object>, ?> handler) {}

  /**
   * {@code retryDelay}: null leaves a failed record invisible for its queue's visibility timeout,
   * as Lambda does; a duration makes it visible again after that long (tests use zero, so that a
   * retry or a dead-lettering takes no real time). {@code timers}: run {@code rate(...)} schedules
   * on their own (serve) or only through {@link #runSchedule} (tests).
   */
  public LocalEvents(LocalSqs sqs, Clock clock, Duration retryDelay, boolean timers, PrintStream out) {
    this.sqs = sqs;
    this.clock = clock;
    this.retryDelay = retryDelay;
    this.timers = timers;
    this.out = out;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "local-schedules");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Wires a non-HTTP function: a poller per SQS event, a schedule per Schedule event. */
  @SuppressWarnings("unchecked")
  public void deploy(SamTemplate.Function function, RequestHandler<?, ?> handler) {
    for (SamTemplate.SqsEventSource source : function.sqsEvents()) {
      String url = sqs.url(source.queue());
      if (url == null) {
        throw new IllegalStateException(function.logicalId() + "." + source.eventId() + ": queue " + source.queue()
            + " is not an AWS::SQS::Queue of the template");
      }
      if (!source.enabled()) {
        continue;
      }
      EventSourceMapping mapping = new EventSourceMapping(function, source, url, sqs.arn(source.queue()), sqs.client(),
          (RequestHandler<SQSEvent, ?>) handler, retryDelay, out, busy);
      mappings.add(mapping);
      consumedQueues.add(source.queue());
      Thread thread = new Thread(mapping, "esm-" + mapping.name());
      thread.setDaemon(true);
      pollers.add(thread);
      thread.start();
    }
    for (SamTemplate.Schedule schedule : function.schedules()) {
      Scheduled scheduled = new Scheduled(function, schedule, (RequestHandler<Map<String, Object>, ?>) handler);
      schedules.put(function.logicalId() + "." + schedule.eventId(), scheduled);
      if (timers && schedule.enabled()) {
        schedule.rate().ifPresentOrElse(
            period -> timer.scheduleAtFixedRate(() -> runQuietly(scheduled), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS),
            () -> out.println("[" + function.logicalId() + "] schedule " + schedule.expression()
                + " does not run locally on its own (only rate(...) does); runSchedule runs it"));
      }
    }
  }

  /**
   * Runs every schedule of a function once, now (the stack's clock), in this thread, as
   * EventBridge would invoke it; a failure of the function is thrown.
   */
  public void runSchedule(String functionLogicalId) {
    List<Scheduled> found = schedules.values().stream()
        .filter(s -> s.function().logicalId().equals(functionLogicalId)).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No function " + functionLogicalId + " with a Schedule event; scheduled: "
          + schedules.keySet());
    }
    found.forEach(this::run);
  }

  private void runQuietly(Scheduled scheduled) {
    try {
      run(scheduled);
    } catch (RuntimeException | Error e) {
      out.println("[" + scheduled.function().logicalId() + "] scheduled run failed: " + e);
    }
  }

  private void run(Scheduled scheduled) {
    busy.incrementAndGet();
    try {
      scheduled.handler().handleRequest(scheduledEvent(scheduled),
          new LocalContext(scheduled.function(), UUID.randomUUID().toString(), out));
    } finally {
      busy.decrementAndGet();
    }
  }

  /** EventBridge's "Scheduled Event", as a schedule rule sends it. */
  private Map<String, Object> scheduledEvent(Scheduled scheduled) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", LocalSqs.ACCOUNT);
    event.put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    event.put("region", LocalSqs.REGION);
    event.put("resources", List.of("arn:aws:events:" + LocalSqs.REGION + ":" + LocalSqs.ACCOUNT + ":rule/"
        + scheduled.function().logicalId() + scheduled.schedule().eventId()));
    event.put("detail", Map.of());
    return event;
  }

  /**
   * Waits until every queue that a mapping consumes is empty (nothing visible, in flight or
   * delayed) and no handler runs; throws {@link TimeoutException} with the queues' depths if that
   * does not happen within {@code timeout}. Dead-letter queues and queues nothing consumes are not
   * waited for.
   */
  public void awaitIdle(Duration timeout) throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, Long> depths = new LinkedHashMap<>();
      consumedQueues.forEach(q -> depths.put(q, sqs.depth(q)));
      boolean empty = depths.values().stream().allMatch(d -> d == 0);
      if (empty && busy.get() == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Not idle after " + timeout + ": " + depths + ", handlers running " + busy.get());
      }
      Thread.sleep(20);
    }
  }

  /** A message as a test reads it from a queue. */
  public record Received(String messageId, String body, int receiveCount) {}

  /**
   * Every message in a queue (a dead-letter queue, typically), left in it: received and made
   * visible again at once.
   */
  public List<Received> deadLetters(String queueLogicalId) {
    String url = requireUrl(queueLogicalId);
    Map<String, Received> found = new LinkedHashMap<>();
    List<Message> held = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
          .visibilityTimeout(30).waitTimeSeconds(0).messageSystemAttributeNamesWithStrings("All")).messages();
      if (batch.isEmpty()) {
        break;
      }
      held.addAll(batch);
      batch.forEach(m -> found.put(m.messageId(), new Received(m.messageId(), m.body(),
          Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")))));
    }
    for (Message m : held) {
      sqs.client().changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
    }
    return List.copyOf(found.values());
  }

  /** Sends a raw body to a queue (a test's poison message, or an event from outside a function). */
  public String send(String queueLogicalId, String body) {
    String url = requireUrl(queueLogicalId);
    return sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
  }

  private String requireUrl(String queueLogicalId) {
    String url = sqs.url(queueLogicalId);
    if (url == null) {
      throw new IllegalArgumentException("No queue " + queueLogicalId + "; queues: " + sqs.urls().keySet());
    }
    return url;
  }

  /** Queue URLs by logical id. */
  public Map<String, String> queueUrls() {
    return sqs.urls();
  }

  public String queueUrl(String queueLogicalId) {
    return requireUrl(queueLogicalId);
  }

  /** The SQS server and its client. */
  public LocalSqs sqs() {
    return sqs;
  }

  /** ElasticMQ's endpoint ({@code AWS_ENDPOINT_URL_SQS} of the functions). */
  public URI endpoint() {
    return sqs.endpoint();
  }

  /** The queues some redrive policy targets. */
  public List<String> deadLetterQueues() {
    return sqs.deadLetterQueues();
  }

  /** The mappings, as {@code Function.Event -> Queue}, for the banner. */
  public List<String> mappings() {
    return mappings.stream().map(EventSourceMapping::name).toList();
  }

  /** The queue a mapping ({@code Function.Event}) consumes. */
  public String queueOf(String mapping) {
    return mappings.stream().filter(m -> m.name().equals(mapping)).findFirst().orElseThrow().queue();
  }

  /** Invocations of each mapping so far (one per batch). */
  public Map<String, Long> invocations() {
    Map<String, Long> counts = new LinkedHashMap<>();
    mappings.forEach(m -> counts.put(m.name(), m.invocations()));
    return counts;
  }

  @Override
  public void close() {
    mappings.forEach(EventSourceMapping::stop);
    timer.shutdownNow();
    for (Thread poller : pollers) {
      try {
        poller.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sqs.close();
  }
}
