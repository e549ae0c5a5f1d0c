package vn.lienlac.model.records;

import java.util.List;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * {@code GET /v1/students/{studentId}/report/{schoolYear}}: a pupil's school-year report. The
 * school's level picks which part is present: {@code secondary} (Circular 22/2021, grades 6–12) or
 * {@code primary} (Circular 27/2020, grades 1–5); the other is null. {@code complete} is true only
 * when everything the year needs has been entered; {@code pending} says, in the caller's language,
 * what is still being entered.
 */
public record YearReport(String studentId, String studentName, String schoolId, String schoolName, String classId,
    String className, int grade, String schoolYear, SchoolLevel schoolLevel, String rules,
    SecondaryYearReport secondary, PrimaryYearReport primary, boolean complete, List<String> pending) {}
