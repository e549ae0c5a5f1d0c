package vn.lienlac.functions.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalAccountDirectoryTest {

  @Test
  void ensure_shouldGiveTheSameSubForAPhone_acrossDirectoriesAndRestarts_andCreateOnce() {
    LocalAccountDirectory one = new LocalAccountDirectory();
    String sub = one.ensure("+84912345678", "Nguyễn Văn Bình");
    assertThat(one.ensure("+84912345678", "Another Name")).isEqualTo(sub);
    assertThat(new LocalAccountDirectory().ensure("+84912345678", "Nguyễn Văn Bình")).isEqualTo(sub);
    assertThat(sub).isEqualTo(LocalAccountDirectory.subFor("+84912345678"))
        .isNotEqualTo(LocalAccountDirectory.subFor("+84912345679"));
    assertThat(one.list()).containsExactly(new AccountDirectory.Account(sub, "+84912345678", "Nguyễn Văn Bình", true));
    assertThat(one.bySub(sub)).isPresent();
  }

  @Test
  void disable_shouldStopTheAccount_untilEnabled_andIgnoreUnknownPhones() {
    LocalAccountDirectory accounts = new LocalAccountDirectory();
    accounts.ensure("+84987654321", null);
    accounts.disable("+84987654321");
    accounts.disable("+84900000000");
    assertThat(accounts.find("+84987654321")).get().extracting(AccountDirectory.Account::enabled).isEqualTo(false);
    accounts.enable("+84987654321");
    assertThat(accounts.find("+84987654321")).get().extracting(AccountDirectory.Account::enabled).isEqualTo(true);
    assertThat(accounts.find("+84900000000")).isEmpty();
  }

  @Test
  void delete_shouldForgetTheAccount_soThatEnsureCreatesItAgain_andIgnoreUnknownPhones() {
    LocalAccountDirectory accounts = new LocalAccountDirectory();
    String sub = accounts.ensure("+84912345678", "Nguyễn Văn Bình");
    accounts.ensure("+84987654321", null);
    accounts.delete("+84912345678");
    accounts.delete("+84912345678");
    accounts.delete("+84900000000");
    assertThat(accounts.find("+84912345678")).isEmpty();
    assertThat(accounts.bySub(sub)).isEmpty();
    assertThat(accounts.list()).extracting(AccountDirectory.Account::phone).containsExactly("+84987654321");
    assertThat(accounts.ensure("+84912345678", null)).as("a re-import creates the account again").isEqualTo(sub);
  }
}
