package vn.lienlac.functions.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.roster.Plan.ClassPlan;
import vn.lienlac.functions.roster.Plan.PupilState;
import vn.lienlac.functions.roster.Plan.Row;
import vn.lienlac.functions.roster.Plan.RowKind;
import vn.lienlac.functions.roster.RosterImportItems.AccountItem;
import vn.lienlac.functions.roster.RosterImportItems.EntryItem;
import vn.lienlac.functions.roster.RosterInput.ClassRow;
import vn.lienlac.functions.roster.RosterInput.GuardianRow;
import vn.lienlac.functions.roster.RosterInput.Person;
import vn.lienlac.functions.roster.RosterInput.PupilRow;
import vn.lienlac.functions.roster.RosterInput.RejectedRow;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.roster.ImportRow.Action;
import vn.lienlac.model.roster.RosterImport.Counts;

/**
 * The dry run: what importing a file would do to the school's roster, row by row, computed from
 * the file and a read of the table (no writes). Reads: the school's classes (one Query), its
 * pupils on the roster (one paged Query on gsi1), the learner/pupil-code references, roster
 * entries, accounts and parent roles of the file's rows (BatchGetItems), and, for each guardian
 * who would lose every child here, their grants (one Query each).
 */
final class ImportPlanner {
  /** The first day of a school year whose classes a pupil moves into ({@code 2027-2028} → 5 September 2027, as the reader counts it). */
  static LocalDate yearStart(String schoolYear) {
    return LocalDate.of(Integer.parseInt(schoolYear.substring(0, 4)), 9, 5);
  }

  static final String NO_DATE = "0000-00-00";

  /** The plan and what it adds up to. */
  record Result(List<Row> classRows, List<Row> pupilRows, List<Row> accountRows, Counts counts, long basedOnVersion) {}

  private final RosterRepository roster;
  private final RosterImportRepository repository;

  ImportPlanner(RosterRepository roster, RosterImportRepository repository) {
    this.roster = roster;
    this.repository = repository;
  }

