package vn.lienlac.app.core;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where a ViewModel's I/O runs: {@code work} off the UI thread, then {@code done} or {@code failed}
 * back on it. The app uses {@link #on(Executor, Executor)} with a background pool and
 * {@code Platform::runLater}; ViewModel tests use {@link #direct()} and need no toolkit.
 */
public interface Tasks {
  <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed);

  /** Everything at once on the calling thread (tests). */
  static Tasks direct() {
    return on(Runnable::run, Runnable::run);
  }

  /** {@code work} on {@code background}; its outcome handed to {@code ui}. */
  static Tasks on(Executor background, Executor ui) {
    return new Tasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        background.execute(() -> {
          T value;
          try {
            value = work.call();
          } catch (Exception e) {
            ui.execute(() -> failed.accept(e));
            return;
          }
          ui.execute(() -> done.accept(value));
        });
      }
    };
  }
}
