package vn.lienlac.app.core;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.lienlac.app.AppText;

/**
 * What every screen's ViewModel shares: a busy flag, the failure message and a retry of the last
 * call that failed. Plain JavaFX properties (javafx.base), no Scene: tested without the toolkit.
 */
public abstract class ScreenModel {
  protected final Tasks tasks;
  protected final AppText text;
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty();
  private final BooleanProperty canRetry = new SimpleBooleanProperty();
  private Runnable retry = () -> {};

  protected ScreenModel(Tasks tasks, AppText text) {
    this.tasks = tasks;
    this.text = text;
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
}
