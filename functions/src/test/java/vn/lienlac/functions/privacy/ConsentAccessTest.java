package vn.lienlac.functions.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Problems;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.identity.Role;

/** The consent rules that need no table: who is closed out, the problem, the headers, who keeps devices. */
class ConsentAccessTest {
  private static final String SCHOOL = "thcs-a";
  private static final Caller.RoleGrant PARENT_ROLE = new Caller.RoleGrant(SCHOOL, Role.PARENT, "Mẹ");

  private static Caller parent(Integer consentA, Integer consentB) {
    return new Caller("ph-1", List.of(PARENT_ROLE, new Caller.ChildGrant(SCHOOL, "hs-a", "MOTHER", consentA),
        new Caller.ChildGrant(SCHOOL, "hs-b", "MOTHER", consentB)));
  }

  @Test
  void a_guardian_without_consent_for_the_child_should_get_consent_required_naming_the_child_and_the_notice() {
    Caller caller = parent(null, 1);
    assertThat(ConsentAccess.closed(caller, SCHOOL, "hs-a")).isTrue();
    assertThat(ConsentAccess.closed(caller, SCHOOL, "hs-b")).isFalse();
    assertThatCode(() -> ConsentAccess.requireConsent(caller, SCHOOL, "hs-b")).doesNotThrowAnyException();
    assertThatThrownBy(() -> ConsentAccess.requireConsent(caller, SCHOOL, "hs-a"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          Problem problem = Problems.of(e, Locale.ENGLISH, "req-1");
          assertThat(problem.status()).isEqualTo(403);
          assertThat(problem.type()).isEqualTo("https://lienlac.vn/problems/consent-required");
          assertThat(problem.notice()).isEqualTo("/v1/schools/thcs-a/privacy-notice");
          assertThat(problem.studentId()).isEqualTo("hs-a");
          assertThat(problem.detail()).contains("/v1/schools/thcs-a/privacy-notice");
          assertThat(Problems.of(e, Locale.forLanguageTag("vi"), "req-1").title()).isNotEqualTo(problem.title());
        });
  }

  @Test
  void someone_who_is_not_a_guardian_of_the_child_should_pass_the_consent_check() {
    Caller teacher = new Caller("gv-1", List.of(new Caller.RoleGrant(SCHOOL, Role.TEACHER, "Cô"),
        new Caller.HomeroomGrant(SCHOOL, "6a1")));
    assertThat(ConsentAccess.closed(teacher, SCHOOL, "hs-a")).isFalse();
    assertThat(ConsentAccess.statutoryHeaders(teacher, SCHOOL, "hs-a")).isEmpty();
    // the same pupil id in another school is another pupil
    assertThat(ConsentAccess.closed(parent(null, null), "thcs-b", "hs-a")).isFalse();
  }

  @Test
  void statutory_records_should_say_consent_is_missing_only_to_a_guardian_without_it() {
    assertThat(ConsentAccess.statutoryHeaders(parent(null, 1), SCHOOL, "hs-a"))
        .containsEntry("lienlac-consent", "missing")
        .containsEntry("link", "</v1/schools/thcs-a/privacy-notice>; rel=\"privacy-notice\"");
    assertThat(ConsentAccess.statutoryHeaders(parent(null, 1), SCHOOL, "hs-b")).isEmpty();
  }

  @Test
  void a_school_side_start_should_need_at_least_one_consenting_guardian() {
    assertThatCode(() -> ConsentAccess.requireSomeGuardianConsent(List.of(false, true), SCHOOL, "hs-a"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ConsentAccess.requireSomeGuardianConsent(List.of(false, false), SCHOOL, "hs-a"))
        .isInstanceOf(ApiException.ConsentRequired.class);
    assertThatThrownBy(() -> ConsentAccess.requireSomeGuardianConsent(List.of(), SCHOOL, "hs-a"))
        .as("a pupil without guardians").isInstanceOf(ApiException.ConsentRequired.class);
  }

  @Test
  void withdrawal_should_keep_devices_only_for_another_consented_child_or_a_school_side_role_there() {
    assertThat(ConsentService.keepsDevices(parent(1, 1), SCHOOL, "hs-a")).as("hs-b still consented").isTrue();
    assertThat(ConsentService.keepsDevices(parent(1, null), SCHOOL, "hs-a")).as("nothing consented left").isFalse();
    Caller teacherParent = new Caller("ph-2", List.of(PARENT_ROLE, new Caller.RoleGrant(SCHOOL, Role.TEACHER, "Cô"),
        new Caller.ChildGrant(SCHOOL, "hs-a", "MOTHER", 1)));
    assertThat(ConsentService.keepsDevices(teacherParent, SCHOOL, "hs-a")).as("teaches there").isTrue();
    Caller elsewhere = new Caller("ph-3", List.of(PARENT_ROLE, new Caller.ChildGrant(SCHOOL, "hs-a", "MOTHER", 1),
        new Caller.ChildGrant("thcs-b", "hs-z", "MOTHER", 1)));
    assertThat(ConsentService.keepsDevices(elsewhere, SCHOOL, "hs-a")).as("a child in another school").isFalse();
  }
}
