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
import vn.lienlac.model.records.grading.SchoolLevel;

/** The term switch, the year report and a primary pupil's evaluations, without the toolkit. */
class GradesYearViewModelTest {
  private static final String YEAR = """
      {"studentId":"st-1","studentName":"Nguyễn An","schoolYear":"2025-2026","schoolLevel":"LOWER_SECONDARY",
       "rules":"TT22/2021","complete":true,"pending":[],"secondary":{
        "subjects":[
         {"subject":"toan","subjectName":"Toán","kind":"SCORED","term1Average":6.6,"term2Average":6.3,
          "yearAverage":6.4,"complete":true},
         {"subject":"gdtc","subjectName":"Giáo dục thể chất","kind":"COMMENTED","term1Rating":"DAT",
          "term2Rating":"CHUA_DAT","yearRating":"CHUA_DAT","complete":true}],
        "term1Level":{"level":"KHA","levelName":"Khá"},"term2Level":{"level":"DAT","levelName":"Đạt"},
        "yearLevel":{"level":"DAT","levelName":"Đạt","computed":"CHUA_DAT","note":"Được nâng một mức (Điều 9.3)."},
        "conduct":{"term1":"TOT","term1Name":"Tốt","term2":"KHA","term2Name":"Khá","year":"KHA","yearName":"Khá"},
        "absentSessions":4,
        "promotion":{"outcome":"SUMMER_RETEST","outcomeName":"Kiểm tra lại trong hè",
          "reasonNames":["Học lực Chưa đạt"],"retestSubjects":["Giáo dục thể chất"]},
        "award":{}}}
      """;
  private static final String THIS_YEAR = """
      {"studentId":"st-1","schoolYear":"2026-2027","schoolLevel":"LOWER_SECONDARY","complete":false,
       "pending":["Toán HK2: chưa có điểm cuối kì"],"secondary":{
        "subjects":[{"subject":"toan","subjectName":"Toán","kind":"SCORED","term1Average":8.1,"complete":false}],
        "term1Level":{"level":"KHA","levelName":"Khá"},"absentSessions":0}}
      """;
  private static final String PRIMARY_TERM = """
      {"studentId":"kd-1","term":"2026-2027-HK1","rules":"TT27/2020","subjects":[],"primary":{
        "points":["MID_TERM_1","END_TERM_1"],
        "subjects":[{"subject":"toan","subjectName":"Toán","testPoints":["END_TERM_1"],"points":{
          "MID_TERM_1":{"rating":"HOAN_THANH","ratingName":"Hoàn thành","comment":"Cần cẩn thận hơn."},
          "END_TERM_1":{"rating":"HOAN_THANH_TOT","ratingName":"Hoàn thành tốt","comment":"Tiến bộ rõ.",
            "testScore":9}}},
         {"subject":"dao-duc","subjectName":"Đạo đức","testPoints":[],"points":{
          "MID_TERM_1":{"rating":"HOAN_THANH","ratingName":"Hoàn thành"}}}],
        "qualities":[{"code":"cham-chi","name":"Chăm chỉ","group":"QUALITY","points":{
          "MID_TERM_1":{"rating":"DAT","ratingName":"Đạt"},"END_TERM_1":{"rating":"TOT","ratingName":"Tốt"}}}],
        "qualityComments":{"END_TERM_1":"Em ngoan, lễ phép."}}}
      """;
  private static final String PRIMARY_YEAR = """
      {"studentId":"kd-1","schoolYear":"2026-2027","schoolLevel":"PRIMARY","complete":true,"pending":[],"primary":{
        "points":["MID_TERM_1","END_TERM_1","MID_TERM_2","END_OF_YEAR"],
        "subjects":[{"subject":"toan","subjectName":"Toán","points":{
          "END_OF_YEAR":{"rating":"HOAN_THANH_TOT","ratingName":"Hoàn thành tốt","testScore":10}}}],
        "qualities":[],"evaluation":"HOAN_THANH_XUAT_SAC","evaluationName":"Hoàn thành xuất sắc",
        "awards":[{"award":"XUAT_SAC","name":"Học sinh Xuất sắc"}]}}
      """;

