package vn.lienlac.model.records.grading;

/**
 * One primary pupil's entry for one subject or activity at one {@link PrimaryPoint}, as entered:
 * the rating, the teacher's comment and, where the subject has a periodic test at that point, the
 * test score (a whole number). Any part may be missing while entry is under way. Checked by
 * {@link Circular27Rules#validate}.
 */
public record PrimaryEntry(Completion rating, String comment, Integer testScore) {

  /** Nothing entered yet. */
  public static PrimaryEntry empty() {
    return new PrimaryEntry(null, null, null);
  }
}
