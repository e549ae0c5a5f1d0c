package vn.lienlac.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void newId_should_be_a_26_character_ulid_that_sorts_by_time() {
    String earlier = Ids.newId(1_700_000_000_000L);
    String later = Ids.newId(1_700_000_000_001L);

    assertThat(earlier).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(later).isGreaterThan(earlier);
  }

  @Test
  void newId_should_repeat_for_the_same_seed_and_time() {
    assertThat(Ids.newId(42L, new Random(7))).isEqualTo(Ids.newId(42L, new Random(7)));
    assertThat(Ids.newId(42L, new Random(7))).isNotEqualTo(Ids.newId(42L, new Random(8)));
  }

  @Test
  void isValid_should_refuse_key_separators_and_path_tricks() {
    assertThat(Ids.isValid("nt-hs-0001")).isTrue();
    assertThat(Ids.isValid("01JABCDEFGHJKMNPQRSTVWXYZ0")).isTrue();
    assertThat(Ids.isValid("a#b")).isFalse();
    assertThat(Ids.isValid("../etc")).isFalse();
    assertThat(Ids.isValid("")).isFalse();
    assertThat(Ids.isValid("x".repeat(65))).isFalse();
  }
}
