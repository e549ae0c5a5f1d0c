package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienlac.local.LocalStack;

/**
 * {@code /v1/me} names each child's teachers (homeroom first, then subject teachers with their
 * subjects), so a family can write to any of them, not only to one who wrote first: the app's
 * "new conversation" lists exactly these.
 */
@ExtendWith(LocalStackExtension.class)
class ChildTeachersTest {
  private final SeededApi seeded;

  ChildTeachersTest(LocalStack stack, ApiClient api) {
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void me_should_list_the_teachers_of_each_childs_class_and_each_should_accept_a_first_message() {
    String parent = "nt-ph-060";
    JsonNode child = seeded.as(parent).get("/v1/me").body().get("schools").get(0).get("children").get(0);
    JsonNode teachers = child.get("teachers");

    assertThat(teachers).isNotEmpty();
    assertThat(teachers.get(0).get("homeroom").asBoolean()).as(teachers.toString()).isTrue();
    List<String> subjects = new ArrayList<>();
    teachers.forEach(t -> {
      assertThat(t.get("displayName").asText()).isNotBlank();
      t.get("subjects").forEach(s -> subjects.add(s.asText()));
    });
    assertThat(subjects).as("every subject of the class has its teacher, once").contains("toan").doesNotHaveDuplicates();
    // The teacher's own view agrees: the maths teacher listed teaches this class maths.
    JsonNode maths = null;
    for (JsonNode t : teachers) {
      for (JsonNode s : t.get("subjects")) {
        if (s.asText().equals("toan")) {
          maths = t;
        }
      }
    }
    assertThat(maths).isNotNull();
    String classId = child.get("classId").asText();
    JsonNode taught = seeded.as(maths.get("teacherId").asText()).get("/v1/me").body().findValues("classes").get(0);
    assertThat(taught).anySatisfy(c -> {
      assertThat(c.get("classId").asText()).isEqualTo(classId);
      assertThat(c.get("subjects")).extracting(JsonNode::asText).contains("toan");
    });

    // Any listed teacher, subject teachers too, can be written to.
    JsonNode last = teachers.get(teachers.size() - 1);
    ApiClient.Response started = seeded.as(parent).post("/v1/conversations", Map.of(
        "studentId", child.get("studentId").asText(), "teacherId", last.get("teacherId").asText(),
        "clientMessageId", UUID.randomUUID().toString(), "text", "Thưa thầy cô, cho tôi hỏi về bài tập."));
    assertThat(started.status()).as(started.text()).isIn(200, 201);
  }
}
