package vn.lienlac.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which deployment jar each function ships in, as the Makefile that {@code sam build} runs says:
 * a variable {@code <NAME>_JAR = <module>/target/<artifact>-lambda.jar} per artifact, and
 * {@code build-<LogicalId> ...: <x>-jar} rules whose recipe copies exactly one {@code $(<NAME>_JAR)}.
 */
public record Artifacts(Path root, Map<String, Path> jarsByVariable, Map<String, String> variableByFunction) {
  private static final Pattern VARIABLE = Pattern.compile("^([A-Z][A-Z0-9_]*_JAR)\\s*:?=\\s*(\\S+)\\s*$");
  private static final Pattern RULE = Pattern.compile("^((?:build-[A-Za-z0-9]+\\s*)+):.*$");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z][A-Z0-9_]*_JAR)\\)");

  public Artifacts {
    jarsByVariable = Map.copyOf(jarsByVariable);
    variableByFunction = Map.copyOf(variableByFunction);
  }

  /** The Makefile at the repository root. */
  public static Artifacts read(Path root) {
    try {
      return parse(root, Files.readAllLines(root.resolve("Makefile"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Makefile in " + root, e);
    }
  }

  static Artifacts parse(Path root, List<String> lines) {
    Map<String, Path> jars = new LinkedHashMap<>();
    Map<String, String> functions = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher variable = VARIABLE.matcher(line);
      if (variable.matches()) {
        jars.put(variable.group(1), root.resolve(variable.group(2)).normalize());
        continue;
      }
      Matcher rule = RULE.matcher(line);
      if (!rule.matches()) {
        continue;
      }
      List<String> copied = new java.util.ArrayList<>();
      for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\t"); j++) {
        Matcher reference = REFERENCE.matcher(lines.get(j));
        while (reference.find()) {
          copied.add(reference.group(1));
        }
      }
      for (String target : rule.group(1).trim().split("\\s+")) {
        String logicalId = target.substring("build-".length());
        if (copied.size() != 1) {
          throw new IllegalStateException("Makefile: " + target + " copies " + copied + "; it must copy exactly one $(<NAME>_JAR)");
        }
        functions.put(logicalId, copied.getFirst());
      }
    }
    return new Artifacts(root, jars, functions);
  }

  /** The jar a function ships in (it need not be built yet); fails for a function with no rule. */
  public Path jarOf(String logicalId) {
    String variable = variableByFunction.get(logicalId);
    if (variable == null) {
      throw new IllegalStateException("Makefile: no build-" + logicalId + " rule (add its logical id to the rule of"
          + " its artifact: " + jarsByVariable.keySet() + ")");
    }
    Path jar = jarsByVariable.get(variable);
    if (jar == null) {
      throw new IllegalStateException("Makefile: build-" + logicalId + " copies $(" + variable + "), which is not defined");
    }
    return jar;
  }

  /** The jar of a variable, e.g. {@code FUNCTIONS_JAR}. */
  public Path jar(String variable) {
    Path jar = jarsByVariable.get(variable);
    if (jar == null) {
      throw new IllegalStateException("Makefile: no " + variable + "; defined: " + jarsByVariable.keySet());
    }
    return jar;
  }
}
