package vn.lienlac.functions.platform.events;

import vn.lienlac.functions.platform.Environment;

/** Builds the event publisher a function's environment configures. */
public final class Events {
  /** The variable template.yaml sets on every function that publishes: the events queue's URL. */
  public static final String QUEUE_URL = "EVENTS_QUEUE_URL";

  private Events() {}

  /**
   * The publisher for this environment: SQS at {@code EVENTS_QUEUE_URL} (ElasticMQ locally).
   * Fails the container start when the variable is missing, so that no deployment drops events.
   */
  public static EventPublisher publisher(Environment env) {
    return SqsEventPublisher.fromEnvironment(env);
  }
}
