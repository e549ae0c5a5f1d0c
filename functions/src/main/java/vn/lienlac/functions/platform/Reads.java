package vn.lienlac.functions.platform;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/** Reads of many known keys at once. */
public final class Reads {
  /** DynamoDB's limit of keys per BatchGetItem. */
  private static final int BATCH_GET_LIMIT = 100;

  private Reads() {}

  /**
   * The items that exist among {@code keys}, in no particular order, in as few BatchGetItem calls
   * as the limit allows. The SDK's pages resubmit unprocessed keys. Reads are strongly consistent:
   * callers read to write (versions, unchanged rows) or answer right after a write.
   */
  public static <T> List<T> batchGet(DynamoDbEnhancedClient enhanced, DynamoDbTable<T> table, List<Key> keys) {
    List<T> found = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
      ReadBatch.Builder<T> batch = ReadBatch.builder(table.tableSchema().itemType().rawClass()).mappedTableResource(table);
      keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT)).forEach(key ->
          batch.addGetItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
      enhanced.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
          .resultsForTable(table)
          .forEach(found::add);
    }
    return found;
  }
}