  Result plan(School school, String schoolYear, RosterInput input, boolean fullSchool, LocalDate today) {
    String schoolId = school.id();
    long basedOn = repository.rosterVersion(schoolId);
    Map<String, SchoolClass> existing = new HashMap<>();
    roster.classesOf(schoolId, null).forEach(c -> existing.put(c.id(), c));

    // Accounts of every phone the file names (guardians and teachers), read once.
    Set<String> phones = new TreeSet<>();
    input.pupils().forEach(p -> p.guardians().forEach(g -> phones.add(g.phone())));
    input.classes().forEach(c -> {
      if (c.homeroom() != null) {
        phones.add(c.homeroom().phone());
      }
      c.subjectTeachers().values().forEach(t -> phones.add(t.phone()));
    });
    Map<String, AccountItem> accounts = new HashMap<>(repository.accounts(phones));

    Counting counting = new Counting();
    List<Row> classRows = planClasses(schoolId, schoolYear, input, existing, accounts, counting);
    Map<String, String> classIds = new HashMap<>(); // class key → id, of this year
    existing.values().stream().filter(c -> c.schoolYear().equals(schoolYear))
        .forEach(c -> classIds.put(RosterIds.classKey(c.name()), c.id()));
    classRows.stream().filter(r -> r.classPlan() != null)
        .forEach(r -> classIds.put(RosterIds.classKey(r.classPlan().name()), r.classPlan().classId()));

    // Which pupil each row is: by learner id, then pupil code (references), else a new id.
    Set<String> refPartitions = new HashSet<>();
    for (PupilRow p : input.pupils()) {
      if (p.learnerId() != null) {
        refPartitions.add(RosterIds.learnerRef(schoolId, p.learnerId()));
      }
      if (p.pupilCode() != null) {
        refPartitions.add(RosterIds.codeRef(schoolId, p.pupilCode()));
      }
    }
    Map<String, String> refs = repository.refs(refPartitions);
    Map<String, EntryItem> active = repository.activeEntries(schoolId);

    List<Row> pupilRows = new ArrayList<>();
    Map<String, Integer> studentRows = new HashMap<>();
    Map<Integer, String> rowStudent = new LinkedHashMap<>();
    Map<Integer, PupilRow> accepted = new LinkedHashMap<>();
    // The reader rejected what one row can tell (and duplicate ids, one phone under two names, unknown
    // classes); what remains here: two rows that are the same pupil by the table's references.
    for (PupilRow p : input.pupils()) {
      List<Violation> reasons = new ArrayList<>();
      String classId = classIds.get(RosterIds.classKey(p.className()));
      String studentId = p.learnerId() != null ? refs.get(RosterIds.learnerRef(schoolId, p.learnerId())) : null;
      if (studentId == null && p.pupilCode() != null) {
        studentId = refs.get(RosterIds.codeRef(schoolId, p.pupilCode()));
      }
      if (studentId == null) {
        studentId = RosterIds.student(schoolId, p.learnerId(), p.pupilCode(), p.fullName(), p.dateOfBirth());
      }
      if (studentRows.containsKey(studentId)) {
        reasons.add(Violation.of("learnerId", "roster.import.samePupil", studentRows.get(studentId)));
      }
      if (!reasons.isEmpty()) {
        pupilRows.add(rejected(p.row(), p.sheet(), RowKind.PUPIL, p.fullName(), p.className(), reasons));
        continue;
      }
      studentRows.put(studentId, p.row());
      if (classId == null && !p.leaving()) { // no classes sheet: the class is created from the pupils' rows
        classId = RosterIds.schoolClass(schoolYear, p.className());
        classIds.put(RosterIds.classKey(p.className()), classId);
        Integer grade = RosterIds.gradeOf(p.className());
        classRows.add(new Row(null, p.sheet(), RowKind.CLASS, Action.CREATE, null, null, p.className(), null,
            List.of(), null, null, new ClassPlan(classId, p.className(), grade == null ? 0 : grade, schoolYear, null,
            null, Map.of(), Map.of(), null, Map.of(), false), null, null));
        counting.classesCreated++;
      }
      rowStudent.put(p.row(), studentId);
      accepted.put(p.row(), p);
    }
    for (RejectedRow r : input.rejected()) {
      pupilRows.add(rejected(r.row(), r.sheet(), RowKind.PUPIL, null, null, r.reasons()));
    }

    // Entries of pupils that are not on the roster now (LEFT, or never imported).
    Set<String> missing = new HashSet<>(rowStudent.values());
    missing.removeAll(active.keySet());
    Map<String, EntryItem> entries = new HashMap<>(active);
    entries.putAll(repository.entries(schoolId, missing));
    Map<String, String> classNames = new HashMap<>();
    existing.values().forEach(c -> classNames.put(c.id(), c.name()));
    classRows.stream().filter(r -> r.classPlan() != null)
        .forEach(r -> classNames.put(r.classPlan().classId(), r.classPlan().name()));

    // Guardians' children in this school before and after the import.
    Map<String, Set<String>> linksBefore = new HashMap<>();
    active.values().forEach(e -> guardiansOf(e).forEach(g ->
        linksBefore.computeIfAbsent(PupilState.phoneOf(g), k -> new TreeSet<>()).add(e.studentId)));
    Map<String, Set<String>> linksAfter = new HashMap<>();
    linksBefore.forEach((phone, students) -> linksAfter.put(phone, new TreeSet<>(students)));

    Set<String> seen = new HashSet<>();
    for (var e : accepted.entrySet()) {
      PupilRow p = e.getValue();
      String studentId = rowStudent.get(e.getKey());
      seen.add(studentId);
      EntryItem entry = entries.get(studentId);
      PupilState before = entry == null ? null : state(entry);
      if (p.leaving()) { // the file says the pupil left: marked LEFT if on the roster, else nothing to do
        if (before != null && PupilState.ACTIVE.equals(before.status())) {
          PupilState after = left(before, today);
          relink(linksAfter, studentId, before, after);
          pupilRows.add(new Row(p.row(), p.sheet(), RowKind.PUPIL, Action.LEAVE, studentId, p.fullName(),
              before.className(), null, List.of(), before, after, null, null, null));
          counting.leave++;
        } else {
          pupilRows.add(new Row(p.row(), p.sheet(), RowKind.PUPIL, Action.UNCHANGED, before == null ? null : studentId,
              p.fullName(), p.className(), null, List.of(), before, before, null, null, null));
          counting.unchanged++;
        }
        continue;
      }
      String classId = classIds.get(RosterIds.classKey(p.className()));
      List<String> guardians = new ArrayList<>();
      for (GuardianRow g : p.guardians()) {
        guardians.add(PupilState.guardian(g.phone(), g.relationship(), g.name()));
      }
      guardians = new ArrayList<>(new TreeSet<>(guardians));
      boolean sameClass = before != null && before.classId().equals(classId) && PupilState.ACTIVE.equals(before.status());
      String moveDate = null;
      String enrolFrom;
      if (before == null) {
        enrolFrom = NO_DATE;
      } else if (sameClass) {
        enrolFrom = before.enrolFrom();
      } else {
        LocalDate date = before.schoolYear().equals(schoolYear) ? today : yearStart(schoolYear);
        moveDate = date.toString();
        enrolFrom = moveDate;
      }
      PupilState after = new PupilState(p.learnerId(), p.pupilCode(), p.fullName(),
          p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), p.gender(), classId,
          classNames.getOrDefault(classId, p.className()), schoolYear, enrolFrom, guardians, PupilState.ACTIVE, null);
      Action action;
      if (before == null) {
        action = Action.CREATE;
        counting.create++;
      } else if (!sameClass && !before.classId().equals(classId)) {
        action = Action.MOVE;
        counting.move++;
      } else if (!before.fingerprint().equals(after.fingerprint())) {
        action = Action.UPDATE;
        counting.update++;
      } else {
        action = Action.UNCHANGED;
        counting.unchanged++;
      }
      if (action != Action.UNCHANGED) {
        relink(linksAfter, studentId, before, after);
      }
      pupilRows.add(new Row(p.row(), p.sheet(), RowKind.PUPIL, action, studentId, p.fullName(), after.className(),
          action == Action.MOVE ? before.className() : null, List.of(), before, after, null, moveDate, null));
    }
    pupilRows.sort(Comparator.comparing((Row r) -> r.sheet() == null ? "" : r.sheet())
        .thenComparing(Row::row, Comparator.nullsLast(Comparator.naturalOrder())));

