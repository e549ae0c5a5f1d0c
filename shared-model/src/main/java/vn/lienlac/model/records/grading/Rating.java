package vn.lienlac.model.records.grading;

/** The term conclusion of a comment-only subject: Đạt / Chưa đạt. Display names: {@code rating.<name>}. */
public enum Rating {
  DAT,
  CHUA_DAT
}
