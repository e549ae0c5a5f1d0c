package vn.lienlac.app.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.lienlac.app.core.OfflineCache;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.messaging.Message;

/**
 * Messages written but not yet accepted by the API, kept on the device (one file per user in the
 * app's cache folder) so that a message written with no network survives a restart and is sent when
 * the network returns. Each keeps the {@code clientMessageId} made once when it was written: sending
 * it again (after a lost answer, or pressed twice) stores one message, the server answering the same.
 * The state lives in the file; any number of instances of one user share it.
 */
public final class Outbox {
  /** One message waiting; {@code replyTo}/{@code studentId} only for a family's private reply in a class channel. */
  public record Pending(String clientMessageId, String conversationId, String text, Instant writtenAt,
      String replyTo, String studentId) {}

  /** The file's content. */
  public record State(List<Pending> items) {
    public State {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** What one delivery did: the messages the API accepted, and those it refused (with why). */
  public record Delivery(List<Message> sent, List<Refused> refused) {}

  /** A waiting message the API refused (not a network failure): it leaves the outbox. */
  public record Refused(Pending pending, ApiProblem problem) {}

  private static final Object LOCK = new Object();
  /** Client message ids being sent right now (across instances): never two sends of one message at once. */
  private static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  private final OfflineCache cache;
  private final String key;

  public Outbox(OfflineCache cache, String userId) {
    this.cache = cache;
    this.key = "outbox-" + userId;
  }

  public List<Pending> all() {
    synchronized (LOCK) {
      return cache.get(key, State.class).map(entry -> entry.value().items()).orElse(List.of());
    }
  }

  public List<Pending> of(String conversationId) {
    return all().stream().filter(p -> p.conversationId().equals(conversationId)).toList();
  }

  /** Keeps a message written (before the first attempt to send it). */
  public void add(Pending pending) {
    synchronized (LOCK) {
      List<Pending> items = new ArrayList<>(all());
      items.removeIf(p -> p.clientMessageId().equals(pending.clientMessageId()));
      items.add(pending);
      cache.put(key, new State(items), pending.writtenAt());
    }
  }

  public void remove(String clientMessageId) {
    synchronized (LOCK) {
      List<Pending> items = new ArrayList<>(all());
      if (items.removeIf(p -> p.clientMessageId().equals(clientMessageId))) {
        cache.put(key, new State(items), Instant.now());
      }
    }
  }

  /**
   * Sends what waits (of one conversation, or all when {@code conversationId} is null), oldest first.
   * A message the API accepts, or refuses (a 4xx but 401: sending it again would not help), leaves the
   * outbox; on a network failure, a 5xx or a 401 (signed out) it and the rest stay and the exception goes to the caller. A message
   * already being sent by another call is skipped.
   */
  public Delivery deliver(LienlacClient client, String conversationId) {
    List<Message> sent = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    List<Pending> waiting = conversationId == null ? all() : of(conversationId);
    for (Pending pending : waiting) {
      if (!IN_FLIGHT.add(pending.clientMessageId())) {
        continue;
      }
      try {
        if (all().stream().noneMatch(p -> p.clientMessageId().equals(pending.clientMessageId()))) {
          continue; // sent meanwhile by another call
        }
        Message message = client.send(pending.conversationId(), new Message.Draft(pending.clientMessageId(),
            pending.text(), pending.replyTo(), pending.studentId()));
        remove(pending.clientMessageId());
        sent.add(message);
      } catch (ApiProblem problem) {
        if (problem.retryable() || problem.status() == 401) {
          throw problem; // the server failed, or the session ended: it waits for the next try
        }
        remove(pending.clientMessageId());
        refused.add(new Refused(pending, problem));
      } finally {
        IN_FLIGHT.remove(pending.clientMessageId());
      }
    }
    return new Delivery(sent, refused);
  }
}
