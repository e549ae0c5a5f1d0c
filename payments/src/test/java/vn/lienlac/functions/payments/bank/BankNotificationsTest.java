package vn.lienlac.functions.payments.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BankNotificationsTest {

  @Test
  void sepay_should_read_the_documented_fields() throws Exception {
    var list = BankNotifications.sepay("""
        {"id": 92704, "gateway": "Vietcombank", "transactionDate": "2023-03-25 14:02:37",
         "accountNumber": "0123499999", "code": null, "content": "chuyen tien LL10K3M09QZX",
         "transferType": "in", "transferAmount": 2277000, "accumulated": 19077000, "subAccount": null,
         "referenceCode": "MBVCB.3278907687", "description": "", "newField": {"x": 1}}""");
    assertThat(list).containsExactly(new BankTransaction("SEPAY", "92704", true, 2_277_000,
        "chuyen tien LL10K3M09QZX", "0123499999", "MBVCB.3278907687", "2023-03-25 14:02:37"));
    assertThat(BankNotifications.sepay("{\"id\":\"a1\",\"transferType\":\"out\",\"transferAmount\":5.0,\"content\":null}"))
        .extracting(BankTransaction::incoming, BankTransaction::amountVnd, BankTransaction::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 5L, ""));
  }

  @Test
  void casso_should_read_one_object_or_a_list_and_treat_negative_amounts_as_out() throws Exception {
    var one = BankNotifications.casso(WebhookSignaturesTest.CASSO_BODY);
    assertThat(one).containsExactly(new BankTransaction("CASSO", "0", true, 599_000, "giao dich thu nghiem", "88888888",
        "MA_GIAO_DICH_THU_NGHIEM", "2024-10-03 15:06:37"));
    var list = BankNotifications.casso("{\"error\":0,\"data\":[{\"id\":1,\"amount\":100,\"description\":\"a\"},"
        + "{\"id\":2,\"amount\":-50,\"description\":\"b\"}]}");
    assertThat(list).extracting(BankTransaction::id, BankTransaction::incoming, BankTransaction::amountVnd)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true, 100L), org.assertj.core.groups.Tuple.tuple("2", false, 50L));
  }

  @Test
  void unreadable_bodies_should_be_refused_with_a_reason() {
    assertThatThrownBy(() -> BankNotifications.sepay("[]")).isInstanceOf(BankNotifications.Unreadable.class);
    assertThatThrownBy(() -> BankNotifications.sepay("{\"id\":1,\"transferType\":\"IN\",\"transferAmount\":1}"))
        .hasMessageContaining("transferType");
    assertThatThrownBy(() -> BankNotifications.sepay("{\"id\":1,\"transferType\":\"in\",\"transferAmount\":1.5}"))
        .hasMessageContaining("whole");
    assertThatThrownBy(() -> BankNotifications.sepay("{\"transferType\":\"in\",\"transferAmount\":1}"))
        .hasMessageContaining("id");
    assertThatThrownBy(() -> BankNotifications.sepay("{\"id\":1,\"transferType\":\"in\",\"transferAmount\":\"1\"}"))
        .hasMessageContaining("transferAmount");
    assertThatThrownBy(() -> BankNotifications.casso("{\"error\":1,\"data\":{}}")).isInstanceOf(BankNotifications.Unreadable.class);
    assertThatThrownBy(() -> BankNotifications.casso("{\"error\":0,\"data\":[]}")).isInstanceOf(BankNotifications.Unreadable.class);
    assertThatThrownBy(() -> BankNotifications.casso("nope")).isInstanceOf(BankNotifications.Unreadable.class);
  }
}
