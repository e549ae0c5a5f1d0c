package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.DevUser;

/**
 * Consent per child (issue 18) over real HTTP, with the one demo parent who has not consented
 * (nt-ph-078, whose child nt-hs-0107 has a second guardian, nt-ph-078b, who has): until they
 * consent, the child's optional data (messages, paying by app, receipts) answers 403
 * consent-required with the notice link, while grades and attendance answer 200 and say consent is
 * missing; a stale notice version is a 409; after consenting everything opens; after withdrawing it
 * closes again and their devices are gone; every change leaves an audit entry in the pupil's partition.
 */
@ExtendWith(LocalStackExtension.class)
class ConsentTest {
  private static final String PARENT = "nt-ph-078";
  private static final String OTHER_GUARDIAN = "nt-ph-078b";
  private static final String OFFICE = "nt-vp-01";
  /** Teaches Tin học in every class of the school: a teacher of the child's class. */
  private static final String TEACHER = SeededApi.TEACHER_7A1;
  private static final String NOTICE = "/v1/schools/" + SeededApi.NGUYEN_TRAI + "/privacy-notice";

  private final LocalStack stack;
  private final SeededApi seeded;

  ConsentTest(LocalStack stack, ApiClient api) {
    this.stack = stack;
    this.seeded = new SeededApi(stack, api);
  }

