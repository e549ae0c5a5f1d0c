package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.model.records.grading.Rating.CHUA_DAT;
import static vn.lienlac.model.records.grading.Rating.DAT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Term result levels (Circular 22/2021, Article 9.2) for a THCS pupil: 8 scored and 4 comment-only
 * subjects, as in {@link Subjects#lowerSecondaryPlan}. These tests read the level the thresholds
 * give ({@link LevelDecision#computed()}); the Article 9.3 adjustment on top of it is
 * {@link Circular22LevelAdjustmentTest}'s.
 */
class Circular22TermLevelTest {
  private static final GradingRules RULES = Circular22Rules.INSTANCE;
  private static final Rating[] ALL_PASSED = {DAT, DAT, DAT, DAT};

  /** {@code count} copies of {@code average}, to read "6 subjects at 8.0" as {@code n(6, "8.0")}. */
  private static List<String> n(int count, String average) {
    return Collections.nCopies(count, average);
  }

  private static Optional<ResultLevel> level(List<String> scoredAverages, Rating... ratings) {
    List<SubjectOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < scoredAverages.size(); i++) {
      Score average = scoredAverages.get(i) == null ? null : Score.of(scoredAverages.get(i));
      outcomes.add(new SubjectOutcome("scored-" + i, AssessmentKind.SCORED, average, null));
    }
    for (int i = 0; i < ratings.length; i++) {
      outcomes.add(new SubjectOutcome("commented-" + i, AssessmentKind.COMMENTED, null, ratings[i]));
    }
    return RULES.decideLevel(outcomes).map(LevelDecision::computed);
  }

  /**
   * GIVEN {@code high} subjects at {@code highAverage} and the other {@code 8 - high} at
   * {@code restAverage}, every comment-only subject Đạt: each level's thresholds, met exactly or
   * missed by one tenth or by one subject.
   */
  @ParameterizedTest(name = "Article 9.2: {0} → {4}")
  @CsvSource({
      "'Tốt: exactly six at 8.0, the rest at exactly 6.5',  6, 8.0, 6.5, TOT",
      "'Khá: only five at 8.0',                             5, 8.0, 7.9, KHA",
      "'Khá: one scored subject just below 6.5',            7, 10,  6.4, KHA",
      "'Khá: exactly six at 6.5, the rest at exactly 5.0',  6, 6.5, 5.0, KHA",
      "'Đạt: only five at 6.5',                             5, 6.5, 6.4, DAT",
      "'Đạt: one scored subject just below 5.0',            7, 9.0, 4.9, DAT",
      "'Đạt: exactly six at 5.0, the rest at exactly 3.5',  6, 5.0, 3.5, DAT",
      "'Chưa đạt: only five at 5.0',                        5, 5.0, 4.9, CHUA_DAT",
      "'Chưa đạt: one scored subject just below 3.5',       7, 10,  3.4, CHUA_DAT"})
  void termLevel_should_apply_each_threshold_of_article_9_2_at_its_boundary(
      String situation, int high, String highAverage, String restAverage, ResultLevel expected) {
    List<String> averages = new ArrayList<>(n(high, highAverage));
    averages.addAll(n(8 - high, restAverage));

    assertThat(level(averages, ALL_PASSED)).contains(expected);
  }

  // --- comment-only subjects and extremes

  @Test
  void termLevel_should_not_be_tot_or_kha_with_one_comment_only_subject_not_passed() {
    // GIVEN perfect scores WHEN one comment-only subject is Chưa đạt THEN the best is Đạt
    assertThat(level(n(8, "10"), DAT, DAT, DAT, CHUA_DAT)).contains(ResultLevel.DAT);
  }

  @Test
  void termLevel_should_allow_one_comment_only_subject_not_passed_but_not_two() {
    assertThat(level(n(8, "6.0"), DAT, DAT, DAT, CHUA_DAT)).contains(ResultLevel.DAT);
    assertThat(level(n(8, "6.0"), DAT, DAT, CHUA_DAT, CHUA_DAT)).contains(ResultLevel.CHUA_DAT);
  }

  @Test
  void termLevel_should_be_chua_dat_for_all_zeros() {
    assertThat(level(n(8, "0"), CHUA_DAT, CHUA_DAT, CHUA_DAT, CHUA_DAT)).contains(ResultLevel.CHUA_DAT);
  }

  @Test
  void termLevel_should_need_six_scored_subjects_even_when_fewer_are_taught() {
    // The thresholds count subjects, read literally: five perfect subjects cannot make six.
    assertThat(level(n(5, "10"), ALL_PASSED)).contains(ResultLevel.CHUA_DAT);
  }

  // --- incomplete

  @Test
  void termLevel_should_be_empty_while_a_scored_average_is_missing() {
    List<String> oneMissing = new ArrayList<>(n(7, "9.0"));
    oneMissing.add(null);

    assertThat(level(oneMissing, ALL_PASSED)).isEmpty();
  }

  @Test
  void termLevel_should_be_empty_while_a_rating_is_missing() {
    assertThat(level(n(8, "9.0"), DAT, DAT, DAT, null)).isEmpty();
  }

  @Test
  void termLevel_should_be_empty_without_outcomes() {
    assertThat(RULES.termLevel(List.of())).isEmpty();
  }

  // --- end to end

  @Test
  void termLevel_should_follow_from_the_marks_of_a_whole_grade_6_plan() {
    // GIVEN every scored subject with TX 8, GK 8, CK 8 and every comment-only subject Đạt
    List<SubjectOutcome> outcomes = Subjects.lowerSecondaryPlan(6).stream()
        .map(plan -> RULES.termOutcome(plan, plan.kind() == AssessmentKind.COMMENTED
            ? SubjectMarks.commented(Collections.nCopies(RULES.requiredRegularRatingCount(plan), DAT), DAT, DAT)
            : SubjectMarks.scored(
                Collections.nCopies(RULES.requiredRegularCount(plan), Score.of("8")), Score.of("8"), Score.of("8"))))
        .toList();

    // THEN all eight scored subjects average 8.0, which is Tốt
    assertThat(outcomes).filteredOn(o -> o.kind() == AssessmentKind.SCORED)
        .hasSize(8)
        .allSatisfy(o -> assertThat(o.average()).isEqualTo(Score.of("8")));
    assertThat(RULES.termLevel(outcomes)).contains(ResultLevel.TOT);
  }
}
