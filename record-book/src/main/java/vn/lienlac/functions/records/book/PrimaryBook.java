package vn.lienlac.functions.records.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lienlac.functions.documents.Pdf;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.PrimaryTermReport;
import vn.lienlac.model.records.PrimaryYearReport;
import vn.lienlac.model.records.QualityGroup;
import vn.lienlac.model.records.grading.PrimaryPoint;

/**
 * The primary (Circular 27/2020) part of a record book: each subject and activity with its rating
 * and test score at the four points of the year and the teacher's latest comment; the qualities and
 * competencies by group at the same points, with the comments on them; the end-of-year evaluation
 * and the awards. A point not rated yet prints as "đang cập nhật" once the report says it is missing.
 */
final class PrimaryBook {
  private static final float LEFT = 40;
  private static final float RIGHT = 595.27563f - 40;
  private static final float[] COLUMNS = {LEFT, LEFT + 175, LEFT + 260, LEFT + 345, LEFT + 430, RIGHT};

  private PrimaryBook() {}

  static void write(Pdf pdf, PrimaryYearReport year, Locale locale) {
    List<PrimaryPoint> points = List.of(PrimaryPoint.values());
    List<String> header = new ArrayList<>();
    header.add(t(locale, "records.book.column.subject"));
    points.forEach(p -> header.add(t(locale, "primaryPoint." + p.name())));

    pdf.down(12);
    pdf.cell(pdf.bold, 11, LEFT, pdf.y(), t(locale, "records.book.primary.subjects"));
    pdf.down(6);
    RecordBookPdf.Table subjects = new RecordBookPdf.Table(pdf, COLUMNS);
    subjects.row(pdf.bold, header, true);
    for (PrimaryTermReport.Subject subject : year.subjects()) {
      List<String> cells = new ArrayList<>();
      cells.add(subject.subjectName());
      String comment = null;
      for (PrimaryPoint point : points) {
        PrimaryTermReport.Mark mark = subject.points() == null ? null : subject.points().get(point);
        if (mark == null) {
          cells.add(pending(locale));
          continue;
        }
        String cell = mark.ratingName() == null ? pending(locale) : mark.ratingName();
        if (mark.testScore() != null) {
          cell += " " + t(locale, "records.book.primary.test", Integer.toString(mark.testScore()));
        }
        cells.add(cell);
        if (mark.comment() != null && !mark.comment().isBlank()) {
          comment = mark.comment();
        }
      }
      subjects.row(pdf.regular, cells, false);
      if (comment != null) {
        subjects.span(pdf.regular, 8.5f, t(locale, "records.book.primary.comment") + ": " + comment);
      }
    }
    subjects.close();

    pdf.down(14);
    pdf.ensureRoom(40, 130);
    pdf.cell(pdf.bold, 11, LEFT, pdf.y(), t(locale, "records.book.primary.qualities"));
    pdf.down(6);
    RecordBookPdf.Table qualities = new RecordBookPdf.Table(pdf, COLUMNS);
    List<String> qualityHeader = new ArrayList<>(header);
    qualityHeader.set(0, t(locale, "records.book.primary.column.quality"));
    qualities.row(pdf.bold, qualityHeader, true);
    QualityGroup group = null;
    for (PrimaryTermReport.QualityMarks quality : year.qualities()) {
      if (quality.group() != group) {
        group = quality.group();
        qualities.span(pdf.bold, 9, t(locale, "qualityGroup." + group.name()));
      }
      List<String> cells = new ArrayList<>();
      cells.add(quality.name());
      for (PrimaryPoint point : points) {
        PrimaryTermReport.Rated rated = quality.points() == null ? null : quality.points().get(point);
        cells.add(rated == null || rated.ratingName() == null ? pending(locale) : rated.ratingName());
      }
      qualities.row(pdf.regular, cells, false);
    }
    Map<PrimaryPoint, String> comments = year.qualityComments() == null ? Map.of() : year.qualityComments();
    for (PrimaryPoint point : points) {
      String comment = comments.get(point);
      if (comment != null && !comment.isBlank()) {
        qualities.span(pdf.regular, 8.5f, t(locale, "records.book.primary.comment") + " ("
            + t(locale, "primaryPoint." + point.name()) + "): " + comment);
      }
    }
    qualities.close();

    pdf.down(6);
    RecordBookPdf.labelledLine(pdf, t(locale, "records.book.primary.evaluation"),
        year.evaluationName() == null ? pending(locale) : year.evaluationName());
    List<String> awards = year.awards() == null ? List.of() : year.awards().stream()
        .map(a -> a.reason() == null || a.reason().isBlank() ? a.name() : a.name() + " (" + a.reason() + ")").toList();
    RecordBookPdf.labelledLine(pdf, t(locale, "records.book.award"), year.evaluationName() == null ? pending(locale)
        : awards.isEmpty() ? t(locale, "records.book.noAward") : String.join("; ", awards));
  }

  private static String pending(Locale locale) {
    return t(locale, "records.book.pending");
  }

  private static String t(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }
}
