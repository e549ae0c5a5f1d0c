package vn.lienlac.tests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.functions.platform.events.ScheduledFunction;
import vn.lienlac.functions.platform.events.SqsFunction;
import vn.lienlac.local.template.SamTemplate;

/**
 * The rules a template's events wiring must follow (ContractTest applies them to template.yaml and
 * shows on fixtures that each can fail). Returns what is wrong, one line per violation.
 * <ul>
 *   <li>an SQS-triggered function: {@code FunctionResponseTypes: [ReportBatchItemFailures]}, a
 *       queue of the template with a redrive policy to a queue of the template, a visibility timeout
 *       of at least 6x the function's timeout plus its batching window, a class extending
 *       {@link SqsFunction}; its SQS permissions only receive/delete/get-attributes (or
 *       change visibility) on its own queues, or SAM's {@code SQSPollerPolicy} on them;
 *   <li>a scheduled function extends {@link ScheduledFunction};
 *   <li>a non-HTTP function has {@code ()} and {@code (Environment, Clock)};
 *   <li>a function with {@code EVENTS_QUEUE_URL}: the value {@code !Ref EventsQueue}, exactly one
 *       statement allowing exactly {@code sqs:SendMessage} on {@code !GetAtt EventsQueue.Arn}, and,
 *       for an API function, the {@code (Dynamo, Clock, EventPublisher)} constructor; no function
 *       may send without that variable;
 *   <li>{@code EventsQueue}: encrypted, redrive to {@code EventsDeadLetterQueue} after 5 receives;
 *       the dead-letter queue encrypted, kept 14 days.
 * </ul>
 */