  @TempDir
  Path cacheFolder;
  private FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi()
        .on("GET /v1/students/st-1/report/2025-2026", 200, YEAR)
        .on("GET /v1/students/st-1/report/2026-2027", 200, THIS_YEAR)
        .on("GET /v1/students/kd-1/grades", 200, PRIMARY_TERM)
        .on("GET /v1/students/kd-1/report/2026-2027", 200, PRIMARY_YEAR);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private AppContext secondary() {
    return TestContexts.against(api, cacheFolder).signedIn(new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("s1", "THCS Nguyễn Trãi", List.of(),
        List.of(new Me.Child("st-1", "Nguyễn An", "c1", "7A1")), List.of(), SchoolLevel.LOWER_SECONDARY,
        "2026-2027-HK1"))), "PARENT");
  }

  private AppContext primary() {
    return TestContexts.against(api, cacheFolder).signedIn(new Me("p1", "Trần Bình", List.of(new Me.SchoolMembership("kd", "TH Kim Đồng", List.of(),
        List.of(new Me.Child("kd-1", "Nguyễn Quân", "1a", "1A")), List.of(), SchoolLevel.PRIMARY, "2026-2027-HK1"))), "PARENT");
  }

  @Test
  void offers_the_current_school_year_and_the_one_before_starting_on_the_current_term() {
    GradesViewModel model = new GradesViewModel(secondary(), "2026-2027-HK2");

    assertThat(model.schoolYears()).containsExactly("2026-2027", "2025-2026");
    assertThat(model.periodProperty().get()).isEqualTo(GradesViewModel.Period.HK2);
    assertThat(GradesViewModel.yearLabel("2025-2026")).isEqualTo("2025–2026");
  }

  @Test
  void the_year_shows_the_averages_levels_conduct_absences_and_promotion_the_api_computed() {
    GradesViewModel model = new GradesViewModel(secondary(), "2026-2027-HK1");
    model.select("2025-2026", GradesViewModel.Period.YEAR);

    assertThat(api.requests()).extracting(FakeApi.Request::target).containsExactly("/v1/students/st-1/report/2025-2026");
    assertThat(model.rows()).containsExactly(
        new GradesViewModel.Row("Toán", "HK I: 6,6  ·  HK II: 6,3", "6,4"),
        new GradesViewModel.Row("Giáo dục thể chất", "HK I: Đạt  ·  HK II: Chưa đạt", "Chưa đạt"));
    assertThat(model.levelProperty().get()).isEqualTo("Học lực cả năm: Đạt");
    assertThat(model.facts()).containsExactly(
        new GradesViewModel.Fact("fact-term1-level", "Học lực học kì I", "Khá"),
        new GradesViewModel.Fact("fact-term2-level", "Học lực học kì II", "Đạt"),
        new GradesViewModel.Fact("fact-conduct-term1", "Rèn luyện học kì I", "Tốt"),
        new GradesViewModel.Fact("fact-conduct-term2", "Rèn luyện học kì II", "Khá"),
        new GradesViewModel.Fact("fact-conduct-year", "Rèn luyện cả năm", "Khá"),
        new GradesViewModel.Fact("fact-absent", "Số buổi nghỉ trong năm", "4"),
        new GradesViewModel.Fact("fact-promotion", "Cuối năm", "Kiểm tra lại trong hè — Học lực Chưa đạt"),
        new GradesViewModel.Fact("fact-retest", "Kiểm tra lại", "Giáo dục thể chất"));
    assertThat(model.notes()).containsExactly("Được nâng một mức (Điều 9.3).");
    assertThat(model.primaryProperty().get()).isFalse();
  }

  @Test
  void a_year_not_final_yet_says_so_and_lists_what_the_school_is_still_entering() {
    GradesViewModel model = new GradesViewModel(secondary(), "2026-2027-HK1");
    model.select("2026-2027", GradesViewModel.Period.YEAR);

    assertThat(model.rows()).containsExactly(new GradesViewModel.Row("Toán", "HK I: 8,1", ""));
    assertThat(model.levelProperty().get()).isEqualTo("Học lực cả năm: chưa đủ kết quả");
    assertThat(model.notes()).containsExactly("Còn chờ nhà trường nhập:", "• Toán HK2: chưa có điểm cuối kì");
    assertThat(model.facts()).extracting(GradesViewModel.Fact::id).doesNotContain("fact-promotion");
  }

  @Test
  void with_the_network_cut_the_year_read_before_is_shown_marked_with_when() {
    AppContext context = secondary();
    new GradesViewModel(context, "2026-2027-HK1").select("2025-2026", GradesViewModel.Period.YEAR);
    api.down(true);

    GradesViewModel offline = new GradesViewModel(context, "2026-2027-HK1");
    offline.select("2025-2026", GradesViewModel.Period.YEAR);

    assertThat(offline.levelProperty().get()).isEqualTo("Học lực cả năm: Đạt");
    assertThat(offline.staleNoteProperty().get()).isEqualTo("Không có mạng — cập nhật lúc 10:00 21/11/2026");
    assertThat(offline.canRetryProperty().get()).isTrue();
  }

  @Test
  void a_year_the_api_refuses_shows_its_message_and_nothing_of_the_report_shown_before() {
    api.on("GET /v1/students/st-1/report/2024-2025", 404,
        "{\"status\":404,\"title\":\"Không tìm thấy\",\"detail\":\"Không tìm thấy nội dung này.\"}");
    GradesViewModel model = new GradesViewModel(secondary(), "2025-2026-HK1");
    model.select("2025-2026", GradesViewModel.Period.YEAR);
    assertThat(model.rows()).isNotEmpty();

    model.select("2024-2025", GradesViewModel.Period.YEAR);

    assertThat(model.errorProperty().get()).isEqualTo("Không tìm thấy nội dung này.");
    assertThat(model.rows()).isEmpty();
    assertThat(model.facts()).isEmpty();
    assertThat(model.levelProperty().get()).isNull();
  }

  @Test
  void a_primary_term_shows_each_points_rating_test_score_and_comment_as_the_api_gave_them() {
    GradesViewModel model = new GradesViewModel(primary(), "2026-2027-HK1");
    model.load();

    assertThat(api.requests()).extracting(FakeApi.Request::target)
        .containsExactly("/v1/students/kd-1/grades?term=2026-2027-HK1");
    assertThat(model.primaryProperty().get()).isTrue();
    assertThat(model.rows()).containsExactly(new GradesViewModel.Row("Toán",
        "Giữa HK I: Hoàn thành\nCuối HK I: Hoàn thành tốt  ·  KT 9\n“Tiến bộ rõ.”", "Hoàn thành tốt"),
        new GradesViewModel.Row("Đạo đức", "Giữa HK I: Hoàn thành", "")); // the term's rating is not given yet
    assertThat(model.qualities()).containsExactly(
        new GradesViewModel.Row("Chăm chỉ",
            "Phẩm chất chủ yếu\n" + nonBreaking("Giữa HK I: Đạt") + "  ·  " + nonBreaking("Cuối HK I: Tốt"), "Tốt"));
    assertThat(model.notes()).containsExactly("Nhận xét Cuối HK I: Em ngoan, lễ phép.");
    assertThat(model.levelProperty().get()).isNull();
  }

  @Test
  void a_primary_year_shows_the_evaluation_and_awards_the_api_decided() {
    GradesViewModel model = new GradesViewModel(primary(), "2026-2027-HK1");
    model.select("2026-2027", GradesViewModel.Period.YEAR);

    assertThat(model.levelProperty().get()).isEqualTo("Đánh giá cuối năm: Hoàn thành xuất sắc");
    assertThat(model.rows()).containsExactly(
        new GradesViewModel.Row("Toán", "Cuối năm: Hoàn thành tốt  ·  KT 10", "Hoàn thành tốt"));
    assertThat(model.facts()).containsExactly(new GradesViewModel.Fact("fact-award", "Khen thưởng", "Học sinh Xuất sắc"));
  }

  private static String nonBreaking(String text) {
    return text.replace(' ', '\u00A0');
  }
}
