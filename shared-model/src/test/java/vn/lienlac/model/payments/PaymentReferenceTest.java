package vn.lienlac.model.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentReferenceTest {
  private final Random random = new Random(42);

  @Test
  void generate_should_write_eleven_valid_symbols_and_rarely_repeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String reference = PaymentReference.generate(random);
      assertThat(reference).hasSize(11).startsWith("LL").matches("LL[0-9A-HJKMNP-TV-Z]{9}");
      assertThat(PaymentReference.isValid(reference)).isTrue();
      seen.add(reference);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void find_should_survive_what_banks_do_to_the_note() {
    String reference = fixCheck("LL10K3M09Q");
    String body = reference.substring(2);
    for (String note : new String[] {
        reference,
        reference.toLowerCase(),
        "MBVCB.3278651.LL" + body.substring(0, 4) + " " + body.substring(4) + ".CT tu 0912345678 NGUYEN VAN A",
        "Chuyển tiền học phí " + "LL-" + body.substring(0, 4) + "-" + body.substring(4) + " cho cháu Hương",
        "ll " + body.replace('0', 'O').replace('1', 'I') + " TIEN AN",
        "IBFT " + reference + "\n",
        "LLL" + body,
    }) {
      assertThat(PaymentReference.find(note)).as(note).containsExactly(reference);
    }
  }

  @Test
  void find_should_reject_every_single_wrong_symbol_and_adjacent_swap() {
    String reference = "LL" + "7K3M9Q2X";
    reference = fixCheck(reference);
    assertThat(PaymentReference.isValid(reference)).isTrue();
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (int i = 2; i < reference.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c != reference.charAt(i)) {
          String wrong = reference.substring(0, i) + c + reference.substring(i + 1);
          assertThat(PaymentReference.find(wrong)).as(wrong).isEmpty();
        }
      }
      if (i + 1 < reference.length() && reference.charAt(i) != reference.charAt(i + 1)) {
        String swapped = reference.substring(0, i) + reference.charAt(i + 1) + reference.charAt(i) + reference.substring(i + 2);
        assertThat(PaymentReference.find(swapped)).as(swapped).isEmpty();
      }
    }
  }

  @Test
  void find_should_report_two_different_references_and_none_in_plain_text() {
    String a = PaymentReference.generate(random);
    String b = PaymentReference.generate(random);
    assertThat(PaymentReference.find(a + " va " + b)).containsExactly(a, b);
    assertThat(PaymentReference.findOne(a + " va " + b)).isEmpty();
    assertThat(PaymentReference.findOne(a + " " + a.toLowerCase())).contains(a);
    assertThat(PaymentReference.find("NGUYEN THI HUONG LOP 7A1 TIEN AN THANG 11")).isEmpty();
    assertThat(PaymentReference.find(null)).isEmpty();
    assertThat(PaymentReference.find("LL12")).isEmpty();
  }

  @Test
  void normalise_should_strip_accents_case_and_separators() {
    assertThat(PaymentReference.normalise("Đóng tiền-ăn. bán_trú")).isEqualTo("DONGTIENANBANTRU");
  }

  private static String fixCheck(String prefixAndEight) {
    for (char c : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
      if (PaymentReference.isValid(prefixAndEight + c)) {
        return prefixAndEight + c;
      }
    }
    throw new AssertionError();
  }
}
