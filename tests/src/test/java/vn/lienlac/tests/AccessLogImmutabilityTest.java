package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.local.LocalStack;

/**
 * Issue 18's "an attempt to overwrite or delete an access-log item with the functions' own DynamoDB
 * client fails": the client a function builds for itself from the environment the local stack gives
 * it (its own access key id), against the stack's DynamoDB Local behind the IAM gate that enforces
 * template.yaml's policies. Each forbidden write fails with DynamoDB's AccessDeniedException and
 * leaves the entry as it was (read back with the stack's admin client).
 */
@ExtendWith(LocalStackExtension.class)
class AccessLogImmutabilityTest {
  private static final String TABLE_ARN = "arn:aws:dynamodb:ap-southeast-1:000000000000:table/LienlacTable";

  private final LocalStack stack;
  private final DynamoDbClient admin;

  AccessLogImmutabilityTest(LocalStack stack) {
    this.stack = stack;
    this.admin = stack.dynamo().client();
  }

  /** The function's own client, built as the function builds it (Dynamo.fromEnvironment). */
  private Dynamo own(String function) {
    return Dynamo.fromEnvironment(Environment.of(stack.functionVariables(function)));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }

  /** An entry as the access log writes it (COMMON.md): pupil partition, instant#request#n. */
  private static Map<String, AttributeValue> entry() {
    String requestId = UUID.randomUUID().toString();
    String sk = "2026-11-21T03:00:00.000Z#" + requestId + "#0";
    Map<String, AttributeValue> item = new java.util.HashMap<>(key("ACCESS#S#iamtest#ST#pupil1", sk));
    item.put("gsi1pk", AttributeValue.fromS("ACCESS#S#iamtest"));
    item.put("gsi1sk", AttributeValue.fromS(sk));
    item.put("actorId", AttributeValue.fromS("teacher-1"));
    item.put("role", AttributeValue.fromS("TEACHER"));
    item.put("action", AttributeValue.fromS("READ"));
    item.put("what", AttributeValue.fromS("grades"));
    item.put("requestId", AttributeValue.fromS(requestId));
    return Map.copyOf(item);
  }

  private static DynamoDbException denied(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    assertThat(e).as("AccessDeniedException expected").isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    return e;
  }

  private Map<String, AttributeValue> stored(Map<String, AttributeValue> item) {
    return admin.getItem(r -> r.tableName(stack.dynamo().tableName()).consistentRead(true)
        .key(key(item.get(Keys.PK).s(), item.get(Keys.SK).s()))).item();
  }