    // Pupils a full-school file no longer lists: LEFT (not deleted).
    if (fullSchool) {
      for (EntryItem e : active.values()) {
        if (seen.contains(e.studentId)) {
          continue;
        }
        PupilState before = state(e);
        PupilState after = left(before, today);
        relink(linksAfter, e.studentId, before, after);
        pupilRows.add(new Row(null, null, RowKind.PUPIL, Action.LEAVE, e.studentId, e.fullName, e.className, null,
            List.of(), before, after, null, null, null));
        counting.leave++;
      }
    }
    counting.rejected = (int) (pupilRows.stream().filter(r -> r.action() == Action.REJECTED).count()
        + classRows.stream().filter(r -> r.action() == Action.REJECTED).count());

    // Links, roles, accounts.
    Set<String> linkedPhones = new TreeSet<>();
    for (var entry : linksAfter.entrySet()) {
      Set<String> was = linksBefore.getOrDefault(entry.getKey(), Set.of());
      for (String s : entry.getValue()) {
        if (!was.contains(s)) {
          counting.guardiansLinked++;
          linkedPhones.add(entry.getKey());
        }
      }
    }
    List<String> orphaned = new ArrayList<>();
    for (var entry : linksBefore.entrySet()) {
      Set<String> now = linksAfter.getOrDefault(entry.getKey(), Set.of());
      entry.getValue().stream().filter(s -> !now.contains(s)).forEach(s -> counting.guardiansUnlinked++);
      if (now.isEmpty()) {
        orphaned.add(entry.getKey());
      }
    }
    Set<String> newPhones = new TreeSet<>(linkedPhones);
    classRows.stream().filter(Row::applies).map(Row::classPlan).forEach(c -> {
      if (c.homeroomPhone() != null) {
        newPhones.add(c.homeroomPhone());
      }
      newPhones.addAll(c.subjectPhones().values());
    });
    newPhones.stream().filter(p -> !accounts.containsKey(p)).forEach(p -> counting.accountsCreated++);
    Map<String, String> subs = new HashMap<>();
    linkedPhones.stream().filter(accounts::containsKey).forEach(p -> subs.put(accounts.get(p).sub, p));
    Set<String> parents = repository.holding(schoolId, "ROLE#PARENT", subs.keySet());
    for (String phone : linkedPhones) {
      AccountItem account = accounts.get(phone);
      if (account == null || !parents.contains(account.sub)) {
        counting.guardiansCreated++;
      }
    }
    List<Row> accountRows = new ArrayList<>();
    Map<String, AccountItem> orphanAccounts = repository.accounts(orphaned);
    for (String phone : orphaned) {
      AccountItem account = orphanAccounts.get(phone);
      if (account == null) {
        continue;
      }
      boolean keepsAccess = repository.userItems(account.sub).stream().anyMatch(sk -> isGrant(sk)
          && !sk.startsWith(Keys.inSchool(schoolId, "CHILD#")) && !sk.equals(Keys.inSchool(schoolId, "ROLE#PARENT")));
      if (!keepsAccess) {
        counting.accountsDisabled++;
      }
      accountRows.add(new Row(null, null, RowKind.ACCOUNT, Action.UPDATE, null, null, null, null, List.of(), null,
          null, null, null, phone));
    }
    return new Result(classRows, pupilRows, accountRows, counting.counts(), basedOn);
  }

  /** Rows of the classes sheet: new classes, and the homeroom and subject teachers of each. */
  private List<Row> planClasses(String schoolId, String schoolYear, RosterInput input, Map<String, SchoolClass> existing,
      Map<String, AccountItem> accounts, Counting counting) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Set<String> teacherSubs = new LinkedHashSet<>();
    for (ClassRow c : input.classes()) {
      List<Violation> reasons = new ArrayList<>();
      String key = RosterIds.classKey(c.className());
      if (names.containsKey(key)) {
        reasons.add(Violation.of("className", "roster.import.duplicateClass", c.className(), names.get(key)));
      }
      Integer grade = c.grade() != null ? c.grade() : RosterIds.gradeOf(c.className());
      if (grade == null) {
        reasons.add(Violation.of("className", "roster.import.classGradeUnknown", c.className()));
      }
      if (!reasons.isEmpty()) {
        rows.add(rejected(c.row(), c.sheet(), RowKind.CLASS, null, c.className(), reasons));
        continue;
      }
      names.put(key, c.row());
      String classId = RosterIds.schoolClass(schoolYear, c.className());
      SchoolClass current = existing.get(classId);
      Map<String, String> subjectPhones = new TreeMap<>();
      Map<String, String> teacherNames = new TreeMap<>();
      c.subjectTeachers().forEach((subject, person) -> {
        subjectPhones.put(subject, person.phone());
        teacherNames.put(person.phone(), person.name());
      });
      Person homeroom = c.homeroom();
      if (homeroom != null) {
        teacherNames.put(homeroom.phone(), homeroom.name());
      }
      ClassPlan plan = new ClassPlan(classId, c.className(), grade, schoolYear,
          homeroom == null ? null : homeroom.phone(), homeroom == null ? null : homeroom.name(), subjectPhones,
          teacherNames, current == null ? null : current.homeroomTeacherId(),
          current == null ? Map.of() : current.subjectTeachers(), current != null);
      Action action;
      if (current == null) {
        action = Action.CREATE;
        counting.classesCreated++;
        counting.teacherGrants += (homeroom == null ? 0 : 1) + subjectPhones.size();
      } else {
        int changes = 0;
        String homeroomSub = homeroom == null ? null : sub(accounts, homeroom.phone());
        if (homeroom != null && !Objects.equals(homeroomSub, current.homeroomTeacherId())) {
          changes++;
        }
        for (var s : subjectPhones.entrySet()) {
          if (!Objects.equals(sub(accounts, s.getValue()), current.subjectTeachers().get(s.getKey()))) {
            changes++;
          }
        }
        action = changes == 0 ? Action.UNCHANGED : Action.UPDATE;
        if (changes > 0) {
          counting.classesUpdated++;
          counting.teacherGrants += changes;
        }
      }
      teacherNames.keySet().stream().map(p -> sub(accounts, p)).filter(Objects::nonNull).forEach(teacherSubs::add);
      rows.add(new Row(c.row(), c.sheet(), RowKind.CLASS, action, null, null, c.className(), null, List.of(), null,
          null, plan, null, null));
    }
    return rows;
  }

  private static String sub(Map<String, AccountItem> accounts, String phone) {
    AccountItem account = accounts.get(phone);
    return account == null ? null : account.sub;
  }

  private static boolean isGrant(String sortKey) {
    return sortKey.contains("#ROLE#") || sortKey.contains("#CHILD#") || sortKey.contains("#TEACHES#")
        || sortKey.contains("#HOMEROOM#");
  }

  private static void relink(Map<String, Set<String>> links, String studentId, PupilState before, PupilState after) {
    if (before != null && PupilState.ACTIVE.equals(before.status())) {
      before.phones().forEach(p -> {
        Set<String> students = links.get(p);
        if (students != null) {
          students.remove(studentId);
        }
      });
    }
    after.phones().forEach(p -> links.computeIfAbsent(p, k -> new TreeSet<>()).add(studentId));
  }

  /** The pupil marked LEFT on {@code today}: no guardians any more (their CHILD grants go). */
  private static PupilState left(PupilState before, LocalDate today) {
    return new PupilState(before.learnerId(), before.pupilCode(), before.fullName(), before.dateOfBirth(),
        before.gender(), before.classId(), before.className(), before.schoolYear(), before.enrolFrom(), List.of(),
        PupilState.LEFT, today.toString());
  }

  private static Row rejected(int row, String sheet, RowKind kind, String fullName, String className,
      List<Violation> reasons) {
    return new Row(row, sheet, kind, Action.REJECTED, null, fullName, className, null, List.copyOf(reasons), null,
        null, null, null, null);
  }

  static PupilState state(EntryItem e) {
    return new PupilState(e.learnerId, e.pupilCode, e.fullName, e.dateOfBirth, e.gender, e.classId, e.className,
        e.schoolYear, e.enrolFrom, guardiansOf(e), e.status, e.leftAt);
  }

  private static List<String> guardiansOf(EntryItem e) {
    return e.guardians == null ? List.of() : e.guardians;
  }

  static Set<String> phones(Collection<String> guardians) {
    Set<String> phones = new TreeSet<>();
    guardians.forEach(g -> phones.add(PupilState.phoneOf(g)));
    return phones;
  }

  private static final class Counting {
    int create;
    int update;
    int move;
    int leave;
    int unchanged;
    int rejected;
    int classesCreated;
    int classesUpdated;
    int guardiansCreated;
    int guardiansLinked;
    int guardiansUnlinked;
    int accountsCreated;
    int accountsDisabled;
    int teacherGrants;

    Counts counts() {
      return new Counts(create, update, move, leave, unchanged, rejected, classesCreated, classesUpdated,
          guardiansCreated, guardiansLinked, guardiansUnlinked, accountsCreated, accountsDisabled, teacherGrants);
    }
  }
}
