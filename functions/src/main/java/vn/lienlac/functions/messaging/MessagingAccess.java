package vn.lienlac.functions.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.messaging.MessagingItems.ConversationItem;
import vn.lienlac.functions.messaging.MessagingItems.ParticipantItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.privacy.ConsentAccess;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.messaging.Conversation;

/**
 * Who may do what with conversations. Deny by default; a conversation the caller is not in answers
 * 404 like one that does not exist; 403 only when they can see it but not do this.
 *
 * <ul>
 *   <li>FAMILY and STAFF conversations: read, post and mark read by their participants only (not
 *       by other teachers of the class, not by the office): edit by a message's author only.
 *   <li>A class channel: read by the class's teachers and the guardians of its pupils; posted to by
 *       the class's teachers; a family's post becomes a private reply ({@link #privateReply}).
 *   <li>Starting: a parent with a teacher of their child's class (homeroom or subject); a teacher
 *       with the families of pupils of their classes, and the channel of their classes; office
 *       staff with any family or teacher of their school. Anyone else: 404.
 *   <li>Consent (issue 18): a guardian without consent for the child gets 403 consent-required on
 *       the child's FAMILY conversations, and on a class channel where no child of theirs has it; a
 *       teacher or staff member starting a FAMILY conversation about a pupil none of whose
 *       guardians consented gets 403 consent-required too.
 *   <li>Office hours: teachers set their own.
 * </ul>
 */
final class MessagingAccess {
  private final RosterRepository roster;
  private final DirectoryRepository directory;
  private final MessagingRepository messaging;

  MessagingAccess(RosterRepository roster, DirectoryRepository directory, MessagingRepository messaging) {
    this.roster = roster;
    this.directory = directory;
    this.messaging = messaging;
  }

  /** How the caller takes part in a conversation. */
  enum Part { PARTICIPANT, CLASS_TEACHER, CLASS_FAMILY }

  /** The caller's seat in a conversation: their participant item (null for a class reader who never read). */
  record Seat(ConversationItem conversation, ParticipantItem participant, Part role) {
    String schoolId() {
      return conversation.schoolId;
    }

    String id() {
      return conversation.conversationId;
    }

    Conversation.Kind kind() {
      return Conversation.Kind.valueOf(conversation.kind);
    }
  }

  /** The conversation, when the caller may read it (then they may also mark it read and post to it). */
  Seat seat(Caller caller, String conversationId) {
    for (String schoolId : caller.schools()) {
      Optional<ConversationItem> found = messaging.conversation(schoolId, conversationId);
      if (found.isEmpty()) {
        continue;
      }
      ConversationItem conversation = found.get();
      ParticipantItem participant = messaging.participant(schoolId, conversationId, caller.subject()).orElse(null);
      if (!Conversation.Kind.CLASS.name().equals(conversation.kind)) {
        if (participant != null) {
          if (Conversation.Kind.FAMILY.name().equals(conversation.kind)) {
            // Consent (issue 18): a guardian reads and writes about their child only once they consented.
            ConsentAccess.requireConsent(caller, schoolId, conversation.studentId);
          }
          return new Seat(conversation, participant, Part.PARTICIPANT);
        }
        continue;
      }
      if (caller.teachesIn(schoolId, conversation.classId)) {
        return new Seat(conversation, participant, Part.CLASS_TEACHER);
      }
      List<Student> children = childrenIn(caller, schoolId, conversation.classId);
      if (!children.isEmpty()) {
        // Consent (issue 18): the channel opens to a family through a child of the class they consented for.
        if (children.stream().allMatch(c -> ConsentAccess.closed(caller, schoolId, c.id()))) {
          throw ConsentAccess.required(schoolId, children.getFirst().id());
        }
        return new Seat(conversation, participant, Part.CLASS_FAMILY);
      }
    }
    throw new ApiException.NotFound();
  }

  /** Only a message's author edits it; whoever else reads the conversation is told so (403). */
  void edit(Caller caller, String authorId) {
    if (!caller.subject().equals(authorId)) {
      throw new ApiException.Forbidden("messaging.authorOnly");
    }
  }

  /** The pupil and the two sides of a FAMILY conversation the caller may start. */
  record FamilyStart(Student student, SchoolClass schoolClass, String teacherId, String teacherName) {}

