package vn.lienlac.model.records.grading;

import java.util.List;
import java.util.Optional;
import vn.lienlac.model.common.Violation;

/**
 * The grading rules of one school level. A strategy, so that primary school (Circular 27/2020)
 * can be added later without touching callers: they ask {@link #forLevel} and use what it gives.
 */
public interface GradingRules {

  /** Which regulation these rules implement, e.g. {@code "TT22/2021"}; shown on reports. */
  String id();

  /** How many regular (TX) scores a term has for the subject; 0 when the subject has none. */
  int requiredRegularCount(SubjectPlan plan);

  /**
   * What is wrong with {@code marks} for {@code plan}; empty when nothing is. Missing marks are
   * not wrong (partial entry is normal). Fields are relative ({@code regular}, {@code midterm},
   * {@code final}, {@code rating}): callers place them with {@link Violation#under}.
   */
  List<Violation> validate(SubjectPlan plan, SubjectMarks marks);

  /**
   * The subject's term outcome. A scored subject has an average only when all its required marks
   * are present. IllegalArgumentException when {@link #validate} finds the marks wrong.
   */
  SubjectOutcome termOutcome(SubjectPlan plan, SubjectMarks marks);

  /** The subject's year average from its two (already rounded) term averages. */
  Score yearAverage(Score term1Average, Score term2Average);

  /**
   * The result level over the outcomes of all the subjects a pupil takes; empty while any outcome
   * is incomplete, or when there are none.
   */
  Optional<ResultLevel> termLevel(List<SubjectOutcome> outcomes);

  /** The rules of {@code level}; UnsupportedOperationException for a level not implemented yet. */
  static GradingRules forLevel(SchoolLevel level) {
    return switch (level) {
      case LOWER_SECONDARY, UPPER_SECONDARY -> Circular22Rules.INSTANCE;
      case PRIMARY -> throw new UnsupportedOperationException("Circular 27/2020 rules are not implemented yet");
    };
  }
}
