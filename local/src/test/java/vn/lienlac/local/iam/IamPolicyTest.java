package vn.lienlac.local.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienlac.local.iam.IamPolicy.Decision.ALLOW;
import static vn.lienlac.local.iam.IamPolicy.Decision.EXPLICIT_DENY;
import static vn.lienlac.local.iam.IamPolicy.Decision.IMPLICIT_DENY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.local.template.SamTemplate;

/** IAM's evaluation as the local stack's gate does it, on the template's own statement shapes. */
class IamPolicyTest {
  private static final String REGION = "ap-southeast-1";
  private static final String TABLE = TemplatePolicies.tableArn(REGION, "LienlacTable");
  private static final String LEADING = "dynamodb:LeadingKeys";

  /** A function with the shapes template.yaml uses: reads anywhere, writes under USER#*, the log's Deny. */
  private static final IamPolicy POLICY = TemplatePolicies.of(SamTemplate.yaml().load("""
      Resources:
        LienlacTable:
          Type: AWS::DynamoDB::Table
        F:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Sid: Read
                    Effect: Allow
                    Action: [dynamodb:GetItem, dynamodb:Query]
                    Resource: [!GetAtt LienlacTable.Arn, !Sub '${LienlacTable.Arn}/index/gsi1']
                  - Sid: Write
                    Effect: Allow
                    Action: [dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:BatchWriteItem]
                    Resource: !GetAtt LienlacTable.Arn
                    Condition:
                      ForAllValues:StringLike:
                        dynamodb:LeadingKeys: ['USER#*', 'ACCESS#*']
                  - Sid: AccessLogAppendOnly
                    Effect: Deny
                    Action: [dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:BatchWriteItem]
                    Resource: [!GetAtt LienlacTable.Arn]
                    Condition:
                      ForAnyValue:StringLike:
                        dynamodb:LeadingKeys: ['ACCESS#*']
              - SQSPollerPolicy:
                  QueueName: q
      """), REGION).get("F");

  private static Map<String, List<String>> keys(String... values) {
    return Map.of(LEADING, List.of(values));
  }

  @Test
  void string_like_should_match_star_and_question_mark_as_iam_does() {
    assertThat(IamPolicy.like("ACCESS#*", "ACCESS#S#1#ST#2")).isTrue();
    assertThat(IamPolicy.like("ACCESS#*", "ACCESS#")).isTrue(); // * matches nothing too
    assertThat(IamPolicy.like("ACCESS#*", "XACCESS#1")).isFalse(); // anchored at the start
    assertThat(IamPolicy.like("ACCESS#*", "access#1")).isFalse(); // case-sensitive
    assertThat(IamPolicy.like("S#*#PUSH#*", "S#sch#PUSH#e1")).isTrue();
    assertThat(IamPolicy.like("S#*#PUSH#*", "S#sch#PULL#e1")).isFalse();
    assertThat(IamPolicy.like("S#*#ROSTER", "S#a#b#ROSTER")).isTrue();
    assertThat(IamPolicy.like("S#*#ROSTER", "S#a#ROSTERX")).isFalse(); // anchored at the end
    assertThat(IamPolicy.like("secret-??????", "secret-abcdef")).isTrue();
    assertThat(IamPolicy.like("secret-??????", "secret-abcde")).isFalse();
    assertThat(IamPolicy.like(TABLE + "/index/*", TABLE + "/index/gsi1")).isTrue();
    assertThat(IamPolicy.like(TABLE, TABLE + "/index/gsi1")).isFalse();
  }

  @Test
  void an_explicit_deny_should_win_over_an_allow() {
    // Write allows USER#* and ACCESS#*; the Deny takes ACCESS#* back for updates.
    assertThat(POLICY.evaluate("dynamodb:UpdateItem", TABLE, keys("USER#u1"))).isEqualTo(ALLOW);
    assertThat(POLICY.evaluate("dynamodb:UpdateItem", TABLE, keys("ACCESS#S#s#ST#p"))).isEqualTo(EXPLICIT_DENY);
    assertThat(POLICY.evaluate("dynamodb:PutItem", TABLE, keys("ACCESS#S#s#ST#p"))).isEqualTo(ALLOW);
  }

