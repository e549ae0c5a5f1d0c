package vn.lienlac.functions.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.functions.roster.RosterImportItems.AccountItem;
import vn.lienlac.functions.roster.RosterImportItems.ChunkDoneItem;
import vn.lienlac.functions.roster.RosterImportItems.ChunkItem;
import vn.lienlac.functions.roster.RosterImportItems.EntryItem;
import vn.lienlac.functions.roster.RosterImportItems.ImportItem;
import vn.lienlac.functions.roster.RosterImportItems.RefItem;
import vn.lienlac.functions.roster.RosterImportItems.StateItem;

/**
 * The reads and simple writes of roster import: the pupils' roster entries, learner and pupil-code
 * references, sign-in accounts by phone, the school's roster state, and the import's own items.
 * Every read is a GetItem, a Query on a named key, or a BatchGetItem of known keys.
 */
final class RosterImportRepository {
  static final String ACTIVE_PREFIX = "ACTIVE#";
  static final String LEFT_PREFIX = "LEFT#";

  /** Any item, read for its key only (does a grant exist). */
  static final class KeyItem extends Item {
    static final TableSchema<KeyItem> SCHEMA = ItemSchema.of(KeyItem.class, KeyItem::new).build();
  }

  final DynamoDbEnhancedClient enhanced;
  final DynamoDbClient client;
  final String tableName;
  final DynamoDbTable<EntryItem> entries;
  final DynamoDbTable<ImportItem> imports;
  final DynamoDbTable<ChunkItem> chunks;
  final DynamoDbTable<ChunkDoneItem> done;
  final DynamoDbTable<RefItem> refs;
  final DynamoDbTable<AccountItem> accounts;
  final DynamoDbTable<StateItem> states;
  final DynamoDbTable<KeyItem> keys;

  RosterImportRepository(Dynamo dynamo) {
    this.enhanced = dynamo.enhanced();
    this.client = dynamo.client();
    this.tableName = dynamo.tableName();
    this.entries = enhanced.table(tableName, EntryItem.SCHEMA);
    this.imports = enhanced.table(tableName, ImportItem.SCHEMA);
    this.chunks = enhanced.table(tableName, ChunkItem.SCHEMA);
    this.done = enhanced.table(tableName, ChunkDoneItem.SCHEMA);
    this.refs = enhanced.table(tableName, RefItem.SCHEMA);
    this.accounts = enhanced.table(tableName, AccountItem.SCHEMA);
    this.states = enhanced.table(tableName, StateItem.SCHEMA);
    this.keys = enhanced.table(tableName, KeyItem.SCHEMA);
  }

  /** The school's pupils on the roster now (not LEFT): one paged Query on gsi1 {@code S#{school}#PUPILS}. */
  Map<String, EntryItem> activeEntries(String schoolId) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.pupilsOf(schoolId)).sortValue(ACTIVE_PREFIX).build()))
        .build();
    Map<String, EntryItem> found = new LinkedHashMap<>();
    entries.index(Keys.GSI1).query(request).forEach(page -> page.items().forEach(i -> found.put(i.studentId, i)));
    return found;
  }

  /** Roster entries by pupil (BatchGetItem). */
  Map<String, EntryItem> entries(String schoolId, Collection<String> studentIds) {
    Map<String, EntryItem> found = new HashMap<>();
    List<Key> keyList = studentIds.stream().distinct()
        .map(id -> key(Keys.student(schoolId, id), Keys.ROSTER_ENTRY)).toList();
    Reads.batchGet(enhanced, entries, keyList).forEach(i -> found.put(i.studentId, i));
    return found;
  }

  Optional<EntryItem> entry(String schoolId, String studentId) {
    return Optional.ofNullable(get(entries, Keys.student(schoolId, studentId), Keys.ROSTER_ENTRY));
  }

  /** Pupils by reference partition ({@link Keys#learner} or {@link Keys#pupilCode}): partition → studentId. */
  Map<String, String> refs(Collection<String> partitions) {
    Map<String, String> found = new HashMap<>();
    List<Key> keyList = partitions.stream().distinct().map(p -> key(p, Keys.REF)).toList();
    Reads.batchGet(enhanced, refs, keyList).forEach(i -> found.put(i.pk, i.studentId));
    return found;
  }

  /** Sign-in accounts by E.164 phone. */
  Map<String, AccountItem> accounts(Collection<String> phones) {
    Map<String, AccountItem> found = new HashMap<>();
    List<Key> keyList = phones.stream().distinct().map(p -> key(Keys.phone(p), Keys.ACCOUNT)).toList();
    Reads.batchGet(enhanced, accounts, keyList).forEach(i -> found.put(i.phone, i));
    return found;
  }

  Optional<AccountItem> account(String phone) {
    return Optional.ofNullable(get(accounts, Keys.phone(phone), Keys.ACCOUNT));
  }

  /** Which of these people hold a grant with sort key {@code S#{school}#{rest}} (BatchGetItem of the grant keys). */
  Set<String> holding(String schoolId, String rest, Collection<String> subjects) {
    Set<String> found = new TreeSet<>();
    List<Key> keyList = subjects.stream().distinct()
        .map(s -> key(Keys.user(s), Keys.inSchool(schoolId, rest))).toList();
    Reads.batchGet(enhanced, keys, keyList).forEach(i -> found.add(i.pk.substring("USER#".length())));
    return found;
  }

  /** The sort keys of everything under {@code USER#{sub}} (A1; grants, devices, settings). */
  List<String> userItems(String subject) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.user(subject)).build()))
        .consistentRead(true)
        .build();
    List<String> sortKeys = new ArrayList<>();
    keys.query(request).items().forEach(i -> sortKeys.add(i.sk));
    return sortKeys;
  }

  /** The school's roster version (0 before the first import that changed anything). */
  long rosterVersion(String schoolId) {
    StateItem state = get(states, Keys.rosterState(schoolId), Keys.ROSTER_STATE);
    return state == null || state.rosterVersion == null ? 0 : state.rosterVersion;
  }

  Optional<ImportItem> importItem(String schoolId, String importId) {
    return Optional.ofNullable(get(imports, Keys.rosterImport(schoolId, importId), Keys.IMPORT));
  }

  Optional<ChunkItem> chunk(String schoolId, String importId, int n) {
    return Optional.ofNullable(get(chunks, Keys.rosterImport(schoolId, importId), Keys.IMPORT_CHUNK + pad(n)));
  }

  boolean chunkDone(String schoolId, String importId, int n) {
    return get(done, Keys.rosterImport(schoolId, importId), Keys.IMPORT_CHUNK_DONE + pad(n)) != null;
  }

  /** Creates an item that must not exist yet; false when it does. */
  <T> boolean putNew(DynamoDbTable<T> table, Class<T> type, T item) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(type).item(item).conditionExpression(Writes.NOT_EXISTS).build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  static String pad(int n) {
    return String.format("%05d", n);
  }

  static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  static <T> T get(DynamoDbTable<T> table, String pk, String sk) {
    return table.getItem(GetItemEnhancedRequest.builder().key(key(pk, sk)).consistentRead(true).build());
  }
}
