package vn.lienlac.model.records;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.lienlac.model.records.grading.PrimaryPoint;
import vn.lienlac.model.records.grading.Rating;

/**
 * {@code GET /v1/students/{id}/grades/history}: one change to a pupil's marks in a subject, from
 * the append-only audit: who, when, and the marks before and after ({@code before} is absent for
 * the first entry).
 */
public record GradeChange(String subject, String subjectName, String term, OffsetDateTime at, String actor,
    String actorName, Marks before, Marks after) {

  /**
   * The marks as saved: scores, or a comment-only subject's assessment ratings; {@code rating} is a
   * term rating entered directly (before the assessments were entered one by one). A primary
   * subject's (Circular 27/2020) are in {@code points} alone, by point.
   */
  public record Marks(List<BigDecimal> regular, BigDecimal midterm, BigDecimal finalExam, Rating rating,
      List<Rating> regularRatings, Rating midtermRating, Rating finalRating,
      Map<PrimaryPoint, ClassEvaluations.Mark> points) {}
}
