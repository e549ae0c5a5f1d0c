package vn.lienlac.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.lienlac.functions.identity.DeviceItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.functions.push.Fcm;
import vn.lienlac.functions.push.PushDispatchFunction;
import vn.lienlac.local.dynamo.LocalDynamo;
import vn.lienlac.local.push.FakeFcm;
import vn.lienlac.local.seed.SeedSnapshot;
import vn.lienlac.local.template.SamTemplate;

/**
 * A school-wide urgent announcement to a school of 2,000 pupils (3,000 parents, 4,500 devices):
 * the push dispatcher with DynamoDB Local, firebase-admin and the fake FCM server, in this JVM.
 * Prints the time from handing the event to the function to the last FCM request the fake server
 * saw, the FCM HTTP calls and the DynamoDB calls (counted by an SDK interceptor). bench/README.md.
 *
 * <pre>./bench/run-push [--runs N]</pre>
 */
public final class PushBenchmark {
  static final String SCHOOL = "bench-school";
  static final int PUPILS = 2_000;
  static final int CLASS_SIZE = 40;

  public static void main(String[] args) throws Exception {
    // As in Lambda, where the dispatcher is built before any connection is made (Fcm sets it then).
    System.setProperty("http.maxConnections", "64");
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
    SamTemplate template = SamTemplate.read(SamTemplate.repositoryRoot().resolve("template.yaml"));
    try (LocalDynamo local = SeedSnapshot.startLocalDynamo(null); FakeFcm fcm = FakeFcm.start()) {
      SamTemplate.Table table = template.tables().getFirst();
      local.createTable(table);
      int devices = seed(local.table(table.logicalId()));

      AtomicInteger dynamoCalls = new AtomicInteger();
      DynamoDbClient counted = DynamoDbClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.of(LocalDynamo.REGION))
          .endpointOverride(local.endpoint())
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
              dynamoCalls.incrementAndGet();
            }
          }))
          .build();
      var messaging = Fcm.fromEnvironment(Environment.of(Map.of(
          Fcm.ENDPOINT, fcm.baseUri().toString(), Fcm.PROJECT_ID, "lienlac-bench")));
      Instant morning = LocalDateTime.of(2026, 11, 23, 8, 0).toInstant(ZoneOffset.ofHours(7));
      PushDispatchFunction function = new PushDispatchFunction(Dynamo.of(counted, table.logicalId()), messaging,
          (event, delay) -> { throw new IllegalStateException("nothing should wait at 08:00"); },
          Clock.fixed(morning, ZoneOffset.UTC), Duration.ofSeconds(900));

      System.out.printf("Push benchmark: %d pupils, %d devices in %s; %d cores; firebase-admin -> fake FCM on loopback%n",
          PUPILS, devices, SCHOOL, Runtime.getRuntime().availableProcessors());
      System.out.println("run  ms(publish->last FCM request)  FCM calls  DynamoDB calls  failures  CPU s (JVM: dispatcher"
          + " + fake FCM + DynamoDB Local)  load avg");
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int run = 1; run <= runs; run++) {
        fcm.reset();
        dynamoCalls.set(0);
        DomainEvent event = new DomainEvent(Ids.newId(morning.toEpochMilli()), EventTypes.ANNOUNCEMENT_PUBLISHED, SCHOOL,
            morning, Map.of("announcementId", "bench-" + run, "scope", "school", "urgent", "true"));
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        SQSBatchResponse response = function.handleRequest(sqs(Json.write(event)), null);
        long millis = (fcm.lastRequestNanos() - start) / 1_000_000;
        System.out.printf("%3d  %31d  %9d  %14d  %8d  %10.1f  %8.1f%n", run, millis, fcm.requests(), dynamoCalls.get(),
            response.getBatchItemFailures().size(), (os.getProcessCpuTime() - cpu) / 1e9, os.getSystemLoadAverage());
      }
    }
    System.exit(0); // the Firebase app's threads
  }

  static SQSEvent sqs(String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("bench");
    message.setBody(body);
    message.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /**
   * 2,000 pupils in 50 classes (grades 6 to 9); pupils 1-1,000 have two parents, the others one
   * (3,000 parents); every other parent has two phones (4,500 devices). Device items as
   * {@code POST /v1/devices} writes them, in batches of 25.
   */
  static int seed(Dynamo dynamo) {
    DynamoDbTable<DeviceItem> table = dynamo.enhanced().table(dynamo.tableName(), DeviceItem.SCHEMA);
    List<DeviceItem> items = new ArrayList<>();
    int parent = 0;
    for (int pupil = 1; pupil <= PUPILS; pupil++) {
      String studentId = String.format("bench-hs-%04d", pupil);
      int classNumber = (pupil - 1) / CLASS_SIZE;
      String classId = String.format("bench-c-%02d", classNumber);
      String grade = String.valueOf(6 + classNumber % 4);
      for (int p = 0; p < (pupil <= 1_000 ? 2 : 1); p++) {
        parent++;
        for (int phone = 0; phone < (parent % 2 == 0 ? 2 : 1); phone++) {
          String subject = String.format("bench-ph-%04d", parent);
          DeviceItem item = DeviceItem.of(subject, SCHOOL, "bench-token:" + subject + "-" + phone + "-"
              + "x".repeat(120));
          item.platform = phone == 0 ? "android" : "ios";
          item.language = parent % 3 == 0 ? "en" : "vi";
          item.students = List.of(studentId);
          item.classes = List.of(classId);
          item.grades = List.of(grade);
          item.quietHours = "21:00-06:30";
          item.registeredAt = "2026-11-01T00:00:00Z";
          item.lastSeenAt = item.registeredAt;
          items.add(item);
        }
      }
    }
    for (int from = 0; from < items.size(); from += 25) {
      WriteBatch.Builder<DeviceItem> batch = WriteBatch.builder(DeviceItem.class).mappedTableResource(table);
      items.subList(from, Math.min(items.size(), from + 25)).forEach(batch::addPutItem);
      dynamo.enhanced().batchWriteItem(BatchWriteItemEnhancedRequest.builder().writeBatches(batch.build()).build());
    }
    return items.size();
  }
}
