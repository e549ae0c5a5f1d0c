package vn.lienlac.model.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.lienlac.model.records.grading.Completion;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.QualityRating;

/**
 * The primary (Circular 27/2020) part of a pupil's term report ({@link GradeReport#primary()}):
 * per subject, the rating, comment and test score at the term's two points; the qualities and
 * competencies at the same points. No averages: primary school has none. Points without an entry
 * are absent from the maps.
 */
public record PrimaryTermReport(List<PrimaryPoint> points, List<Subject> subjects, List<QualityMarks> qualities,
    Map<PrimaryPoint, String> qualityComments) {

  /** One subject: where it has a test, and its mark at each point entered so far. */
  public record Subject(String subject, String subjectName, List<PrimaryPoint> testPoints, Map<PrimaryPoint, Mark> points,
      OffsetDateTime updatedAt) {}

  /** One point's mark, with the rating's name in the caller's language. */
  public record Mark(Completion rating, String ratingName, String comment, Integer testScore) {}

  /** One quality or competency and its rating at each point rated so far. */
  public record QualityMarks(String code, String name, QualityGroup group, Map<PrimaryPoint, Rated> points) {}

  public record Rated(QualityRating rating, String ratingName) {}
}
