package vn.lienlac.app.classes;

import java.util.ArrayList;
import java.util.List;
import vn.lienlac.app.AppText;
import vn.lienlac.model.identity.Me;
import vn.lienlac.model.records.grading.SchoolLevel;

/**
 * A teacher's classes as {@code /v1/me} lists them (read at sign-in), and what the teacher may
 * open in each: the gradebook of each subject they teach there, the register (every teacher of
 * the class may mark it), and the leave requests (the homeroom teacher's only).
 */
public final class ClassesViewModel {
  /** A subject the teacher teaches in a class: its code and its name in the app's language. */
  public record Subject(String code, String name) {}

  /**
   * One class: its id and name, homeroom or not, the subjects taught there, and whether its school
   * is a primary school (Circular 27: its marks are evaluations, not the gradebook this app enters).
   */
  public record Card(Me.TaughtClass taught, String schoolName, List<Subject> subjects, boolean primary) {
    public String classId() {
      return taught.classId();
    }

    public boolean homeroom() {
      return taught.homeroom();
    }
  }

  private final List<Card> cards = new ArrayList<>();
  private final List<Me.TaughtClass> all = new ArrayList<>();
  private final boolean severalSchools;

  public ClassesViewModel(Me me, AppText text) {
    int schools = 0;
    if (me != null) {
      for (Me.SchoolMembership school : me.schools()) {
        if (school.classes() == null || school.classes().isEmpty()) {
          continue;
        }
        schools++;
        for (Me.TaughtClass taught : school.classes()) {
          List<Subject> subjects = new ArrayList<>();
          for (String code : taught.subjects() == null ? List.<String>of() : taught.subjects()) {
            subjects.add(new Subject(code, text.subjectName(code)));
          }
          cards.add(new Card(taught, school.schoolName(), List.copyOf(subjects),
              school.schoolLevel() == SchoolLevel.PRIMARY));
          all.add(taught);
        }
      }
    }
    severalSchools = schools > 1;
  }

  public List<Card> cards() {
    return List.copyOf(cards);
  }

  /** Every class taught (the leave screen keeps the homeroom ones). */
  public List<Me.TaughtClass> taught() {
    return List.copyOf(all);
  }

  /** Whether the school's name should be shown on each class (a teacher in more than one school). */
  public boolean severalSchools() {
    return severalSchools;
  }

}
