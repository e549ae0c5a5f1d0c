package vn.lienlac.model.records;

import java.util.List;
import java.util.Map;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.QualityRating;

/**
 * {@code GET|PUT /v1/classes/{classId}/competencies/{term}}: the homeroom teacher's ratings of a
 * primary class's qualities and competencies (Tốt / Đạt / Cần cố gắng) at the two points of a term,
 * with a comment per point, and in HK2 the Học sinh Tiêu biểu nominations. {@code qualities} lists
 * every code rated, in the record book's order; {@code nominations} says whether the term takes
 * them (HK2).
 */
public record ClassCompetencies(String classId, String className, String term, List<PrimaryPoint> points,
    List<Quality> qualities, boolean nominations, List<Entry> rows) {

  /** A quality or competency: its code (the key in {@link Assessment#ratings}), name and group. */
  public record Quality(String code, String name, QualityGroup group) {}

  /** A pupil's ratings by point; {@code exemplary} only when nominated (HK2). */
  public record Entry(String studentId, String fullName, Map<PrimaryPoint, Assessment> points, Exemplary exemplary,
      Long version) {}

  /** One point: the rating of each code (a code not rated yet is absent), and the teacher's comment. */
  public record Assessment(Map<String, QualityRating> ratings, String comment) {}

  /** A Học sinh Tiêu biểu nomination: {@code nominated} with its {@code reason}, or false to withdraw it. */
  public record Exemplary(Boolean nominated, String reason) {}

  /** The PUT body: the rows to change, all written or none. */
  public record Update(List<Row> rows) {}

  /**
   * One pupil's change: each point given replaces that point's ratings and comment (given as
   * {@code {}} or null it clears them); points not given keep theirs; {@code exemplary} absent
   * keeps the nomination as it is. {@code version}, when given, must match the stored row.
   */
  public record Row(String studentId, Map<PrimaryPoint, Assessment> points, Exemplary exemplary, Long version) {}
}
