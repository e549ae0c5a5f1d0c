package vn.lienlac.functions.roster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The thread pools of roster import: a dry run's batch reads and a chunk's rows, each a few at once. */
final class Parallel {
  private Parallel() {}

  /** A fixed pool of daemon threads (they never keep a Lambda container's JVM from freezing or ending). */
  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}
