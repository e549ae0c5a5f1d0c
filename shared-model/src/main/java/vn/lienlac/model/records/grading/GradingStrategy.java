package vn.lienlac.model.records.grading;

/**
 * The grading regulation of a school level, chosen by the school's level: {@link GradingRules}
 * ({@link Circular22Rules}, secondary, grades 6–12: scores, term and year averages, levels) or
 * {@link Circular27Rules} (primary, grades 1–5: ratings, comments, whole-number tests). The two
 * share too little to share one interface of operations, so callers switch on the sealed type:
 *
 * <pre>{@code
 * switch (GradingStrategy.forLevel(school.level(), settings)) {
 *   case GradingRules secondary -> ...;
 *   case Circular27Rules primary -> ...;
 * }
 * }</pre>
 */
public sealed interface GradingStrategy permits GradingRules, Circular27Rules {

  /** Which regulation these rules implement, e.g. {@code "TT22/2021"} or {@code "TT27/2020"}; shown on reports. */
  String id();

  /** The school's settings the rules were built with. */
  GradingSettings settings();

  /** The rules of {@code level} with the school's {@code settings}. */
  static GradingStrategy forLevel(SchoolLevel level, GradingSettings settings) {
    return switch (level) {
      case PRIMARY -> Circular27Rules.of(settings);
      case LOWER_SECONDARY, UPPER_SECONDARY -> Circular22Rules.of(settings);
    };
  }

  /** The rules of {@code level} with {@link GradingSettings#DEFAULTS}. */
  static GradingStrategy forLevel(SchoolLevel level) {
    return forLevel(level, GradingSettings.DEFAULTS);
  }
}
