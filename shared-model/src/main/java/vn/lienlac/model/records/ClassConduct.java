package vn.lienlac.model.records;

import java.util.List;
import vn.lienlac.model.records.grading.Conduct;

/**
 * {@code GET|PUT /v1/classes/{classId}/conduct/{term}}: the homeroom teacher's conduct ratings
 * (kết quả rèn luyện, Circular 22/2021 Article 8) for a whole class in one term, one row per pupil
 * in roster order. {@code version} is what a later update names to say which state it was made from.
 */
public record ClassConduct(String classId, String className, String term, List<Entry> rows) {

  /** A pupil's term conduct; {@code conduct} null while not rated. */
  public record Entry(String studentId, String fullName, Conduct conduct, String conductName, Long version) {}

  /**
   * The PUT body: the rows to set; pupils without a row keep theirs. A row with no {@code conduct}
   * clears it. All rows are written, or none.
   */
  public record Update(List<Row> rows) {}

  /** {@code version}, when given, must match the stored row (otherwise 409). */
  public record Row(String studentId, Conduct conduct, Long version) {}
}
