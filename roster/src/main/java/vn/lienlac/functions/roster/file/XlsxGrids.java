package vn.lienlac.functions.roster.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.Text;

/**
 * Reads an .xlsx workbook into {@link Grid}s with POI's event API (SAX over each sheet's XML), not
 * its user model: a 3,000-row roster then costs a few megabytes of heap instead of tens (see the
 * measurement in the roster tests). Keeps cell values, whether a number is formatted as a date, and
 * merged regions; ignores styles otherwise, formulas (their cached value is read) and drawings.
 */
final class XlsxGrids {
  /** The most non-empty cells a workbook may hold (a 10,000-row, 60-column roster fits). */
  static final int MAX_CELLS = 1_000_000;
  /** Columns beyond this are ignored (rosters have about 50). */
  static final int MAX_COLUMNS = 200;

  private XlsxGrids() {}

  static List<Grid> read(byte[] bytes) {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      boolean date1904 = date1904(reader);
      List<Grid> grids = new ArrayList<>();
      int[] cells = {0};
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          SheetHandler handler = new SheetHandler(strings, styles, date1904, cells);
          XMLReader xml = SAXHelper.newXMLReader();
          xml.setContentHandler(handler);
          xml.parse(new InputSource(sheet));
          grids.add(new Grid(Text.clean(sheets.getSheetName()), handler.rows(), handler.merges));
        }
      }
      return grids;
    } catch (TooLarge e) {
      throw new ApiException.BadRequest("roster.file.tooLarge");
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
             | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw new ApiException.BadRequest("roster.file.unreadable");
    }
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  private static boolean date1904(XSSFReader reader) throws IOException, InvalidFormatException {
    try (InputStream workbook = reader.getWorkbookData()) {
      String xml = new String(workbook.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      return xml.matches("(?s).*date1904=\"(1|true)\".*");
    }
  }

  /** Too many cells: the file is refused rather than read into memory. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** One sheet's XML: {@code <row>}, {@code <c r t s>}, {@code <v>}, {@code <is><t>}, {@code <mergeCell ref>}. */
  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final int[] cellCount;
    private final TreeMap<Integer, TreeMap<Integer, Grid.Cell>> rows = new TreeMap<>();
    final List<Grid.Merge> merges = new ArrayList<>();

    private int rowNumber;
    private int nextColumn;
    private int column;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inInlineText;
    private final StringBuilder value = new StringBuilder();

    SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, int[] cellCount) {
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
      this.cellCount = cellCount;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      switch (name) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          nextColumn = 0;
        }
        case "c" -> {
          String r = attributes.getValue("r");
          column = r == null ? nextColumn : Grid.columnOf(r);
          nextColumn = column + 1;
          type = attributes.getValue("t");
          String s = attributes.getValue("s");
          style = s == null ? -1 : Integer.parseInt(s);
          value.setLength(0);
        }
        case "v" -> {
          inValue = true;
          value.setLength(0);
        }
        case "t" -> inInlineText = "inlineStr".equals(type);
        case "mergeCell" -> merge(attributes.getValue("ref"));
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue || inInlineText) {
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      switch (name) {
        case "v" -> inValue = false;
        case "t" -> inInlineText = false;
        case "c" -> cell();
        default -> { }
      }
    }

    private void cell() {
      if (column < 0 || column >= MAX_COLUMNS || value.isEmpty()) {
        return;
      }
      Grid.Cell cell = switch (type == null ? "n" : type) {
        case "s" -> Grid.Cell.text(clean(strings.getItemAt(Integer.parseInt(value.toString().strip())).getString()));
        case "inlineStr", "str" -> Grid.Cell.text(clean(value.toString()));
        case "b" -> new Grid.Cell(Grid.Cell.Kind.BOOLEAN, "1".equals(value.toString().strip()) ? "TRUE" : "FALSE", Double.NaN);
        case "e" -> null;
        case "d" -> Grid.Cell.text(clean(value.toString()));
        default -> number(value.toString().strip());
      };
      if (cell == null || cell.text().isEmpty()) {
        return;
      }
      if (++cellCount[0] > MAX_CELLS) {
        throw new TooLarge();
      }
      rows.computeIfAbsent(rowNumber, r -> new TreeMap<>()).put(column, cell);
    }

    private Grid.Cell number(String raw) {
      double number;
      try {
        number = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        return Grid.Cell.text(clean(raw));
      }
      boolean date = false;
      if (style >= 0 && style < styles.getNumCellStyles()) {
        XSSFCellStyle cellStyle = styles.getStyleAt(style);
        date = DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
      }
      if (date && date1904) {
        number += 1462; // the 1904 system's day 0 is the 1900 system's day 1462
      }
      return Grid.Cell.number(number, date);
    }

    private void merge(String ref) {
      if (ref == null || !ref.contains(":")) {
        return;
      }
      String[] ends = ref.split(":");
      merges.add(new Grid.Merge(rowOf(ends[0]), Grid.columnOf(ends[0]), rowOf(ends[1]), Grid.columnOf(ends[1])));
    }

    private static int rowOf(String reference) {
      int i = 0;
      while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
        i++;
      }
      return Integer.parseInt(reference.substring(i));
    }

    private static String clean(String raw) {
      String text = Text.clean(raw);
      return text == null ? "" : text;
    }

    List<Grid.Row> rows() {
      List<Grid.Row> list = new ArrayList<>(rows.size());
      rows.forEach((number, cells) -> {
        Grid.Cell[] array = new Grid.Cell[cells.lastKey() + 1];
        cells.forEach((c, cell) -> array[c] = cell);
        list.add(new Grid.Row(number, array));
      });
      return list;
    }
  }
}
