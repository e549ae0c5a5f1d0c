package vn.lienlac.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;

/**
 * The gradebook ViewModel without the toolkit: only changed rows are sent, with their versions;
 * each refused row shows the API's message on that row (the API's row index is the index in what
 * was sent); a 409 says so and reloads; the average shown is the API's.
 */
class GradebookViewModelTest {
  private static final String BOOK = """
      {"classId":"c1","className":"6A1","subject":"toan","subjectName":"Toán","term":"2026-2027-HK1",
       "kind":"SCORED","requiredRegularCount":2,"rows":[
        {"studentId":"st-1","fullName":"Nguyễn An","regular":[8,7.5],"midterm":8,"finalExam":9,"average":8.3,"version":3},
        {"studentId":"st-2","fullName":"Lê Bình","regular":[6],"midterm":7,"finalExam":null,"version":1},
        {"studentId":"st-3","fullName":"Trần Chi","regular":[],"midterm":null,"finalExam":null}]}
      """;
  private static final String SAVED = BOOK.replace("\"average\":8.3,\"version\":3", "\"average\":8.4,\"version\":4")
      .replace("\"midterm\":8,", "\"midterm\":8.5,");
  private static final String REFUSED = """
      {"type":"https://lienlac.vn/problems/validation","title":"Dữ liệu không hợp lệ","status":422,
       "errors":[{"field":"rows/%d/midterm","code":"score.range","message":"Điểm phải từ 0 đến 10."}]}
      """;
  private static final String CONFLICT = """
      {"type":"https://lienlac.vn/problems/conflict","title":"Xung đột","status":409,
       "detail":"Sổ điểm vừa được người khác thay đổi."}
      """;

  @TempDir
  Path cache;
  private FakeApi api;
  private GradebookViewModel model;
  private final AtomicInteger gets = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    api = new FakeApi();
    model = new GradebookViewModel(
        TestContexts.against(api, cache).clock(Clock.systemUTC()).signedIn(new Me("gv", "Cô Hà", List.of()), "TEACHER"), "c1",
        "toan", "2026-2027-HK1");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private void serve(FakeApi.Answer onPut) {
    api.otherwise(r -> {
      if (r.method().equals("GET")) {
        gets.incrementAndGet();
        return FakeApi.Answer.ok(BOOK);
      }
      return onPut;
    });
    model.load();
  }

  private static JsonNode sentRows(FakeApi.Request put) throws IOException {
    return LienlacClient.json().readTree(put.body()).get("rows");
  }

  @Test
  void a_refused_row_shows_the_apis_message_on_that_row_only_and_nothing_is_saved() throws IOException {
    serve(FakeApi.Answer.json(422, REFUSED.formatted(0)));
    assertThat(model.rows()).extracting(GradebookViewModel.Row::pupil).containsExactly("Nguyễn An", "Lê Bình", "Trần Chi");
    assertThat(model.rows().get(0).regular.get()).isEqualTo("8 7,5");
    assertThat(model.rows().get(0).average.get()).isEqualTo("8,3");
    model.rows().get(1).midterm.set("11");

    model.save();

    JsonNode rows = sentRows(api.requests("PUT").get(0));
    assertThat(rows).hasSize(1); // only the changed row
    assertThat(rows.get(0).get("studentId").asText()).isEqualTo("st-2");
    assertThat(rows.get(0).get("midterm").decimalValue()).isEqualByComparingTo("11");
    assertThat(rows.get(0).get("version").asLong()).isEqualTo(1);
    assertThat(model.rows().get(1).error.get()).isEqualTo("Điểm phải từ 0 đến 10.");
    assertThat(model.rows().get(1).invalid).containsExactly(GradebookViewModel.MIDTERM);
    assertThat(model.rows().get(0).error.get()).isNull();
    assertThat(model.rows().get(1).midterm.get()).isEqualTo("11");
    assertThat(model.errorProperty().get()).contains("chưa dòng nào được lưu");
  }

  @Test
  void the_apis_row_index_is_the_index_among_the_rows_sent() throws IOException {
    serve(FakeApi.Answer.json(422, REFUSED.formatted(1)));
    model.rows().get(0).finalExam.set("9,5"); // sent first: valid
    model.rows().get(2).midterm.set("12"); // sent second: rows/1
    model.save();

    assertThat(sentRows(api.requests("PUT").get(0))).extracting(n -> n.get("studentId").asText())
        .containsExactly("st-1", "st-3");
    assertThat(model.rows().get(2).error.get()).isEqualTo("Điểm phải từ 0 đến 10.");
    assertThat(model.rows().get(0).error.get()).isNull();
    assertThat(model.rows().get(1).error.get()).isNull();
    assertThat(model.rows().get(0).finalExam.get()).isEqualTo("9,5"); // kept, not saved: the API saved nothing
  }

