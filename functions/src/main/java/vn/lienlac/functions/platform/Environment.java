package vn.lienlac.functions.platform;

import java.util.Map;
import java.util.Optional;

/**
 * Configuration as Lambda gives it: environment variables, read once when a function's container
 * starts. Handlers take an {@code Environment} so that the dev gateway can hand each function the
 * variables template.yaml declares for it, as Lambda would.
 */
@FunctionalInterface
public interface Environment {

  /** The value, or null when the variable is not set. */
  String get(String name);

  static Environment system() {
    return System::getenv;
  }

  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return copy::get;
  }

  default Optional<String> optional(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Fails the container start, not a request, when the deployment forgot a variable. */
  default String require(String name) {
    return optional(name).orElseThrow(() ->
        new IllegalStateException("Environment variable " + name + " is not set; see template.yaml"));
  }
}
