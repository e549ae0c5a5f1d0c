package vn.lienlac.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import vn.lienlac.local.template.SamTemplate;

/** The Lambda context of one local invocation: its own request id and the template's time limit. */
public final class LocalContext implements Context {
  private final SamTemplate.Function function;
  private final String requestId;
  private final long deadlineNanos;
  private final LambdaLogger logger;

  public LocalContext(SamTemplate.Function function, String requestId, PrintStream out) {
    this.function = function;
    this.requestId = requestId;
    this.deadlineNanos = System.nanoTime() + function.timeoutSeconds() * 1_000_000_000L;
    this.logger = new PrefixedLogger("[" + function.logicalId() + "] ", out);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function.logicalId();
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return function.logicalId();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:ap-southeast-1:000000000000:function:" + function.logicalId();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  /** Counts down from the template's {@code Timeout}; never below zero. */
  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.memoryMb();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** Prints each message on its own line, prefixed by the function, as CloudWatch would group it. */
  private record PrefixedLogger(String prefix, PrintStream out) implements LambdaLogger {
    @Override
    public void log(String message) {
      log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
      String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
      out.println(level == LogLevel.UNDEFINED ? prefix + text : prefix + level + " " + text);
    }
  }
}
