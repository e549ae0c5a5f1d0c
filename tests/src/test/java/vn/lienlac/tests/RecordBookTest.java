package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import java.io.IOException;
import java.text.Normalizer;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.grading.PrimarySubject;
import vn.lienlac.model.records.grading.PrimarySubjects;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;
import vn.lienlac.tests.SeededApi.Child;

/**
 * The record book (học bạ) over HTTP: a family downloads their child's book of last school year
 * (the seed's complete 2025-2026 of the 7A1 pupils, then in 6A1) and it is a PDF that opens, with
 * the child's name and every subject of grade 6; another family gets 404; the school prints a
 * class's books, where the seed's year shows an award, the Article 9.3 note and a summer retest; a
 * primary family downloads this year's book (Circular 27: the four points, qualities and competencies).
 */
@ExtendWith(LocalStackExtension.class)
class RecordBookTest {
  private static final String LAST_YEAR = "2025-2026";

  private final SeededApi seeded;

  RecordBookTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  /** The first demo parent with a child in 7A1 at Nguyễn Trãi. */
  private String parentIn7A1() {
    return IntStream.range(1, 200).mapToObj("nt-ph-%03d"::formatted)
        .filter(id -> seeded.children(id).stream().anyMatch(c -> c.classId().equals(SeededApi.CLASS_7A1)))
        .findFirst().orElseThrow();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void a_parent_should_download_their_childs_record_book_of_last_year_as_a_pdf_with_every_subject() throws IOException {
    String parent = parentIn7A1();
    Child child = seeded.children(parent).stream().filter(c -> c.classId().equals(SeededApi.CLASS_7A1))
        .findFirst().orElseThrow();
    String name = nameOf(parent, child);

    ApiClient.Download book = seeded.as(parent)
        .download("/v1/students/" + child.studentId() + "/record-book/" + LAST_YEAR);

    assertThat(book.status()).as(new String(book.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(book.header("content-type")).isEqualTo("application/pdf");
    String text = text(book.body());
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    assertThat(text).contains("HỌC BẠ", "Năm học " + LAST_YEAR, name, "Lớp: 6A1", "Trường THCS Nguyễn Trãi");
    for (SubjectPlan plan : Subjects.lowerSecondaryPlan(6)) {
      assertThat(text).contains(Messages.get(Messages.VIETNAMESE, "subject." + plan.subject()));
    }
    assertThat(text).contains("Kết quả rèn luyện", "Xét lên lớp", "GIÁO VIÊN CHỦ NHIỆM", "HIỆU TRƯỞNG")
        .as("last year is complete").doesNotContain("đang cập nhật");
  }

  @Test
  void a_primary_parent_should_download_the_book_with_every_subject_the_four_points_and_the_qualities()
      throws IOException {
    String parent = IntStream.range(1, 100).mapToObj("kd-ph-%03d"::formatted)
        .filter(id -> seeded.children(id).stream().anyMatch(c -> c.classId().equals(SeededApi.CLASS_5A)))
        .findFirst().orElseThrow();
    Child child = seeded.children(parent).stream().filter(c -> c.classId().equals(SeededApi.CLASS_5A))
        .findFirst().orElseThrow();

    ApiClient.Download book = seeded.as(parent)
        .download("/v1/students/" + child.studentId() + "/record-book/" + SeededApi.SCHOOL_YEAR);

    assertThat(book.status()).as(new String(book.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(book.header("content-type")).isEqualTo("application/pdf");
    String text = text(book.body());
    assertThat(text).contains("HỌC BẠ", "TIỂU HỌC", nameOf(parent, child), "Lớp: 5A", "Giữa học kì I",
        "Cuối năm học", "NHỮNG PHẨM CHẤT CHỦ YẾU VÀ NĂNG LỰC", "Đánh giá kết quả giáo dục cuối năm");
    for (PrimarySubject plan : PrimarySubjects.plan(5)) {
      assertThat(text).contains(Messages.get(Messages.VIETNAMESE, "subject." + plan.subject()));
    }
  }

  private String nameOf(String parent, Child child) {
    return seeded.as(parent).get("/v1/me").body().findValues("children").stream()
        .flatMap(children -> java.util.stream.StreamSupport.stream(children.spliterator(), false))
        .filter(c -> c.get("studentId").asText().equals(child.studentId())).findFirst().orElseThrow()
        .get("fullName").asText();
  }

  @Test
  void another_family_and_a_subject_teacher_should_get_404_like_a_pupil_that_does_not_exist() {
    String parent = parentIn7A1();
    Child child = seeded.children(parent).stream().filter(c -> c.classId().equals(SeededApi.CLASS_7A1))
        .findFirst().orElseThrow();
    String other = IntStream.range(1, 200).mapToObj("nt-ph-%03d"::formatted)
        .filter(id -> seeded.children(id).stream().noneMatch(c -> c.studentId().equals(child.studentId())))
        .findFirst().orElseThrow();

    assertProblem(seeded.as(other).get("/v1/students/" + child.studentId() + "/record-book/" + LAST_YEAR), 404,
        "not-found");
    // A subject teacher of the pupil's class sees the marks, not the book.
    assertProblem(seeded.as("nt-gv-05").get("/v1/students/" + child.studentId() + "/record-book/" + LAST_YEAR), 404,
        "not-found");
    assertProblem(seeded.as(parent).get("/v1/students/nt-hs-9999/record-book/" + LAST_YEAR), 404,
        "not-found");
    assertProblem(seeded.as(parent).get("/v1/students/" + child.studentId() + "/record-book/2025-2027"), 400,
        "bad-request");
  }

  @Test
  void the_school_should_print_a_class_and_the_year_should_show_an_award_the_93_note_and_a_retest() throws IOException {
    ApiClient.Download books = seeded.as("nt-vp-01").download("/v1/classes/nt-2025-6a1/record-books/" + LAST_YEAR);

    assertThat(books.status()).isEqualTo(200);
    assertThat(books.header("content-type")).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(books.body())) {
      assertThat(document.getNumberOfPages()).as("a book per pupil").isGreaterThanOrEqualTo(33);
    }
    assertThat(text(books.body())).contains("Học sinh Xuất sắc", "khoản 3 Điều 9", "Kiểm tra lại", "Lên lớp");
    // A teacher with no grant on last year's class (the seed gives none: assignments of a past year) gets 404.
    assertProblem(seeded.as("nt-gv-05").get("/v1/classes/nt-2025-6a1/record-books/" + LAST_YEAR), 404,
        "not-found");
  }
}
