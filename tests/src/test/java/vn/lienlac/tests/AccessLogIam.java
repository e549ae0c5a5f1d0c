package vn.lienlac.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.lienlac.local.iam.IamPolicy;
import vn.lienlac.local.iam.TemplatePolicies;
import vn.lienlac.local.template.SamTemplate;

/**
 * The access log is append-only by IAM (issue 18; docs/privacy/iam.md): the rules a template's
 * policies must follow (ContractTest applies them to template.yaml and shows on broken copies that
 * each can fail). Returns what is wrong, one line per violation.
 * <ul>
 *   <li>every function allowed to write the table (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
 *       ConditionCheckItem) carries the statement {@value #SID}, exactly {@link #APPEND_ONLY};
 *   <li>no Allow grants UpdateItem, DeleteItem or BatchWriteItem (by name or wildcard) on a resource
 *       that Deny does not name, nor any PartiQL action (which writes without those actions); and,
 *       evaluated as IAM evaluates it, no function may update, delete or batch-write an
 *       {@code ACCESS#} item, alone or among other keys;
 *   <li>exactly the functions of {@link #WRITERS} may PutItem an {@code ACCESS#} item.
 * </ul>
 */
final class AccessLogIam {
  static final String SID = "AccessLogAppendOnly";
  /** The Deny statement, as every writing function must carry it (template.yaml's YAML, parsed). */
  static final Map<String, Object> APPEND_ONLY = SamTemplate.yaml().load("""
      Sid: AccessLogAppendOnly
      Effect: Deny
      Action:
        - dynamodb:UpdateItem
        - dynamodb:DeleteItem
        - dynamodb:BatchWriteItem
      Resource:
        - !GetAtt LienlacTable.Arn
      Condition:
        ForAnyValue:StringLike:
          dynamodb:LeadingKeys:
            - 'ACCESS#*'
      """);
  /** The functions that write access-log entries (helper A's list, COMMON.md). */
  static final Set<String> WRITERS = Set.of("RecordsFunction", "RecordBookFunction", "PaymentsFunction",
      "PrivacyFunction", "RosterFunction");
  static final Set<String> WRITES = Set.of("dynamodb:putitem", "dynamodb:updateitem", "dynamodb:deleteitem",
      "dynamodb:batchwriteitem", "dynamodb:conditioncheckitem");
  static final List<String> DENIED = List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
  static final String REGION = "ap-southeast-1";
  static final String TABLE = TemplatePolicies.tableArn(REGION, "LienlacTable");
  /** A pupil's entry and a whole-class read's entry (COMMON.md's keys). */
  static final List<List<String>> LOG_KEYS = List.of(List.of("ACCESS#S#sch1#ST#st1"),
      List.of("USER#u1", "ACCESS#S#sch1#C#c1"), List.of("S#sch1#ST#st1", "ACCESS#S#sch1#ST#st1"));

  private AccessLogIam() {}

  static List<String> violations(Map<String, Object> raw) {
    List<String> found = new ArrayList<>();
    Map<String, IamPolicy> policies = TemplatePolicies.of(raw, REGION);
    Map<?, ?> resources = (Map<?, ?>) raw.get("Resources");
    for (Map.Entry<String, IamPolicy> entry : policies.entrySet()) {
      String name = entry.getKey();
      IamPolicy policy = entry.getValue();
      List<Map<?, ?>> statements = statements(resources, name);
      boolean writes = statements.stream().filter(s -> "Allow".equals(s.get("Effect")))
          .flatMap(s -> actions(s).stream()).anyMatch(a -> WRITES.stream().anyMatch(w -> IamPolicy.like(a, w)));
      List<Map<?, ?>> denies = statements.stream().filter(s -> SID.equals(s.get("Sid"))).toList();
      if (writes && denies.isEmpty()) {
        found.add(name + ": writes the table but has no " + SID + " statement");
      }
      for (Map<?, ?> deny : denies) {
        if (!deny.equals(APPEND_ONLY)) {
          found.add(name + ": " + SID + " should be exactly " + APPEND_ONLY + ", not " + deny);
        }
      }
      List<?> covered = denies.isEmpty() ? List.of() : (List<?>) denies.getFirst().get("Resource");
      for (Map<?, ?> statement : statements) {
        if (!"Allow".equals(statement.get("Effect"))) {
          continue;
        }
        for (String action : actions(statement)) {
          if (IamPolicy.like(action, "dynamodb:partiqlupdate") || IamPolicy.like(action, "dynamodb:partiqldelete")
              || IamPolicy.like(action, "dynamodb:partiqlinsert")) {
            found.add(name + ": allows " + action + " (PartiQL writes would bypass " + SID + ")");
          }
          if (DENIED.stream().anyMatch(d -> IamPolicy.like(action, d.toLowerCase(Locale.ROOT)))) {
            for (Object resource : list(statement.get("Resource"))) {
              if (!covered.contains(resource)) {
                found.add(name + ": allows " + action + " on " + resource + ", which " + SID + " does not cover");
              }
            }
          }
        }
      }
      for (String action : DENIED) {
        for (List<String> keys : LOG_KEYS) {
          IamPolicy.Decision decision = policy.evaluate(action, TABLE, Map.of("dynamodb:LeadingKeys", keys));
          if (decision == IamPolicy.Decision.ALLOW) {
            found.add(name + ": may " + action + " the access-log keys " + keys);
          }
        }
      }
      boolean puts = policy.evaluate("dynamodb:PutItem", TABLE, Map.of("dynamodb:LeadingKeys", LOG_KEYS.getFirst()))
          == IamPolicy.Decision.ALLOW;
      if (puts && !WRITERS.contains(name)) {
        found.add(name + ": may PutItem access-log entries but is not one of the writers " + WRITERS);
      }
      if (!puts && WRITERS.contains(name)) {
        found.add(name + ": writes the access log but may not PutItem an ACCESS# item");
      }
    }
    return found;
  }

  private static List<Map<?, ?>> statements(Map<?, ?> resources, String function) {
    Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resources.get(function)).get("Properties");
    List<Map<?, ?>> statements = new ArrayList<>();
    for (Object policy : list(properties.get("Policies"))) {
      if (policy instanceof Map<?, ?> map && map.get("Statement") instanceof List<?> list) {
        list.forEach(s -> statements.add((Map<?, ?>) s));
      }
    }
    return statements;
  }

  private static List<String> actions(Map<?, ?> statement) {
    return list(statement.get("Action")).stream().map(a -> String.valueOf(a).toLowerCase(Locale.ROOT)).toList();
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
  }
}
