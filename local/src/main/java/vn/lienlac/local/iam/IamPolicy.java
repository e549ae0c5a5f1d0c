package vn.lienlac.local.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A function's identity-based policy as template.yaml writes it, and IAM's evaluation of it for one
 * request: an explicit Deny wins, then an Allow, else the request is denied (implicitly).
 *
 * <p>What it evaluates, as IAM documents it: {@code Action} (wildcards, case-insensitive),
 * {@code Resource} (wildcards, case-sensitive), and {@code Condition}: every operator of a statement
 * must hold, every key of an operator must hold, any value of a key may match. Operators
 * {@code StringEquals}, {@code StringLike}, {@code StringNotEquals}, {@code StringNotLike}, each
 * optionally under the set operators {@code ForAllValues:} (true when every value of the request's
 * key matches, and also when the key is absent or empty) and {@code ForAnyValue:} (true when at
 * least one value matches; false when the key is absent). A plain operator on an absent key is false
 * (true for the negated ones). Anything else ({@code NotAction}, {@code NotResource}, other
 * operators, condition keys the local stack does not compute) is refused when the policy is read,
 * so that a policy is never enforced less than it says.
 */
public final class IamPolicy {
  /** The condition keys the local stack computes for a DynamoDB request ({@link DynamoRequests}). */
  public static final Set<String> SUPPORTED_KEYS = Set.of("dynamodb:LeadingKeys");

  /** IAM's answer for one request. */
  public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

  /** One statement: Allow or Deny, its actions, resources (ARN patterns) and conditions. */
  public record Statement(String sid, boolean deny, List<String> actions, List<String> resources,
      List<Condition> conditions) {
    public Statement {
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
      conditions = List.copyOf(conditions);
    }

    boolean appliesTo(String action, String resource, Map<String, List<String>> context) {
      return actions.stream().anyMatch(a -> like(a.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)))
          && resources.stream().anyMatch(r -> like(r, resource))
          && conditions.stream().allMatch(c -> c.holds(context));
    }
  }

  /** How a condition compares the request's values with the policy's. */
  public enum SetOperator { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

  /** One key under one operator, e.g. {@code ForAnyValue:StringLike: {dynamodb:LeadingKeys: [ACCESS#*]}}. */
  public record Condition(SetOperator set, boolean like, boolean negated, String key, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }

    boolean holds(Map<String, List<String>> context) {
      List<String> actual = context.getOrDefault(key, List.of());
      return switch (set) {
        case FOR_ALL_VALUES -> actual.stream().allMatch(this::matchesOne);
        case FOR_ANY_VALUE -> actual.stream().anyMatch(this::matchesOne);
        case NONE -> actual.isEmpty() ? negated : actual.stream().anyMatch(this::matchesOne);
      };
    }

    /** Whether one request value satisfies the operator against the policy's values (any of them). */
    private boolean matchesOne(String value) {
      boolean matches = values.stream().anyMatch(p -> like ? IamPolicy.like(p, value) : p.equals(value));
      return negated != matches;
    }
  }

  private final String principal;
  private final List<Statement> statements;

  public IamPolicy(String principal, List<Statement> statements) {
    this.principal = principal;
    this.statements = List.copyOf(statements);
  }

  public String principal() {
    return principal;
  }

  public List<Statement> statements() {
    return statements;
  }

  /** IAM's evaluation of one action on one resource with the request's condition keys. */
  public Decision evaluate(String action, String resource, Map<String, List<String>> context) {
    boolean allowed = false;
    for (Statement statement : statements) {
      if (statement.appliesTo(action, resource, context)) {
        if (statement.deny()) {
          return Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  /** IAM's {@code StringLike}: {@code *} any run of characters (also none), {@code ?} one character. */
  public static boolean like(String pattern, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  // --- reading a statement as template.yaml writes it ----------------------------------------

  /**
   * A statement of a {@code Policies: - Statement:} list; {@code resources} resolves each
   * {@code Resource} entry (an ARN, {@code '*'}, or an intrinsic function) to an ARN pattern.
   */
  public static Statement statement(String where, Map<?, ?> raw, java.util.function.Function<Object, String> resources) {
    for (Object key : raw.keySet()) {
      if (!Set.of("Sid", "Effect", "Action", "Resource", "Condition").contains(String.valueOf(key))) {
        throw new IllegalArgumentException(where + ": the local stack cannot evaluate " + key);
      }
    }
    String effect = String.valueOf(raw.get("Effect"));
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException(where + ": Effect " + effect);
    }
    List<String> actions = list(raw.get("Action")).stream().map(String::valueOf).toList();
    List<String> arns = list(raw.get("Resource")).stream().map(resources).toList();
    List<Condition> conditions = new ArrayList<>();
    if (raw.get("Condition") instanceof Map<?, ?> operators) {
      operators.forEach((operator, keys) -> conditions.addAll(conditions(where, String.valueOf(operator), keys)));
    } else if (raw.get("Condition") != null) {
      throw new IllegalArgumentException(where + ": Condition should be a mapping");
    }
    boolean dynamo = actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("dynamodb:") || a.equals("*"));
    for (Condition condition : conditions) {
      if (dynamo && !SUPPORTED_KEYS.contains(condition.key())) {
        throw new IllegalArgumentException(where + ": the local stack does not compute the condition key "
            + condition.key() + " (it computes " + SUPPORTED_KEYS + ")");
      }
    }
    return new Statement(raw.get("Sid") == null ? null : String.valueOf(raw.get("Sid")), effect.equals("Deny"),
        actions, arns, conditions);
  }

  private static List<Condition> conditions(String where, String operator, Object keys) {
    SetOperator set = SetOperator.NONE;
    String name = operator;
    if (operator.startsWith("ForAllValues:")) {
      set = SetOperator.FOR_ALL_VALUES;
      name = operator.substring("ForAllValues:".length());
    } else if (operator.startsWith("ForAnyValue:")) {
      set = SetOperator.FOR_ANY_VALUE;
      name = operator.substring("ForAnyValue:".length());
    }
    boolean like;
    boolean negated;
    switch (name) {
      case "StringEquals" -> { like = false; negated = false; }
      case "StringLike" -> { like = true; negated = false; }
      case "StringNotEquals" -> { like = false; negated = true; }
      case "StringNotLike" -> { like = true; negated = true; }
      default -> throw new IllegalArgumentException(where + ": the local stack cannot evaluate the operator " + operator);
    }
    if (!(keys instanceof Map<?, ?> byKey)) {
      throw new IllegalArgumentException(where + ": " + operator + " should map keys to values");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    byKey.forEach((key, value) -> values.put(String.valueOf(key), list(value).stream().map(String::valueOf).toList()));
    List<Condition> conditions = new ArrayList<>();
    SetOperator finalSet = set;
    values.forEach((key, patterns) -> conditions.add(new Condition(finalSet, like, negated, key, patterns)));
    return conditions;
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
  }
}
