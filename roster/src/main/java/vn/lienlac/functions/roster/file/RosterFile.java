package vn.lienlac.functions.roster.file;

import java.util.List;

/**
 * Everything read from one uploaded file: how it was read (format, the text encoding and separator
 * of a CSV file, the header mapping of each table), the accepted pupil rows, the rejected rows with
 * their reasons, the classes (when the file has a classes sheet), and what was skipped on purpose.
 *
 * @param encoding for CSV: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1258"; null for xlsx
 * @param separator for CSV: ',', ';' or '\t'; null for xlsx
 * @param exampleRows rows skipped because STT says {@code VD}/{@code Ví dụ}
 * @param ignoredRows totals, signatures, notes and blank rows below or between the tables
 */
public record RosterFile(
    FileFormat format,
    String encoding,
    Character separator,
    List<SheetMapping> mappings,
    List<RosterRow> rows,
    List<RejectedRow> rejected,
    List<ClassRow> classes,
    int exampleRows,
    int ignoredRows) {

  public RosterFile {
    mappings = List.copyOf(mappings);
    rows = List.copyOf(rows);
    rejected = List.copyOf(rejected);
    classes = List.copyOf(classes);
  }
}
