package vn.lienlac.app.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.payments.Fee;

/** The office's fees ViewModel without the toolkit: the report as the API computed it, and the fee form. */
class FeesViewModelTest {
  static final String REPORT = """
      {"schoolId":"nt","schoolName":"Trường THCS Nguyễn Trãi","generatedAt":"2026-11-21T10:01:18+07:00",
       "invoiced":13484520,"paid":1409520,"outstanding":12075000,
       "fees":[
        {"feeId":"F1","name":"Câu lạc bộ Robotics – học kỳ I","amount":350000,"dueDate":"2026-11-15",
         "invoiced":12600000,"paid":525000,"outstanding":12075000,
         "classes":[{"classId":"c-6a1","className":"6A1","invoices":36,"paidInvoices":1,"invoiced":12600000,
                     "paid":525000,"outstanding":12075000,"unpaid":[]}]},
        {"feeId":"F2","name":"Bảo hiểm y tế","amount":884520,"dueDate":"2026-12-31",
         "invoiced":884520,"paid":884520,"outstanding":0,
         "classes":[{"classId":"c-6a2","className":"6A2","invoices":1,"paidInvoices":1,"invoiced":884520,
                     "paid":884520,"outstanding":0,"unpaid":[]}]}]}
      """;

  @TempDir
  Path cacheFolder;
  FakeApi api;
  AppContext context;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    api.only("GET /v1/schools/nt/fees/report", 200, REPORT);
    Me me = new Me("vp1", "Hoàng Minh Quỳnh", List.of(new Me.SchoolMembership("nt", "Trường THCS Nguyễn Trãi",
        List.of(Role.STAFF), List.of(), List.of())));
    context = TestContexts.against(api, cacheFolder).signedIn(me, "STAFF");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void shows_the_totals_per_fee_and_per_class_as_the_api_computed_them() {
    FeesViewModel model = new FeesViewModel(context);
    model.load();

    assertThat(model.invoicedProperty().get()).isEqualTo("13.484.520\u00A0₫");
    assertThat(model.paidProperty().get()).isEqualTo("1.409.520\u00A0₫");
    assertThat(model.outstandingProperty().get()).isEqualTo("12.075.000\u00A0₫");
    assertThat(model.generatedAtProperty().get()).isEqualTo("Số liệu lúc 10:01 21/11/2026");
    assertThat(model.fees()).extracting(FeesViewModel.FeeRow::name)
        .containsExactly("Câu lạc bộ Robotics – học kỳ I", "Bảo hiểm y tế");
    FeesViewModel.FeeRow club = model.fees().get(0);
    assertThat(club.terms()).isEqualTo("350.000\u00A0₫ mỗi học sinh · hạn 15/11/2026");
    assertThat(club.classes()).containsExactly(new FeesViewModel.ClassRow("c-6a1", "6A1", "1/36 đã nộp",
        "525.000\u00A0₫", "12.075.000\u00A0₫"));
    assertThat(model.classes()).containsExactly(new FeesViewModel.SchoolClass("c-6a1", "6A1"),
        new FeesViewModel.SchoolClass("c-6a2", "6A2"));
  }

  @Test
  void creates_a_fee_with_the_amount_written_with_thousand_separators_then_reads_the_report_again() {
    api.only("POST /v1/fees", 201, """
        {"id":"F3","name":"Tiền ăn tháng 1","amountVnd":1500000,"dueDate":"2027-01-10","scope":"CLASS",
         "classIds":["c-6a1"],"invoiceCount":36,"createdBy":"vp1","createdAt":"2026-11-21T10:02:00+07:00"}""");
    FeesViewModel model = new FeesViewModel(context);
    model.load();
    model.newFee();
    model.nameProperty().set("  Tiền ăn tháng 1 ");
    model.amountProperty().set("1.500.000 ₫");
    model.dueDateProperty().set(LocalDate.of(2027, 1, 10));
    model.scopeProperty().set(Fee.Scope.CLASS);
    model.classIds().add("c-6a1");
    AtomicInteger done = new AtomicInteger();

    model.create(done::incrementAndGet);

    assertThat(api.bodies("POST /v1/fees")).singleElement().satisfies(body -> assertThat(body)
        .contains("\"schoolId\":\"nt\"", "\"name\":\"Tiền ăn tháng 1\"", "\"amountVnd\":1500000",
            "\"dueDate\":\"2027-01-10\"", "\"scope\":\"CLASS\"", "\"classIds\":[\"c-6a1\"]")
        .doesNotContain("studentIds", "grade"));
    assertThat(done).hasValue(1);
    assertThat(model.createdProperty().get()).isEqualTo("Đã tạo khoản thu “Tiền ăn tháng 1”: 36 hoá đơn.");
    assertThat(model.fieldErrors()).isEmpty();
    assertThat(api.requests().stream().filter(r -> r.path().equals("/v1/schools/nt/fees/report")).count()).isEqualTo(2);
  }

  @Test
  void the_apis_errors_land_next_to_their_fields() {
    api.only("POST /v1/fees", 422, """
        {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu chưa hợp lệ","status":422,
         "detail":"Có 2 chỗ cần sửa; không có gì được lưu.","errors":[
          {"field":"name","code":"text.required","message":"Trường này là bắt buộc."},
          {"field":"studentIds/0","code":"payments.unknownPupil","message":"Không có học sinh nt-hs-9999 trong trường."}]}""");
    FeesViewModel model = new FeesViewModel(context);
    model.scopeProperty().set(Fee.Scope.PUPILS);
    model.amountProperty().set("200000");
    model.pupilsProperty().set("nt-hs-9999,  nt-hs-0001\nnt-hs-0002");
    AtomicInteger done = new AtomicInteger();

    model.create(done::incrementAndGet);

    assertThat(api.bodies("POST /v1/fees").get(0))
        .contains("\"studentIds\":[\"nt-hs-9999\",\"nt-hs-0001\",\"nt-hs-0002\"]", "\"amountVnd\":200000");
    assertThat(model.fieldErrors()).containsEntry("name", "Trường này là bắt buộc.")
        .containsEntry("studentIds", "Không có học sinh nt-hs-9999 trong trường.").hasSize(2);
    assertThat(model.errorProperty().get()).isEqualTo("Có 2 chỗ cần sửa; không có gì được lưu.");
    assertThat(done).hasValue(0);
  }

  @Test
  void an_amount_that_is_no_amount_is_said_at_once_and_nothing_is_sent() {
    FeesViewModel model = new FeesViewModel(context);
    model.nameProperty().set("Tiền ăn");
    model.amountProperty().set("1,5 triệu");

    model.create(() -> {});

    assertThat(model.fieldErrors()).containsOnlyKeys("amountVnd");
    assertThat(api.bodies("POST /v1/fees")).isEmpty();
  }
}
