package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.client.Session;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.messaging.Message;
import vn.lienlac.model.payments.Invoice;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.records.GradeReport;
import vn.lienlac.model.records.Gradebook;

/**
 * The mobile app's API client ({@code api-client}) against the real local stack: the app speaks
 * exactly the API these tests prove. Sign-in goes through the stack's /dev routes as the app's local
 * sign-in screen does; answers are compared with the raw JSON the other tests read.
 */
@ExtendWith(LocalStackExtension.class)
class AppClientTest {
  private static final String PARENT = "nt-ph-002";
  private static final String OFFICE = "nt-vp-01";

  private final LocalStack stack;
  private final ApiClient raw;
  private final SeededApi seeded;
  private final LienlacClient anonymous;

  AppClientTest(LocalStack stack, ApiClient raw) {
    this.stack = stack;
    this.raw = raw;
    this.seeded = new SeededApi(stack, raw);
    this.anonymous = LienlacClient.create(stack.baseUri());
  }

  private LienlacClient signIn(String userId) {
    Session session = anonymous.devSignIn(userId);
    assertThat(session.userId()).isEqualTo(userId);
    return anonymous.withToken(session.token());
  }

  @Test
  void a_parent_signs_in_as_a_demo_user_and_reads_the_grades_the_api_computed() {
    assertThat(anonymous.devUsers()).anySatisfy(user -> {
      assertThat(user.id()).isEqualTo(PARENT);
      assertThat(user.role()).isEqualTo("PARENT");
    });
    LienlacClient parent = signIn(PARENT);
    Me me = parent.me();
    Me.Child child = me.schools().get(0).children().get(0);

    GradeReport report = parent.grades(child.studentId(), SeededApi.TERM);

    JsonNode json = seeded.as(PARENT).get("/v1/students/" + child.studentId() + "/grades?term=" + SeededApi.TERM).body();
    assertThat(report.subjects()).hasSize(json.get("subjects").size()).hasSize(12);
    assertThat(report.levelName()).isEqualTo(json.get("levelName").asText());
    for (int i = 0; i < report.subjects().size(); i++) {
      GradeReport.SubjectGrade subject = report.subjects().get(i);
      JsonNode expected = json.get("subjects").get(i);
      assertThat(subject.subject()).isEqualTo(expected.get("subject").asText());
      if (expected.hasNonNull("average")) {
        assertThat(subject.average()).as(subject.subject()).isEqualByComparingTo(expected.get("average").decimalValue());
      } else {
        assertThat(subject.average()).isNull();
      }
    }
  }

  @Test
  void an_invalid_grade_comes_back_as_a_problem_on_its_row_in_vietnamese() {
    LienlacClient teacher = signIn(SeededApi.TEACHER_6A1);
    Gradebook book = teacher.gradebook(SeededApi.CLASS_6A1, "toan", SeededApi.TERM);
    Gradebook.Entry first = book.rows().get(0);
    Gradebook.Row bad = new Gradebook.Row(first.studentId(), first.regular(), new BigDecimal("11"),
        first.finalExam(), null, first.version());

    assertThatThrownBy(() -> teacher.saveGradebook(SeededApi.CLASS_6A1, "toan", SeededApi.TERM,
        new Gradebook.Update(List.of(bad)))).isInstanceOfSatisfying(ApiProblem.class, problem -> {
          assertThat(problem.status()).isEqualTo(422);
          assertThat(problem.rowErrors()).containsOnlyKeys(0);
          assertThat(problem.rowErrors().get(0)).extracting(e -> e.field()).containsExactly("rows/0/midterm");
          assertThat(problem.rowErrors().get(0).get(0).message()).isNotBlank().doesNotContain("score.range");
        });
    assertThat(teacher.gradebook(SeededApi.CLASS_6A1, "toan", SeededApi.TERM).rows().get(0).midterm())
        .isEqualTo(first.midterm());
  }

  @Test
  void a_parent_pays_an_invoice_through_the_vnpay_sandbox_and_then_sees_it_paid() {
    LienlacClient parent = signIn(PARENT);
    Me.SchoolMembership school = parent.me().schools().get(0);
    String child = school.children().get(0).studentId();
    ApiClient.Response fee = seeded.as(OFFICE).post("/v1/fees", Map.of("schoolId", school.schoolId(),
        "name", "App client test " + System.nanoTime(), "amountVnd", 150_000,
        "dueDate", SeededApi.today().plusDays(20).toString(), "scope", "PUPILS", "studentIds", List.of(child)));
    assertThat(fee.status()).as(fee.text()).isEqualTo(201);
    String feeId = fee.body().get("id").asText();
    Invoice open = parent.invoices(child).stream().filter(i -> i.feeId().equals(feeId)).findFirst().orElseThrow();
    assertThat(open.status()).isEqualTo(Invoice.Status.OPEN);
    assertThat(open.outstandingVnd()).isEqualTo(150_000);

    Payment payment = parent.payWithVnpay(open.id(), "vi");

    // The payer's browser (the app opens this page): VNPay's sandbox page, then "Pay".
    String page = parent.resolve(payment.redirectUrl()).toString();
    assertThat(raw.get(page.substring(page.indexOf("/dev/"))).status()).isEqualTo(200);
    assertThat(raw.get("/dev/vnpay/complete?txnRef=" + payment.id() + "&outcome=pay").status()).isEqualTo(302);

    Invoice paid = parent.invoices(child).stream().filter(i -> i.id().equals(open.id())).findFirst().orElseThrow();
    assertThat(paid.status()).isEqualTo(Invoice.Status.PAID);
    assertThat(paid.outstandingVnd()).isZero();
  }

  @Test
  void a_message_sent_twice_with_one_client_message_id_is_one_message() {
    LienlacClient teacher = signIn(SeededApi.TEACHER_6A1);
    var conversations = teacher.conversations();
    String text = "Kính gửi phụ huynh " + System.nanoTime();
    assertThat(conversations).as("the demo seed's conversations of %s", SeededApi.TEACHER_6A1).isNotEmpty();
    String id = conversations.get(0).id();
    String clientMessageId = LienlacClient.newClientMessageId();
    Message first = teacher.send(id, clientMessageId, text);
    Message again = teacher.send(id, clientMessageId, text);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(teacher.messages(id).items()).filteredOn(m -> text.equals(m.text())).hasSize(1);
  }
}
