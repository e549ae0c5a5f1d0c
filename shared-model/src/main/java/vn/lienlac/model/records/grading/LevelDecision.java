package vn.lienlac.model.records.grading;

import java.util.Objects;

/**
 * A pupil's learning result level for a term or the year (Circular 22/2021, Article 9), with how it
 * was reached.
 *
 * @param level the level to report: {@code computed}, or one level above it when Article 9.3
 *     raised it
 * @param computed the level by the Article 9.2 thresholds alone
 * @param raisedBecauseOf when Article 9.3 raised the level: the code of the one subject that alone
 *     held the pupil two or more levels below Tốt or Khá; null otherwise
 */
public record LevelDecision(ResultLevel level, ResultLevel computed, String raisedBecauseOf) {

  public LevelDecision {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(computed, "computed");
    if (raisedBecauseOf == null ? level != computed : level.ordinal() != computed.ordinal() - 1) {
      throw new IllegalArgumentException("A level is raised by exactly one level, naming the subject: "
          + computed + " → " + level + " (" + raisedBecauseOf + ")");
    }
  }

  /** The Article 9.2 level, not raised. */
  public static LevelDecision computed(ResultLevel level) {
    return new LevelDecision(level, level, null);
  }

  /** Whether Article 9.3 raised the level. */
  public boolean raised() {
    return raisedBecauseOf != null;
  }
}
