package vn.lienlac.functions.roster.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.Text;

/**
 * Reads a text roster into a {@link Grid}: finds the encoding (a byte-order mark; else valid UTF-8;
 * else Windows-1258, the Vietnamese ANSI code page Excel uses for "CSV" on a Vietnamese Windows) and
 * the separator (comma, semicolon: Excel in locales with a decimal comma, tab: Excel's "Unicode
 * text"). Windows-1258 writes tones as combining marks, so every cell is NFC-normalised.
 */
final class CsvGrids {
  static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
  private static final char[] SEPARATORS = {',', ';', '\t'};
  /** How many records decide the separator. */
  private static final int SAMPLE_RECORDS = 40;

  private CsvGrids() {}

  /** The decoded text and what it was decoded from. */
  record Decoded(String text, String encoding) {}

  record Read(Grid grid, String encoding, char separator) {}

  static Read read(byte[] bytes, int maxRows) {
    Decoded decoded = decode(bytes);
    if (decoded.text().indexOf('\u0000') >= 0) {
      throw new ApiException.BadRequest("roster.file.unreadable");
    }
    char separator = separator(decoded.text());
    List<Grid.Row> rows = new ArrayList<>();
    try (CSVParser parser = format(separator).parse(new StringReader(decoded.text()))) {
      for (CSVRecord record : parser) {
        if (record.getRecordNumber() > (long) maxRows + 200) {
          throw new ApiException.BadRequest("roster.file.tooManyRows", maxRows);
        }
        Grid.Cell[] cells = new Grid.Cell[Math.min(record.size(), XlsxGrids.MAX_COLUMNS)];
        for (int c = 0; c < cells.length; c++) {
          String text = Text.clean(record.get(c));
          cells[c] = text == null || text.isEmpty() ? null : Grid.Cell.text(text);
        }
        Grid.Row row = new Grid.Row((int) record.getRecordNumber(), cells);
        if (!row.isBlank()) {
          rows.add(row);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new ApiException.BadRequest("roster.file.unreadable");
    }
    return new Read(new Grid(null, rows, List.of()), decoded.encoding(), separator);
  }

  private static CSVFormat format(char separator) {
    return CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
  }

  /** The text of the file: BOM first, then strict UTF-8, then Windows-1258 (NFC is applied per cell). */
  static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8).orElseThrow(CsvGrids::unreadable), "UTF-8");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE).orElseThrow(CsvGrids::unreadable), "UTF-16LE");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE).orElseThrow(CsvGrids::unreadable), "UTF-16BE");
    }
    Optional<String> utf8 = Text.fromUtf8(bytes);
    if (utf8.isPresent()) {
      return new Decoded(utf8.get(), "UTF-8");
    }
    return new Decoded(strict(bytes, 0, WINDOWS_1258).orElseThrow(CsvGrids::unreadable), "windows-1258");
  }

  private static ApiException unreadable() {
    return new ApiException.BadRequest("roster.file.unreadable");
  }

  private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
    try {
      return Optional.of(charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The separator that splits the first records into the most cells (quotes respected: an address
   * "Số 12, phường 3" in quotes does not count); comma wins ties.
   */
  static char separator(String text) {
    char best = ',';
    long bestCells = -1;
    for (char candidate : SEPARATORS) {
      long cells = 0;
      try (CSVParser parser = format(candidate).parse(new StringReader(text))) {
        int n = 0;
        for (CSVRecord record : parser) {
          long filled = record.stream().filter(v -> v != null && !v.isBlank()).count();
          cells += filled;
          if (++n >= SAMPLE_RECORDS) {
            break;
          }
        }
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        cells = -1; // this separator does not even parse
      }
      if (cells > bestCells) {
        best = candidate;
        bestCells = cells;
      }
    }
    return best;
  }
}
