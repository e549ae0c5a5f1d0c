package vn.lienlac.model.records.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A subject or activity of a primary grade (Circular 27/2020) and the points at which it has a
 * periodic test (bài kiểm tra định kì); an empty set when it is rated by comment only.
 */
public record PrimarySubject(String subject, Set<PrimaryPoint> testPoints) {

  public PrimarySubject {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A primary subject needs a subject code");
    }
    Objects.requireNonNull(testPoints, "testPoints");
    // In the year's order, unmodifiable.
    testPoints = testPoints.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(testPoints));
  }

  /** Whether the subject has a periodic test at {@code point}. */
  public boolean testedAt(PrimaryPoint point) {
    return testPoints.contains(point);
  }
}
