package vn.lienlac.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.seed.SeedSnapshot;

/**
 * Every item of the table, read with a consistent Scan, keyed by {@code pk} and {@code sk}: what
 * a test compares before and after requests that must change nothing. Test-only: production code
 * never scans (ContractTest checks that).
 */
record TableDump(SortedMap<String, Map<String, AttributeValue>> items) {

  /**
   * The table once the stack's queues are idle: the events of earlier writes (a payment's or an
   * announcement's push, which writes send markers) are handled first, so that they do not show up
   * as changes made by the requests under test.
   */
  static TableDump settled(LocalStack stack) {
    if (stack.hasEvents()) {
      try {
        stack.events().awaitIdle(Duration.ofSeconds(60));
      } catch (TimeoutException | InterruptedException e) {
        throw new AssertionError("events still in flight before the table dump", e);
      }
    }
    return of(stack.dynamo());
  }

  static TableDump of(Dynamo dynamo) {
    SortedMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
    SeedSnapshot.scan(dynamo).forEach(item -> items.put(item.get("pk").s() + " | " + item.get("sk").s(), item));
    return new TableDump(items);
  }

  int size() {
    return items.size();
  }

  /**
   * What differs from {@code before}: keys added, removed and changed (empty when the same). An added
   * access-log entry ({@code ACCESS#…}, issue 18) is not a change of the school's data: it records that
   * a teacher or staff member was granted access, whatever the request then did, so it is left out here
   * (AccessLogTest counts them); an access-log entry changed or removed is reported like any other.
   */
  List<String> differencesFrom(TableDump before) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(before.items.keySet());
    keys.addAll(items.keySet());
    for (String key : keys) {
      Map<String, AttributeValue> was = before.items.get(key);
      Map<String, AttributeValue> now = items.get(key);
      if (was == null) {
        if (!key.startsWith("ACCESS#")) {
          differences.add(shorten("added " + key + ": " + now));
        }
      } else if (now == null) {
        differences.add("removed " + key);
      } else if (!Objects.equals(was, now)) {
        differences.add(shorten("changed " + key + ": " + was + " -> " + now));
      }
    }
    return differences;
  }

  private static String shorten(String difference) {
    return difference.length() <= 500 ? difference : difference.substring(0, 500) + "…";
  }
}
