package vn.lienlac.model.records.grading;

/** The school levels of Vietnamese general education; each has its own grading rules. */
public enum SchoolLevel {
  /** Tiểu học, grades 1–5 (Circular 27/2020). */
  PRIMARY,
  /** Trung học cơ sở (THCS), grades 6–9 (Circular 22/2021). */
  LOWER_SECONDARY,
  /** Trung học phổ thông (THPT), grades 10–12 (Circular 22/2021). */
  UPPER_SECONDARY
}
