package vn.lienlac.functions.records.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienlac.functions.documents.Pdf;
import vn.lienlac.functions.documents.Vnd;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.SecondaryYearReport;
import vn.lienlac.model.records.YearReport;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Rating;

/**
 * The record book (học bạ) of one school year as a PDF (A4), laid out as Vietnamese schools print
 * it: the education department and the national motto, {@code HỌC BẠ} and the school year, the
 * pupil, the table of subjects with both terms and the year, the learning and conduct results
 * (with the Article 9.3 note when a level was raised), absences, the promotion decision, the
 * award, the homeroom teacher's comment lines and the signature blocks under the place and date.
 * Everything printed comes from the {@link YearReport} the records API returns, plus what it does
 * not carry ({@link Extras}); labels come from the messages bundle in the caller's language; a
 * value that is not final yet prints as "đang cập nhật". Several books go into one document with
 * {@link #renderAll} (a class's books, each from a new page).
 */
public final class RecordBookPdf {
  private static final float MARGIN = 40;
  private static final float LEFT = MARGIN;
  private static final float RIGHT = 595.27563f - MARGIN;
  /** Table columns: subject, term 1, term 2, year. */
  private static final float[] COLUMNS = {LEFT, LEFT + 235, LEFT + 325, LEFT + 415, RIGHT};
  private static final float ROW = 10;

  /**
   * What a book prints beyond the year report: the pupil's date of birth (the profile's), the
   * school's province (the department line and the place of the date; null leaves them out), the
   * homeroom teacher's name under their signature (null: blank), the day it is printed (the date
   * line) and the instant it is made (the document's dates).
   */
  public record Extras(LocalDate dateOfBirth, String province, String homeroomTeacherName, LocalDate printedOn,
      OffsetDateTime madeAt) {}

  /** One pupil's book. */
  public record Book(YearReport report, Extras extras) {}

  private RecordBookPdf() {}

  public static byte[] render(YearReport report, Extras extras, Locale locale) {
    return renderAll(List.of(new Book(report, extras)), locale);
  }

  /** Every book in one document, each starting on a new page (printing a class). */
  public static byte[] renderAll(List<Book> books, Locale locale) {
    if (books.isEmpty()) {
      throw new IllegalArgumentException("No record book to print");
    }
    try (Pdf pdf = Pdf.a4(MARGIN)) {
      YearReport first = books.getFirst().report();
      pdf.info(books.size() == 1
              ? t(locale, "records.book.fileTitle", first.studentName(), first.schoolYear())
              : t(locale, "records.book.title") + " " + first.className() + " " + first.schoolYear(),
          books.getFirst().extras().madeAt());
      for (Book book : books) {
        new Writer(pdf, book.report(), book.extras(), locale).write();
      }
      return pdf.save();
    }
  }

