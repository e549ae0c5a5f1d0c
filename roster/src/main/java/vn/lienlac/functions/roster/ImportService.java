package vn.lienlac.functions.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.roster.Plan.ChunkKind;
import vn.lienlac.functions.roster.Plan.Row;
import vn.lienlac.functions.roster.Plan.RowKind;
import vn.lienlac.functions.roster.RosterImportItems.ChunkItem;
import vn.lienlac.functions.roster.RosterImportItems.ImportItem;
import vn.lienlac.model.common.ListResponse;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;
import vn.lienlac.model.roster.ImportRow;
import vn.lienlac.model.roster.ImportRow.Action;
import vn.lienlac.model.roster.RosterImport;
import vn.lienlac.model.roster.RosterImport.ColumnMapping;
import vn.lienlac.model.roster.RosterImport.Counts;
import vn.lienlac.model.roster.RosterImport.Status;

/**
 * Roster imports: the dry run (plan and report, stored as the import's own items and nothing
 * else), the report, the confirmation that starts the job, and the job's chunks (run by
 * {@link RosterImportWorkerFunction}).
 */
final class ImportService {
  /** Rows per chunk: a chunk is one SQS message and one report page; about 1,200 writes at most. */
  static final int CHUNK_ROWS = 200;
  /** Local stack only: honour an import's simulated crash ({@code LIENLAC_ROSTER_TEST_FAULTS=true}). */
  static final String TEST_FAULTS = "LIENLAC_ROSTER_TEST_FAULTS";
  private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
  private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {};
  private static final TypeReference<List<ColumnMapping>> MAPPING = new TypeReference<>() {};

  private final RosterImportRepository repository;
  private final ImportPlanner planner;
  private final ImportApplier applier;
  private final ChunkQueue queue;
  private final Clock clock;
  private final boolean testFaults;

  ImportService(RosterImportRepository repository, ImportPlanner planner, ImportApplier applier, ChunkQueue queue,
      Clock clock, boolean testFaults) {
    this.repository = repository;
    this.planner = planner;
    this.applier = applier;
    this.queue = queue;
    this.clock = clock;
    this.testFaults = testFaults;
  }

  static Set<String> simulatedCrashes() {
    return Set.copyOf(FIRED);
  }

  // --- dry run -------------------------------------------------------------------------------------

  RosterImport dryRun(Caller caller, School school, String schoolYear, RosterInput input, boolean fullSchool,
      String fileSha256, String testFault, Locale locale) {
    ImportPlanner.Result plan = planner.plan(school, schoolYear, input, fullSchool, SchoolTime.today(clock));
    Instant now = clock.instant();
    String importId = Ids.newId(now.toEpochMilli());
    List<List<Row>> chunks = new ArrayList<>();
    List<ChunkKind> kinds = new ArrayList<>();
    if (!plan.classRows().isEmpty()) {
      chunks.add(plan.classRows());
      kinds.add(ChunkKind.CLASSES);
    }
    for (int from = 0; from < plan.pupilRows().size(); from += CHUNK_ROWS) {
      chunks.add(plan.pupilRows().subList(from, Math.min(plan.pupilRows().size(), from + CHUNK_ROWS)));
      kinds.add(ChunkKind.PUPILS);
    }
    if (!plan.accountRows().isEmpty()) {
      chunks.add(plan.accountRows());
      kinds.add(ChunkKind.ACCOUNTS);
    }
    int rowsTotal = 0;
    for (int n = 0; n < chunks.size(); n++) {
      ChunkItem chunk = new ChunkItem();
      chunk.pk = Keys.rosterImport(school.id(), importId);
      chunk.sk = Keys.IMPORT_CHUNK + RosterImportRepository.pad(n);
      chunk.type = ChunkItem.TYPE;
      chunk.n = n;
      chunk.kind = kinds.get(n).name();
      chunk.rowCount = chunks.get(n).size();
      chunk.rows = Json.write(chunks.get(n));
      rowsTotal += chunk.rowCount;
      repository.putNew(repository.chunks, ChunkItem.class, chunk);
    }
    ImportItem item = new ImportItem();
    item.pk = Keys.rosterImport(school.id(), importId);
    item.sk = Keys.IMPORT;
    item.type = ImportItem.TYPE;
    item.schoolId = school.id();
    item.importId = importId;
    item.schoolYear = schoolYear;
    item.status = Status.PLANNED.name();
    item.fileName = input.fileName();
    item.fileSha256 = fileSha256;
    item.mapping = Json.write(input.mapping());
    item.counts = Json.write(plan.counts());
    item.chunks = chunks.size();
    item.rowsTotal = rowsTotal;
    item.rowsDone = 0;
    item.basedOnVersion = plan.basedOnVersion();
    item.createdBy = caller.subject();
    item.createdAt = now.toString();
    item.testFault = testFaults ? testFault : null;
    item.gsi1pk = Keys.schoolImports(school.id());
    item.gsi1sk = importId;
    repository.putNew(repository.imports, ImportItem.class, item);
    List<ImportRow> rejections = new ArrayList<>();
    plan.classRows().stream().filter(r -> r.action() == Action.REJECTED).forEach(r -> rejections.add(show(r, locale)));
    plan.pupilRows().stream().filter(r -> r.action() == Action.REJECTED).forEach(r -> rejections.add(show(r, locale)));
    return show(item, rejections);
  }

