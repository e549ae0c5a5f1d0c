package vn.lienlac.model.records.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienlac.model.i18n.Messages;

class SubjectsTest {

  @Test
  void lowerSecondaryPlan_should_list_the_2018_programme_subjects_in_order() {
    List<SubjectPlan> plan = Subjects.lowerSecondaryPlan(6);

    assertThat(plan).containsExactly(
        new SubjectPlan(Subjects.TOAN, AssessmentKind.SCORED, 140),
        new SubjectPlan(Subjects.NGU_VAN, AssessmentKind.SCORED, 140),
        new SubjectPlan(Subjects.TIENG_ANH, AssessmentKind.SCORED, 105),
        new SubjectPlan(Subjects.KHTN, AssessmentKind.SCORED, 140),
        new SubjectPlan(Subjects.LICH_SU_DIA_LI, AssessmentKind.SCORED, 105),
        new SubjectPlan(Subjects.GDCD, AssessmentKind.SCORED, 35),
        new SubjectPlan(Subjects.CONG_NGHE, AssessmentKind.SCORED, 35),
        new SubjectPlan(Subjects.TIN_HOC, AssessmentKind.SCORED, 35),
        new SubjectPlan(Subjects.GDTC, AssessmentKind.COMMENTED, 70),
        new SubjectPlan(Subjects.NGHE_THUAT, AssessmentKind.COMMENTED, 70),
        new SubjectPlan(Subjects.HDTN_HN, AssessmentKind.COMMENTED, 105),
        new SubjectPlan(Subjects.GDDP, AssessmentKind.COMMENTED, 35));
  }

  @Test
  void lowerSecondaryPlan_should_give_technology_more_periods_and_a_third_regular_score_in_grades_8_and_9() {
    for (int grade = 6; grade <= 9; grade++) {
      SubjectPlan technology = Subjects.lowerSecondaryPlan(grade).get(6);
      int expectedPeriods = grade <= 7 ? 35 : 52;

      assertThat(technology.periodsPerYear()).as("grade %s", grade).isEqualTo(expectedPeriods);
      assertThat(Circular22Rules.INSTANCE.requiredRegularCount(technology)).isEqualTo(grade <= 7 ? 2 : 3);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 10, 12, -6})
  void lowerSecondaryPlan_should_reject_grades_outside_6_to_9(int grade) {
    assertThatIllegalArgumentException().isThrownBy(() -> Subjects.lowerSecondaryPlan(grade));
  }

  @Test
  void isValidCode_should_know_exactly_the_catalog_codes() {
    Subjects.lowerSecondaryPlan(9).forEach(plan -> assertThat(Subjects.isValidCode(plan.subject())).isTrue());
    assertThat(Subjects.isValidCode("TOAN")).isFalse();
    assertThat(Subjects.isValidCode("math")).isFalse();
    assertThat(Subjects.isValidCode("")).isFalse();
    assertThat(Subjects.isValidCode(null)).isFalse();
  }

  @Test
  void every_subject_should_have_a_display_name_in_both_languages() {
    for (SubjectPlan plan : Subjects.lowerSecondaryPlan(6)) {
      String key = "subject." + plan.subject();
      assertThat(Messages.get(Messages.VIETNAMESE, key)).as(key).isNotEqualTo(key);
      // A key missing from messages_en would answer the Vietnamese name.
      assertThat(Messages.get(Messages.ENGLISH, key)).as(key).isNotEqualTo(Messages.get(Messages.VIETNAMESE, key));
    }
    assertThat(Messages.get(Messages.VIETNAMESE, "subject.khtn")).isEqualTo("Khoa học tự nhiên");
    assertThat(Messages.get(Messages.VIETNAMESE, "subject.hdtn-hn")).isEqualTo("Hoạt động trải nghiệm, hướng nghiệp");
    assertThat(Messages.get(Messages.ENGLISH, "subject.ngu-van")).isEqualTo("Literature (Ngữ văn)");
  }
}