  @Test
  void a_guardian_without_consent_should_get_403_on_optional_data_and_statutory_records_that_say_so_until_they_consent()
      throws Exception {
    DevUser listed = stack.users().stream().filter(u -> u.id().equals(PARENT)).findFirst().orElseThrow();
    assertThat(listed.consented()).as("/dev/users marks the parent as not consented").isFalse();
    SeededApi.Child child = seeded.children(PARENT).getFirst();
    String studentId = child.studentId();
    ApiClient parent = seeded.as(PARENT);

    // The notice: Vietnamese first, read by the parent; the consents list says NOT_GIVEN.
    ApiClient.Response notice = parent.get(NOTICE);
    assertThat(notice.status()).as(notice.text()).isEqualTo(200);
    int version = notice.body().get("version").asInt(); // 1 as seeded; more when other tests published since
    assertThat(notice.body().get("bodyVi").asText()).isNotBlank();
    assertThat(notice.body().get("bodyEn").asText()).isNotBlank();
    JsonNode consent = consentOf(parent, studentId);
    assertThat(consent.get("status").asText()).isEqualTo("NOT_GIVEN");
    assertThat(consent.get("notice").asText()).isEqualTo(NOTICE);

    // Statutory records: 200, saying consent is missing; /v1/me too.
    for (String path : List.of("/v1/students/" + studentId + "/grades", "/v1/students/" + studentId + "/attendance")) {
      ApiClient.Response record = parent.get(path);
      assertThat(record.status()).as(record.text()).isEqualTo(200);
      assertThat(record.header("lienlac-consent")).as(path).isEqualTo("missing");
      assertThat(record.header("link")).as(path).contains(NOTICE).contains("privacy-notice");
    }
    assertThat(childOnMe(parent, studentId).get("consentGiven").asBoolean()).isFalse();

    // Optional data: 403 consent-required naming the child and linking the notice.
    String channel = classChannel(child.classId());
    JsonNode invoice = parent.get("/v1/students/" + studentId + "/invoices").body().get("items").get(0);
    assertThat(invoice).as("the invoices (the school's accounting) stay readable").isNotNull();
    assertConsentRequired(parent.post("/v1/conversations", Map.of("studentId", studentId, "teacherId", TEACHER)),
        studentId);
    assertConsentRequired(parent.get("/v1/conversations/" + channel + "/messages"), studentId);
    assertConsentRequired(parent.post("/v1/invoices/" + invoice.get("id").asText() + "/payments",
        Map.of("method", "VNPAY")), studentId);
    assertConsentRequired(parent.get("/v1/invoices/" + invoice.get("id").asText() + "/receipt"), studentId);
    assertThat(parent.get("/v1/conversations").body().get("items").findValuesAsText("kind"))
        .as("no class channel through a child without consent").doesNotContain("CLASS");

    // The office publishes a new version: consenting to the one read before is now stale (409 naming the current one).
    ApiClient.Response published = seeded.as(OFFICE).put(NOTICE, Map.of("baseVersion", version,
        "titleVi", "Thông báo xử lý dữ liệu cá nhân (cập nhật)", "bodyVi", "Nội dung cập nhật.",
        "titleEn", "Personal data notice (updated)", "bodyEn", "Updated text.", "dpoContact", "Văn phòng nhà trường"));
    assertThat(published.status()).as(published.text()).isEqualTo(201);
    int current = version + 1;
    assertThat(published.body().get("version").asInt()).isEqualTo(current);
    SeededApi.assertProblem(seeded.as(OFFICE).put(NOTICE, Map.of("baseVersion", version, "titleVi", "x", "bodyVi", "x",
        "titleEn", "x", "bodyEn", "x", "dpoContact", "x")), 409, "conflict");
    ApiClient.Response stale = parent.post("/v1/me/consents",
        Map.of("studentId", studentId, "noticeVersion", version, "channel", "APP"));
    SeededApi.assertProblem(stale, 409, "conflict");
    assertThat(stale.body().get("currentVersion").asInt()).isEqualTo(current);
    assertThat(stale.body().get("detail").asText()).contains(String.valueOf(current)).contains(NOTICE);
    SeededApi.assertProblem(parent.post("/v1/me/consents",
        Map.of("studentId", studentId, "noticeVersion", current, "channel", "PAPER")), 422, "validation");
    assertThat(audit(studentId, PARENT)).as("nothing written by refused consents").isEmpty();

    // Consent: everything opens.
    ApiClient.Response given = parent.post("/v1/me/consents",
        Map.of("studentId", studentId, "noticeVersion", current, "channel", "APP"));
    assertThat(given.status()).as(given.text()).isEqualTo(200);
    assertThat(given.body().get("status").asText()).isEqualTo("GIVEN");
    assertThat(given.body().get("noticeVersion").asInt()).isEqualTo(current);
    assertThat(given.body().get("channel").asText()).isEqualTo("APP");
    ApiClient.Response started = parent.post("/v1/conversations", Map.of("studentId", studentId, "teacherId", TEACHER));
    assertThat(started.status()).as(started.text()).isIn(200, 201);
    assertThat(parent.get("/v1/conversations/" + channel + "/messages").status()).isEqualTo(200);
    ApiClient.Response pay = parent.post("/v1/invoices/" + invoice.get("id").asText() + "/payments",
        Map.of("method", "VNPAY"));
    assertThat(pay.status()).as(pay.text()).isNotEqualTo(403);
    ApiClient.Response grades = parent.get("/v1/students/" + studentId + "/grades");
    assertThat(grades.header("lienlac-consent")).isNull();
    assertThat(childOnMe(parent, studentId).get("consentGiven").asBoolean()).isTrue();
    assertThat(audit(studentId, PARENT)).extracting(item -> item.get("action").s()).containsExactly("GIVEN");

    // A device, then withdrawal: optional data closes again, the device is gone (no consented child left).
    ApiClient.Response device = parent.post("/v1/devices",
        Map.of("token", "consent-test-token-078", "platform", "android", "language", "vi"));
    assertThat(device.status()).as(device.text()).isIn(200, 201);
    assertThat(devices(PARENT)).extracting(d -> d.get("token").s()).contains("consent-test-token-078");
    ApiClient.Response withdrawn = parent.send("DELETE", "/v1/me/consents/" + studentId, null);
    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(devices(PARENT)).as("the guardian's devices of the school (every one, other tests' too)").isEmpty();
    assertConsentRequired(parent.get("/v1/conversations/" + channel + "/messages"), studentId);
    assertConsentRequired(parent.get("/v1/conversations/" + started.body().path("conversation").path("id").asText()
        + "/messages"), studentId);
    assertThat(parent.get("/v1/students/" + studentId + "/attendance").header("lienlac-consent")).isEqualTo("missing");
    assertThat(audit(studentId, PARENT)).extracting(item -> item.get("action").s()).containsExactly("GIVEN", "WITHDRAWN");
    assertThat(consentOf(parent, studentId).get("status").asText()).isEqualTo("WITHDRAWN");

    // No guardian consented any more: a teacher cannot start a FAMILY conversation about the pupil.
    ApiClient other = seeded.as(OTHER_GUARDIAN);
    // Other tests of this JVM (the authorization matrix's consent rows) may have withdrawn and given this
    // guardian's consent before: only the entries added from here on are this test's.
    int otherBefore = audit(studentId, OTHER_GUARDIAN).size();
    assertThat(audit(studentId, OTHER_GUARDIAN).get(0).get("action").s()).as("the seed's consent").isEqualTo("GIVEN");
    assertThat(other.send("DELETE", "/v1/me/consents/" + studentId, null).status()).isEqualTo(200);
    assertConsentRequired(seeded.as(TEACHER)
        .post("/v1/conversations", Map.of("studentId", studentId)), studentId);
    // The second guardian consents again (to the current version): the teacher may start it.
    assertThat(other.post("/v1/me/consents", Map.of("studentId", studentId, "noticeVersion", current, "channel", "WEB"))
        .status()).isEqualTo(200);
    assertThat(seeded.as(TEACHER).post("/v1/conversations", Map.of("studentId", studentId)).status()).isIn(200, 201);
    List<Map<String, AttributeValue>> otherAudit = audit(studentId, OTHER_GUARDIAN);
    assertThat(otherAudit.subList(otherBefore, otherAudit.size())).as("this test's withdrawal and new consent")
        .extracting(item -> item.get("action").s() + "/" + item.getOrDefault("channel", AttributeValue.fromS("null")).s())
        .containsExactly("WITHDRAWN/null", "GIVEN/WEB");
  }

