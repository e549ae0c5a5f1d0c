package vn.lienlac.model.records.grading;

import java.util.ArrayList;
import java.util.List;
import vn.lienlac.model.common.Violation;

/**
 * A school's choices on the points of the grading circulars that could not be confirmed from their
 * text (see DESIGN.md §5); every other rule is fixed by the circulars. Pure data: the rules are
 * built from it ({@link GradingStrategy#forLevel(SchoolLevel, GradingSettings)}).
 *
 * @param commentRegularCount Circular 22/2021, comment-only subjects: how many regular (thường
 *     xuyên) assessments each term has, each rated Đạt / Chưa đạt. UNCONFIRMED: believed to be 2 a
 *     term (the circular's text was not read verbatim). Default 2; 1 to 4.
 * @param primaryTestScoreMin Circular 27/2020, periodic tests: the lowest whole score a test can
 *     get. UNCONFIRMED whether 0 is allowed (the ban on 0 is from the older Circular 30/2014).
 *     Default 1; 0 allows a 0.
 * @param primaryCompletedMinTest Circular 27/2020, Article 9.2: the end-of-year test score that
 *     "Hoàn thành" needs in every tested subject. UNCONFIRMED: believed to be 5. Default 5; from 1
 *     to 7 (Hoàn thành tốt needs 7, and Hoàn thành may not ask more).
 */
public record GradingSettings(int commentRegularCount, int primaryTestScoreMin, int primaryCompletedMinTest) {

  /** The documented defaults: 2 regular comment assessments a term, primary tests 1–10, Hoàn thành from 5. */
  public static final GradingSettings DEFAULTS = new GradingSettings(2, 1, 5);

  public static final int MIN_COMMENT_REGULAR_COUNT = 1;
  public static final int MAX_COMMENT_REGULAR_COUNT = 4;
  public static final int MIN_TEST_SCORE_MIN = 0;
  public static final int MAX_TEST_SCORE_MIN = 1;
  public static final int MIN_COMPLETED_TEST = 1;
  public static final int MAX_COMPLETED_TEST = 7;

  /** IllegalArgumentException when {@link #check} finds anything wrong. */
  public GradingSettings {
    List<Violation> violations = check(commentRegularCount, primaryTestScoreMin, primaryCompletedMinTest);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Invalid grading settings: " + violations);
    }
  }

  /**
   * What is wrong with these values, for an API that lets a school change them; empty when they
   * are fine. Fields are the component names; code {@code grade.settingRange} with the allowed
   * minimum, maximum and the value given.
   */
  public static List<Violation> check(int commentRegularCount, int primaryTestScoreMin, int primaryCompletedMinTest) {
    List<Violation> violations = new ArrayList<>();
    range(violations, "commentRegularCount", commentRegularCount, MIN_COMMENT_REGULAR_COUNT, MAX_COMMENT_REGULAR_COUNT);
    range(violations, "primaryTestScoreMin", primaryTestScoreMin, MIN_TEST_SCORE_MIN, MAX_TEST_SCORE_MIN);
    range(violations, "primaryCompletedMinTest", primaryCompletedMinTest, MIN_COMPLETED_TEST, MAX_COMPLETED_TEST);
    return List.copyOf(violations);
  }

  private static void range(List<Violation> violations, String field, int value, int min, int max) {
    if (value < min || value > max) {
      violations.add(Violation.of(field, "grade.settingRange", min, max, value));
    }
  }
}