  // --- reading -------------------------------------------------------------------------------------

  ImportItem item(String schoolId, String importId) {
    return repository.importItem(schoolId, importId).orElseThrow(ApiException.NotFound::new);
  }

  RosterImport get(String schoolId, String importId) {
    return show(item(schoolId, importId), null);
  }

  /** One page of the row-by-row report: the rows of one chunk ({@code cursor} names the next). */
  ListResponse<ImportRow> rows(String schoolId, String importId, String cursor, Locale locale) {
    ImportItem item = item(schoolId, importId);
    int n = 0;
    if (cursor != null) {
      if (!cursor.matches("[0-9]{1,5}") || Integer.parseInt(cursor) >= item.chunks) {
        throw new ApiException.BadRequest(List.of(Violation.of("cursor", "roster.import.badCursor")), "request.badParameter",
            "cursor");
      }
      n = Integer.parseInt(cursor);
    }
    List<ImportRow> page = new ArrayList<>();
    while (page.isEmpty() && n < item.chunks) {
      ChunkItem chunk = repository.chunk(schoolId, importId, n).orElseThrow();
      rows(chunk).stream().filter(r -> r.kind() != RowKind.ACCOUNT).forEach(r -> page.add(show(r, locale)));
      n++;
    }
    return new ListResponse<>(page, n < item.chunks ? String.valueOf(n) : null);
  }

  // --- confirmation ----------------------------------------------------------------------------------

