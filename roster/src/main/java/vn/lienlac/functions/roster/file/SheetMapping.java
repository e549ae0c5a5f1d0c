package vn.lienlac.functions.roster.file;

import java.util.List;

/**
 * How one table of the file was read, to be shown back to staff before anything is imported: the
 * sheet ({@code null} for a CSV file), what it holds, the 1-based row of its header (the first of
 * two for a two-row header), the recognised columns and the header texts that matched nothing.
 */
public record SheetMapping(
    String sheet,
    Kind kind,
    int headerRow,
    int headerRows,
    List<ColumnMapping> columns,
    List<String> unrecognised) {

  /** Pupils (one per row) or classes with their teachers. */
  public enum Kind { PUPILS, CLASSES }

  public SheetMapping {
    columns = List.copyOf(columns);
    unrecognised = List.copyOf(unrecognised);
  }
}
