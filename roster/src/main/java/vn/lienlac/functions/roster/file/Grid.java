package vn.lienlac.functions.roster.file;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as read from a sheet or a CSV file, before any meaning is given to it: the non-empty rows
 * (1-based numbers as the spreadsheet shows them), their cells by 0-based column, and the merged
 * regions (for two-row headers). Small: only what the file holds, no styles.
 */
record Grid(String sheet, List<Row> rows, List<Merge> merges) {

  /** One cell's value: text (NFC, trimmed), a number, a date cell (its serial number), or a boolean. */
  record Cell(Kind kind, String text, double number) {
    enum Kind { TEXT, NUMBER, DATE, BOOLEAN }

    static Cell text(String text) {
      return new Cell(Kind.TEXT, text, Double.NaN);
    }

    static Cell number(double value, boolean date) {
      return new Cell(date ? Kind.DATE : Kind.NUMBER, plain(value), value);
    }

    /** A number as a person reads it: 912345678, not 9.12345678E8; 6.5 stays 6.5. */
    static String plain(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return "";
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /** A row: its number and its cells by column (null where empty). */
  record Row(int number, Cell[] cells) {
    Cell cell(int column) {
      return column >= 0 && column < cells.length ? cells[column] : null;
    }

    /** The cell's text, or null when empty. */
    String text(int column) {
      Cell cell = cell(column);
      return cell == null || cell.text().isEmpty() ? null : cell.text();
    }

    boolean isBlank() {
      for (Cell cell : cells) {
        if (cell != null && !cell.text().isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }

  /** A merged region, rows 1-based, columns 0-based, inclusive. */
  record Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
    boolean contains(int row, int column) {
      return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
    }
  }

  /** The spreadsheet's letters for a 0-based column: 0 → A, 25 → Z, 26 → AA. */
  static String columnLetter(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.toString();
  }

  /** The 0-based column of a cell reference such as {@code AB12}; -1 when it has no letters. */
  static int columnOf(String reference) {
    int column = 0;
    int i = 0;
    while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
      column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
      i++;
    }
    return i == 0 ? -1 : column - 1;
  }

  /** Rows as a list builder, for readers. */
  static List<Row> newRows() {
    return new ArrayList<>();
  }
}
