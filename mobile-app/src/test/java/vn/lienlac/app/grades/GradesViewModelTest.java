package vn.lienlac.app.grades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.testing.FakeApi;
import vn.lienlac.app.testing.TestContexts;
import vn.lienlac.model.identity.Me;

/** The grades ViewModel without the JavaFX toolkit: direct tasks, a loopback "API", a temp cache. */
class GradesViewModelTest {
  private static final String REPORT = """
      {"studentId":"st-1","studentName":"Nguyễn An","classId":"c1","className":"6A1","term":"2026-2027-HK1",
       "rules":"TT22/2021","level":"KHA","levelName":"Khá","subjects":[
        {"subject":"toan","subjectName":"Toán","kind":"SCORED","requiredRegularCount":2,"regular":[8,7.5],
         "midterm":8.25,"finalExam":9,"average":8.4},
        {"subject":"the-duc","subjectName":"Giáo dục thể chất","kind":"COMMENTED","requiredRegularCount":2,
         "regular":[],"rating":"DAT"}]}
      """;

  @TempDir
  Path cacheFolder;
  private final FakeApi api = new FakeApi().otherwise(request -> FakeApi.Answer.ok(REPORT));
  private AppContext context;

  @BeforeEach
  void start() {
    Me me = new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-1", "Nguyễn An", "c1", "6A1")), List.of())));
    context = TestContexts.against(api, cacheFolder).signedIn(me, "PARENT");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void shows_the_averages_and_level_the_api_computed() {
    GradesViewModel model = new GradesViewModel(context, "2026-2027-HK1");
    model.load();

    assertThat(model.rows()).containsExactly(
        new GradesViewModel.Row("Toán", "8  7,5  ·  GK 8,25  ·  CK 9", "8,4"),
        new GradesViewModel.Row("Giáo dục thể chất", "", "Đạt"));
    assertThat(model.levelProperty().get()).isEqualTo("Học lực: Khá");
    assertThat(model.errorProperty().get()).isNull();
    assertThat(model.staleNoteProperty().get()).isNull();
  }

  @Test
  void with_the_network_cut_shows_the_cached_grades_marked_with_when_they_were_read_and_offers_retry() {
    new GradesViewModel(context, "2026-2027-HK1").load();
    api.down(true);

    GradesViewModel offline = new GradesViewModel(context, "2026-2027-HK1");
    offline.load();

    assertThat(offline.rows()).extracting(GradesViewModel.Row::result).containsExactly("8,4", "Đạt");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
    assertThat(offline.errorProperty().get()).isEqualTo(context.text().get("error.network"));
    assertThat(offline.canRetryProperty().get()).isTrue();
  }

  @Test
  void a_refusal_shows_the_apis_message_without_retry_and_no_cached_data_for_it() {
    api.otherwise(request -> FakeApi.Answer.json(403, "{\"status\":403,\"title\":\"Không được phép\","
        + "\"detail\":\"Bạn không xem được học sinh này.\"}"));
    GradesViewModel model = new GradesViewModel(context, "2026-2027-HK1");
    model.load();

    assertThat(model.errorProperty().get()).isEqualTo("Bạn không xem được học sinh này.");
    assertThat(model.canRetryProperty().get()).isFalse();
    assertThat(model.rows()).isEmpty();
  }
}