  private static String t(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  /** Draws one book top to bottom. */
  private static final class Writer {
    private final Pdf pdf;
    private final YearReport report;
    private final Extras extras;
    private final Locale locale;
    private final PDType0Font regular;
    private final PDType0Font bold;

    Writer(Pdf pdf, YearReport report, Extras extras, Locale locale) {
      this.pdf = pdf;
      this.report = report;
      this.extras = extras;
      this.locale = locale;
      this.regular = pdf.regular;
      this.bold = pdf.bold;
    }

    void write() {
      pdf.newPage();
      header();
      pupil();
      if (report.secondary() != null) {
        secondary(report.secondary());
      } else if (report.primary() != null) {
        PrimaryBook.write(pdf, report.primary(), locale);
      } else {
        pdf.line(regular, 10, LEFT, pending());
      }
      incomplete();
      comment();
      signatures();
    }

    private void header() {
      float half = (RIGHT - LEFT) / 2;
      float leftCenter = LEFT + half / 2;
      float rightCenter = LEFT + half + half / 2;
      float leftY = pdf.y() - 10;
      if (extras.province() != null && !extras.province().isBlank()) {
        pdf.centered(regular, 8.5f, leftCenter, leftY,
            t(locale, "records.book.department", extras.province().toUpperCase(locale)));
        leftY -= 12;
      }
      pdf.centered(bold, 8.5f, leftCenter, leftY, report.schoolName().toUpperCase(locale));
      float rightY = pdf.y() - 10;
      String motto = t(locale, "records.book.motto");
      pdf.centered(bold, 8.5f, rightCenter, rightY, t(locale, "records.book.nation"));
      pdf.centered(bold, 8.5f, rightCenter, rightY - 12, motto);
      float width = pdf.width(bold, 8.5f, motto);
      pdf.stroke(rightCenter - width / 2, rightY - 15, rightCenter + width / 2, rightY - 15);
      pdf.down(pdf.y() - Math.min(leftY, rightY - 15)); // below the lower of the two blocks
      pdf.down(40);
      pdf.centered(bold, 24, (LEFT + RIGHT) / 2, pdf.y(), t(locale, "records.book.title"));
      pdf.down(20);
      pdf.centered(bold, 12, (LEFT + RIGHT) / 2, pdf.y(), t(locale, "records.book.level." + report.schoolLevel().name()));
      pdf.down(17);
      pdf.centered(regular, 11, (LEFT + RIGHT) / 2, pdf.y(), t(locale, "records.book.schoolYear", report.schoolYear()));
      pdf.down(14);
    }

    private void pupil() {
      labelled(LEFT, t(locale, "records.book.pupil"), report.studentName(), 11);
      String born = extras.dateOfBirth() == null ? "" : Vnd.date(extras.dateOfBirth());
      float second = LEFT + (RIGHT - LEFT) * 0.62f;
      pdf.cell(regular, 10, second, pdf.y(), t(locale, "records.book.dateOfBirth") + ": " + born);
      labelled(LEFT, t(locale, "records.book.class"), report.className(), 10);
      pdf.cell(regular, 10, second, pdf.y(), t(locale, "records.book.grade") + ": " + report.grade());
      labelled(LEFT, t(locale, "records.book.school"), report.schoolName(), 10);
      pdf.down(8);
    }

    private void labelled(float x, String label, String value, float size) {
      RecordBookPdf.labelled(pdf, x, label, value, size);
    }

    private void secondary(SecondaryYearReport year) {
      pdf.down(12);
      pdf.cell(bold, 11, LEFT, pdf.y(), t(locale, "records.book.learning"));
      pdf.down(6);
      Table table = new Table(pdf, COLUMNS);
      table.row(bold, List.of(t(locale, "records.book.column.subject"), t(locale, "records.book.column.term1"),
          t(locale, "records.book.column.term2"), t(locale, "records.book.column.year")), true);
      for (SecondaryYearReport.SubjectYear subject : year.subjects()) {
        boolean scored = subject.kind() == AssessmentKind.SCORED;
        table.row(regular, List.of(subject.subjectName(),
            scored ? number(subject.term1Average()) : rating(subject.term1Rating()),
            scored ? number(subject.term2Average()) : rating(subject.term2Rating()),
            scored ? number(subject.yearAverage()) : rating(subject.yearRating())), false);
      }
      table.row(bold, List.of(t(locale, "records.book.levelTitle"), level(year.term1Level()), level(year.term2Level()),
          level(year.yearLevel())), false);
      SecondaryYearReport.ConductResult conduct = year.conduct();
      table.row(bold, List.of(t(locale, "records.book.conductTitle"),
          orPending(conduct == null ? null : conduct.term1Name()), orPending(conduct == null ? null : conduct.term2Name()),
          orPending(conduct == null ? null : conduct.yearName())), false);
      table.close();
      for (SecondaryYearReport.LevelResult level : new SecondaryYearReport.LevelResult[] {
          year.term1Level(), year.term2Level(), year.yearLevel()}) {
        if (level != null && level.note() != null) {
          paragraph(regular, 8.5f, "* " + level.note());
        }
      }
      pdf.down(6);
      boolean yearFinal = year.promotion() != null;
      line(t(locale, "records.book.absences"), Integer.toString(year.absentSessions()));
      SecondaryYearReport.Promotion promotion = year.promotion();
      line(t(locale, "records.book.promotion"), promotion == null ? pending() : promotion.outcomeName());
      if (promotion != null && !promotion.reasonNames().isEmpty()) {
        paragraph(regular, 9.5f, t(locale, "records.book.reasons") + ": " + String.join("; ", promotion.reasonNames()));
      }
      if (promotion != null && promotion.retestSubjects() != null && !promotion.retestSubjects().isEmpty()) {
        List<String> names = promotion.retestSubjects().stream().map(code -> t(locale, "subject." + code)).toList();
        paragraph(regular, 9.5f, t(locale, "records.book.retest") + ": " + String.join(", ", names));
      }
      String award = !yearFinal ? pending()
          : year.award() == null || year.award().awardName() == null ? t(locale, "records.book.noAward")
          : year.award().awardName();
      line(t(locale, "records.book.award"), award);
    }

    private void line(String label, String value) {
      labelledLine(pdf, label, value);
    }

    private void paragraph(PDType0Font font, float size, String text) {
      for (String part : pdf.wrap(font, size, text, RIGHT - LEFT)) {
        pdf.ensureRoom(size * 1.5f, 0);
        pdf.line(font, size, LEFT, part);
      }
    }

    /** When the report is not final: a note and the first few things still being entered. */
    private void incomplete() {
      if (report.complete()) {
        return;
      }
      pdf.down(4);
      paragraph(bold, 9, t(locale, "records.book.incomplete"));
      List<String> pending = report.pending() == null ? List.of() : report.pending();
      int shown = Math.min(5, pending.size());
      for (int i = 0; i < shown; i++) {
        paragraph(regular, 8.5f, "– " + pending.get(i));
      }
      if (pending.size() > shown) {
        paragraph(regular, 8.5f, t(locale, "records.book.more", Integer.toString(pending.size() - shown)));
      }
    }

    /** The homeroom teacher writes the comment by hand: a label and dotted lines. */
    private void comment() {
      pdf.ensureRoom(70, 120);
      pdf.down(10);
      pdf.line(bold, 10, LEFT, t(locale, "records.book.comment") + ":");
      for (int i = 0; i < 3; i++) {
        pdf.down(16);
        dotted(LEFT, RIGHT, pdf.y());
      }
    }

    private void dotted(float from, float to, float at) {
      for (float x = from; x < to; x += 4) {
        pdf.stroke(x, at, Math.min(x + 1.2f, to), at);
      }
    }

    private void signatures() {
      pdf.ensureRoom(110, 0);
      float half = (RIGHT - LEFT) / 2;
      float leftCenter = LEFT + half / 2;
      float rightCenter = LEFT + half + half / 2;
      LocalDate day = extras.printedOn();
      String place = extras.province() == null || extras.province().isBlank() ? "……" : extras.province();
      pdf.down(24);
      pdf.centered(regular, 10, rightCenter, pdf.y(), t(locale, "records.book.dated", place,
          Integer.toString(day.getDayOfMonth()), Integer.toString(day.getMonthValue()), Integer.toString(day.getYear())));
      pdf.down(16);
      pdf.centered(bold, 10, leftCenter, pdf.y(), t(locale, "records.book.homeroom"));
      pdf.centered(bold, 10, rightCenter, pdf.y(), t(locale, "records.book.principal"));
      pdf.down(12);
      pdf.centered(regular, 8.5f, leftCenter, pdf.y(), t(locale, "records.book.signHint"));
      pdf.centered(regular, 8.5f, rightCenter, pdf.y(), t(locale, "records.book.sealHint"));
      pdf.down(56);
      if (extras.homeroomTeacherName() != null) {
        pdf.centered(bold, 10, leftCenter, pdf.y(), extras.homeroomTeacherName());
      }
    }

    private String level(SecondaryYearReport.LevelResult level) {
      return level == null ? pending() : level.raisedBecauseOf() != null ? level.levelName() + " *" : level.levelName();
    }

    private String rating(Rating rating) {
      return rating == null ? pending() : t(locale, "rating." + rating.name());
    }

    private String number(BigDecimal value) {
      return value == null ? pending() : decimal(value, locale);
    }

    private String orPending(String value) {
      return value == null ? pending() : value;
    }

    private String pending() {
      return t(locale, "records.book.pending");
    }
  }

  /** {@code Label: value} with the value in bold, one line down. */
  static void labelled(Pdf pdf, float x, String label, String value, float size) {
    pdf.down(size * 1.6f);
    String prefix = label + ": ";
    pdf.cell(pdf.regular, 10, x, pdf.y(), prefix);
    pdf.cell(pdf.bold, size, x + pdf.width(pdf.regular, 10, prefix), pdf.y(), value);
  }

  /** {@code Label: value} on its own line (a new page when the page is full), the value in bold. */
  static void labelledLine(Pdf pdf, String label, String value) {
    pdf.ensureRoom(16, 0);
    labelled(pdf, LEFT, label, value, 10);
  }

  /** A score as Vietnamese documents print it: a decimal comma ({@code 8,3}); English keeps the point. */
  static String decimal(BigDecimal value, Locale locale) {
    String plain = value.toPlainString();
    return "vi".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
  }

  /**
   * A ruled table: each row's first cell wraps and is left-aligned, the others are centred; a new
   * page repeats nothing but keeps the rule lines whole.
   */
  static final class Table {
    private final Pdf pdf;
    private final float[] columns;
    private float top;

    Table(Pdf pdf, float[] columns) {
      this.pdf = pdf;
      this.columns = columns;
      this.top = pdf.y();
      pdf.stroke(columns[0], top, columns[columns.length - 1], top);
    }

    void row(PDType0Font font, List<String> cells, boolean centreFirst) {
      float size = ROW;
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < cells.size(); i++) {
        List<String> parts = pdf.wrap(font, i == 0 ? size : size - 0.5f, cells.get(i), columns[i + 1] - columns[i] - 8);
        wrapped.add(parts);
        lines = Math.max(lines, parts.size());
      }
      float height = lines * size * 1.3f + 6;
      if (pdf.y() - height < pdf.margin() + 130) {
        verticals(pdf.y());
        pdf.newPage();
        top = pdf.y();
        pdf.stroke(columns[0], top, columns[columns.length - 1], top);
      }
      float baseline = pdf.y() - size - 2;
      for (int i = 0; i < cells.size(); i++) {
        float cellSize = i == 0 ? size : size - 0.5f;
        for (int l = 0; l < wrapped.get(i).size(); l++) {
          float at = baseline - l * size * 1.3f;
          if (i == 0 && !centreFirst) {
            pdf.cell(font, cellSize, columns[0] + 4, at, wrapped.get(i).get(l));
          } else {
            pdf.centered(font, cellSize, (columns[i] + columns[i + 1]) / 2, at, wrapped.get(i).get(l));
          }
        }
      }
      pdf.down(height);
      pdf.stroke(columns[0], pdf.y(), columns[columns.length - 1], pdf.y());
    }

    /** A row across every column (a group heading, a comment), wrapped. */
    void span(PDType0Font font, float size, String text) {
      List<String> parts = pdf.wrap(font, size, text, columns[columns.length - 1] - columns[0] - 8);
      float height = parts.size() * size * 1.3f + 6;
      if (pdf.y() - height < pdf.margin() + 130) {
        verticals(pdf.y());
        pdf.newPage();
        top = pdf.y();
        pdf.stroke(columns[0], top, columns[columns.length - 1], top);
      }
      verticals(pdf.y());
      float baseline = pdf.y() - size - 2;
      for (int l = 0; l < parts.size(); l++) {
        pdf.cell(font, size, columns[0] + 4, baseline - l * size * 1.3f, parts.get(l));
      }
      pdf.down(height);
      pdf.stroke(columns[0], pdf.y(), columns[columns.length - 1], pdf.y());
      pdf.stroke(columns[0], pdf.y() + height, columns[0], pdf.y());
      pdf.stroke(columns[columns.length - 1], pdf.y() + height, columns[columns.length - 1], pdf.y());
      top = pdf.y();
    }

    void close() {
      verticals(pdf.y());
    }

    private void verticals(float bottom) {
      for (float x : columns) {
        pdf.stroke(x, top, x, bottom);
      }
    }
  }
}
