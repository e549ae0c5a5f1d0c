package vn.lienlac.model.records.grading;

/**
 * A teacher's nomination of a primary pupil for Học sinh Tiêu biểu (Circular 27/2020, Article
 * 13), with the reason (e.g. outstanding in one subject, or clear progress in a quality). Checked by
 * {@link Circular27Rules#validateNomination}.
 */
public record Nomination(String reason) {}
