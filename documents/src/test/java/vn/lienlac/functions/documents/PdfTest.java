package vn.lienlac.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTest {

  @Test
  void a_page_should_carry_vietnamese_text_as_nfc_with_a_question_mark_for_what_the_font_lacks() throws IOException {
    byte[] bytes;
    try (Pdf pdf = Pdf.a4(40)) {
      pdf.info("Học bạ", OffsetDateTime.parse("2026-11-21T10:00:00+07:00"));
      pdf.newPage();
      pdf.line(pdf.bold, 14, pdf.left(), Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD));
      pdf.line(pdf.regular, 10, pdf.left(), "Ngữ văn 学");
      bytes = pdf.save();
    }
    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Nguyễn Thị Hương").contains("Ngữ văn ?");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Học bạ");
    }
  }

  @Test
  void a_block_that_does_not_fit_should_start_a_new_page() {
    try (Pdf pdf = Pdf.a4(40)) {
      pdf.newPage();
      assertThat(pdf.ensureRoom(100, 0)).isFalse();
      pdf.down(pdf.y() - 80);
      assertThat(pdf.ensureRoom(100, 0)).isTrue();
      assertThat(pdf.pages()).isEqualTo(2);
    }
  }

  @Test
  void wrap_should_break_at_spaces_within_the_width() {
    try (Pdf pdf = Pdf.a4(40)) {
      var lines = pdf.wrap(pdf.regular, 10, "Em chăm ngoan, tích cực phát biểu xây dựng bài", 80);
      assertThat(lines).hasSizeGreaterThan(2).allMatch(l -> pdf.width(pdf.regular, 10, l) <= 80 || !l.contains(" "));
      assertThat(String.join(" ", lines)).isEqualTo("Em chăm ngoan, tích cực phát biểu xây dựng bài");
    }
  }
}
