package vn.lienlac.app.core;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.AppText;
import vn.lienlac.client.NetworkException;

/**
 * What every screen's ViewModel shares: a busy flag, the failure message and a retry of the last
 * call that failed. Plain JavaFX properties (javafx.base), no Scene: tested without the toolkit.
 */
public abstract class ScreenModel {
  protected final Tasks tasks;
  protected final AppText text;
  protected final AppContext context;
  private final StringProperty staleNote = new SimpleStringProperty();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty();
  private final BooleanProperty canRetry = new SimpleBooleanProperty();
  private Runnable retry = () -> {};

  protected ScreenModel(AppContext context) {
    this.tasks = context.tasks();
    this.text = context.text();
    this.context = context;
  }

  /** "Không có mạng — cập nhật lúc …" while the screen shows a cached copy; null when it shows fresh data. */
  public StringProperty staleNoteProperty() {
    return staleNote;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** The message of the last failure; null when the last call worked. */
  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty canRetryProperty() {
    return canRetry;
  }

  /** Runs again the call that failed. */
  public void retry() {
    retry.run();
  }

  /** Runs {@code work} off the UI thread; on failure shows the message and arms retry with {@code again}. */
  protected <T> void load(Callable<T> work, Consumer<T> done, Runnable again) {
    load(work, done, again, failure -> {});
  }

  protected <T> void load(Callable<T> work, Consumer<T> done, Runnable again, Consumer<Exception> alsoOnFailure) {
    busy.set(true);
    tasks.run(work, value -> {
      busy.set(false);
      error.set(null);
      canRetry.set(false);
      done.accept(value);
    }, failure -> {
      busy.set(false);
      Failures shown = Failures.of(failure, text);
      error.set(shown.message());
      canRetry.set(shown.retryable());
      retry = again;
      alsoOnFailure.accept(failure);
    });
  }

  /**
   * {@link #load} of an answer the device keeps: on success it is cached under {@code key} and shown;
   * with no network the cached copy is shown, with the stale note saying when it was read.
   */
  protected <T> void loadCached(String key, Class<T> type, Callable<T> call, Consumer<T> show, Runnable again) {
    load(call, value -> {
      cache(key, value);
      show.accept(value);
    }, again, failure -> {
      if (failure instanceof NetworkException) {
        showCached(key, type, show);
      }
    });
  }

  /**
   * The same, for a screen whose choice may change while a call runs: an answer is used only while
   * {@code current} holds; when a failure leaves no copy to show, the stale note is cleared and {@code noCopy} runs.
   */
  protected <T> void loadCached(String key, Class<T> type, Callable<T> call, Consumer<T> show, Runnable again,
      BooleanSupplier current, Runnable noCopy) {
    load(call, value -> {
      if (current.getAsBoolean()) {
        cache(key, value);
        show.accept(value);
      }
    }, again, failure -> {
      if (current.getAsBoolean() && !(failure instanceof NetworkException && showCached(key, type, show))) {
        staleNote.set(null);
        noCopy.run();
      }
    });
  }

  /** Keeps {@code value} (just read from the API) under {@code key} and clears the stale note. */
  protected <T> void cache(String key, T value) {
    context.cache().put(key, value, context.clock().instant());
    staleNote.set(null);
  }

  /** Shows the copy cached under {@code key}, if any, with the stale note; false when there is none. */
  protected <T> boolean showCached(String key, Class<T> type, Consumer<T> show) {
    return context.cache().get(key, type).map(entry -> {
      show.accept(entry.value());
      staleNote.set(text.format("offline.updatedAt", Formats.time(entry.savedAt())));
      return true;
    }).orElse(false);
  }
}
