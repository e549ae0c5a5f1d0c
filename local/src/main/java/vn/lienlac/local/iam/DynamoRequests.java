package vn.lienlac.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.local.template.SamTemplate;

/**
 * What IAM authorizes for one DynamoDB request (JSON protocol, {@code X-Amz-Target}
 * {@code DynamoDB_20120810.<Operation>}): one or more checks, each an action on a resource with the
 * request's {@code dynamodb:LeadingKeys} (the partition key values it touches).
 *
 * <ul>
 *   <li>GetItem, PutItem, UpdateItem, DeleteItem: the action of the same name on the table, the
 *       key's (or item's) partition value.</li>
 *   <li>Query, Scan: on the table, or on {@code table/T/index/I} with {@code IndexName}; a Query's
 *       partition value from its key condition (the index's partition key on an index).</li>
 *   <li>BatchGetItem, BatchWriteItem: one check per table, every partition value of its requests
 *       in one multi-valued {@code LeadingKeys} (hence {@code ForAllValues} to allow and
 *       {@code ForAnyValue} to deny).</li>
 *   <li>TransactWriteItems, TransactGetItems: one check per item, as the underlying PutItem,
 *       UpdateItem, DeleteItem, ConditionCheckItem, GetItem (the DynamoDB Developer Guide, "Using
 *       IAM with DynamoDB transactions").</li>
 *   <li>Anything else (DescribeTable, ...): its action on the table, no keys; ListTables on
 *       {@code *}. PartiQL ({@code ExecuteStatement}, ...) is its own action here
 *       ({@code dynamodb:ExecuteStatement}), which no function is allowed.</li>
 * </ul>
 */
public final class DynamoRequests {
  public static final String LEADING_KEYS = "dynamodb:LeadingKeys";
  private static final Pattern KEY_EQUALS = Pattern.compile("([#:A-Za-z0-9_.]+)\\s*=\\s*([#:A-Za-z0-9_.]+)");

  /** One authorization: action on resource, with the request's condition keys. */
  public record Check(String action, String resource, Map<String, List<String>> context) {}

  private final String region;
  private final Map<String, String> partitionKeys = new LinkedHashMap<>();
  private final Map<String, String> indexPartitionKeys = new LinkedHashMap<>();

  public DynamoRequests(String region, List<SamTemplate.Table> tables) {
    this.region = region;
    for (SamTemplate.Table table : tables) {
      partitionKeys.put(table.logicalId(), table.key().hash());
      for (SamTemplate.Index index : table.globalIndexes()) {
        indexPartitionKeys.put(table.logicalId() + "/" + index.name(), index.key().hash());
      }
    }
  }

  public List<Check> checks(String operation, JsonNode body) {
    List<Check> checks = new ArrayList<>();
    switch (operation) {
      case "GetItem", "DeleteItem", "UpdateItem" -> checks.add(item("dynamodb:" + operation, body, "Key"));
      case "PutItem" -> checks.add(item("dynamodb:PutItem", body, "Item"));
      case "Query", "Scan" -> {
        String table = body.path("TableName").asText();
        String index = body.path("IndexName").asText(null);
        String resource = TemplatePolicies.tableArn(region, table) + (index == null ? "" : "/index/" + index);
        List<String> keys = operation.equals("Query")
            ? queryPartition(body, index == null ? partitionKeys.get(table) : indexPartitionKeys.get(table + "/" + index))
            : List.of();
        checks.add(new Check("dynamodb:" + operation, resource, context(keys)));
      }
      case "BatchGetItem", "BatchWriteItem" -> body.path("RequestItems").properties().forEach(entry -> {
        String table = entry.getKey();
        Set<String> keys = new LinkedHashSet<>();
        if (operation.equals("BatchGetItem")) {
          entry.getValue().path("Keys").forEach(key -> add(keys, table, key));
        } else {
          for (JsonNode request : entry.getValue()) {
            add(keys, table, request.path("PutRequest").path("Item"));
            add(keys, table, request.path("DeleteRequest").path("Key"));
          }
        }
        checks.add(new Check("dynamodb:" + operation, TemplatePolicies.tableArn(region, table),
            context(List.copyOf(keys))));
      });
      case "TransactWriteItems", "TransactGetItems" -> {
        for (JsonNode item : body.path("TransactItems")) {
          Iterator<Map.Entry<String, JsonNode>> kinds = item.properties().iterator();
          if (!kinds.hasNext()) {
            continue; // DynamoDB Local refuses it
          }
          Map.Entry<String, JsonNode> kind = kinds.next();
          String action = switch (kind.getKey()) {
            case "Put" -> "dynamodb:PutItem";
            case "Update" -> "dynamodb:UpdateItem";
            case "Delete" -> "dynamodb:DeleteItem";
            case "ConditionCheck" -> "dynamodb:ConditionCheckItem";
            case "Get" -> "dynamodb:GetItem";
            default -> "dynamodb:" + kind.getKey();
          };
          checks.add(item(action, kind.getValue(), kind.getKey().equals("Put") ? "Item" : "Key"));
        }
      }
      case "ListTables" -> checks.add(new Check("dynamodb:ListTables", "*", Map.of()));
      default -> {
        String table = body.path("TableName").asText("");
        checks.add(new Check("dynamodb:" + operation,
            table.isEmpty() ? "*" : TemplatePolicies.tableArn(region, table), Map.of()));
      }
    }
    return checks;
  }

  private Check item(String action, JsonNode request, String keyField) {
    String table = request.path("TableName").asText();
    Set<String> keys = new LinkedHashSet<>();
    add(keys, table, request.path(keyField));
    return new Check(action, TemplatePolicies.tableArn(region, table), context(List.copyOf(keys)));
  }

  private void add(Set<String> keys, String table, JsonNode key) {
    String attribute = partitionKeys.get(table);
    if (attribute != null) {
      String value = scalar(key.path(attribute));
      if (value != null) {
        keys.add(value);
      }
    }
  }

  /** The partition value a Query names: {@code pk = :v} (names and values resolved), or KeyConditions. */
  private static List<String> queryPartition(JsonNode body, String attribute) {
    if (attribute == null) {
      return List.of();
    }
    String expression = body.path("KeyConditionExpression").asText(null);
    if (expression != null) {
      Matcher matcher = KEY_EQUALS.matcher(expression);
      while (matcher.find()) {
        for (int side = 1; side <= 2; side++) {
          String name = matcher.group(side);
          String resolved = name.startsWith("#") ? body.path("ExpressionAttributeNames").path(name).asText(null) : name;
          String other = matcher.group(3 - side);
          if (attribute.equals(resolved) && other.startsWith(":")) {
            String value = scalar(body.path("ExpressionAttributeValues").path(other));
            return value == null ? List.of() : List.of(value);
          }
        }
      }
      return List.of();
    }
    JsonNode condition = body.path("KeyConditions").path(attribute);
    String value = scalar(condition.path("AttributeValueList").path(0));
    return value == null ? List.of() : List.of(value);
  }

  /** An attribute value's text: {@code {"S": "x"}} or {@code {"N": "1"}}; null otherwise (B, missing). */
  private static String scalar(JsonNode value) {
    if (value.has("S")) {
      return value.get("S").asText();
    }
    if (value.has("N")) {
      return value.get("N").asText();
    }
    return null;
  }

  private static Map<String, List<String>> context(List<String> leadingKeys) {
    return leadingKeys.isEmpty() ? Map.of() : Map.of(LEADING_KEYS, leadingKeys);
  }
}
