package vn.lienlac.functions.records.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.PrimaryTermReport;
import vn.lienlac.model.records.PrimaryYearReport;
import vn.lienlac.model.records.QualityGroup;
import vn.lienlac.model.records.SecondaryYearReport;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Award;
import vn.lienlac.model.records.grading.Completion;
import vn.lienlac.model.records.grading.Conduct;
import vn.lienlac.model.records.grading.PrimaryAward;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.PrimaryQualities;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.PromotionOutcome;
import vn.lienlac.model.records.grading.QualityRating;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;
import vn.lienlac.model.records.grading.YearEvaluation;

/** The record book PDF, read back with PDFBox's text extraction. */
class RecordBookPdfTest {
  private static final Locale VI = Messages.VIETNAMESE;
  private static final RecordBookPdf.Extras EXTRAS = new RecordBookPdf.Extras(LocalDate.of(2013, 3, 14), "Hà Nội",
      "Trần Thu Hà", LocalDate.of(2026, 5, 30), OffsetDateTime.parse("2026-05-30T10:00:00+07:00"));

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static YearReport secondary(boolean complete) {
    List<SecondaryYearReport.SubjectYear> subjects = new ArrayList<>();
    for (SubjectPlan plan : Subjects.lowerSecondaryPlan(6)) {
      String name = Messages.get(VI, "subject." + plan.subject());
      subjects.add(plan.kind() == AssessmentKind.SCORED
          ? new SecondaryYearReport.SubjectYear(plan.subject(), name, plan.kind(), new BigDecimal("7.8"),
              complete ? new BigDecimal("8.4") : null, complete ? new BigDecimal("8.2") : null, null, null, null, complete)
          : new SecondaryYearReport.SubjectYear(plan.subject(), name, plan.kind(), null, null, null, Rating.DAT,
              complete ? Rating.DAT : null, complete ? Rating.DAT : null, complete));
    }
    var term1 = new SecondaryYearReport.LevelResult(ResultLevel.KHA, "Khá", ResultLevel.DAT, Subjects.TOAN, "Toán",
        "Mức Đạt được nâng lên Khá theo khoản 3 Điều 9 Thông tư 22 (chỉ vì môn Toán)");
    var good = new SecondaryYearReport.LevelResult(ResultLevel.TOT, "Tốt", ResultLevel.TOT, null, null, null);
    var conduct = new SecondaryYearReport.ConductResult(Conduct.TOT, "Tốt", complete ? Conduct.TOT : null,
        complete ? "Tốt" : null, complete ? Conduct.TOT : null, complete ? "Tốt" : null);
    var report = new SecondaryYearReport(subjects, term1, complete ? good : null, complete ? good : null, conduct, 3,
        complete ? new SecondaryYearReport.Promotion(PromotionOutcome.PROMOTED, "Lên lớp", List.of(), List.of(), List.of())
            : null,
        complete ? new SecondaryYearReport.AwardResult(Award.XUAT_SAC, "Học sinh Xuất sắc") : null, List.of());
    return new YearReport("nt-hs-0001", "Nguyễn Thị Hương", "thcs-nguyen-trai", "Trường THCS Nguyễn Trãi",
        "nt-2025-6a1", "6A1", 6, "2025-2026", SchoolLevel.LOWER_SECONDARY, "circular-22", report, null, complete,
        complete ? List.of() : List.of("Toán HK2: chưa có điểm cuối kì", "Rèn luyện HK2: giáo viên chủ nhiệm chưa đánh giá"));
  }

  static YearReport primary() {
    List<PrimaryTermReport.Subject> subjects = new ArrayList<>();
    for (PrimarySubject plan : PrimarySubjects.plan(4)) {
      Map<PrimaryPoint, PrimaryTermReport.Mark> points = new EnumMap<>(PrimaryPoint.class);
      for (PrimaryPoint point : PrimaryPoint.values()) {
        points.put(point, new PrimaryTermReport.Mark(Completion.HOAN_THANH_TOT, "Hoàn thành tốt",
            point == PrimaryPoint.END_OF_YEAR ? "Em học tốt, chăm chỉ phát biểu" : null,
            plan.testedAt(point) ? 9 : null));
      }
      subjects.add(new PrimaryTermReport.Subject(plan.subject(), Messages.get(VI, "subject." + plan.subject()),
          List.copyOf(plan.testPoints()), points, null));
    }
    List<PrimaryTermReport.QualityMarks> qualities = new ArrayList<>();
    for (String code : PrimaryQualities.ALL) {
      Map<PrimaryPoint, PrimaryTermReport.Rated> points = new EnumMap<>(PrimaryPoint.class);
      points.put(PrimaryPoint.MID_TERM_1, new PrimaryTermReport.Rated(QualityRating.TOT, "Tốt"));
      qualities.add(new PrimaryTermReport.QualityMarks(code, "PC " + PrimaryQualities.ALL.indexOf(code), QualityGroup.of(code), points));
    }
    var year = new PrimaryYearReport(List.of(PrimaryPoint.values()), subjects, qualities,
        Map.of(PrimaryPoint.END_TERM_1, "Em lễ phép, biết giúp đỡ bạn bè"), YearEvaluation.HOAN_THANH_XUAT_SAC,
        "Hoàn thành xuất sắc", List.of(new PrimaryYearReport.Award(PrimaryAward.XUAT_SAC, "Học sinh Xuất sắc", null)));
    return new YearReport("kd-hs-0001", "Lê Minh Khôi", "th-kim-dong", "Trường Tiểu học Kim Đồng", "kd-2026-4a",
        "4A", 4, "2026-2027", SchoolLevel.PRIMARY, "circular-27", null, year, false,
        List.of("Toán Cuối năm học: chưa đánh giá"));
  }

