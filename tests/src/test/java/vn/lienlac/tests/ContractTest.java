package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.local.template.SamTemplate;

/**
 * template.yaml, openapi.yaml and the handlers describe the same API: every handler class exists,
 * every route is wired to a function that serves it and is documented, public routes are public in
 * both files, every function names its table, and no policy or production code scans the table.
 */
class ContractTest {
  private static final Path ROOT = SamTemplate.repositoryRoot();
  private static final SamTemplate TEMPLATE = SamTemplate.read(ROOT.resolve("template.yaml"));

  @Test
  void every_handler_class_should_exist_and_serve_exactly_the_routes_the_template_wires_to_it() throws Exception {
    assertThat(TEMPLATE.functions()).isNotEmpty();
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      Class<?> type = Class.forName(function.handlerClass());
      if (!function.isHttp()) {
        // SQS- and schedule-triggered functions: Lambda's entry and the local stack's, with its clock.
        assertThat(function.handler()).endsWith("::handleRequest");
        type.getConstructor();
        type.getConstructor(Environment.class, Clock.class);
        continue;
      }
      assertThat(ApiFunction.class).isAssignableFrom(type);
      assertThat(function.handler()).endsWith("::handleRequest");
      type.getConstructor(); // Lambda's entry
      type.getConstructor(Dynamo.class, Clock.class); // the local stack's and the tests', with their clock
      // Building the function creates clients but does not connect: no DynamoDB needed here.
      // With the variables the template gives the function (a !Ref as a placeholder), as Lambda would.
      Map<String, String> variables = new java.util.HashMap<>(function.environment(id -> "contract-test-" + id));
      variables.putAll(Map.of("TABLE_NAME", "contract-test", "AWS_REGION", "ap-southeast-1",
          "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9", "EVENTS_QUEUE_URL", "http://127.0.0.1:9/q/events"));
      ApiFunction handler = (ApiFunction) type.getConstructor(Environment.class).newInstance(Environment.of(variables));
      Set<String> wired = new TreeSet<>();
      function.routes().forEach(r -> wired.add(r.routeKey()));
      assertThat(new TreeSet<>(handler.routeKeys())).as(function.logicalId()).isEqualTo(wired);
    }
  }

  @Test
  void every_route_in_openapi_should_be_wired_in_the_template_and_back() throws IOException {
    Set<String> documented = new TreeSet<>();
    Set<String> documentedPublic = new TreeSet<>();
    OpenApi.read().byRouteKey().forEach((routeKey, operation) -> {
      documented.add(routeKey);
      if (operation.get("security") instanceof List<?> list && list.isEmpty()) {
        documentedPublic.add(routeKey);
      }
    });
    Set<String> wired = new TreeSet<>();
    Set<String> wiredPublic = new TreeSet<>();
    List<String> duplicates = new ArrayList<>();
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      for (SamTemplate.HttpRoute route : function.routes()) {
        if (!wired.add(route.routeKey())) {
          duplicates.add(route.routeKey());
        }
        if (route.isPublic()) {
          wiredPublic.add(route.routeKey());
        }
      }
    }

    assertThat(duplicates).as("routes wired to two functions").isEmpty();
    assertThat(wired).isEqualTo(documented);
    // Public (no JWT): the health check, and VNPay's server-to-server IPN and the payer's return
    // from VNPay, both checked by VNPay's signature instead; the SePay and Casso webhooks (paydocs),
    // checked by the provider's signature with the school's key.
    assertThat(wiredPublic).as("public routes").isEqualTo(documentedPublic)
        .containsExactlyInAnyOrder("GET /health", "GET /v1/payments/vnpay/ipn", "GET /v1/payments/vnpay/return",
            "POST /v1/payments/bank-transfers/sepay/{schoolId}", "POST /v1/payments/bank-transfers/casso/{schoolId}");
  }

  @Test
  void every_function_should_name_the_table_it_uses_in_its_environment() {
    Set<String> tables = new HashSet<>();
    TEMPLATE.tables().forEach(t -> tables.add(t.logicalId()));
    assertThat(tables).containsExactly("LienlacTable");
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      assertThat(function.environment()).as(function.logicalId()).containsKey("TABLE_NAME");
      assertThat(function.environment().get("TABLE_NAME")).isEqualTo(Map.of("Ref", "LienlacTable"));
    }
  }

  @Test
  void no_deployed_function_should_sign_with_the_dev_stacks_fixed_credentials() throws IOException {
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      assertThat(function.environment()).as(function.logicalId()).doesNotContainKey(Dynamo.LOCAL_CREDENTIALS)
          .doesNotContainKey(Dynamo.LOCAL_ACCESS_KEY_ID)
          .doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_DYNAMODB");
    }
    assertThat(Files.readString(ROOT.resolve("template.yaml"))).doesNotContain(Dynamo.LOCAL_CREDENTIALS);
  }

  @Test
  void no_deployed_function_should_use_the_dev_stacks_vnpay_sandbox() throws IOException {
    assertThat(Files.readString(ROOT.resolve("template.yaml")))
        .doesNotContain(vn.lienlac.functions.payments.PaymentsReconcilerFunction.LOCAL_SANDBOX)
        .doesNotContain(vn.lienlac.functions.payments.PaymentsReconcilerFunction.LOCAL_SANDBOX_SCHOOLS);
  }

  @Test
  void no_deployed_function_should_honour_the_roster_imports_test_faults() throws IOException {
    assertThat(Files.readString(ROOT.resolve("template.yaml")))
        .doesNotContain(vn.lienlac.functions.roster.RosterImportWorkerFunction.TEST_FAULTS);
  }

  /** Sign-in accounts: only the import worker, only the four admin calls, only on the stack's user pool. */
  @Test
  void only_the_roster_import_worker_should_manage_cognito_users_of_the_stacks_pool() throws IOException {
    Map<String, Object> resources = map(rawTemplate().get("Resources"));
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      for (Object policy : (List<?>) map(map(resources.get(function.logicalId())).get("Properties")).get("Policies")) {
        for (Object statement : (List<?>) map(policy).getOrDefault("Statement", List.of())) {
          List<?> actions = (List<?>) map(statement).get("Action");
          if (actions.stream().anyMatch(a -> String.valueOf(a).startsWith("cognito-idp:"))) {
            assertThat(function.logicalId()).isEqualTo("RosterImportWorkerFunction");
            assertThat(actions).map(String::valueOf).containsExactlyInAnyOrder("cognito-idp:AdminCreateUser",
                "cognito-idp:AdminGetUser", "cognito-idp:AdminDisableUser", "cognito-idp:AdminEnableUser");
            assertThat(map(statement).get("Resource")).isEqualTo(List.of(Map.of("Fn::GetAtt", "UserPool.Arn")));
          }
        }
      }
    }
  }

  /**
   * Functions that may delete, and only items of the identity directory's {@code USER#{sub}}
   * partitions (a statement with a {@code dynamodb:LeadingKeys} condition {@code USER#*}): push
   * devices (identity-fn: sign-out, a token taken over; push-dispatch-fn: a token FCM says is stale),
   * and grants a roster no longer gives (roster-import-worker-fn).
   */
  static final Set<String> DELETE_ALLOWLIST = Set.of("IdentityFunction", "PushDispatchFunction",
      "RosterImportWorkerFunction",
      "PrivacyFunction"); // consent withdrawal deletes the guardian's push devices (USER#{sub} only)

  @Test
  void policies_should_be_least_privilege_no_scan_no_delete_and_read_only_for_identity() throws IOException {
    Map<String, Object> resources = map(rawTemplate().get("Resources"));
    for (SamTemplate.Function function : TEMPLATE.functions()) {
      Set<String> actions = new TreeSet<>();
      Set<String> directoryOnly = new TreeSet<>();
      for (Object policy : (List<?>) map(map(resources.get(function.logicalId())).get("Properties")).get("Policies")) {
        if (!map(policy).containsKey("Statement")) {
          // SAM's policy templates: only SQSPollerPolicy (a consumer's own queue, checked by EventWiring)
          assertThat(map(policy)).as(function.logicalId()).containsOnlyKeys("SQSPollerPolicy");
          actions.add("SQSPollerPolicy");
          continue;
        }
        for (Object statement : (List<?>) map(policy).get("Statement")) {
          if ("Deny".equals(map(statement).get("Effect"))) {
            // Denies grant nothing: the access log's (AccessLogIam, checked below) are the only ones.
            assertThat(map(statement).get("Sid")).as(function.logicalId())
                .isIn(AccessLogIam.SID, "AccessLogWritersOnly");
            continue;
          }
          assertThat(map(statement).get("Effect")).isEqualTo("Allow");
          List<String> statementActions = ((List<?>) map(statement).get("Action")).stream().map(a -> (String) a).toList();
          actions.addAll(statementActions);
          if (leadingKeysOnlyDirectory(map(statement))) {
            directoryOnly.addAll(statementActions);
          }
        }
      }
      assertThat(actions).as(function.logicalId()).isNotEmpty()
          .noneMatch(a -> a.endsWith("*") || a.equals("dynamodb:Scan"));
      if (actions.contains("dynamodb:DeleteItem")) {
        assertThat(DELETE_ALLOWLIST).as(function.logicalId() + " deletes but is not on the allowlist")
            .contains(function.logicalId());
        assertThat(directoryOnly).as(function.logicalId() + ": DeleteItem only under LeadingKeys USER#*")
            .contains("dynamodb:DeleteItem");
      }
      if (function.logicalId().equals("IdentityFunction")) {
        // Reads anywhere; writes (devices, push settings) only in USER#{sub} partitions.
        Set<String> writes = new TreeSet<>(actions);
        writes.removeAll(Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"));
        assertThat(writes).containsOnly("dynamodb:PutItem", "dynamodb:DeleteItem");
        assertThat(directoryOnly).containsAll(writes);
      }
      if (function.logicalId().equals("RecordBookFunction")) {
        // The record book prints what records hold: reads only, and its access-log entries.
        assertThat(actions).containsOnly("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem");
      }
    }
  }

  // --- Events: queues, SQS and schedule functions, publishers (events helper) ----------------------

  @Test
  void every_non_http_function_and_publisher_should_be_wired_to_the_events_queue_with_least_privilege()
      throws IOException {
    assertThat(EventWiring.violations(rawTemplate(), TEMPLATE)).isEmpty();
  }

  /** A template that follows every rule of {@link EventWiring}: a consumer that also publishes, and a schedule. */
  private static final String WIRED = """
      Globals:
        Function:
          Timeout: 10
      Resources:
        EventsQueue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 60
            SqsManagedSseEnabled: true
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt EventsDeadLetterQueue.Arn
              maxReceiveCount: 5
        EventsDeadLetterQueue:
          Type: AWS::SQS::Queue
          Properties:
            MessageRetentionPeriod: 1209600
            SqsManagedSseEnabled: true
        ConsumerFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: vn.lienlac.tests.fixtures.FixtureSqsFunction::handleRequest
            Environment:
              Variables:
                TABLE_NAME: !Ref LienlacTable
                EVENTS_QUEUE_URL: !Ref EventsQueue
            Policies:
              - SQSPollerPolicy:
                  QueueName: !GetAtt EventsQueue.QueueName
              - Statement:
                  - Sid: PublishEvents
                    Effect: Allow
                    Action: [sqs:SendMessage]
                    Resource: !GetAtt EventsQueue.Arn
            Events:
              Events:
                Type: SQS
                Properties:
                  Queue: !GetAtt EventsQueue.Arn
                  BatchSize: 10
                  FunctionResponseTypes: [ReportBatchItemFailures]
      """;

  @Test
  void the_events_wiring_rules_should_each_catch_a_template_that_breaks_them() {
    assertThat(EventWiring.violations(SamTemplate.yaml().load(WIRED), SamTemplate.parse(WIRED))).isEmpty();
    Map<String, String> breaks = new LinkedHashMap<>();
    breaks.put("FunctionResponseTypes must be [ReportBatchItemFailures]",
        WIRED.replace("FunctionResponseTypes: [ReportBatchItemFailures]", "Enabled: true"));
    breaks.put("has no redrive policy", WIRED.replace("      RedrivePolicy:\n"
        + "        deadLetterTargetArn: !GetAtt EventsDeadLetterQueue.Arn\n        maxReceiveCount: 5\n", ""));
    breaks.put("redrive must be to EventsDeadLetterQueue after 5", WIRED.replace("maxReceiveCount: 5", "maxReceiveCount: 50"));
    breaks.put("under 6x the function's timeout", WIRED.replace("VisibilityTimeout: 60", "VisibilityTimeout: 30"));
    breaks.put("EventsQueue: not encrypted", WIRED.replaceFirst("      SqsManagedSseEnabled: true\n", ""));
    breaks.put("14 days", WIRED.replace("MessageRetentionPeriod: 1209600", "MessageRetentionPeriod: 345600"));
    breaks.put("statements allowing exactly sqs:SendMessage", WIRED.replace("Action: [sqs:SendMessage]",
        "Action: [sqs:SendMessage, sqs:SendMessageBatch]"));
    breaks.put("allows [sqs:*]", WIRED.replace("Action: [sqs:SendMessage]", "Action: [sqs:*]"));
    breaks.put("statements allowing exactly sqs:SendMessage on !GetAtt EventsQueue.Arn (needs one)",
        WIRED.replace("Resource: !GetAtt EventsQueue.Arn", "Resource: '*'"));
    breaks.put("may send to EventsQueue but has no EVENTS_QUEUE_URL",
        WIRED.replace("EVENTS_QUEUE_URL: !Ref EventsQueue", "OTHER: x"));
    breaks.put("must be !Ref EventsQueue", WIRED.replace("EVENTS_QUEUE_URL: !Ref EventsQueue",
        "EVENTS_QUEUE_URL: !Ref EventsDeadLetterQueue"));
    breaks.put("SQSPollerPolicy on", WIRED.replace("QueueName: !GetAtt EventsQueue.QueueName",
        "QueueName: !GetAtt EventsDeadLetterQueue.QueueName"));
    breaks.put("only SQSPollerPolicy for a consumer", WIRED.replace("- SQSPollerPolicy:", "- SQSSendMessagePolicy:"));
    breaks.put("must extend SqsFunction", WIRED.replace("vn.lienlac.tests.fixtures.FixtureSqsFunction",
        "vn.lienlac.tests.fixtures.FixtureScheduledFunction"));
    String sqsEvent = "        Events:\n          Type: SQS\n          Properties:\n"
        + "            Queue: !GetAtt EventsQueue.Arn\n            BatchSize: 10\n"
        + "            FunctionResponseTypes: [ReportBatchItemFailures]\n";
    assertThat(WIRED).contains(sqsEvent);
    breaks.put("needs a public constructor (Environment, Clock)", WIRED
        .replace(sqsEvent, "        Nightly:\n          Type: Schedule\n          Properties: {Schedule: rate(5 minutes)}\n")
        .replace("vn.lienlac.tests.fixtures.FixtureSqsFunction", "vn.lienlac.tests.fixtures.FixtureScheduledFunction"));
    breaks.put("needs a public constructor (Dynamo, Clock, EventPublisher)", WIRED
        .replace(sqsEvent, "        Me:\n          Type: HttpApi\n          Properties: {Path: /v1/me, Method: GET}\n")
        .replace("vn.lienlac.tests.fixtures.FixtureSqsFunction", "vn.lienlac.functions.identity.IdentityFunction"));
    breaks.forEach((expected, yaml) -> {
      List<String> violations;
      try {
        violations = EventWiring.violations(SamTemplate.yaml().load(yaml), SamTemplate.parse(yaml));
      } catch (RuntimeException e) {
        throw new AssertionError(expected + ": the fixture does not read\n" + yaml, e);
      }
      assertThat(violations).as(expected).anyMatch(v -> v.contains(expected));
    });
  }

  // --- Privacy: the access log is append-only by IAM (issue 18, docs/privacy/iam.md) -------------

  @Test
  void the_access_log_should_be_append_only_for_every_function_and_written_only_by_its_writers() throws IOException {
    assertThat(AccessLogIam.violations(rawTemplate())).isEmpty();
  }

  @Test
  void the_access_log_rules_should_each_catch_a_template_that_breaks_them() throws IOException {
    String template = Files.readString(ROOT.resolve("template.yaml"));
    String deny = "            - Sid: AccessLogAppendOnly\n              Effect: Deny\n";
    assertThat(template).contains(deny);
    Map<String, String> breaks = new LinkedHashMap<>();
    // RecordsFunction's Deny gone (the first function after Identity's to carry one).
    int records = template.indexOf("  RecordsFunction:");
    int recordsDeny = template.indexOf(deny, records);
    breaks.put("RecordsFunction: writes the table but has no AccessLogAppendOnly", template.substring(0, recordsDeny)
        + template.substring(recordsDeny).replaceFirst("Sid: AccessLogAppendOnly", "Sid: Other"));
    breaks.put("should be exactly", template.replaceFirst("ForAnyValue:StringLike:\n(\\s+)dynamodb:LeadingKeys:\n"
        + "(\\s+)- 'ACCESS#\\*'", "ForAllValues:StringLike:\n$1dynamodb:LeadingKeys:\n$2- 'ACCESS#*'"));
    breaks.put("may dynamodb:UpdateItem the access-log keys", template.replace(
        "                - dynamodb:UpdateItem\n                - dynamodb:DeleteItem\n                - dynamodb:BatchWriteItem\n",
        "                - dynamodb:DeleteItem\n                - dynamodb:BatchWriteItem\n"));
    breaks.put("which AccessLogAppendOnly does not cover", template.replaceFirst(
        "(Sid: WriteRecords\n(?:.*\n)*?\\s+Resource:\n\\s+)- !GetAtt LienlacTable.Arn",
        "$1- !Sub \\${LienlacTable.Arn}*"));
    breaks.put("(PartiQL writes would bypass", template.replaceFirst(
        "(Sid: WriteRecords\n(?:.*\n)*?\\s+Action:\n)", "$1                - dynamodb:PartiQLUpdate\n"));
    breaks.put("MessagingFunction: may PutItem access-log entries but is not one of the writers",
        template.replaceFirst("(MessagingFunction:\n(?:.*\n)*?\\s+)- Sid: AccessLogWritersOnly", "$1- Sid: Gone")
            .replaceFirst("(MessagingFunction:\n(?:.*\n)*?\\s+- Sid: Gone\n\\s+)Effect: Deny", "$1Effect: Allow"));
    breaks.put("RosterFunction: writes the access log but may not PutItem",
        template.replaceFirst("(RosterFunction:\n(?:.*\n)*?\\s+- Sid: WriteAccessLog\n\\s+)Effect: Allow",
            "$1Effect: Deny"));
    breaks.forEach((expected, yaml) -> {
      assertThat(yaml).as(expected + ": the break changed nothing").isNotEqualTo(template);
      List<String> violations = AccessLogIam.violations(SamTemplate.yaml().load(yaml));
      assertThat(violations).as(expected).anyMatch(v -> v.contains(expected));
    });
  }

  /** The statement's condition limits its keys to {@code USER#…} partitions. */
  private static boolean leadingKeysOnlyDirectory(Map<String, Object> statement) {
    if (!(statement.get("Condition") instanceof Map<?, ?> condition)
        || !(condition.get("ForAllValues:StringLike") instanceof Map<?, ?> like)) {
      return false;
    }
    return like.get("dynamodb:LeadingKeys") instanceof List<?> keys && !keys.isEmpty()
        && keys.stream().allMatch(k -> k instanceof String key && key.startsWith("USER#") && key.indexOf('*') == key.length() - 1);
  }

  @Test
  void production_code_should_never_scan_the_table() throws IOException {
    List<String> scanning = new ArrayList<>();
    try (Stream<Path> files = Stream.of("functions", "payments", "documents", "record-book")
        .flatMap(module -> {
          try {
            return Files.walk(ROOT.resolve(module + "/src/main/java"));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (source.contains("ScanRequest") || source.contains("ScanEnhancedRequest") || source.contains(".scan(")) {
          scanning.add(ROOT.relativize(file).toString());
        }
      }
    }
    assertThat(scanning).isEmpty();
  }

  @Test
  void openapi_should_have_no_fractional_multiple_of_which_floating_point_validators_get_wrong() throws IOException {
    List<String> fractional = new ArrayList<>();
    collectFractionalMultipleOf(openApi(), "", fractional);

    assertThat(fractional).as("multipleOf with a fraction (7.6 is not a multiple of 0.1 in binary floating point)")
        .isEmpty();
  }

  private static void collectFractionalMultipleOf(Object node, String at, List<String> found) {
    if (node instanceof Map<?, ?> object) {
      object.forEach((key, value) -> {
        if ("multipleOf".equals(key) && !(value instanceof Integer || value instanceof Long)) {
          found.add(at + "/multipleOf: " + value);
        }
        collectFractionalMultipleOf(value, at + "/" + key, found);
      });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectFractionalMultipleOf(list.get(i), at + "/" + i, found);
      }
    }
  }

  @Test
  void the_templates_comment_on_the_keys_should_name_every_key_in_the_architecture_and_only_prefixes_the_code_writes()
      throws IOException {
    String template = Files.readString(ROOT.resolve("template.yaml"));
    int start = template.indexOf("# One table for every feature.");
    int end = template.indexOf("LienlacTable:", start);
    assertThat(start).as("the keys comment above LienlacTable in template.yaml").isPositive();
    String comment = template.substring(start, end);
    List<String> documented = architectureKeys();
    StringBuilder production = new StringBuilder();
    try (Stream<Path> files = Files.walk(ROOT.resolve("functions/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        production.append(Files.readString(file));
      }
    }

    assertThat(documented).as("keys of docs/ARCHITECTURE.md §3 Items").hasSizeGreaterThan(20);
    assertThat(documented.stream().filter(key -> !comment.contains(key)).toList())
        .as("keys in docs/ARCHITECTURE.md §3 that template.yaml's comment on the table does not name").isEmpty();
    assertThat(Pattern.compile("[A-Z][A-Z0-9]*#").matcher(comment).results().map(MatchResult::group).distinct()
        .filter(prefix -> !production.toString().contains(prefix)).toList())
        .as("key prefixes in template.yaml's comment that no production code writes").isEmpty();
  }

  /** The pk, sk and gsi1 keys of every row of the Items table in docs/ARCHITECTURE.md §3. */
  private static List<String> architectureKeys() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("docs/ARCHITECTURE.md"), StandardCharsets.UTF_8);
    List<String> keys = new ArrayList<>();
    Pattern code = Pattern.compile("`([^`]+)`");
    Pattern gsi1 = Pattern.compile("\\*\\*gsi1\\*\\* `([^`]+)` / `([^`]+)`");
    boolean inItems = false;
    for (String line : lines) {
      if (line.startsWith("### ")) {
        inItems = line.equals("### Items");
      } else if (inItems && line.startsWith("| ") && !line.startsWith("| item ")) {
        String[] cells = line.split("\\|");
        for (int column : new int[] {2, 3}) { // pk, sk
          code.matcher(cells[column]).results().map(m -> m.group(1)).forEach(keys::add);
        }
        gsi1.matcher(line).results().forEach(m -> {
          keys.add(m.group(1));
          keys.add(m.group(2));
        });
      }
    }
    return keys;
  }

  private static Map<String, Object> openApi() {
    Map<String, Object> document = OpenApi.read().document();
    assertThat(document.get("openapi")).isEqualTo("3.1.0");
    return document;
  }

  private static Map<String, Object> rawTemplate() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("template.yaml"), StandardCharsets.UTF_8)) {
      return SamTemplate.yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
