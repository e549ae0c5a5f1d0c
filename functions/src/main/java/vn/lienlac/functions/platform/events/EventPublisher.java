package vn.lienlac.functions.platform.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The domain-event port: a service calls {@link #publish} after its write has committed (never
 * inside a transaction that may still fail). SQS behind it in AWS and ElasticMQ locally
 * ({@code SqsEventPublisher}, configured by the {@code EVENTS_QUEUE_URL} variable template.yaml
 * sets); {@link #recording()} in unit tests.
 */
@FunctionalInterface
public interface EventPublisher {

  void publish(DomainEvent event);

  /** Publishes nothing (functions whose template entry has no queue). */
  static EventPublisher none() {
    return event -> {};
  }

  /** Keeps every event in memory, for unit tests. */
  static Recording recording() {
    return new Recording();
  }

  final class Recording implements EventPublisher {
    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void publish(DomainEvent event) {
      events.add(event);
    }

    public List<DomainEvent> events() {
      synchronized (events) {
        return List.copyOf(events);
      }
    }
  }
}
