package vn.lienlac.functions.identity;

import java.time.LocalDate;

/** A pupil of a school, in their class for the current school year. */
public record Student(String schoolId, String id, String fullName, LocalDate dateOfBirth, String classId) {}
