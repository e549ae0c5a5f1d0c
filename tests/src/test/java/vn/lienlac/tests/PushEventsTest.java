package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.platform.IdGenerator;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.records.GradesService;
import vn.lienlac.functions.records.LeaveService;
import vn.lienlac.local.LocalStack;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.records.Gradebook;
import vn.lienlac.model.records.LeaveRequest;
import vn.lienlac.model.records.TermId;

/**
 * records-fn publishes what the push dispatcher consumes, after the write committed and with ids
 * only: {@code grade.published} per changed gradebook (its changed pupils), {@code leave.decided}
 * per decision; nothing for a write that changed nothing or failed.
 */
@ExtendWith(LocalStackExtension.class)
class PushEventsTest {
  private final LocalStack stack;
  private final SeededApi seeded;

  PushEventsTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void a_gradebook_change_should_publish_one_grade_event_naming_only_the_changed_pupils() {
    EventPublisher.Recording events = EventPublisher.recording();
    RosterRepository roster = new RosterRepository(stack.dynamo());
    GradesService grades = new GradesService(stack.dynamo(), roster, stack.clock(), events);
    Caller teacher = new DirectoryRepository(stack.dynamo(), stack.clock()).caller(SeededApi.TEACHER_7A1);
    SchoolClass schoolClass = roster.schoolClass(SeededApi.NGUYEN_TRAI, SeededApi.CLASS_7A1).orElseThrow();
    TermId term = TermId.parse(SeededApi.TERM).orElseThrow();
    Gradebook.Entry row = grades.gradebook(schoolClass, "toan", term, Messages.VIETNAMESE).rows().get(0);
    Gradebook.Row same = new Gradebook.Row(row.studentId(), row.regular(), row.midterm(), row.finalExam(), null, null);
    Gradebook.Row changed = new Gradebook.Row(row.studentId(), row.regular(), row.midterm(),
        row.finalExam().compareTo(java.math.BigDecimal.TEN) < 0 ? row.finalExam().add(java.math.BigDecimal.ONE.movePointLeft(1))
            : row.finalExam().subtract(java.math.BigDecimal.ONE.movePointLeft(1)), null, null);

    grades.update(teacher, schoolClass, "toan", term, new Gradebook.Update(List.of(same)), "push-events", Messages.VIETNAMESE);
    assertThat(events.events()).as("an unchanged gradebook publishes nothing").isEmpty();
    grades.update(teacher, schoolClass, "toan", term, new Gradebook.Update(List.of(changed)), "push-events", Messages.VIETNAMESE);
    grades.update(teacher, schoolClass, "toan", term, new Gradebook.Update(List.of(same)), "push-events", Messages.VIETNAMESE);

    assertThat(events.events()).hasSize(2);
    DomainEvent event = events.events().get(0);
    assertThat(event.type()).isEqualTo(EventTypes.GRADE_PUBLISHED);
    assertThat(event.schoolId()).isEqualTo(SeededApi.NGUYEN_TRAI);
    assertThat(event.data()).isEqualTo(Map.of("classId", SeededApi.CLASS_7A1, "subject", "toan",
        "term", SeededApi.TERM, "students", row.studentId()));
  }

  @Test
  void a_leave_decision_should_publish_one_leave_event_with_ids_only() {
    EventPublisher.Recording events = EventPublisher.recording();
    LeaveService leaves = new LeaveService(stack.dynamo(), stack.clock(), IdGenerator.RANDOM, events);
    DirectoryRepository directory = new DirectoryRepository(stack.dynamo(), stack.clock());
    String parentId = stack.users().stream().filter(u -> u.role().equals("PARENT")
        && seeded.children(u.id()).stream().anyMatch(c -> c.classId().equals(SeededApi.CLASS_7A1))).findFirst()
        .orElseThrow().id();
    SeededApi.Child child = seeded.children(parentId).stream()
        .filter(c -> c.classId().equals(SeededApi.CLASS_7A1)).findFirst().orElseThrow();
    Student student = new RosterRepository(stack.dynamo()).student(child.schoolId(), child.studentId()).orElseThrow();
    String day = SeededApi.today().plusDays(75).toString();
    LeaveRequest request = leaves.create(directory.caller(parentId), student,
        new LeaveRequest.Draft(java.time.LocalDate.parse(day), java.time.LocalDate.parse(day), "Việc gia đình"),
        Optional.empty()).request();
    assertThat(events.events()).as("a new request is not a decision").isEmpty();

    leaves.decide(directory.caller(SeededApi.TEACHER_7A1), request.id(),
        new LeaveRequest.Decision(LeaveRequest.Status.APPROVED, null));

    assertThat(events.events()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventTypes.LEAVE_DECIDED);
      assertThat(event.data()).isEqualTo(Map.of("studentId", child.studentId(), "leaveRequestId", request.id(),
          "classId", SeededApi.CLASS_7A1));
    });
  }
}
