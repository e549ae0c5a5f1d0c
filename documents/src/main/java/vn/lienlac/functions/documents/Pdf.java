package vn.lienlac.functions.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document written top to bottom, with DejaVu Sans (regular and bold) embedded as a subset:
 * it covers Vietnamese (every precomposed letter such as {@code ễ}, {@code ươ}) and the dong sign,
 * so that any reader shows it the same. Text is NFC before it is drawn; a character the font lacks
 * prints as {@code ?} ({@link #printable}). The cursor {@link #y()} is the baseline of the last
 * line drawn; {@link #ensureRoom} starts a new page when the next block does not fit above the
 * bottom margin. The one place the payments receipt and the record book get their font and page.
 */
public final class Pdf implements AutoCloseable {
  private static final String FONTS = "/vn/lienlac/functions/documents/fonts/";

  public final PDType0Font regular;
  public final PDType0Font bold;
  private final PDDocument document;
  private final float margin;
  private PDPageContentStream stream;
  private PDPage page;
  private float y;

  private Pdf(PDDocument document, float margin) throws IOException {
    this.document = document;
    this.margin = margin;
    this.regular = font(document, "DejaVuSans.ttf");
    this.bold = font(document, "DejaVuSans-Bold.ttf");
  }

  /** A new, empty A4 document with this margin on every side; the first page comes with {@link #newPage}. */
  public static Pdf a4(float margin) {
    PDDocument document = new PDDocument();
    try {
      return new Pdf(document, margin);
    } catch (IOException e) {
      closeQuietly(document);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(document);
      throw e;
    }
  }

  /** Title, producer and the creation and modification dates (a document's own time, so the bytes are reproducible). */
  public void info(String title, OffsetDateTime created) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("Lienlac");
    GregorianCalendar calendar = GregorianCalendar.from(created.toZonedDateTime());
    info.setCreationDate(calendar);
    info.setModificationDate(calendar);
  }

  /** The document's bytes; closes the open page. */
  public byte[] save() {
    try {
      closeStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      closeStream();
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int pages() {
    return document.getNumberOfPages();
  }

  public void newPage() {
    try {
      closeStream();
      page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = page.getMediaBox().getHeight() - margin;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public float y() {
    return y;
  }

  /** Moves the cursor down (a positive gap) or up. */
  public void down(float gap) {
    y -= gap;
  }

  public float margin() {
    return margin;
  }

  public float left() {
    return margin;
  }

  public float right() {
    return page.getMediaBox().getWidth() - margin;
  }

  /** Starts a new page when {@code height} more points below the cursor would cross {@code bottomReserve} above the bottom margin. */
  public boolean ensureRoom(float height, float bottomReserve) {
    if (y - height < margin + bottomReserve) {
      newPage();
      return true;
    }
    return false;
  }

  /** Moves down one line of this size (1.5 × size) and draws the text at {@code x}. */
  public void line(PDType0Font font, float size, float x, String value) {
    y -= size * 1.5f;
    cell(font, size, x, y, value);
  }

  /** Draws the text with its baseline at {@code at}, starting at {@code x}. */
  public void cell(PDType0Font font, float size, float x, float at, String value) {
    try {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, at);
      stream.showText(printable(font, value));
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void rightAligned(PDType0Font font, float size, float right, float at, String value) {
    String shown = printable(font, value);
    cell(font, size, right - width(font, size, shown), at, shown);
  }

  public void centered(PDType0Font font, float size, float center, float at, String value) {
    String shown = printable(font, value);
    cell(font, size, center - width(font, size, shown) / 2, at, shown);
  }

  /** The printed width of a text, in points. */
  public float width(PDType0Font font, float size, String value) {
    try {
      return font.getStringWidth(printable(font, value)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text broken at spaces into lines no wider than {@code width} (a single longer word keeps its own line). */
  public List<String> wrap(PDType0Font font, float size, String value, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : printable(font, value).split(" ")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (!current.isEmpty() && width(font, size, candidate) > width) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(candidate);
      }
    }
    lines.add(current.toString());
    return lines;
  }

  /** A straight line from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}). */
  public void stroke(float x1, float y1, float x2, float y2) {
    try {
      stream.moveTo(x1, y1);
      stream.lineTo(x2, y2);
      stream.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** NFC, and {@code ?} for each character the font cannot draw (or control characters). */
  public static String printable(PDType0Font font, String value) {
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

  private void closeStream() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  private static void closeQuietly(PDDocument document) {
    try {
      document.close();
    } catch (IOException ignored) {
      // the first failure is the one to report
    }
  }

  private static PDType0Font font(PDDocument document, String file) throws IOException {
    try (InputStream in = Pdf.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException("Font missing from the artifact: " + file);
      }
      return PDType0Font.load(document, in, true);
    }
  }
}
