package vn.lienlac.functions.payments.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.payments.Receipt;

class ReceiptPdfTest {

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void render_should_write_vietnamese_text_that_extracts_exactly() throws IOException {
    byte[] pdf = ReceiptPdf.render(Samples.receipt(), Messages.VIETNAMESE);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    assertThat(text)
        .contains("Trường THCS Nguyễn Trãi")
        .contains("BIÊN LAI THU TIỀN")
        .contains("BL-2026-000123")
        .contains("Nguyễn Thị Hương")
        .contains("Trần Đức Anh")
        .contains("Tiền ăn bán trú tháng 11")
        .contains("1.250.000\u00A0₫")
        .contains("2.434.520\u00A0₫")
        .contains("Chuyển khoản ngân hàng (VietQR)")
        .contains("FT26325123456789")
        .contains("21/11/2026 10:05");
  }

  @Test
  void render_should_embed_a_subset_of_the_unicode_font() throws IOException {
    try (PDDocument document = Loader.loadPDF(ReceiptPdf.render(Samples.receipt(), Messages.VIETNAMESE))) {
      List<String> fonts = new java.util.ArrayList<>();
      for (var name : document.getPage(0).getResources().getFontNames()) {
        PDFont font = document.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        fonts.add(font.getName());
      }
      assertThat(fonts).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans.*"));
    }
  }

  @Test
  void render_should_print_decomposed_names_as_nfc_and_survive_characters_the_font_lacks() throws IOException {
    Receipt sample = Samples.receipt();
    String nfd = Normalizer.normalize("Phạm Thu Hà", Normalizer.Form.NFD);
    Receipt receipt = new Receipt(sample.number(), sample.paymentId(), sample.schoolId(), sample.schoolName(),
        List.of(new Receipt.Line("inv-1", "s1", nfd, null, "Học phí 学 \u0007", 10)), 10, Receipt.Method.CASH, null,
        sample.paidAt());
    String text = text(ReceiptPdf.render(receipt, Messages.ENGLISH));
    assertThat(text).contains("Phạm Thu Hà").contains("Học phí ? ?").contains("PAYMENT RECEIPT").contains("Cash")
        .doesNotContain("Transaction id");
  }

  @Test
  void render_should_continue_on_a_second_page_when_the_lines_do_not_fit() throws IOException {
    Receipt sample = Samples.receipt();
    List<Receipt.Line> many = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(new Receipt.Line("inv-" + i, "s" + i, "Nguyễn Văn Học Sinh Số " + i, "6A1", "Tiền ăn bán trú tháng 11", 1000));
    }
    byte[] pdf = ReceiptPdf.render(new Receipt(sample.number(), sample.paymentId(), sample.schoolId(),
        sample.schoolName(), many, 60_000, Receipt.Method.VNPAY, "14123456", sample.paidAt()), Messages.VIETNAMESE);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
    assertThat(text(pdf)).contains("Nguyễn Văn Học Sinh Số 59").contains("60.000\u00A0₫");
  }
}