final class EventWiring {
  static final Set<String> POLLER_ACTIONS = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
      "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch");
  static final Map<String, Object> EVENTS_QUEUE_ARN = Map.of("Fn::GetAtt", "EventsQueue.Arn");
  /** Roster import's job queue: roster-fn sends a confirmed import's first chunk, the worker each next one. */
  static final Map<String, Object> ROSTER_IMPORT_QUEUE_ARN = Map.of("Fn::GetAtt", "RosterImportQueue.Arn");
  static final Map<String, Object> EXPORT_QUEUE_ARN = Map.of("Fn::GetAtt", "ExportQueue.Arn");

  private EventWiring() {}

  static List<String> violations(Map<String, Object> raw, SamTemplate template) {
    List<String> found = new ArrayList<>();
    Map<String, Object> resources = map(raw.get("Resources"));
    for (SamTemplate.Function function : template.functions()) {
      String name = function.logicalId();
      Class<?> type;
      try {
        type = Class.forName(function.handlerClass());
      } catch (ClassNotFoundException e) {
        found.add(name + ": no class " + function.handlerClass());
        continue;
      }
      Set<String> consumed = new LinkedHashSet<>();
      for (SamTemplate.SqsEventSource source : function.sqsEvents()) {
        consumed.add(source.queue());
        String where = name + "." + source.eventId();
        if (!source.reportBatchItemFailures()) {
          found.add(where + ": FunctionResponseTypes must be [ReportBatchItemFailures]");
        }
        Optional<SamTemplate.Queue> queue = template.queue(source.queue());
        if (queue.isEmpty()) {
          found.add(where + ": " + source.queue() + " is not a queue of the template");
          continue;
        }
        if (queue.get().redrive().isEmpty()) {
          found.add(where + ": " + source.queue() + " has no redrive policy to a dead-letter queue");
        } else if (template.queue(queue.get().redrive().get().deadLetterQueue()).isEmpty()) {
          found.add(where + ": the dead-letter queue of " + source.queue() + " is not a queue of the template");
        }
        int needed = 6 * function.timeoutSeconds() + source.maximumBatchingWindowSeconds();
        if (queue.get().visibilityTimeoutSeconds() < needed) {
          found.add(where + ": " + source.queue() + "'s VisibilityTimeout " + queue.get().visibilityTimeoutSeconds()
              + " s is under 6x the function's timeout + batching window (" + needed + " s)");
        }
        if (!SqsFunction.class.isAssignableFrom(type)) {
          found.add(name + ": an SQS-triggered function must extend SqsFunction (batch item failures)");
        }
      }
      if (!function.schedules().isEmpty() && !ScheduledFunction.class.isAssignableFrom(type)) {
        found.add(name + ": a scheduled function must extend ScheduledFunction");
      }
      if (!function.isHttp()) {
        constructor(found, name, type);
        constructor(found, name, type, Environment.class, Clock.class);
      }

      int sendStatements = 0;
      Map<String, Object> properties = map(map(resources.get(name)).get("Properties"));
      for (Object policy : list(properties.get("Policies"))) {
        if (policy instanceof String managed) {
          if (managed.toLowerCase(java.util.Locale.ROOT).contains("sqs")) {
            found.add(name + ": managed policy " + managed + " is wider than its queues");
          }
          continue;
        }
        Map<String, Object> document = map(policy);
        if (document.containsKey("SQSPollerPolicy")) {
          Object queueName = map(document.get("SQSPollerPolicy")).get("QueueName");
          boolean own = consumed.stream().anyMatch(q -> Map.of("Fn::GetAtt", q + ".QueueName").equals(queueName));
          if (!own) {
            found.add(name + ": SQSPollerPolicy on " + queueName + ", not a queue it consumes");
          }
          continue;
        }
        if (!document.containsKey("Statement")) {
          if (document.keySet().stream().anyMatch(k -> k.startsWith("SQS"))) {
            found.add(name + ": policy template " + document.keySet() + " (only SQSPollerPolicy for a consumer)");
          }
          continue;
        }
        for (Object value : list(document.get("Statement"))) {
          Map<String, Object> statement = map(value);
          List<String> actions = strings(statement.get("Action"));
          List<String> sqs = actions.stream().filter(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith("sqs:")).toList();
          if (sqs.isEmpty()) {
            continue;
          }
          List<Object> targets = list(statement.get("Resource"));
          if (actions.equals(List.of("sqs:SendMessage")) && targets.equals(List.of(EVENTS_QUEUE_ARN))) {
            sendStatements++;
          } else if (POLLER_ACTIONS.containsAll(sqs) && sqs.size() == actions.size() && !targets.isEmpty()
              && targets.stream().allMatch(t -> consumed.stream()
                  .anyMatch(q -> Map.of("Fn::GetAtt", q + ".Arn").equals(t)))) {
            continue; // a consumer's own queue
          } else if (actions.equals(List.of("sqs:SendMessage")) && targets.equals(List.of(ROSTER_IMPORT_QUEUE_ARN))) {
            continue; // roster import: the job's own queue (its chunks), not a domain event
          } else if (actions.equals(List.of("sqs:SendMessage")) && targets.equals(List.of(EXPORT_QUEUE_ARN))) {
            continue; // data export: the job's own queue (build, purge), not a domain event
          } else {
            found.add(name + ": statement " + statement.get("Sid") + " allows " + sqs + " on " + targets
                + " (publishers: exactly sqs:SendMessage on !GetAtt EventsQueue.Arn; consumers: receive/delete/"
                + "get-attributes on their own queue)");
          }
        }
      }
      Object url = function.environment().get(Events.QUEUE_URL);
      if (url != null) {
        if (!Map.of("Ref", "EventsQueue").equals(url)) {
          found.add(name + ": " + Events.QUEUE_URL + " must be !Ref EventsQueue, not " + url);
        }
        if (sendStatements != 1) {
          found.add(name + ": has " + Events.QUEUE_URL + " but " + sendStatements
              + " statements allowing exactly sqs:SendMessage on !GetAtt EventsQueue.Arn (needs one)");
        }
        if (function.isHttp() && ApiFunction.class.isAssignableFrom(type)) {
          constructor(found, name, type, Dynamo.class, Clock.class, EventPublisher.class);
        }
      } else if (sendStatements > 0) {
        found.add(name + ": may send to EventsQueue but has no " + Events.QUEUE_URL);
      }
    }

    Map<String, Object> events = map(map(resources.get("EventsQueue")).get("Properties"));
    Map<String, Object> deadLetters = map(map(resources.get("EventsDeadLetterQueue")).get("Properties"));
    if (events.isEmpty() || deadLetters.isEmpty()) {
      found.add("EventsQueue and EventsDeadLetterQueue must be AWS::SQS::Queue resources with properties");
    } else {
      Optional<SamTemplate.Redrive> redrive = template.queue("EventsQueue").flatMap(SamTemplate.Queue::redrive);
      if (!redrive.equals(Optional.of(new SamTemplate.Redrive("EventsDeadLetterQueue", 5)))) {
        found.add("EventsQueue: redrive must be to EventsDeadLetterQueue after 5 receives, not " + redrive);
      }
      for (String queue : List.of("EventsQueue", "EventsDeadLetterQueue")) {
        Map<String, Object> props = queue.equals("EventsQueue") ? events : deadLetters;
        if (!Boolean.TRUE.equals(props.get("SqsManagedSseEnabled")) && !props.containsKey("KmsMasterKeyId")) {
          found.add(queue + ": not encrypted (SqsManagedSseEnabled or KmsMasterKeyId)");
        }
      }
      if (!Integer.valueOf(1_209_600).equals(deadLetters.get("MessageRetentionPeriod"))) {
        found.add("EventsDeadLetterQueue: MessageRetentionPeriod must be 1209600 (14 days)");
      }
    }
    return found;
  }

  private static void constructor(List<String> found, String name, Class<?> type, Class<?>... parameters) {
    try {
      type.getConstructor(parameters);
    } catch (NoSuchMethodException e) {
      found.add(name + ": " + type.getSimpleName() + " needs a public constructor ("
          + String.join(", ", java.util.Arrays.stream(parameters).map(Class::getSimpleName).toList()) + ")");
    }
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }

  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return List.of(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
