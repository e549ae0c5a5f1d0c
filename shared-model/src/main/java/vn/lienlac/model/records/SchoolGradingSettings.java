package vn.lienlac.model.records;

import java.time.OffsetDateTime;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * {@code GET|PUT /v1/schools/{schoolId}/grading-settings}: the school's choices on the points of the
 * grading circulars that could not be confirmed (the rules' {@code GradingSettings}). {@code custom}
 * is false while the school has never saved them (the documented defaults apply; {@code version} 0).
 */
public record SchoolGradingSettings(String schoolId, String schoolName, SchoolLevel schoolLevel,
    int commentRegularCount, int primaryTestScoreMin, int primaryCompletedMinTest, boolean custom, long version,
    String updatedBy, OffsetDateTime updatedAt) {

  /**
   * The PUT body: every setting (the whole record is replaced). {@code version}, when given, must be
   * the stored one (0 before the first save), otherwise 409.
   */
  public record Update(Integer commentRegularCount, Integer primaryTestScoreMin, Integer primaryCompletedMinTest,
      Long version) {}
}
