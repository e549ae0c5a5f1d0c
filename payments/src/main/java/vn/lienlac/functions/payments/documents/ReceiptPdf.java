package vn.lienlac.functions.payments.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienlac.functions.documents.Pdf;
import vn.lienlac.functions.documents.Vnd;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.payments.Receipt;

/**
 * The receipt as a PDF (A4), in the shared documents' embedded Unicode font ({@link Pdf}: NFC, a
 * character the font lacks prints as {@code ?}). Labels follow the caller's language; names and
 * fee names are printed as stored.
 */
public final class ReceiptPdf {
  private static final float MARGIN = 50;
  private static final float[] COLUMNS = {MARGIN, MARGIN + 30, MARGIN + 190, MARGIN + 240, MARGIN + 495};

  private ReceiptPdf() {}

  public static byte[] render(Receipt receipt, Locale locale) {
    try (Pdf pdf = Pdf.a4(MARGIN)) {
      pdf.info(text(locale, "payments.receipt.title") + " " + receipt.number(), receipt.paidAt());
      write(pdf, receipt, locale);
      return pdf.save();
    }
  }

  private static String text(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  /** Draws top to bottom, starting a new page when the table runs out of room. */
  private static void write(Pdf pdf, Receipt receipt, Locale locale) {
    PDType0Font regular = pdf.regular;
    PDType0Font bold = pdf.bold;
    pdf.newPage();
    pdf.line(bold, 16, MARGIN, receipt.schoolName());
    pdf.down(8);
    pdf.line(bold, 20, MARGIN, text(locale, "payments.receipt.title"));
    pdf.line(regular, 11, MARGIN, text(locale, "payments.receipt.number") + ": " + receipt.number());
    pdf.line(regular, 11, MARGIN, text(locale, "payments.receipt.paidAt") + ": " + Vnd.time(receipt.paidAt())
        + " (" + text(locale, "payments.receipt.zone") + ")");
    pdf.line(regular, 11, MARGIN, text(locale, "payments.receipt.method") + ": "
        + text(locale, "payments.receipt.method." + receipt.method().name()));
    if (receipt.providerTransactionId() != null) {
      pdf.line(regular, 11, MARGIN, text(locale, "payments.receipt.transaction") + ": " + receipt.providerTransactionId());
    }
    pdf.down(12);
    String[] header = {
        text(locale, "payments.receipt.column.no"), text(locale, "payments.receipt.column.pupil"),
        text(locale, "payments.receipt.column.class"), text(locale, "payments.receipt.column.item"),
        text(locale, "payments.receipt.column.amount")};
    row(pdf, bold, header);
    int n = 1;
    for (Receipt.Line item : receipt.lines()) {
      row(pdf, regular, new String[] {
          Integer.toString(n++), item.studentName(), item.className() == null ? "" : item.className(),
          item.feeName(), Vnd.format(item.amount())});
    }
    pdf.down(6);
    pdf.stroke(MARGIN, pdf.y() + 10, COLUMNS[4] + 0.1f, pdf.y() + 10);
    pdf.cell(bold, 12, COLUMNS[3], pdf.y(), text(locale, "payments.receipt.total"));
    pdf.rightAligned(bold, 12, COLUMNS[4], pdf.y(), Vnd.format(receipt.total()));
    pdf.down(40);
    pdf.line(regular, 9, MARGIN, text(locale, "payments.receipt.footer"));
  }

  /** One table row; the pupil and item columns wrap, the amount is right-aligned. */
  private static void row(Pdf pdf, PDType0Font font, String[] cells) {
    float size = 10;
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < 4; i++) {
      List<String> lines = pdf.wrap(font, size, cells[i], COLUMNS[i + 1] - COLUMNS[i] - 6);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    pdf.ensureRoom(height * size * 1.4f, 60);
    pdf.down(size * 1.6f);
    for (int i = 0; i < 4; i++) {
      for (int l = 0; l < wrapped.get(i).size(); l++) {
        pdf.cell(font, size, COLUMNS[i], pdf.y() - l * size * 1.3f, wrapped.get(i).get(l));
      }
    }
    pdf.rightAligned(font, size, COLUMNS[4], pdf.y(), cells[4]);
    pdf.down((height - 1) * size * 1.3f);
  }
}
