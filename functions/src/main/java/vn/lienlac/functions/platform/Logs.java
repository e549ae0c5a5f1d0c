package vn.lienlac.functions.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/** One log line of a function: through Lambda's logger (JSON log format, level), or stdout without a context. */
public final class Logs {
  private Logs() {}

  public static void log(Context context, LogLevel level, String message) {
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(message, level);
    } else {
      System.out.println(message);
    }
  }
}
