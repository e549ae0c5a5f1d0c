package vn.lienlac.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lienlac.functions.identity.School;
import vn.lienlac.model.privacy.PrivacyNotice;

/** The seeded purpose notice says what the law asks, in both languages; exactly one demo parent has not consented. */
class DemoPrivacyTest {

  @Test
  void the_seeded_notice_should_name_statutory_and_optional_processing_the_rights_and_the_dpo_in_vi_and_en() {
    DemoSchools.World world = DemoSchools.build();
    School school = world.schools().getFirst();
    PrivacyNotice.Draft notice = DemoPrivacy.notice(school);
    assertThat(notice.bodyVi()).contains("bắt buộc", "điểm", "chuyên cần", "tin nhắn", "thông báo đẩy",
        "thanh toán", "rút lại", "xoá", "chỉnh sửa", "91/2025/QH15");
    assertThat(notice.bodyEn()).contains("Statutory", "grades", "attendance", "messages", "push notifications",
        "paying fees in the app", "withdraw", "corrected", "deleted", "91/2025/QH15");
    assertThat(notice.bodyVi().length()).isLessThanOrEqualTo(PrivacyNotice.BODY_MAX);
    assertThat(notice.titleVi()).contains(school.name());
    assertThat(notice.dpoContact()).isNotBlank();
    assertThat(notice.baseVersion()).isZero();
  }

  @Test
  void exactly_one_demo_parent_should_not_have_consented() {
    var users = DemoSeed.users(DemoSchools.build());
    assertThat(users.stream().filter(u -> Boolean.FALSE.equals(u.consented())).map(DevUser::id))
        .containsExactly(DemoPrivacy.UNCONSENTED_PARENT);
    assertThat(users.stream().filter(u -> Boolean.TRUE.equals(u.consented())).count()).isGreaterThan(100);
    assertThat(users.stream().filter(u -> u.id().equals(DemoPrivacy.UNCONSENTED_PARENT)).findFirst().orElseThrow()
        .description()).contains("CHƯA ĐỒNG Ý");
  }
}
