package vn.lienlac.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.YAMLException;
import vn.lienlac.local.template.SamTemplate.HttpRoute;

class SamTemplateTest {

  private static final String SMALL = """
      Conditions:
        HasDomain: !Not [!Equals [!Ref DomainPrefix, '']]
      Globals:
        Function:
          Timeout: 12
          MemorySize: 512
          Environment:
            Variables:
              SHARED: from-globals
              OVERRIDDEN: from-globals
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            AttributeDefinitions:
              - {AttributeName: id, AttributeType: S}
              - {AttributeName: byOwner, AttributeType: S}
              - {AttributeName: at, AttributeType: N}
            KeySchema:
              - {AttributeName: id, KeyType: HASH}
            GlobalSecondaryIndexes:
              - IndexName: owner
                KeySchema:
                  - {AttributeName: byOwner, KeyType: HASH}
                  - {AttributeName: at, KeyType: RANGE}
                Projection:
                  ProjectionType: INCLUDE
                  NonKeyAttributes: [title]
        Queue:
          Type: AWS::SQS::Queue
        PingFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: vn.example.Ping::handleRequest
            Timeout: 3
            Environment:
              Variables:
                OVERRIDDEN: from-function
                TABLE_NAME: !Ref Table
                TABLE_ARN: !GetAtt Table.Arn
                GREETING: !Sub "hello ${AWS::Region}"
            Events:
              Ping:
                Type: HttpApi
                Properties: {Path: /ping, Method: get, Auth: {Authorizer: NONE}}
              Secret:
                Type: HttpApi
                Properties: {Path: '/things/{thingId}', Method: POST, Auth: {Authorizer: OtherJwt}}
              Nightly:
                Type: Schedule
                Properties: {Schedule: rate(1 day)}
        OtherFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: vn.example.Other
      """;