  /**
   * The roster import's job grants every guardian of the file again ({@code DirectoryRepository.grant},
   * ImportApplier.applyPupil): that must never wipe a consent already recorded on the grant.
   */
  @Test
  void granting_a_consented_guardian_again_as_the_roster_import_does_should_keep_the_consent() {
    String guardian = "nt-ph-003";
    SeededApi.Child child = seeded.children(guardian).getFirst();
    var directory = new DirectoryRepository(stack.dynamo(), stack.clock());
    Caller.ChildGrant before = childGrant(directory.caller(guardian), child.studentId());
    assertThat(before.consented()).isTrue();

    boolean created = directory.grant(guardian, new Caller.ChildGrant(child.schoolId(), child.studentId(),
        before.relationship()));

    assertThat(created).as("the grant was there").isFalse();
    assertThat(childGrant(directory.caller(guardian), child.studentId()).consentVersion())
        .isEqualTo(before.consentVersion());
    assertThat(consentOf(seeded.as(guardian), child.studentId()).get("status").asText()).isEqualTo("GIVEN");
  }

  private static Caller.ChildGrant childGrant(Caller caller, String studentId) {
    return caller.grants().stream().filter(g -> g instanceof Caller.ChildGrant c && c.studentId().equals(studentId))
        .map(Caller.ChildGrant.class::cast).findFirst().orElseThrow();
  }

  private static void assertConsentRequired(ApiClient.Response response, String studentId) {
    SeededApi.assertProblem(response, 403, "consent-required");
    assertThat(response.body().get("notice").asText()).isEqualTo(NOTICE);
    assertThat(response.body().get("studentId").asText()).isEqualTo(studentId);
  }

  private static JsonNode consentOf(ApiClient parent, String studentId) {
    ApiClient.Response consents = parent.get("/v1/me/consents");
    assertThat(consents.status()).as(consents.text()).isEqualTo(200);
    for (JsonNode item : consents.body().get("items")) {
      if (item.get("studentId").asText().equals(studentId)) {
        return item;
      }
    }
    throw new AssertionError("no consent entry for " + studentId + ": " + consents.text());
  }

  private static JsonNode childOnMe(ApiClient parent, String studentId) {
    for (JsonNode school : parent.get("/v1/me").body().get("schools")) {
      for (JsonNode child : school.get("children")) {
        if (child.get("studentId").asText().equals(studentId)) {
          return child;
        }
      }
    }
    throw new AssertionError("no child " + studentId);
  }

  /** The class channel's id, as a teacher of the class lists it. */
  private String classChannel(String classId) {
    for (JsonNode conversation : seeded.as(TEACHER).get("/v1/conversations").body().get("items")) {
      if ("CLASS".equals(conversation.get("kind").asText()) && classId.equals(conversation.path("classId").asText())) {
        return conversation.get("id").asText();
      }
    }
    throw new AssertionError("no class channel of " + classId);
  }

  /** The consent audit entries one guardian left in the pupil's partition, oldest first. */
  private List<Map<String, AttributeValue>> audit(String studentId, String actor) {
    return new ArrayList<>(stack.dynamo().client().query(q -> q.tableName(stack.dynamo().tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.student(SeededApi.NGUYEN_TRAI, studentId)),
            ":p", AttributeValue.fromS(Keys.CONSENT_AUDIT)))).items().stream()
        .filter(item -> item.get("actor").s().equals(actor)).toList());
  }

  private List<Map<String, AttributeValue>> devices(String subject) {
    return stack.dynamo().client().query(q -> q.tableName(stack.dynamo().tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(subject)),
            ":p", AttributeValue.fromS(Keys.device(SeededApi.NGUYEN_TRAI, ""))))).items();
  }
}