  @Test
  void a_secondary_book_should_print_the_pupil_every_subject_and_the_year_in_nfc() throws IOException {
    byte[] pdf = RecordBookPdf.render(secondary(true), EXTRAS, VI);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    assertThat(text).contains("HỌC BẠ", "TRUNG HỌC CƠ SỞ", "Năm học 2025-2026", "Nguyễn Thị Hương", "14/03/2013",
        "6A1", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", "TRƯỜNG THCS NGUYỄN TRÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    for (SubjectPlan plan : Subjects.lowerSecondaryPlan(6)) {
      assertThat(text).contains(Messages.get(VI, "subject." + plan.subject()));
    }
    assertThat(text).contains("Toán 7,8 8,4 8,2", "Nghệ thuật Đạt Đạt Đạt", "Kết quả học tập Khá * Tốt Tốt", "Kết quả rèn luyện", "Lên lớp", "Học sinh Xuất sắc",
        "khoản 3 Điều 9", "Tổng số buổi nghỉ học cả năm: 3", "Nhận xét của giáo viên chủ nhiệm",
        "GIÁO VIÊN CHỦ NHIỆM", "HIỆU TRƯỞNG", "Hà Nội, ngày 30 tháng 5 năm 2026", "Trần Thu Hà")
        .doesNotContain("đang cập nhật");
  }

  @Test
  void values_not_final_should_print_as_being_entered() throws IOException {
    String text = text(RecordBookPdf.render(secondary(false), EXTRAS, VI));
    // Each cell without a value says so: a row reads subject, term 1, term 2, year.
    assertThat(text).contains("Toán 7,8 đang cập nhật đang cập nhật", "Giáo dục thể chất Đạt đang cập nhật đang cập nhật",
        "Kết quả học tập Khá * đang cập nhật đang cập nhật", "Kết quả rèn luyện Tốt đang cập nhật đang cập nhật",
        "Xét lên lớp: đang cập nhật", "Khen thưởng: đang cập nhật");
    assertThat(text).contains("Học bạ chưa hoàn tất", "Toán HK2: chưa có điểm cuối kì")
        .doesNotContain("Lên lớp").doesNotContain("Học sinh Xuất sắc");
  }

  @Test
  void a_primary_book_should_print_every_subject_the_four_points_tests_qualities_and_the_evaluation() throws IOException {
    String text = text(RecordBookPdf.render(primary(), EXTRAS, VI));
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    assertThat(text).contains("TIỂU HỌC", "Lê Minh Khôi", "4A", "Giữa học kì I", "Cuối năm học", "Hoàn thành tốt",
        "Điểm KT: 9", "Em học tốt, chăm chỉ phát biểu", "Em lễ phép, biết giúp đỡ bạn bè",
        "Hoàn thành xuất sắc", "Học sinh Xuất sắc");
    for (PrimarySubject plan : PrimarySubjects.plan(4)) {
      assertThat(text).contains(Messages.get(VI, "subject." + plan.subject()));
    }
    for (String code : PrimaryQualities.ALL) {
      assertThat(text).contains("PC " + PrimaryQualities.ALL.indexOf(code) + " ");
    }
  }

  @Test
  void the_font_should_be_embedded_and_english_labels_follow_the_caller() throws IOException {
    byte[] pdf = RecordBookPdf.render(secondary(true), EXTRAS, Messages.ENGLISH);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var name : document.getPage(0).getResources().getFontNames()) {
        PDFont font = document.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
      }
    }
    assertThat(text(pdf)).contains("SCHOOL RECORD BOOK", "Homeroom teacher's comment", "8.2", "Nguyễn Thị Hương");
  }

  @Test
  void a_class_should_print_one_book_per_pupil_each_from_a_new_page() throws IOException {
    byte[] pdf = RecordBookPdf.renderAll(List.of(new RecordBookPdf.Book(secondary(true), EXTRAS),
        new RecordBookPdf.Book(secondary(false), EXTRAS)), VI);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      var stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      assertThat(stripper.getText(document)).contains("Nguyễn Thị Hương").doesNotContain("đang cập nhật");
    }
  }
}
