package vn.lienlac.model.records.grading;

/**
 * The four points of a primary school year at which subjects, qualities and competencies are
 * rated (Circular 27/2020, Article 7), in order. Display names: {@code primaryPoint.<name>}.
 */
public enum PrimaryPoint {
  /** Giữa học kì I. */
  MID_TERM_1(1),
  /** Cuối học kì I. */
  END_TERM_1(1),
  /** Giữa học kì II. */
  MID_TERM_2(2),
  /** Cuối năm học: the point the year evaluation reads. */
  END_OF_YEAR(2);

  private final int term;

  PrimaryPoint(int term) {
    this.term = term;
  }

  /** The term (học kì) the point belongs to: 1 or 2 (as in {@code TermId.semester()}). */
  public int term() {
    return term;
  }

  /** Whether the point closes its term (END_TERM_1, END_OF_YEAR) rather than falling mid-term. */
  public boolean endOfTerm() {
    return this == END_TERM_1 || this == END_OF_YEAR;
  }
}
