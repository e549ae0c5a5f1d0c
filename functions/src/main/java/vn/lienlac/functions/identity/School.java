package vn.lienlac.functions.identity;

import vn.lienlac.model.records.grading.SchoolLevel;

/** A school (the tenant). {@code level} decides its grading rules. */
public record School(String id, String name, SchoolLevel level, String province, String schoolYear) {}