  /**
   * Starts the job when {@code counts} are the dry run's: 409 naming what differs otherwise, and
   * 409 when the school's roster changed since the dry run (another import applied). A repeated
   * confirmation of a running import sends its next chunk again (a lost message); of a finished
   * one, answers its state.
   */
  RosterImport confirm(Caller caller, String schoolId, String importId, Counts seen) {
    ImportItem item = item(schoolId, importId);
    Counts planned = counts(item);
    if (!planned.equals(seen)) {
      throw new ApiException.Conflict("roster.import.countsDiffer", differences(planned, seen));
    }
    Status status = Status.valueOf(item.status);
    if (status == Status.FAILED) {
      throw new ApiException.Conflict("roster.import.importFailed");
    }
    if (status == Status.DONE) {
      return show(item, null);
    }
    if (status == Status.RUNNING) {
      for (int n = 0; n < item.chunks; n++) {
        if (!repository.chunkDone(schoolId, importId, n)) {
          queue.send(schoolId, importId, n, clock.instant());
          break;
        }
      }
      return show(item, null);
    }
    long current = repository.rosterVersion(schoolId);
    if (current != item.basedOnVersion) {
      throw new ApiException.Conflict("roster.import.stale");
    }
    Instant now = clock.instant();
    List<TransactWriteItem> writes = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":running", AttributeValue.fromS(Status.RUNNING.name()));
    values.put(":planned", AttributeValue.fromS(Status.PLANNED.name()));
    values.put(":by", AttributeValue.fromS(caller.subject()));
    values.put(":at", AttributeValue.fromS(now.toString()));
    boolean noChunks = item.chunks == 0;
    if (noChunks) {
      values.put(":running", AttributeValue.fromS(Status.DONE.name()));
    }
    writes.add(TransactWriteItem.builder().update(Update.builder().tableName(repository.tableName)
        .key(key(Keys.rosterImport(schoolId, importId), Keys.IMPORT))
        .updateExpression("SET #status = :running, confirmedBy = :by, confirmedAt = :at"
            + (noChunks ? ", finishedAt = :at" : ""))
        .conditionExpression("#status = :planned")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(values).build()).build());
    Map<String, AttributeValue> state = key(Keys.rosterState(schoolId), Keys.ROSTER_STATE);
    Map<String, AttributeValue> version = Map.of(":v", AttributeValue.fromN(Long.toString(item.basedOnVersion)));
    String unchanged = item.basedOnVersion == 0 ? "attribute_not_exists(pk)" : "rosterVersion = :v";
    if (planned.changesAnything()) {
      Map<String, AttributeValue> next = new HashMap<>(state);
      next.put("type", AttributeValue.fromS(RosterImportItems.StateItem.TYPE));
      next.put("schoolId", AttributeValue.fromS(schoolId));
      next.put("rosterVersion", AttributeValue.fromN(Long.toString(item.basedOnVersion + 1)));
      next.put("lastImportId", AttributeValue.fromS(importId));
      var put = Put.builder().tableName(repository.tableName).item(next).conditionExpression(unchanged);
      if (item.basedOnVersion != 0) {
        put.expressionAttributeValues(version);
      }
      writes.add(TransactWriteItem.builder().put(put.build()).build());
    } else {
      var check = ConditionCheck.builder().tableName(repository.tableName).key(state).conditionExpression(unchanged);
      if (item.basedOnVersion != 0) {
        check.expressionAttributeValues(version);
      }
      writes.add(TransactWriteItem.builder().conditionCheck(check.build()).build());
    }
    try {
      repository.client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e)) {
        ImportItem now2 = item(schoolId, importId);
        if (!Status.PLANNED.name().equals(now2.status)) {
          return show(now2, null); // confirmed concurrently
        }
        throw new ApiException.Conflict("roster.import.stale");
      }
      throw e;
    }
    if (!noChunks) {
      queue.send(schoolId, importId, 0, now);
    }
    return show(item(schoolId, importId), null);
  }

  // --- the job ---------------------------------------------------------------------------------------

  /**
   * Applies chunk {@code n} (once: its done marker is put in the same transaction as the import's
   * progress), then sends the next. A redelivery of a done chunk only sends the next again; a
   * chunk cut off half-way is applied again from the start (every row is idempotent).
   */
  void runChunk(String schoolId, String importId, int n) {
    ImportItem item = repository.importItem(schoolId, importId).orElse(null);
    if (item == null || !Status.RUNNING.name().equals(item.status) || n >= item.chunks) {
      return; // finished, failed, or not an import: nothing to do
    }
    if (repository.chunkDone(schoolId, importId, n)) {
      sendNext(item, n);
      return;
    }
    ChunkItem chunk = repository.chunk(schoolId, importId, n).orElseThrow();
    List<Row> rows = rows(chunk);
    Map<Action, Integer> done = new EnumMap<>(Action.class);
    int applied = 0;
    try {
      for (Row row : rows) {
        if (row.applies()) {
          switch (row.kind()) {
            case CLASS -> applier.applyClass(schoolId, row);
            case PUPIL -> applier.applyPupil(schoolId, importId, row);
            case ACCOUNT -> applier.applyOrphan(schoolId, row.phone());
          }
        }
        done.merge(row.action(), 1, Integer::sum);
        applied++;
        fault(item, n, applied);
      }
    } catch (ImportApplier.StaleRoster stale) {
      fail(schoolId, importId, "roster.import.stale");
      return;
    }
    Map<String, Integer> audit = new LinkedHashMap<>();
    done.forEach((action, count) -> audit.put(action.name(), count));
    boolean last = n == item.chunks - 1;
    Instant now = clock.instant();
    Map<String, AttributeValue> marker = new HashMap<>(key(Keys.rosterImport(schoolId, importId),
        Keys.IMPORT_CHUNK_DONE + RosterImportRepository.pad(n)));
    marker.put("type", AttributeValue.fromS(RosterImportItems.ChunkDoneItem.TYPE));
    marker.put("n", AttributeValue.fromN(Integer.toString(n)));
    marker.put("actor", AttributeValue.fromS(item.confirmedBy));
    marker.put("at", AttributeValue.fromS(now.toString()));
    marker.put("counts", AttributeValue.fromS(Json.write(audit)));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":rows", AttributeValue.fromN(Integer.toString(rows.size())));
    values.put(":running", AttributeValue.fromS(Status.RUNNING.name()));
    if (last) {
      values.put(":done", AttributeValue.fromS(Status.DONE.name()));
      values.put(":at", AttributeValue.fromS(now.toString()));
    }
    try {
      repository.client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(repository.tableName).item(marker)
              .conditionExpression("attribute_not_exists(pk)").build()).build(),
          TransactWriteItem.builder().update(Update.builder().tableName(repository.tableName)
              .key(key(Keys.rosterImport(schoolId, importId), Keys.IMPORT))
              .updateExpression("SET rowsDone = rowsDone + :rows" + (last ? ", #status = :done, finishedAt = :at" : ""))
              .conditionExpression("#status = :running")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(values).build()).build()).build());
    } catch (TransactionCanceledException e) {
      if (!Writes.failedOnCondition(e)) {
        throw e;
      }
      // done by a concurrent delivery of the same chunk: it sends the next too (duplicates are harmless)
    }
    sendNext(item, n);
  }

  private void sendNext(ImportItem item, int n) {
    if (n + 1 < item.chunks) {
      queue.send(item.schoolId, item.importId, n + 1, clock.instant());
    }
  }

  private void fail(String schoolId, String importId, String reason) {
    repository.client.updateItem(b -> b.tableName(repository.tableName)
        .key(key(Keys.rosterImport(schoolId, importId), Keys.IMPORT))
        .updateExpression("SET #status = :failed, failure = :reason, finishedAt = :at")
        .conditionExpression("#status = :running")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS(Status.FAILED.name()),
            ":reason", AttributeValue.fromS(reason), ":running", AttributeValue.fromS(Status.RUNNING.name()),
            ":at", AttributeValue.fromS(clock.instant().toString()))));
  }

  /** Local stack only: {@code chunk=N,row=M} crashes the job once after row M of chunk N is applied. */
  private void fault(ImportItem item, int n, int applied) {
    if (!testFaults || item.testFault == null) {
      return;
    }
    if (item.testFault.equals("chunk=" + n + ",row=" + applied) && FIRED.add(item.importId)) {
      throw new IllegalStateException("Simulated crash (test fault " + item.testFault + ")");
    }
  }

  // --- mapping -------------------------------------------------------------------------------------

  private static List<Row> rows(ChunkItem chunk) {
    try {
      return Json.MAPPER.readValue(chunk.rows, ROWS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable chunk " + chunk.n, e);
    }
  }

  static Counts counts(ImportItem item) {
    try {
      return Json.MAPPER.readValue(item.counts, Counts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable counts of import " + item.importId, e);
    }
  }

  private static String differences(Counts planned, Counts seen) {
    if (seen == null) {
      return "counts";
    }
    Map<String, Object> a = Json.MAPPER.convertValue(planned, new TypeReference<Map<String, Object>>() {});
    Map<String, Object> b = Json.MAPPER.convertValue(seen, new TypeReference<Map<String, Object>>() {});
    List<String> differ = new ArrayList<>();
    a.forEach((k, v) -> {
      if (!v.equals(b.get(k))) {
        differ.add(k + " " + b.get(k) + " ≠ " + v);
      }
    });
    return String.join(", ", differ);
  }

  private RosterImport show(ImportItem item, List<ImportRow> rejections) {
    List<ColumnMapping> mapping;
    try {
      mapping = item.mapping == null ? List.of() : Json.MAPPER.readValue(item.mapping, MAPPING);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable mapping of import " + item.importId, e);
    }
    return new RosterImport(item.importId, item.schoolId, item.schoolYear, Status.valueOf(item.status), item.fileName,
        mapping, counts(item), new RosterImport.Progress(item.rowsDone, item.rowsTotal),
        rejections == null ? null : Collections.unmodifiableList(rejections), item.failure, item.createdBy,
        SchoolTime.show(instant(item.createdAt)), item.confirmedBy, SchoolTime.show(instant(item.confirmedAt)),
        SchoolTime.show(instant(item.finishedAt)));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  static ImportRow show(Row row, Locale locale) {
    List<ImportRow.Reason> reasons = row.reasons() == null ? List.of() : row.reasons().stream()
        .map(v -> new ImportRow.Reason(v.field(), v.code(), Messages.describe(locale, v))).toList();
    return new ImportRow(row.row(), row.sheet(), row.kind() == RowKind.CLASS ? ImportRow.Kind.CLASS : ImportRow.Kind.PUPIL,
        row.action(), row.studentId(), row.fullName(), row.className(), row.fromClassName(), reasons);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }
}