  @Test
  void short_form_tags_should_read_as_their_long_forms_instead_of_failing() {
    Map<String, Object> document = SamTemplate.yaml().load("""
        a: !Ref Table
        b: !GetAtt Table.Arn
        c: !Sub "${AWS::StackName}-users"
        d: !Not [!Equals [!Ref Prefix, '']]
        e: !Select {index: 0}
        """);

    assertThat(document).containsEntry("a", Map.of("Ref", "Table"))
        .containsEntry("b", Map.of("Fn::GetAtt", "Table.Arn"))
        .containsEntry("c", Map.of("Fn::Sub", "${AWS::StackName}-users"))
        .containsEntry("d", Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "Prefix"), "")))))
        .containsEntry("e", Map.of("Fn::Select", Map.of("index", 0)));
  }

  @Test
  void the_reader_should_stay_safe_and_refuse_java_class_tags() {
    assertThatThrownBy(() -> SamTemplate.yaml().load("x: !!java.io.File [/etc/passwd]"))
        .isInstanceOf(YAMLException.class);
  }

  @Test
  void functions_should_merge_global_and_own_variables_the_function_winning() {
    SamTemplate.Function ping = SamTemplate.parse(SMALL).function("PingFunction").orElseThrow();

    assertThat(ping.environment()).containsEntry("SHARED", "from-globals")
        .containsEntry("OVERRIDDEN", "from-function")
        .containsEntry("TABLE_NAME", Map.of("Ref", "Table"));
    assertThat(ping.handlerClass()).isEqualTo("vn.example.Ping");
    assertThat(ping.timeoutSeconds()).isEqualTo(3);
    assertThat(ping.memoryMb()).isEqualTo(512);
  }

  @Test
  void a_function_without_its_own_settings_should_take_the_globals() {
    SamTemplate.Function other = SamTemplate.parse(SMALL).function("OtherFunction").orElseThrow();

    assertThat(other.handlerClass()).isEqualTo("vn.example.Other");
    assertThat(other.timeoutSeconds()).isEqualTo(12);
    assertThat(other.routes()).isEmpty();
    assertThat(other.environment()).containsOnlyKeys("SHARED", "OVERRIDDEN");
  }

  @Test
  void only_http_api_events_should_become_routes_and_only_authorizer_none_is_public() {
    SamTemplate.Function ping = SamTemplate.parse(SMALL).function("PingFunction").orElseThrow();

    assertThat(ping.routes()).containsExactly(
        new HttpRoute("Ping", "GET", "/ping", true),
        new HttpRoute("Secret", "POST", "/things/{thingId}", false));
    assertThat(ping.routes().get(1).routeKey()).isEqualTo("POST /things/{thingId}");
  }

  @Test
  void environment_should_resolve_refs_and_refuse_what_cannot_be_resolved_locally() {
    SamTemplate.Function ping = SamTemplate.parse(SMALL).function("PingFunction").orElseThrow();

    assertThatThrownBy(() -> ping.environment(id -> id.equals("Table") ? "LocalTable" : null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TABLE_ARN");

    SamTemplate.Function other = SamTemplate.parse(SMALL).function("OtherFunction").orElseThrow();
    assertThat(other.environment(id -> null)).isEqualTo(Map.of("SHARED", "from-globals", "OVERRIDDEN", "from-globals"));
  }

  @Test
  void tables_should_carry_attributes_keys_and_indexes() {
    SamTemplate.Table table = SamTemplate.parse(SMALL).tables().getFirst();

    assertThat(table.logicalId()).isEqualTo("Table");
    assertThat(table.attributeTypes()).containsExactly(
        Map.entry("id", "S"), Map.entry("byOwner", "S"), Map.entry("at", "N"));
    assertThat(table.key()).isEqualTo(new SamTemplate.Key("id", null));
    assertThat(table.globalIndexes()).containsExactly(
        new SamTemplate.Index("owner", new SamTemplate.Key("byOwner", "at"), "INCLUDE", List.of("title")));
    assertThat(table.timeToLiveAttribute()).isEmpty();
  }

  @Test
  void the_real_template_should_declare_the_identity_and_records_functions_and_the_table() {
    SamTemplate template = SamTemplate.read(SamTemplate.defaultFile());

    SamTemplate.Function identity = template.function("IdentityFunction").orElseThrow();
    assertThat(identity.handlerClass()).isEqualTo("vn.lienlac.functions.identity.IdentityFunction");
    assertThat(identity.environment(id -> id)).containsEntry("TABLE_NAME", "LienlacTable");
    assertThat(identity.timeoutSeconds()).isEqualTo(10);
    assertThat(identity.routes()).contains(
        new HttpRoute("Health", "GET", "/health", true),
        new HttpRoute("Me", "GET", "/v1/me", false));

    assertThat(template.function("RecordsFunction").orElseThrow().routes())
        .extracting(HttpRoute::routeKey)
        .contains("GET /v1/students/{studentId}/grades", "PUT /v1/classes/{classId}/gradebook/{subject}/{term}");

    SamTemplate.Table table = template.tables().getFirst();
    assertThat(template.tables()).hasSize(1);
    assertThat(table.logicalId()).isEqualTo("LienlacTable");
    assertThat(table.key()).isEqualTo(new SamTemplate.Key("pk", "sk"));
    assertThat(table.globalIndexes()).extracting(SamTemplate.Index::name).containsExactly("gsi1");
    assertThat(table.timeToLiveAttribute()).isEqualTo(Optional.of("expiresAt"));
  }

  @Test
  void only_the_documented_public_routes_of_the_real_template_should_skip_the_authorizer() {
    SamTemplate template = SamTemplate.read(SamTemplate.defaultFile());

    List<String> publicRoutes = template.functions().stream()
        .flatMap(f -> f.routes().stream())
        .filter(HttpRoute::isPublic)
        .map(HttpRoute::routeKey)
        .toList();

    // DESIGN.md section 7: /health now; later the VNPay IPN and bank webhooks. Widen consciously.
    // The VNPay return URL: the payer's browser comes back from VNPay without our token; it is
    // checked by VNPay's signature and credits nothing (issue 14).
    // The bank webhooks (paydocs) are one URL per provider and school, checked by the provider's signature
    // with the school's key.
    assertThat(publicRoutes).isSubsetOf(
        "GET /health", "GET /v1/payments/vnpay/ipn", "GET /v1/payments/vnpay/return",
        "POST /v1/payments/bank-transfers/sepay/{schoolId}", "POST /v1/payments/bank-transfers/casso/{schoolId}");
  }

  @Test
  void the_repository_root_should_come_from_the_system_property_when_set(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("template.yaml"), "Resources: {}\n");
    String before = System.getProperty("lienlac.root");
    try {
      System.setProperty("lienlac.root", dir.toString());
      assertThat(SamTemplate.repositoryRoot()).isEqualTo(dir.toAbsolutePath().normalize());
      assertThat(SamTemplate.read(SamTemplate.defaultFile()).functions()).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty("lienlac.root");
      } else {
        System.setProperty("lienlac.root", before);
      }
    }
  }
}