  /**
   * A FAMILY conversation about {@code studentId}: a parent names a teacher of the child's class
   * ({@code teacherId}); a teacher of the class or office staff start it themselves (naming someone
   * else is a 403). A pupil the caller may not see: 404.
   */
  FamilyStart family(Caller caller, String studentId, String teacherId) {
    for (String schoolId : caller.schoolsForStudent(studentId)) {
      Optional<Student> found = roster.student(schoolId, studentId);
      if (found.isEmpty()) {
        continue;
      }
      Student student = found.get();
      boolean parent = caller.schoolOfChild(studentId).filter(schoolId::equals).isPresent();
      boolean schoolSide = caller.teachesIn(schoolId, student.classId()) || caller.hasRole(schoolId, Role.STAFF);
      if (!parent && !schoolSide) {
        continue;
      }
      SchoolClass schoolClass = roster.schoolClass(schoolId, student.classId()).orElseThrow(ApiException.NotFound::new);
      if (parent) {
        ConsentAccess.requireConsent(caller, schoolId, studentId); // consent (issue 18)
        return withTeacherOf(schoolClass, student, teacherId);
      }
      if (teacherId != null && !teacherId.equals(caller.subject())) {
        throw new ApiException.Forbidden("messaging.startForYourself");
      }
      // Consent (issue 18): no guardian consented, nobody the conversation could lawfully reach.
      ConsentAccess.requireSomeGuardianConsent(directory.guardianConsents(schoolId, studentId).values(), schoolId,
          studentId);
      return new FamilyStart(student, schoolClass, caller.subject(), caller.displayName(schoolId).orElse(null));
    }
    throw new ApiException.NotFound();
  }

  /**
   * A family's post in a class channel goes private: to the FAMILY conversation of their child in
   * the class ({@code studentId} when they have several there) with {@code authorId} (the author of
   * the post they answer), or the homeroom teacher.
   */
  FamilyStart privateReply(Caller caller, Seat channel, String studentId, String authorId) {
    List<Student> children = childrenIn(caller, channel.schoolId(), channel.conversation.classId);
    Student child;
    if (studentId != null) {
      child = children.stream().filter(c -> c.id().equals(studentId)).findFirst().orElseThrow(() ->
          new ApiException.Invalid(List.of(Violation.of("studentId", "messaging.notYourChildInClass", studentId))));
    } else if (children.size() == 1) {
      child = children.getFirst();
    } else {
      throw new ApiException.Invalid(List.of(Violation.of("studentId", "messaging.whichChild")));
    }
    ConsentAccess.requireConsent(caller, channel.schoolId(), child.id()); // consent (issue 18)
    SchoolClass schoolClass = roster.schoolClass(channel.schoolId(), child.classId()).orElseThrow(ApiException.NotFound::new);
    String teacher = authorId != null && teaches(schoolClass, authorId) ? authorId : schoolClass.homeroomTeacherId();
    return withTeacherOf(schoolClass, child, teacher);
  }

  /** A class channel: the class's teachers open it; office staff see the class but do not post there (403). */
  SchoolClass classChannel(Caller caller, String classId) {
    for (String schoolId : caller.schoolsForClass(classId)) {
      Optional<SchoolClass> found = roster.schoolClass(schoolId, classId);
      if (found.isEmpty()) {
        continue;
      }
      if (caller.teachesIn(schoolId, classId)) {
        return found.get();
      }
      throw new ApiException.Forbidden("messaging.classChannelTeachers");
    }
    throw new ApiException.NotFound();
  }

  /** A STAFF conversation: office staff with a teacher of their school (the school and the teacher's name). */
  record StaffStart(String schoolId, String teacherName) {}

  StaffStart staff(Caller caller, String teacherId) {
    for (String schoolId : caller.schoolsWithRole(Role.STAFF)) {
      String name = directory.names(schoolId, Role.TEACHER, List.of(teacherId)).get(teacherId);
      if (name != null && !teacherId.equals(caller.subject())) {
        return new StaffStart(schoolId, name);
      }
    }
    throw new ApiException.NotFound();
  }

  /** The schools where the caller teaches: office hours are theirs to set. Nobody else has any (404). */
  Set<String> teacherSchools(Caller caller) {
    Set<String> schools = caller.schoolsWithRole(Role.TEACHER);
    if (schools.isEmpty()) {
      throw new ApiException.NotFound();
    }
    return schools;
  }

  private FamilyStart withTeacherOf(SchoolClass schoolClass, Student student, String teacherId) {
    if (teacherId == null) {
      throw new ApiException.Invalid(List.of(Violation.of("teacherId", "messaging.teacherRequired")));
    }
    if (!teaches(schoolClass, teacherId)) {
      throw new ApiException.Invalid(List.of(Violation.of("teacherId", "messaging.notATeacherOfClass", teacherId)));
    }
    String name = directory.names(schoolClass.schoolId(), Role.TEACHER, List.of(teacherId)).get(teacherId);
    return new FamilyStart(student, schoolClass, teacherId, name);
  }

  private static boolean teaches(SchoolClass schoolClass, String teacherId) {
    return teacherId.equals(schoolClass.homeroomTeacherId()) || schoolClass.subjectTeachers().containsValue(teacherId);
  }

  /** The caller's children who are pupils of the class now. */
  private List<Student> childrenIn(Caller caller, String schoolId, String classId) {
    List<String> children = caller.grants().stream()
        .filter(g -> g instanceof Caller.ChildGrant c && c.schoolId().equals(schoolId))
        .map(g -> ((Caller.ChildGrant) g).studentId())
        .toList();
    if (children.isEmpty()) {
      return List.of();
    }
    return roster.students(schoolId, children).values().stream().filter(s -> classId.equals(s.classId())).toList();
  }
}
