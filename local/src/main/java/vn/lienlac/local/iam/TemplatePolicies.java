package vn.lienlac.local.iam;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.local.template.SamTemplate;

/**
 * Each function's inline policy statements from template.yaml ({@code Policies: - Statement:}),
 * with the resources resolved to the ARNs the local stack's requests name: a table's
 * {@code !GetAtt T.Arn} is {@code arn:aws:dynamodb:<region>:000000000000:table/T} (the local table is
 * named by its logical id), {@code !Sub ${T.Arn}/index/gsi1} its index. SAM policy templates that
 * grant nothing on DynamoDB (SQSPollerPolicy, ...) are skipped; one that would ({@code DynamoDB*})
 * is refused, since the local stack does not expand them.
 */
public final class TemplatePolicies {
  public static final String ACCOUNT = "000000000000";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

  private TemplatePolicies() {}

  /** The ARN of a table of this account in {@code region}. */
  public static String tableArn(String region, String table) {
    return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
  }

  public static Map<String, IamPolicy> read(Path template, String region) {
    try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      return of(SamTemplate.yaml().load(reader), region);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + template, e);
    }
  }

  /** Every {@code AWS::Serverless::Function}'s policy, by logical id, in the template's order. */
  public static Map<String, IamPolicy> of(Map<?, ?> template, String region) {
    Map<?, ?> resources = (Map<?, ?>) template.get("Resources");
    Set<String> tables = new java.util.HashSet<>();
    resources.forEach((id, value) -> {
      if ("AWS::DynamoDB::Table".equals(((Map<?, ?>) value).get("Type"))) {
        tables.add(String.valueOf(id));
      }
    });
    Map<String, IamPolicy> policies = new LinkedHashMap<>();
    resources.forEach((id, value) -> {
      Map<?, ?> resource = (Map<?, ?>) value;
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        return;
      }
      String logicalId = String.valueOf(id);
      Map<?, ?> properties = (Map<?, ?>) resource.get("Properties");
      List<IamPolicy.Statement> statements = new ArrayList<>();
      Object listed = properties == null ? null : properties.get("Policies");
      for (Object policy : listed instanceof List<?> list ? list : listed == null ? List.of() : List.of(listed)) {
        if (policy instanceof Map<?, ?> map && map.containsKey("Statement")) {
          int n = 0;
          for (Object statement : (List<?>) map.get("Statement")) {
            statements.add(IamPolicy.statement(logicalId + " statement " + n++, (Map<?, ?>) statement,
                r -> resolve(r, tables, region)));
          }
        } else {
          String name = policy instanceof Map<?, ?> map ? String.valueOf(map.keySet()) : String.valueOf(policy);
          if (name.toLowerCase(java.util.Locale.ROOT).contains("dynamodb")) {
            throw new IllegalArgumentException(logicalId + ": the local stack cannot evaluate the policy " + name
                + "; write its statements inline");
          }
        }
      }
      policies.put(logicalId, new IamPolicy(logicalId, statements));
    });
    return policies;
  }

  /** A {@code Resource} entry as an ARN pattern. */
  static String resolve(Object resource, Set<String> tables, String region) {
    if (resource instanceof String text) {
      return text;
    }
    if (resource instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
      if (intrinsic.get("Fn::GetAtt") instanceof String target) {
        return attribute(target, tables, region);
      }
      if (intrinsic.get("Fn::GetAtt") instanceof List<?> parts && parts.size() == 2) {
        return attribute(parts.get(0) + "." + parts.get(1), tables, region);
      }
      if (intrinsic.get("Fn::Sub") instanceof String text) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
          String variable = matcher.group(1);
          String value = switch (variable) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            default -> variable.contains(".") ? attribute(variable, tables, region) : "ref:" + variable;
          };
          matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
      }
      if (intrinsic.get("Ref") instanceof String name) {
        return "ref:" + name; // a parameter or another service's resource: never a DynamoDB ARN
      }
    }
    throw new IllegalArgumentException("The local stack cannot resolve the resource " + resource);
  }

  private static String attribute(String target, Set<String> tables, String region) {
    int dot = target.indexOf('.');
    String id = target.substring(0, dot);
    if (tables.contains(id) && target.endsWith(".Arn")) {
      return tableArn(region, id);
    }
    return "arn:aws:local:" + region + ":" + ACCOUNT + ":" + target; // a queue, a user pool: not DynamoDB
  }
}