  @Test
  void for_any_value_should_deny_when_one_key_matches_and_for_all_values_allow_only_when_every_key_does() {
    // A batch write over a directory item and a log item: the Deny (ForAnyValue) matches.
    assertThat(POLICY.evaluate("dynamodb:BatchWriteItem", TABLE, keys("USER#u1", "ACCESS#S#s#C#c")))
        .isEqualTo(EXPLICIT_DENY);
    // The Allow (ForAllValues) needs every key under its patterns.
    assertThat(POLICY.evaluate("dynamodb:BatchWriteItem", TABLE, keys("USER#u1", "USER#u2"))).isEqualTo(ALLOW);
    assertThat(POLICY.evaluate("dynamodb:BatchWriteItem", TABLE, keys("USER#u1", "S#s#ST#p"))).isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void a_missing_key_should_satisfy_for_all_values_and_fail_for_any_value() {
    // No LeadingKeys in the request: ForAllValues holds (so the Allow applies), ForAnyValue does not
    // (so the Deny does not): IAM's documented pitfall, reproduced.
    assertThat(POLICY.evaluate("dynamodb:DeleteItem", TABLE, Map.of())).isEqualTo(ALLOW);
    var plain = new IamPolicy.Condition(IamPolicy.SetOperator.NONE, true, false, LEADING, List.of("USER#*"));
    var negated = new IamPolicy.Condition(IamPolicy.SetOperator.NONE, true, true, LEADING, List.of("USER#*"));
    assertThat(plain.holds(Map.of())).isFalse();
    assertThat(negated.holds(Map.of())).isTrue();
    assertThat(negated.holds(keys("USER#1"))).isFalse();
    assertThat(negated.holds(keys("S#1"))).isTrue();
  }

  @Test
  void actions_and_resources_should_be_matched_as_iam_matches_them() {
    assertThat(POLICY.evaluate("dynamodb:getitem", TABLE, Map.of())).isEqualTo(ALLOW); // actions: any case
    assertThat(POLICY.evaluate("dynamodb:Query", TABLE + "/index/gsi1", keys("X"))).isEqualTo(ALLOW);
    assertThat(POLICY.evaluate("dynamodb:Query", TABLE + "/index/gsi2", keys("X"))).isEqualTo(IMPLICIT_DENY);
    assertThat(POLICY.evaluate("dynamodb:Scan", TABLE, Map.of())).isEqualTo(IMPLICIT_DENY);
    assertThat(POLICY.evaluate("dynamodb:GetItem", TemplatePolicies.tableArn(REGION, "Other"), Map.of()))
        .isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void what_the_gate_cannot_evaluate_should_be_refused_when_the_template_is_read() {
    String template = """
        Resources:
          LienlacTable: {Type: AWS::DynamoDB::Table}
          F:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Deny
                      Action: [dynamodb:PutItem]
                      Resource: !GetAtt LienlacTable.Arn
                      Condition: %s
        """;
    assertThatThrownBy(() -> TemplatePolicies.of(SamTemplate.yaml().load(template.formatted(
        "{StringEquals: {dynamodb:ReturnValues: [ALL_OLD]}}")), REGION)).hasMessageContaining("dynamodb:ReturnValues");
    assertThatThrownBy(() -> TemplatePolicies.of(SamTemplate.yaml().load(template.formatted(
        "{ArnLike: {aws:SourceArn: [x]}}")), REGION)).hasMessageContaining("ArnLike");
    assertThatThrownBy(() -> TemplatePolicies.of(SamTemplate.yaml().load("""
        Resources:
          F:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - DynamoDBCrudPolicy: {TableName: t}
        """), REGION)).hasMessageContaining("DynamoDBCrudPolicy");
  }

  @Test
  void the_requests_should_name_the_keys_iam_sees() throws Exception {
    ObjectMapper json = new ObjectMapper();
    DynamoRequests requests = new DynamoRequests(REGION, SamTemplate.read(SamTemplate.defaultFile()).tables());
    assertThat(requests.checks("UpdateItem", json.readTree("""
        {"TableName":"LienlacTable","Key":{"pk":{"S":"ACCESS#S#1#ST#2"},"sk":{"S":"x"}}}""")))
        .containsExactly(new DynamoRequests.Check("dynamodb:UpdateItem", TABLE, keys("ACCESS#S#1#ST#2")));
    assertThat(requests.checks("Query", json.readTree("""
        {"TableName":"LienlacTable","IndexName":"gsi1","KeyConditionExpression":"#g = :g AND begins_with(gsi1sk, :s)",
         "ExpressionAttributeNames":{"#g":"gsi1pk"},"ExpressionAttributeValues":{":g":{"S":"S#1#CLASSES"},":s":{"S":"a"}}}""")))
        .containsExactly(new DynamoRequests.Check("dynamodb:Query", TABLE + "/index/gsi1", keys("S#1#CLASSES")));
    assertThat(requests.checks("BatchWriteItem", json.readTree("""
        {"RequestItems":{"LienlacTable":[{"PutRequest":{"Item":{"pk":{"S":"USER#1"},"sk":{"S":"a"}}}},
          {"DeleteRequest":{"Key":{"pk":{"S":"ACCESS#S#1#C#2"},"sk":{"S":"b"}}}}]}}""")))
        .containsExactly(new DynamoRequests.Check("dynamodb:BatchWriteItem", TABLE, keys("USER#1", "ACCESS#S#1#C#2")));
    assertThat(requests.checks("TransactWriteItems", json.readTree("""
        {"TransactItems":[{"Put":{"TableName":"LienlacTable","Item":{"pk":{"S":"S#1"},"sk":{"S":"a"}}}},
          {"Update":{"TableName":"LienlacTable","Key":{"pk":{"S":"ACCESS#S#1#ST#2"},"sk":{"S":"b"}}}},
          {"ConditionCheck":{"TableName":"LienlacTable","Key":{"pk":{"S":"S#1"},"sk":{"S":"c"}}}}]}""")))
        .containsExactly(new DynamoRequests.Check("dynamodb:PutItem", TABLE, keys("S#1")),
            new DynamoRequests.Check("dynamodb:UpdateItem", TABLE, keys("ACCESS#S#1#ST#2")),
            new DynamoRequests.Check("dynamodb:ConditionCheckItem", TABLE, keys("S#1")));
    assertThat(IamGate.accessKeyId("AWS4-HMAC-SHA256 Credential=RecordsFunction/20261121/ap-southeast-1/dynamodb/"
        + "aws4_request, SignedHeaders=host, Signature=abc")).isEqualTo("RecordsFunction");
  }
}
