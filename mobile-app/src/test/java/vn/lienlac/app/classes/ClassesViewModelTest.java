package vn.lienlac.app.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienlac.app.AppText;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.grading.SchoolLevel;

/** The classes tab's model: /v1/me's classes, subject names in the app's language. */
class ClassesViewModelTest {
  @Test
  void each_class_lists_its_subjects_by_name_and_says_whether_it_is_the_homeroom() {
    Me me = new Me("gv", "Cô Hà", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(), List.of(),
        List.of(new Me.TaughtClass("c1", "6A1", true, List.of("toan")),
            new Me.TaughtClass("c3", "7A1", false, List.of("tin-hoc", "gdtc"))))));

    ClassesViewModel model = new ClassesViewModel(me, AppText.forLocale(Messages.VIETNAMESE));

    assertThat(model.cards()).extracting(ClassesViewModel.Card::classId).containsExactly("c1", "c3");
    assertThat(model.cards().get(0).homeroom()).isTrue();
    assertThat(model.cards().get(1).subjects()).extracting(ClassesViewModel.Subject::name)
        .containsExactly("Tin học", "Giáo dục thể chất");
    assertThat(model.severalSchools()).isFalse();
    assertThat(model.cards().get(0).primary()).isFalse();
    assertThat(new ClassesViewModel(me, AppText.forLocale(Messages.ENGLISH)).cards().get(0).subjects().get(0).name())
        .isEqualTo("Mathematics");
  }

  @Test
  void a_primary_schools_class_is_marked_so_no_gradebook_is_offered_for_it() {
    Me me = new Me("gv", "Cô Hà", List.of(
        new Me.SchoolMembership("th", "TH Kim Đồng", List.of(), List.of(),
            List.of(new Me.TaughtClass("p1", "3A", true, List.of("toan"))), SchoolLevel.PRIMARY, "2026-2027-HK1"),
        new Me.SchoolMembership("s1", "THCS", List.of(), List.of(),
            List.of(new Me.TaughtClass("c1", "6A1", false, List.of("toan"))), SchoolLevel.LOWER_SECONDARY,
            "2026-2027-HK1")));

    ClassesViewModel model = new ClassesViewModel(me, AppText.forLocale(Messages.VIETNAMESE));

    assertThat(model.cards()).extracting(ClassesViewModel.Card::primary).containsExactly(true, false);
    assertThat(model.severalSchools()).isTrue();
  }
}
