package vn.lienlac.model.records;

import vn.lienlac.model.records.grading.PrimaryQualities;

/**
 * Where a primary quality or competency code belongs ({@link PrimaryQualities}): the record book
 * lists them in these three groups. Display names: {@code qualityGroup.<name>}.
 */
public enum QualityGroup {
  /** Phẩm chất chủ yếu. */
  QUALITY,
  /** Năng lực chung. */
  GENERAL_COMPETENCY,
  /** Năng lực đặc thù. */
  SPECIFIC_COMPETENCY;

  /** The group of a code of {@link PrimaryQualities#ALL}; IllegalArgumentException for another. */
  public static QualityGroup of(String code) {
    if (PrimaryQualities.QUALITIES.contains(code)) {
      return QUALITY;
    }
    if (PrimaryQualities.GENERAL_COMPETENCIES.contains(code)) {
      return GENERAL_COMPETENCY;
    }
    if (PrimaryQualities.SPECIFIC_COMPETENCIES.contains(code)) {
      return SPECIFIC_COMPETENCY;
    }
    throw new IllegalArgumentException("Not a quality or competency: " + code);
  }
}
