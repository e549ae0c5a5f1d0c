package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain grading records: what they accept and what they refuse. */
class GradingRecordsTest {

  @Test
  void subjectMarks_should_copy_the_regular_scores_so_later_changes_do_not_leak_in() {
    List<Score> regular = new ArrayList<>(List.of(Score.of("8")));
    SubjectMarks marks = SubjectMarks.scored(regular, null, null);

    regular.add(Score.of("9"));

    assertThat(marks.regular()).containsExactly(Score.of("8"));
    assertThatThrownBy(() -> marks.regular().add(Score.of("1"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void subjectMarks_should_read_missing_regular_scores_as_none() {
    assertThat(new SubjectMarks(null, null, null, null, null, null).regular()).isEmpty();
    assertThat(new SubjectMarks(null, null, null, null, null, null).regularRatings()).isEmpty();
    assertThat(SubjectMarks.empty()).isEqualTo(new SubjectMarks(List.of(), null, null, List.of(), null, null));
    assertThat(SubjectMarks.commented(null, null, Rating.DAT))
        .isEqualTo(new SubjectMarks(null, null, null, null, null, Rating.DAT));
  }

  @Test
  void subjectPlan_should_refuse_a_blank_subject_or_no_periods() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SubjectPlan(" ", AssessmentKind.SCORED, 35));
    assertThatIllegalArgumentException().isThrownBy(() -> new SubjectPlan(null, AssessmentKind.SCORED, 35));
    assertThatIllegalArgumentException().isThrownBy(() -> new SubjectPlan("toan", AssessmentKind.SCORED, 0));
    assertThatThrownBy(() -> new SubjectPlan("toan", null, 35)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void subjectOutcome_should_refuse_an_average_and_a_rating_of_the_wrong_kind() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SubjectOutcome("toan", AssessmentKind.SCORED, Score.of("8"), Rating.DAT));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SubjectOutcome("gdtc", AssessmentKind.COMMENTED, Score.of("8"), Rating.DAT));
  }
}
