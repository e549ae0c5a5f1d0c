package vn.lienlac.functions.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;

/**
 * Lock-screen texts (docs/PRIVACY.md, minimisation): generic by default; the details (a pupil's
 * name and mark, an amount, a message's text) only for a family that opted in, and only their own
 * child's.
 */
class TextsTest {
  private static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");
  private static final DomainEvent GRADE = new DomainEvent("e1", EventTypes.GRADE_PUBLISHED, "s1", AT,
      Map.of("classId", "c1", "subject", "toan", "term", "2026-2027-HK1", "students", "p1,p2"));
  private static final Previews.Details GRADE_DETAILS = new Previews.Details(Map.of(
      "p1", new Previews.Pupil("Nguyễn Văn An", "8.5"), "p2", new Previews.Pupil("Trần Thị Bình", "6.0")),
      "toan", null, null, null, null);
  private static final DomainEvent PAID = new DomainEvent("e2", EventTypes.PAYMENT_CONFIRMED, "s1", AT,
      Map.of("paymentId", "pay1", "guardianSub", "g1"));
  private static final Previews.Details PAID_DETAILS = new Previews.Details(Map.of(), null, null, null, null, 1_250_000L);
  private static final DomainEvent MESSAGE = new DomainEvent("e3", EventTypes.MESSAGE_SENT, "s1", AT,
      Map.of("conversationId", "c1", "messageId", "0000000001", "senderSub", "t1"));
  private static final Previews.Details MESSAGE_DETAILS = new Previews.Details(Map.of(), null, null, "Cô Lan",
      "Cháu An hôm nay bị sốt, gia đình đón cháu sớm nhé.", null);
  private static final DomainEvent LEAVE = new DomainEvent("e4", EventTypes.LEAVE_DECIDED, "s1", AT,
      Map.of("studentId", "p1", "leaveRequestId", "l1", "classId", "c1"));
  private static final Previews.Details LEAVE_DETAILS = new Previews.Details(
      Map.of("p1", new Previews.Pupil("Nguyễn Văn An", null)), null, "APPROVED", null, null, null);

  private static String shown(Texts.Text text) {
    return text.title() + " | " + text.body();
  }

  @Test
  void by_default_the_texts_should_carry_no_name_mark_amount_or_message() {
    for (String language : List.of("vi", "en")) {
      // No details given (the family did not opt in): the dispatcher passes null.
      assertThat(shown(Texts.of(GRADE, false, language, null, List.of("p1"))))
          .doesNotContain("Nguyễn", "Trần").doesNotContainPattern("[0-9]");
      assertThat(shown(Texts.of(PAID, false, language, null, List.of("p1")))).doesNotContainPattern("[0-9]");
      assertThat(shown(Texts.of(MESSAGE, false, language, null, List.of("p1")))).doesNotContain("sốt", "Cô Lan");
      assertThat(shown(Texts.of(LEAVE, false, language, null, List.of("p1")))).doesNotContain("Nguyễn");
    }
    assertThat(shown(Texts.of(GRADE, false, "vi"))).isEqualTo("Có điểm mới | Giáo viên vừa cập nhật điểm. Mở Liên Lạc để xem.");
  }

  @Test
  void opted_in_the_texts_should_show_the_own_childs_name_and_mark_the_amount_and_the_message() {
    assertThat(Texts.of(GRADE, false, "vi", GRADE_DETAILS, List.of("p1")).body())
        .isEqualTo("Nguyễn Văn An – Toán: điểm 8,5").doesNotContain("Trần Thị Bình");
    assertThat(Texts.of(GRADE, false, "en", GRADE_DETAILS, List.of("p1")).body())
        .isEqualTo("Nguyễn Văn An – Mathematics: mark 8.5");
    assertThat(Texts.of(GRADE, false, "vi", GRADE_DETAILS, List.of("p9")).body())
        .as("a grade event naming none of the owner's children: the generic text")
        .isEqualTo("Giáo viên vừa cập nhật điểm. Mở Liên Lạc để xem.");
    assertThat(Texts.of(PAID, false, "vi", PAID_DETAILS, List.of()).body()).isEqualTo("Nhà trường đã nhận 1.250.000 đ.");
    assertThat(Texts.of(PAID, false, "en", PAID_DETAILS, List.of()).body()).isEqualTo("The school received 1,250,000 VND.");
    assertThat(Texts.of(MESSAGE, false, "vi", MESSAGE_DETAILS, List.of()).body())
        .isEqualTo("Cô Lan nhắn: Cháu An hôm nay bị sốt, gia đình đón cháu sớm nhé.");
    assertThat(Texts.of(LEAVE, false, "en", LEAVE_DETAILS, List.of("p1")).body())
        .isEqualTo("Nguyễn Văn An's leave request was approved.");
  }
}
