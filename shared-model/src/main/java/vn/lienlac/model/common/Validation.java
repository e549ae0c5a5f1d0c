package vn.lienlac.model.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation of an input before anything is decided, so that a person sees all
 * that is wrong at once (a gradebook with three bad rows names all three).
 */
public final class Validation {
  private final List<Violation> violations = new ArrayList<>();

  /**
   * Free text: NFC-normalised and trimmed, at most {@code maxLength} characters, no control or
   * disguising characters. Returns the cleaned text (null when absent and optional).
   */
  public String text(String field, String raw, int maxLength, boolean required) {
    String text = Text.clean(raw);
    if (text == null || text.isEmpty()) {
      if (required) {
        add(Violation.of(field, "text.required"));
      }
      return null;
    }
    int length = Text.length(text);
    if (length > maxLength) {
      add(Violation.of(field, "text.tooLong", maxLength, length));
    }
    Text.firstForbiddenCodePoint(text).ifPresent(cp ->
        add(Violation.of(field, "text.forbiddenCharacter", String.format("%04X", cp))));
    return text;
  }

  /** A value that must be present. */
  public <T> T required(String field, T value) {
    if (value == null) {
      add(Violation.of(field, "text.required"));
    }
    return value;
  }

  /** An optional version a client sends back (optimistic locking): absent, or 0 and up. */
  public Long version(String field, Long value) {
    if (value != null && value < 0) {
      add(Violation.of(field, "request.badVersion", value));
    }
    return value;
  }

  public Validation add(Violation violation) {
    violations.add(violation);
    return this;
  }

  /** Adds violations found by another check, placed under {@code parent} (e.g. {@code rows/3}). */
  public Validation addAll(String parent, List<Violation> found) {
    found.forEach(v -> violations.add(v.under(parent)));
    return this;
  }

  public boolean isValid() {
    return violations.isEmpty();
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }
}
