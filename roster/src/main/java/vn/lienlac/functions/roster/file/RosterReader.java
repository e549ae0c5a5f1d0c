package vn.lienlac.functions.roster.file;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.common.SchoolTime;

/**
 * Reads a roster file (.xlsx or .csv) into checked pupil rows, rejected rows and classes. Pure: no
 * I/O beyond the bytes given, no DynamoDB; safe to call from a dry run and from each chunk of the
 * import job (the same bytes always give the same result).
 *
 * <p>Headers are found by their text, never by column position, anywhere in the first
 * {@value #HEADER_SEARCH_ROWS} rows of each sheet, in Vietnamese with or without diacritics or in
 * English. A workbook may hold one pupils' sheet, one sheet per class (the class named in a title row
 * above the header), and a classes sheet (class, grade, homeroom and subject teachers).
 *
 * <p>File-level problems (not a workbook, an encrypted or old .xls file, no recognisable header,
 * more than {@link Options#maxRows()} rows) are thrown as {@link ApiException.BadRequest} with a
 * {@code roster.file.*} key; row-level problems are {@link RejectedRow}s.
 */
public final class RosterReader {
  /** How many rows from the top of a sheet may precede its header. */
  public static final int HEADER_SEARCH_ROWS = 12;
  /** The default limit of data rows in one file (a large school has about 3,000 pupils). */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  private final Options options;

  /**
   * What the reader checks rows against.
   *
   * @param today the school's today (future births are rejected)
   * @param schoolYearStart the first day of the school year the roster is for; a pupil must be 5 to
   *     25 years old (inclusive) on that day
   * @param knownClasses class names that exist (compared by {@link ClassNames#key}); null: the
   *     classes sheet decides when the file has one, else every class is accepted (and will be created)
   * @param maxRows the most data rows a file may have
   */
  public record Options(LocalDate today, LocalDate schoolYearStart, Set<String> knownClasses, int maxRows) {
    public Options {
      knownClasses = knownClasses == null ? null : Set.copyOf(knownClasses);
    }

    /** Today from the clock (in Vietnam), the school year that is running or starts this autumn, no class list. */
    public static Options at(Clock clock) {
      LocalDate today = SchoolTime.today(clock);
      return new Options(today, RosterReader.schoolYearStart(today), null, DEFAULT_MAX_ROWS);
    }

    public Options withKnownClasses(Set<String> classes) {
      return new Options(today, schoolYearStart, classes, maxRows);
    }

    public Options withSchoolYearStart(LocalDate start) {
      return new Options(today, start, knownClasses, maxRows);
    }

    public Options withMaxRows(int rows) {
      return new Options(today, schoolYearStart, knownClasses, rows);
    }
  }

  Options options() {
    return options;
  }

  public RosterReader(Options options) {
    this.options = options;
  }

  /**
   * The school year a roster read on {@code today} is for: from June on, the one that starts on
   * 5 September this year (schools import over the summer); before June, the running one (5 September
   * last year).
   */
  public static LocalDate schoolYearStart(LocalDate today) {
    int year = today.getMonthValue() >= Month.JUNE.getValue() ? today.getYear() : today.getYear() - 1;
    return LocalDate.of(year, Month.SEPTEMBER, 5);
  }

  /**
   * Reads the file. The format is recognised from the bytes ({@link FileFormat#sniff}).
   *
   * @throws ApiException.BadRequest when the file as a whole cannot be read as a roster
   */
  public RosterFile read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new ApiException.BadRequest(Reasons.FILE_NO_HEADER);
    }
    if (isOle2(bytes)) {
      throw new ApiException.BadRequest(Reasons.FILE_OLD_EXCEL);
    }
    FileFormat format = FileFormat.sniff(bytes);
    List<Grid> grids;
    String encoding = null;
    Character separator = null;
    if (format == FileFormat.XLSX) {
      grids = XlsxGrids.read(bytes);
    } else {
      CsvGrids.Read csv = CsvGrids.read(bytes, options.maxRows());
      grids = List.of(csv.grid());
      encoding = csv.encoding();
      separator = csv.separator();
    }
    List<Tables.Table> tables = new ArrayList<>();
    for (Grid grid : grids) {
      Tables.Table table = Tables.find(grid);
      if (table != null) {
        tables.add(table);
      }
    }
    if (tables.isEmpty()) {
      throw new ApiException.BadRequest(Reasons.FILE_NO_HEADER);
    }
    RowChecks checks = new RowChecks(options);
    // Classes first: the pupils' classes are checked against them, whatever the sheets' order.
    tables.stream().filter(t -> t.kind() == SheetMapping.Kind.CLASSES).forEach(checks::classes);
    tables.stream().filter(t -> t.kind() == SheetMapping.Kind.PUPILS).forEach(checks::pupils);
    return new RosterFile(format, encoding, separator, tables.stream().map(Tables.Table::mapping).toList(),
        checks.rows(), checks.rejected(), checks.classRows(), checks.exampleRows(), checks.ignoredRows());
  }

  /** An OLE2 compound file: an old .xls workbook, or an .xlsx protected by a password. */
  private static boolean isOle2(byte[] bytes) {
    return bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
        && (bytes[3] & 0xFF) == 0xE0;
  }
}
