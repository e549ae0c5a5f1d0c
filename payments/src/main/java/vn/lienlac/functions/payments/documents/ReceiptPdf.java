package vn.lienlac.functions.payments.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.payments.Receipt;

/**
 * The receipt as a PDF (A4), with DejaVu Sans embedded as a subset (it covers Vietnamese: every
 * precomposed letter such as {@code ễ}, {@code ươ}, and the dong sign), so that any reader shows it
 * the same. Text is NFC before it is drawn; a character the font lacks prints as {@code ?}.
 * Labels follow the caller's language; names and fee names are printed as stored.
 */
public final class ReceiptPdf {
  private static final String FONTS = "/vn/lienlac/functions/payments/documents/fonts/";
  private static final float MARGIN = 50;
  private static final float[] COLUMNS = {MARGIN, MARGIN + 30, MARGIN + 190, MARGIN + 240, MARGIN + 495};

  private ReceiptPdf() {}

  public static byte[] render(Receipt receipt, Locale locale) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font regular = font(document, "DejaVuSans.ttf");
      PDType0Font bold = font(document, "DejaVuSans-Bold.ttf");
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(text(locale, "payments.receipt.title") + " " + receipt.number());
      info.setProducer("Lienlac");
      GregorianCalendar created = GregorianCalendar.from(receipt.paidAt().toZonedDateTime());
      info.setCreationDate(created);
      info.setModificationDate(created);
      new Writer(document, regular, bold).write(receipt, locale);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDType0Font font(PDDocument document, String file) throws IOException {
    try (InputStream in = ReceiptPdf.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException("Font missing from the artifact: " + file);
      }
      return PDType0Font.load(document, in, true);
    }
  }

  private static String text(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  /** Draws top to bottom, starting a new page when the table runs out of room. */
  private static final class Writer {
    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document, PDType0Font regular, PDType0Font bold) {
      this.document = document;
      this.regular = regular;
      this.bold = bold;
    }

    void write(Receipt receipt, Locale locale) throws IOException {
      newPage();
      line(bold, 16, MARGIN, receipt.schoolName());
      y -= 8;
      line(bold, 20, MARGIN, text(locale, "payments.receipt.title"));
      line(regular, 11, MARGIN, text(locale, "payments.receipt.number") + ": " + receipt.number());
      line(regular, 11, MARGIN, text(locale, "payments.receipt.paidAt") + ": " + Vnd.time(receipt.paidAt())
          + " (" + text(locale, "payments.receipt.zone") + ")");
      line(regular, 11, MARGIN, text(locale, "payments.receipt.method") + ": "
          + text(locale, "payments.receipt.method." + receipt.method().name()));
      if (receipt.providerTransactionId() != null) {
        line(regular, 11, MARGIN, text(locale, "payments.receipt.transaction") + ": " + receipt.providerTransactionId());
      }
      y -= 12;
      String[] header = {
          text(locale, "payments.receipt.column.no"), text(locale, "payments.receipt.column.pupil"),
          text(locale, "payments.receipt.column.class"), text(locale, "payments.receipt.column.item"),
          text(locale, "payments.receipt.column.amount")};
      row(bold, header);
      int n = 1;
      for (Receipt.Line item : receipt.lines()) {
        row(regular, new String[] {
            Integer.toString(n++), item.studentName(), item.className() == null ? "" : item.className(),
            item.feeName(), Vnd.format(item.amount())});
      }
      y -= 6;
      stream.moveTo(MARGIN, y + 10);
      stream.lineTo(COLUMNS[4] + 0.1f, y + 10);
      stream.stroke();
      cell(bold, 12, COLUMNS[3], y, text(locale, "payments.receipt.total"));
      rightAligned(bold, 12, COLUMNS[4], y, Vnd.format(receipt.total()));
      y -= 40;
      line(regular, 9, MARGIN, text(locale, "payments.receipt.footer"));
      stream.close();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void line(PDType0Font font, float size, float x, String value) throws IOException {
      y -= size * 1.5f;
      cell(font, size, x, y, value);
    }

    /** One table row; the pupil and item columns wrap, the amount is right-aligned. */
    private void row(PDType0Font font, String[] cells) throws IOException {
      float size = 10;
      List<List<String>> wrapped = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < 4; i++) {
        List<String> lines = wrap(font, size, cells[i], COLUMNS[i + 1] - COLUMNS[i] - 6);
        wrapped.add(lines);
        height = Math.max(height, lines.size());
      }
      if (y - height * size * 1.4f < MARGIN + 60) {
        newPage();
      }
      y -= size * 1.6f;
      for (int i = 0; i < 4; i++) {
        for (int l = 0; l < wrapped.get(i).size(); l++) {
          cell(font, size, COLUMNS[i], y - l * size * 1.3f, wrapped.get(i).get(l));
        }
      }
      rightAligned(font, size, COLUMNS[4], y, cells[4]);
      y -= (height - 1) * size * 1.3f;
    }

    private void cell(PDType0Font font, float size, float x, float at, String value) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, at);
      stream.showText(printable(font, value));
      stream.endText();
    }

    private void rightAligned(PDType0Font font, float size, float right, float at, String value) throws IOException {
      String shown = printable(font, value);
      cell(font, size, right - font.getStringWidth(shown) / 1000 * size, at, shown);
    }

    private static List<String> wrap(PDType0Font font, float size, String value, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : printable(font, value).split(" ")) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
          lines.add(current.toString());
          current = new StringBuilder(word);
        } else {
          current = new StringBuilder(candidate);
        }
      }
      lines.add(current.toString());
      return lines;
    }
  }

  /** NFC, and {@code ?} for each character the font cannot draw (or control characters). */
  static String printable(PDType0Font font, String value) {
    String nfc = Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints().forEach(cp -> {
      String one = Character.toString(cp);
      boolean drawable;
      try {
        // Identity-H: the two bytes are the glyph id; 0 is .notdef (an empty box), not the character.
        byte[] code = font.encode(one);
        drawable = !Character.isISOControl(cp) && code.length == 2 && ((code[0] & 0xFF) << 8 | (code[1] & 0xFF)) != 0;
      } catch (IllegalArgumentException | IOException e) {
        drawable = false;
      }
      out.append(drawable ? one : "?");
    });
    return out.toString();
  }
}