  @Test
  void decimal_comma_and_dot_are_both_read_and_the_average_shown_is_the_apis() throws IOException {
    serve(FakeApi.Answer.ok(SAVED));
    model.rows().get(0).regular.set("8  7.5");
    model.rows().get(0).midterm.set("8,5");

    model.save();

    JsonNode row = sentRows(api.requests("PUT").get(0)).get(0);
    assertThat(row.get("regular").get(1).decimalValue()).isEqualByComparingTo("7.5");
    assertThat(row.get("midterm").decimalValue()).isEqualByComparingTo("8.5");
    assertThat(row.get("version").asLong()).isEqualTo(3);
    assertThat(model.rows().get(0).average.get()).isEqualTo("8,4");
    assertThat(model.rows().get(0).midterm.get()).isEqualTo("8,5");
    assertThat(model.noticeProperty().get()).isEqualTo("Đã lưu điểm của 1 học sinh.");
  }

  @Test
  void rows_typed_as_they_were_are_not_sent_and_nothing_changed_sends_nothing() {
    serve(FakeApi.Answer.ok(SAVED));
    model.rows().get(0).midterm.set("8,0");
    model.rows().get(0).regular.set("8 7.5");

    model.save();

    assertThat(api.requests("PUT")).isEmpty();
    assertThat(model.noticeProperty().get()).isEqualTo("Không có thay đổi nào để lưu.");
  }

  @Test
  void a_score_that_is_not_a_number_is_caught_on_its_row_before_anything_is_sent() {
    serve(FakeApi.Answer.ok(SAVED));
    model.rows().get(0).midterm.set("tám");
    model.rows().get(1).midterm.set("9");

    model.save();

    assertThat(api.requests("PUT")).isEmpty();
    assertThat(model.rows().get(0).error.get()).isEqualTo("Điểm phải là số, ví dụ 8,5.");
    assertThat(model.rows().get(0).invalid).containsExactly(GradebookViewModel.MIDTERM);
    assertThat(model.rows().get(1).error.get()).isNull();
  }

  @Test
  void someone_else_saving_meanwhile_is_said_and_the_book_reloaded() {
    serve(FakeApi.Answer.json(409, CONFLICT));
    model.rows().get(0).midterm.set("5");

    model.save();

    assertThat(gets.get()).isEqualTo(2);
    assertThat(model.noticeProperty().get()).startsWith("Có người khác vừa lưu sổ điểm này.");
    assertThat(model.errorProperty().get()).isNull();
    assertThat(model.rows().get(0).midterm.get()).isEqualTo("8"); // what the API holds now
  }

  @Test
  void a_comment_only_subject_is_typed_as_d_and_cd_and_its_term_rating_is_the_apis() throws IOException {
    String commented = """
        {"classId":"c1","className":"6A1","subject":"gdtc","subjectName":"Giáo dục thể chất","term":"2026-2027-HK1",
         "kind":"COMMENTED","requiredRegularCount":0,"requiredRegularRatingCount":2,"rows":[
          {"studentId":"st-1","fullName":"Nguyễn An","regular":[],"regularRatings":["DAT","DAT"],
           "midtermRating":"DAT","finalRating":"DAT","rating":"DAT","version":2}]}
        """;
    api.otherwise(r -> FakeApi.Answer.ok(commented));
    model.load();
    var an = model.rows().get(0);
    assertThat(an.regular.get()).isEqualTo("Đ Đ");
    assertThat(an.average.get()).isEqualTo("Đạt");

    an.finalExam.set("x");
    model.save();
    assertThat(api.requests("PUT")).isEmpty();
    assertThat(an.error.get()).isEqualTo("Gõ Đ (Đạt) hoặc CĐ (Chưa đạt).");
    assertThat(an.invalid).containsExactly(GradebookViewModel.FINAL);

    an.finalExam.set("cđ");
    model.save();
    JsonNode row = sentRows(api.requests("PUT").get(0)).get(0);
    assertThat(row.get("finalRating").asText()).isEqualTo("CHUA_DAT");
    assertThat(row.get("regularRatings")).hasSize(2);
    assertThat(row.has("rating")).isFalse(); // the term rating is the API's to derive
    assertThat(row.has("regular")).isFalse();
  }
}
