package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.lienlac.model.records.grading.Completion;
import vn.lienlac.model.records.grading.PrimaryPoint;

/**
 * {@code GET|PUT /v1/classes/{classId}/evaluations/{subject}/{term}}: a primary class's marks in
 * one subject at the two points of a term (Circular 27/2020): {@code MID_TERM_1} and
 * {@code END_TERM_1} in HK1, {@code MID_TERM_2} and {@code END_OF_YEAR} in HK2. One row per pupil
 * in roster order; {@code testPoints} are the points of the term at which the subject has a
 * periodic test; {@code testScoreMin} is the school's lowest test score (a setting; 1 by default).
 */
public record ClassEvaluations(String classId, String className, String subject, String subjectName, String term,
    String rules, List<PrimaryPoint> points, List<PrimaryPoint> testPoints, int testScoreMin, List<Entry> rows) {

  /** A pupil's marks, by point (a point without an entry is absent); {@code version} for a later update. */
  public record Entry(String studentId, String fullName, Map<PrimaryPoint, Mark> points, Long version) {}

  /**
   * One point's mark: the rating (Hoàn thành tốt / Hoàn thành / Chưa hoàn thành), the teacher's
   * comment, and the test score where the subject has a test at that point (a whole number; in an
   * update a decimal is refused with a 422, not rounded).
   */
  public record Mark(Completion rating, String comment, BigDecimal testScore) {}

  /** The PUT body: the rows to change, all written or none. */
  public record Update(List<Row> rows) {}

  /**
   * One pupil's change: each point given replaces that point's mark (a point given as {@code {}}
   * or null clears it); points not given keep theirs. {@code version}, when given, must match the
   * stored row (otherwise 409).
   */
  public record Row(String studentId, Map<PrimaryPoint, Mark> points, Long version) {}
}
