package vn.lienlac.functions.roster.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small roster files for the reader's tests: workbooks cell by cell, and text in the encodings Excel writes. */
final class TestFiles {
  private TestFiles() {}

  /** A sheet: rows of cells (String, Number, LocalDate as a date cell, null), 1-based merges "A4:A5". */
  record SheetSpec(String name, List<Object[]> rows, List<String> merges) {}

  static SheetSpec sheet(String name, List<Object[]> rows, String... merges) {
    return new SheetSpec(name, rows, List.of(merges));
  }

  static Object[] row(Object... cells) {
    return cells;
  }

  static byte[] xlsx(SheetSpec... sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (SheetSpec spec : sheets) {
        Sheet sheet = workbook.createSheet(spec.name());
        for (int r = 0; r < spec.rows().size(); r++) {
          Object[] cells = spec.rows().get(r);
          if (cells == null) {
            continue;
          }
          Row row = sheet.createRow(r);
          for (int c = 0; c < cells.length; c++) {
            Object value = cells[c];
            if (value == null) {
              continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
              cell.setCellValue(d);
              cell.setCellStyle(dateStyle);
            } else {
              cell.setCellValue(value.toString());
            }
          }
        }
        for (String merge : spec.merges()) {
          sheet.addMergedRegion(CellRangeAddress.valueOf(merge));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text as Windows writes it in code page 1258: letters with circumflex, breve and horn precomposed
   * (the code page has them), tones as separate combining marks (it has no precomposed toned letters
   * for most vowels).
   */
  static byte[] windows1258(String text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    StringBuilder cluster = new StringBuilder();
    StringBuilder tones = new StringBuilder();
    for (int i = 0; i < nfd.length(); i++) {
      char ch = nfd.charAt(i);
      boolean mark = Character.getType(ch) == Character.NON_SPACING_MARK;
      if (!mark) {
        flush(out, cluster, tones);
        cluster.append(ch);
      } else if ("\u0300\u0301\u0303\u0309\u0323".indexOf(ch) >= 0) {
        tones.append(ch);
      } else {
        cluster.append(ch);
      }
    }
    flush(out, cluster, tones);
    try {
      ByteBuffer bytes = Charset.forName("windows-1258").newEncoder()
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(out));
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      return array;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not encodable in windows-1258: " + text, e);
    }
  }

  private static void flush(StringBuilder out, StringBuilder cluster, StringBuilder tones) {
    out.append(Normalizer.normalize(cluster, Normalizer.Form.NFC)).append(tones);
    cluster.setLength(0);
    tones.setLength(0);
  }

  /** The bytes of {@code text} in {@code charset}, after a byte-order mark when one is given. */
  static byte[] bytes(String text, Charset charset, int... bom) {
    byte[] body = text.getBytes(charset);
    byte[] all = new byte[bom.length + body.length];
    for (int i = 0; i < bom.length; i++) {
      all[i] = (byte) bom[i];
    }
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  /** A map of column letters to fields, from a mapping, to compare in one assertion. */
  static Map<String, Field> fields(SheetMapping mapping) {
    Map<String, Field> fields = new LinkedHashMap<>();
    mapping.columns().forEach(c -> fields.put(c.column(), c.field()));
    return fields;
  }

  static List<Object[]> rows(Object[]... rows) {
    return new ArrayList<>(java.util.Arrays.asList(rows));
  }
}
