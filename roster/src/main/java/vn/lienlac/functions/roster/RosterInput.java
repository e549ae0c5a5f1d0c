package vn.lienlac.functions.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienlac.functions.roster.file.ClassRow.SubjectTeacher;
import vn.lienlac.functions.roster.file.Guardian;
import vn.lienlac.functions.roster.file.PupilStatus;
import vn.lienlac.functions.roster.file.RosterFile;
import vn.lienlac.functions.roster.file.RosterRow;
import vn.lienlac.functions.roster.file.SheetMapping;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.roster.RosterImport.ColumnMapping;

/**
 * A roster file as the import plans it: what the reader ({@code roster.file.RosterReader}) made
 * of the file, the rows it could read and those it rejected (with the row number and the reasons).
 */
record RosterInput(String fileName, List<ColumnMapping> mapping, List<PupilRow> pupils, List<ClassRow> classes,
    List<RejectedRow> rejected) {

  /**
   * One pupil row; phones are E.164 ({@code +84…}). {@code learnerId} is the ministry's id,
   * {@code pupilCode} the school's own; {@code leaving} when the file says the pupil left or moved away.
   */
  record PupilRow(int row, String sheet, String learnerId, String pupilCode, String fullName, LocalDate dateOfBirth,
      String gender, String className, List<GuardianRow> guardians, boolean leaving) {}

  record GuardianRow(String phone, String name, String relationship) {}

  /** One class of the classes sheet: its homeroom teacher and subject teachers (subject code → person). */
  record ClassRow(int row, String sheet, String className, Integer grade, Person homeroom,
      Map<String, Person> subjectTeachers) {}

  record Person(String phone, String name) {}

  record RejectedRow(int row, String sheet, List<Violation> reasons) {}

  /** What the reader read, for planning. Teachers without a phone cannot sign in: they are left out. */
  static RosterInput of(String fileName, RosterFile file) {
    List<ColumnMapping> mapping = new ArrayList<>();
    for (SheetMapping sheet : file.mappings()) {
      sheet.columns().forEach(c -> mapping.add(new ColumnMapping(sheet.sheet(), c.column(), c.header(), c.field().key())));
    }
    List<PupilRow> pupils = new ArrayList<>();
    for (RosterRow r : file.rows()) {
      List<GuardianRow> guardians = new ArrayList<>();
      for (Guardian g : r.guardians()) {
        guardians.add(new GuardianRow(g.phone(), g.name(), g.relationship() == null ? null : g.relationship().name()));
      }
      boolean ministry = r.learnerIdKind() == RosterRow.LearnerIdKind.MINISTRY;
      pupils.add(new PupilRow(r.row(), r.sheet(), ministry ? r.learnerId() : null, ministry ? null : r.learnerId(),
          r.fullName(), r.dateOfBirth(), r.gender() == null ? null : r.gender().name(), r.className(), guardians,
          r.status() != null && r.status() != PupilStatus.STUDYING));
    }
    List<ClassRow> classes = new ArrayList<>();
    for (var c : file.classes()) {
      Person homeroom = c.homeroom() == null || c.homeroom().phone() == null ? null
          : new Person(c.homeroom().phone(), c.homeroom().name());
      Map<String, Person> teachers = new LinkedHashMap<>();
      for (SubjectTeacher t : c.subjectTeachers()) {
        if (t.phone() != null) {
          teachers.put(t.subject(), new Person(t.phone(), t.name()));
        }
      }
      classes.add(new ClassRow(c.row(), c.sheet(), c.className(), c.grade(), homeroom, teachers));
    }
    List<RejectedRow> rejected = new ArrayList<>();
    file.rejected().forEach(r -> rejected.add(new RejectedRow(r.row(), r.sheet(), r.reasons())));
    return new RosterInput(fileName, mapping, pupils, classes, rejected);
  }
}
