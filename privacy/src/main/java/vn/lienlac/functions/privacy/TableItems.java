package vn.lienlac.functions.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.platform.Keys;

/**
 * The table read item by item, as erasure and retention do: they touch items of many features
 * (messages, leave requests, roster entries, registers) by key and attribute, not through each
 * feature's mapping, so they work on the SDK's attribute maps.
 */
public final class TableItems {
  private TableItems() {}

  /** Every item a Query matches, all pages. */
  public static List<Map<String, AttributeValue>> query(DynamoDbClient client, QueryRequest request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    client.queryPaginator(request).forEach(page -> items.addAll(page.items()));
    return items;
  }

  /** One item (consistent read), or null. */
  public static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk, String sk) {
    var answer = client.getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true));
    return answer.hasItem() ? answer.item() : null;
  }

  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
  }

  /** The key of an item read. */
  public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
  }

  /** A string attribute, or null (also for a null item). */
  public static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item == null ? null : item.get(name);
    return value == null ? null : value.s();
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
