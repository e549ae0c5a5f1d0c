package vn.lienlac.functions.roster.file;

import java.util.List;

/**
 * A class from the classes sheet (or file): its name, grade (from "Khối" or the name), homeroom
 * teacher (null when not given) and subject teachers. Phones are E.164 mobiles.
 */
public record ClassRow(String sheet, int row, String className, Integer grade, Teacher homeroom,
    List<SubjectTeacher> subjectTeachers) {

  public ClassRow {
    subjectTeachers = List.copyOf(subjectTeachers);
  }

  /** A teacher: name and mobile (E.164; null when the file gives none). */
  public record Teacher(String name, String phone) {}

  /** Who teaches a subject to this class. */
  public record SubjectTeacher(String subject, String name, String phone) {}
}
