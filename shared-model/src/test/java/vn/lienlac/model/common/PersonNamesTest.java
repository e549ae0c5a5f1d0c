package vn.lienlac.model.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

  @Test
  void rosterOrder_should_sort_by_given_name_then_full_name_with_vietnamese_collation() {
    List<String> names = new ArrayList<>(List.of("Trần Văn Đức", "Nguyễn Thị An", "Lê Minh Dũng", "Bùi Thu An"));

    names.sort(PersonNames.rosterOrder());

    // An before Dũng before Đức (Đ sorts after D); two Ans by their full names.
    assertThat(names).containsExactly("Bùi Thu An", "Nguyễn Thị An", "Lê Minh Dũng", "Trần Văn Đức");
  }

  @Test
  void givenName_should_be_the_last_word() {
    assertThat(PersonNames.givenName(" Nguyễn Thị Hà ")).isEqualTo("Hà");
    assertThat(PersonNames.givenName("Hà")).isEqualTo("Hà");
  }
}
