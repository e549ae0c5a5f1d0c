package vn.lienlac.functions.roster.file;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the table in a {@link Grid}: the header row (anywhere in the first
 * {@value RosterReader#HEADER_SEARCH_ROWS} rows, one row or two with merged group cells), what kind
 * of table it is (pupils or classes), the column of each field, and the class named in a title row
 * above the header ("DANH SÁCH HỌC SINH LỚP 6A1") for workbooks with one sheet per class.
 */
final class Tables {
  static final Set<Field> PUPIL_FIELDS = EnumSet.range(Field.STT, Field.PERSONAL_ID);
  static final Set<Field> CLASS_FIELDS = EnumSet.of(Field.STT, Field.CLASS, Field.GRADE, Field.HOMEROOM_TEACHER,
      Field.HOMEROOM_PHONE, Field.SUBJECT, Field.SUBJECT_TEACHER, Field.SUBJECT_TEACHER_PHONE);
  private static final Pattern TITLE_CLASS =
      Pattern.compile("(?iu)(?:^|[^\\p{L}])l[ớơoỚƠO]p\\s*:?\\s*([0-9]{1,2}(?:\\s?[\\p{L}0-9]{1,4})?(?:[./-][0-9\\p{L}]{1,3})?)(?![\\p{L}0-9])");
  private static final Pattern CLASS_LIKE = Pattern.compile("(?iu)^(?:l[ớo]p\\s*)?(1[0-2]|[1-9])[\\p{L}0-9./ -]{0,6}$");

  private Tables() {}

  /**
   * A recognised table.
   *
   * @param headerIndex index in {@code grid.rows()} of the (first) header row
   * @param columns the column of each recognised field (the first such column)
   * @param headerTexts the folded header text of each column, to recognise a repeated header
   * @param titleClass the class named above the header or by the sheet's name, or null
   */
  record Table(Grid grid, SheetMapping.Kind kind, int headerIndex, int headerRows, Map<Field, Integer> columns,
      Map<Integer, String> headerTexts, SheetMapping mapping, String titleClass) {}

  private record Candidate(SheetMapping.Kind kind, int score, Map<Field, Integer> columns, List<ColumnMapping> mapped,
      List<String> unrecognised, Map<Integer, String> texts) {}

  /** The table of this grid, or null when no row of its top looks like a roster's header. */
  static Table find(Grid grid) {
    List<Grid.Row> rows = grid.rows();
    Table best = null;
    int bestScore = 0;
    for (int i = 0; i < rows.size() && rows.get(i).number() <= RosterReader.HEADER_SEARCH_ROWS; i++) {
      Grid.Row row = rows.get(i);
      Candidate single = candidate(headers(row, null, grid.merges()));
      Candidate twoRows = null;
      if (i + 1 < rows.size() && rows.get(i + 1).number() == row.number() + 1) {
        twoRows = candidate(headers(row, rows.get(i + 1), grid.merges()));
      }
      Candidate chosen = single;
      int headerRows = 1;
      // Two rows only when they say more together than either says alone (a title row above a
      // one-row header must not pass for a group row).
      int alone = Math.max(single == null ? 0 : single.score(),
          twoRows == null ? 0 : score(candidate(headers(rows.get(i + 1), null, grid.merges()))));
      if (twoRows != null && twoRows.score() > alone) {
        chosen = twoRows;
        headerRows = 2;
      }
      if (chosen != null && chosen.score() > bestScore) {
        bestScore = chosen.score();
        String title = titleClass(rows.subList(0, i), grid.sheet());
        best = new Table(grid, chosen.kind(), i, headerRows, chosen.columns(), chosen.texts(),
            new SheetMapping(grid.sheet(), chosen.kind(), row.number(), headerRows, chosen.mapped(), chosen.unrecognised()),
            title);
      }
    }
    return best;
  }

  private static int score(Candidate candidate) {
    return candidate == null ? 0 : candidate.score();
  }

  /** A header cell: the text as shown back, and the group above it (two-row header) or null. */
  private record Header(int column, String group, String sub) {
    String shown() {
      String s = oneLine(sub);
      return group == null ? s : oneLine(group) + " / " + s;
    }
  }

  /** The header texts of {@code top} (and {@code second}, the sub-header row, when two rows are tried). */
  private static List<Header> headers(Grid.Row top, Grid.Row second, List<Grid.Merge> merges) {
    List<Header> headers = new ArrayList<>();
    int width = Math.max(top.cells().length, second == null ? 0 : second.cells().length);
    String inherited = null;
    for (int c = 0; c < width; c++) {
      String above = top.text(c);
      if (second == null) {
        if (above != null) {
          headers.add(new Header(c, null, above));
        }
        continue;
      }
      String below = second.text(c);
      if (above != null) {
        inherited = above;
      } else {
        Grid.Merge merge = horizontalMerge(merges, top.number(), c);
        if (merge == null && below == null) {
          inherited = null;
        }
        if (merge != null) {
          inherited = top.text(merge.firstColumn());
        }
      }
      if (below == null) {
        if (above != null) {
          headers.add(new Header(c, null, above));
        }
      } else if (above != null && verticalOnly(merges, top.number(), c)) {
        headers.add(new Header(c, null, above));
      } else {
        headers.add(new Header(c, inherited, below));
      }
    }
    return headers;
  }

  private static Grid.Merge horizontalMerge(List<Grid.Merge> merges, int row, int column) {
    for (Grid.Merge m : merges) {
      if (m.contains(row, column) && m.lastColumn() > m.firstColumn()) {
        return m;
      }
    }
    return null;
  }

  private static boolean verticalOnly(List<Grid.Merge> merges, int row, int column) {
    for (Grid.Merge m : merges) {
      if (m.contains(row, column) && m.lastRow() > m.firstRow() && m.lastColumn() == m.firstColumn()) {
        return true;
      }
    }
    return false;
  }

  /** The best reading of a header row as a pupils' or classes' table; null when it is neither. */
  private static Candidate candidate(List<Header> headers) {
    Map<Integer, Field> found = new java.util.LinkedHashMap<>();
    for (Header h : headers) {
      found.put(h.column(), Headers.match(h.group(), h.sub()));
    }
    Candidate pupils = assign(SheetMapping.Kind.PUPILS, headers, found, PUPIL_FIELDS);
    Candidate classes = assign(SheetMapping.Kind.CLASSES, headers, found, CLASS_FIELDS);
    Map<Field, Integer> p = pupils.columns();
    boolean pupilName = p.containsKey(Field.FULL_NAME) || p.containsKey(Field.GIVEN_NAME);
    boolean pupilIdentity = p.containsKey(Field.DATE_OF_BIRTH) || p.containsKey(Field.LEARNER_ID)
        || p.containsKey(Field.SCHOOL_CODE);
    boolean pupilValid = pupilName && (pupilIdentity || p.containsKey(Field.GENDER) || p.containsKey(Field.CLASS));
    Map<Field, Integer> k = classes.columns();
    boolean classValid = k.containsKey(Field.CLASS) && (k.containsKey(Field.HOMEROOM_TEACHER)
        || k.containsKey(Field.SUBJECT_TEACHER) || k.containsKey(Field.SUBJECT));
    if (pupilValid && (pupilIdentity || !classValid)) {
      return pupils;
    }
    return classValid ? classes : null;
  }

  private static Candidate assign(SheetMapping.Kind kind, List<Header> headers, Map<Integer, Field> found,
      Set<Field> allowed) {
    Map<Field, Integer> columns = new EnumMap<>(Field.class);
    List<ColumnMapping> mapped = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    Map<Integer, String> texts = new java.util.HashMap<>();
    for (Header h : headers) {
      Field field = found.get(h.column());
      texts.put(h.column(), Headers.fold(h.sub()));
      if (field != null && allowed.contains(field) && !columns.containsKey(field)) {
        columns.put(field, h.column());
        mapped.add(new ColumnMapping(Grid.columnLetter(h.column()), field, h.shown()));
      } else {
        unrecognised.add(h.shown());
      }
    }
    int score = columns.size() - (columns.containsKey(Field.STT) ? 1 : 0);
    return new Candidate(kind, score, columns, mapped, unrecognised, texts);
  }

  /** The class a title row names ("DANH SÁCH HỌC SINH LỚP 6A1", "Lớp: 6A1"), else the sheet's name if it is one. */
  static String titleClass(List<Grid.Row> above, String sheet) {
    for (int i = above.size() - 1; i >= 0; i--) {
      String fromRow = classIn(above.get(i));
      if (fromRow != null) {
        return fromRow;
      }
    }
    if (sheet != null && CLASS_LIKE.matcher(sheet.strip()).matches()) {
      return ClassNames.clean(sheet);
    }
    return null;
  }

  /** The class named in a title row, or null. */
  static String classIn(Grid.Row row) {
    for (Grid.Cell cell : row.cells()) {
      if (cell != null && cell.kind() == Grid.Cell.Kind.TEXT) {
        Matcher m = TITLE_CLASS.matcher(cell.text());
        if (m.find()) {
          return ClassNames.clean(m.group(1).replace(" ", "").toUpperCase(java.util.Locale.ROOT));
        }
      }
    }
    return null;
  }

  /** A header cell's text on one line (Excel's Alt+Enter breaks become spaces). */
  static String oneLine(String text) {
    return text == null ? null : text.replaceAll("\\s+", " ").strip();
  }
}