  @Test
  void a_writer_should_append_an_entry_and_be_refused_every_way_of_changing_or_deleting_it() {
    Dynamo records = own("RecordsFunction");
    String table = records.tableName();
    Map<String, AttributeValue> entry = entry();
    Map<String, AttributeValue> key = key(entry.get(Keys.PK).s(), entry.get(Keys.SK).s());

    // The legitimate way: a conditional put. Allowed.
    records.client().putItem(r -> r.tableName(table).item(entry).conditionExpression("attribute_not_exists(pk)"));
    assertThat(stored(entry)).isEqualTo(entry);

    DynamoDbException update = denied(() -> records.client().updateItem(r -> r.tableName(table).key(key)
        .updateExpression("SET actorId = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("nobody")))));
    assertThat(update.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
        + "lienlac-RecordsFunctionRole/RecordsFunction is not authorized to perform: dynamodb:UpdateItem on resource: "
        + TABLE_ARN + " with an explicit deny in an identity-based policy");
    DynamoDbException delete = denied(() -> records.client().deleteItem(r -> r.tableName(table).key(key)));
    assertThat(delete.awsErrorDetails().errorMessage()).contains("dynamodb:DeleteItem", "explicit deny");
    DynamoDbException batchDelete = denied(() -> records.client().batchWriteItem(r -> r.requestItems(Map.of(table,
        List.of(WriteRequest.builder().deleteRequest(d -> d.key(key)).build())))));
    assertThat(batchDelete.awsErrorDetails().errorMessage()).contains("dynamodb:BatchWriteItem", "explicit deny");
    // A batch put would overwrite without a condition: refused too, even among other items.
    Map<String, AttributeValue> other = new java.util.HashMap<>(key("S#iamtest#ST#pupil1", "IAMTEST#" + UUID.randomUUID()));
    denied(() -> records.client().batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
        WriteRequest.builder().putRequest(p -> p.item(other)).build(),
        WriteRequest.builder().putRequest(p -> p.item(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK))))
            .build())))));
    DynamoDbException transactUpdate = denied(() -> records.client().transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(other)).build(),
        TransactWriteItem.builder().update(u -> u.tableName(table).key(key).updateExpression("SET actorId = :a")
            .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("nobody")))).build())));
    assertThat(transactUpdate.awsErrorDetails().errorMessage()).contains("dynamodb:UpdateItem", "explicit deny");
    denied(() -> records.client().transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build())));

    assertThat(stored(entry)).as("the entry is unchanged").isEqualTo(entry);
    assertThat(admin.getItem(r -> r.tableName(table).key(key(other.get(Keys.PK).s(), other.get(Keys.SK).s())))
        .hasItem()).as("the refused transaction wrote nothing").isFalse();

    // Not everything is refused: an item the function may write, by the same client, the same calls.
    records.client().putItem(r -> r.tableName(table).item(other));
    records.client().updateItem(r -> r.tableName(table).key(key(other.get(Keys.PK).s(), other.get(Keys.SK).s()))
        .updateExpression("SET note = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromS("ok"))));
    assertThat(admin.getItem(r -> r.tableName(table).key(key(other.get(Keys.PK).s(), other.get(Keys.SK).s())))
        .item()).containsEntry("note", AttributeValue.fromS("ok"));
    admin.deleteItem(r -> r.tableName(table).key(key(other.get(Keys.PK).s(), other.get(Keys.SK).s())));
  }

  @Test
  void a_function_that_writes_no_log_should_not_put_an_entry_and_none_may_delete_one() {
    Map<String, AttributeValue> entry = entry();
    Map<String, AttributeValue> key = key(entry.get(Keys.PK).s(), entry.get(Keys.SK).s());
    Dynamo messaging = own("MessagingFunction");
    DynamoDbException put = denied(() -> messaging.client().putItem(r -> r.tableName(messaging.tableName()).item(entry)
        .conditionExpression("attribute_not_exists(pk)")));
    assertThat(put.awsErrorDetails().errorMessage()).contains("MessagingFunction", "dynamodb:PutItem", "explicit deny");

    admin.putItem(r -> r.tableName(stack.dynamo().tableName()).item(entry));
    // The functions that may delete (USER# partitions only): not an entry.
    for (String function : List.of("IdentityFunction", "PushDispatchFunction", "RosterImportWorkerFunction")) {
      Dynamo own = own(function);
      denied(() -> own.client().deleteItem(r -> r.tableName(own.tableName()).key(key)));
    }
    assertThat(stored(entry)).isEqualTo(entry);
  }

  @Test
  void least_privilege_should_refuse_what_no_allow_statement_grants() {
    assumeTrue(stack.iamGate().enforcement().allowStatements(), "LIENLAC_IAM=deny-only");
    Dynamo book = own("RecordBookFunction");
    Map<String, AttributeValue> item = key("S#iamtest#ST#pupil1", "IAMTEST#" + UUID.randomUUID());
    DynamoDbException put = denied(() -> book.client().putItem(r -> r.tableName(book.tableName()).item(item)));
    assertThat(put.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
        + "lienlac-RecordBookFunctionRole/RecordBookFunction is not authorized to perform: dynamodb:PutItem on resource: "
        + TABLE_ARN + " because no identity-based policy allows the dynamodb:PutItem action");
    Dynamo identity = own("IdentityFunction");
    denied(() -> identity.client().scan(r -> r.tableName(identity.tableName()).limit(1)));
    // What it is allowed: a read.
    assertThat(book.client().query(r -> r.tableName(book.tableName()).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("S#iamtest#ST#pupil1")))).count()).isZero();
  }

  /** What the gate costs a request: a function's GetItem (parsed, evaluated) against the admin's (passed on). */
  @Test
  void the_gate_should_add_little_latency() {
    Dynamo records = own("RecordsFunction");
    Map<String, AttributeValue> key = key("S#iamtest#ST#pupil1", "IAMTEST#none");
    Runnable asFunction = () -> records.client().getItem(r -> r.tableName(records.tableName()).key(key));
    Runnable asAdmin = () -> admin.getItem(r -> r.tableName(records.tableName()).key(key));
    for (int i = 0; i < 200; i++) {
      asFunction.run();
      asAdmin.run();
    }
    long evaluatedBefore = stack.iamGate().evaluated();
    long[] function = new long[400];
    long[] plain = new long[400];
    for (int i = 0; i < 400; i++) {
      function[i] = time(asFunction);
      plain[i] = time(asAdmin);
    }
    double f = median(function) / 1000.0;
    double a = median(plain) / 1000.0;
    System.out.printf("IAM gate: GetItem median %.0f µs through the policy check, %.0f µs passed on (+%.0f µs)%n",
        f, a, f - a);
    // The function's requests were the ones evaluated (the admin's are passed on unread).
    assertThat(stack.iamGate().evaluated() - evaluatedBefore).isGreaterThanOrEqualTo(400);
  }

  private static long time(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
