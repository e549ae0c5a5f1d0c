package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienlac.tests.SeededApi.assertProblem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;
import vn.lienlac.tests.SeededApi.Child;

/** The 201 of a new leave request names a route that answers it. */
@ExtendWith(LocalStackExtension.class)
class LeaveRequestLocationTest {
  /** Has a child at each school. */
  private static final String PARENT = "nt-ph-001";

  private final SeededApi seeded;

  LeaveRequestLocationTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void the_location_of_a_created_leave_request_should_answer_that_request() {
    List<Child> children = seeded.children(PARENT);
    Child child = children.stream().filter(c -> c.schoolId().equals(SeededApi.NGUYEN_TRAI)).findFirst().orElseThrow();
    Child sibling = children.stream().filter(c -> !c.equals(child)).findFirst().orElseThrow();
    String otherParent = "nt-ph-002";
    assertThat(seeded.children(otherParent)).doesNotContain(child);
    ApiClient parent = seeded.as(PARENT);
    String day = SeededApi.today().plusDays(2).toString();

    ApiClient.Response created = parent.post("/v1/students/" + child.studentId() + "/leave-requests",
        Map.of("from", day, "to", day, "reason", "Cháu đi khám mắt."));
    String id = created.body().path("id").asText();
    String location = created.header("location");
    ApiClient.Response followed = parent.get(location);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(location).isEqualTo("/v1/students/" + child.studentId() + "/leave-requests/" + id);
    assertThat(followed.status()).as(followed.text()).isEqualTo(200);
    assertThat(followed.body()).isEqualTo(created.body());
    // The school's office reads it too; a parent of another family, or the same id under another
    // pupil, finds nothing.
    assertThat(seeded.as("nt-vp-01").get(location).body()).isEqualTo(created.body());
    assertProblem(seeded.as(otherParent).get(location), 404, "not-found");
    assertProblem(parent.get("/v1/students/" + sibling.studentId() + "/leave-requests/" + id), 404, "not-found");
    assertProblem(parent.get("/v1/students/" + child.studentId() + "/leave-requests/" + id + "x"), 404, "not-found");
  }
}
