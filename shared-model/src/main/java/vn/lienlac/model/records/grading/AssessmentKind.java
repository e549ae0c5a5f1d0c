package vn.lienlac.model.records.grading;

/** How a subject is assessed: with scores (and comments), or with comments only (Đạt / Chưa đạt). */
public enum AssessmentKind {
  SCORED,
  COMMENTED
}
