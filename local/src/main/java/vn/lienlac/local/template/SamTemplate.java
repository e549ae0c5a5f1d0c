package vn.lienlac.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the local stack needs from a SAM template: the functions (handler, environment, timeout,
 * HTTP API routes, SQS event source mappings, schedules), the DynamoDB tables and the SQS queues. CloudFormation short-form tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub s}, any other {@code !Tag}) are read as their long forms
 * ({@code {Ref: X}}, {@code {Fn::GetAtt: A.B}}, ...) instead of failing.
 */
public final class SamTemplate {
  /** Lambda's default when neither the function nor Globals says. */
  static final int DEFAULT_TIMEOUT_SECONDS = 3;
  static final int DEFAULT_MEMORY_MB = 128;

  /** SQS's defaults when a queue does not say (seconds). */
  static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
  static final int DEFAULT_RETENTION_SECONDS = 345_600;
  /** Lambda's defaults for an SQS event source mapping. */
  static final int DEFAULT_BATCH_SIZE = 10;

  private final List<Function> functions;
  private final List<Table> tables;
  private final List<Queue> queues;

  private SamTemplate(List<Function> functions, List<Table> tables, List<Queue> queues) {
    this.functions = List.copyOf(functions);
    this.tables = List.copyOf(tables);
    this.queues = List.copyOf(queues);
  }

  /**
   * A serverless function with its handler class and what triggers it: HTTP API routes, SQS event
   * source mappings, schedules. A function with routes is an API function; one with none is a
   * non-HTTP function (SQS, schedule).
   */
  public record Function(
      String logicalId,
      String handler,
      Map<String, Object> environment,
      int timeoutSeconds,
      int memoryMb,
      List<HttpRoute> routes,
      List<SqsEventSource> sqsEvents,
      List<Schedule> schedules) {

    public Function {
      environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      routes = List.copyOf(routes);
      sqsEvents = List.copyOf(sqsEvents);
      schedules = List.copyOf(schedules);
    }

    /** An API function (HTTP routes only). */
    public Function(String logicalId, String handler, Map<String, Object> environment, int timeoutSeconds,
        int memoryMb, List<HttpRoute> routes) {
      this(logicalId, handler, environment, timeoutSeconds, memoryMb, routes, List.of(), List.of());
    }

    /** Whether API Gateway calls it (it has routes); otherwise SQS or a schedule does. */
    public boolean isHttp() {
      return !routes.isEmpty();
    }

    /** {@code vn.x.Foo} of {@code vn.x.Foo::handleRequest}. */
    public String handlerClass() {
      int separator = handler.indexOf("::");
      return separator < 0 ? handler : handler.substring(0, separator);
    }

    /**
     * The environment variables as text, every {@code !Ref} replaced by what {@code ref} answers
     * for the logical id; any other intrinsic function cannot be resolved locally and fails.
     */
    public Map<String, String> environment(UnaryOperator<String> ref) {
      Map<String, String> resolved = new LinkedHashMap<>();
      environment.forEach((name, value) -> resolved.put(name, resolve(name, value, ref)));
      return resolved;
    }

    private String resolve(String name, Object value, UnaryOperator<String> ref) {
      if (value instanceof Map<?, ?> intrinsic) {
        if (intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String logicalId) {
          String resolved = ref.apply(logicalId);
          if (resolved != null) {
            return resolved;
          }
        }
        throw new IllegalStateException(
            logicalId + ": environment variable " + name + " = " + value + " cannot be resolved locally");
      }
      return value == null ? "" : String.valueOf(value);
    }
  }

  /** One {@code Type: HttpApi} event: {@code public} when it says {@code Auth: {Authorizer: NONE}}. */
  public record HttpRoute(String eventId, String method, String path, boolean isPublic) {

    /** API Gateway's route key, e.g. {@code GET /v1/students/{studentId}/grades}. */
    public String routeKey() {
      return method + " " + path;
    }
  }

  /**
   * A {@code Type: SQS} event of a function (Lambda's event source mapping): the queue's logical id
   * ({@code Queue: !GetAtt X.Arn}), {@code BatchSize} (default 10),
   * {@code MaximumBatchingWindowInSeconds} (default 0), whether {@code FunctionResponseTypes} has
   * {@code ReportBatchItemFailures}, and {@code Enabled}.
   */
  public record SqsEventSource(String eventId, String queue, int batchSize, int maximumBatchingWindowSeconds,
      boolean reportBatchItemFailures, boolean enabled) {}

  /**
   * A {@code Type: Schedule} (or {@code ScheduleV2}) event: its expression ({@code rate(5 minutes)},
   * {@code cron(...)}) and {@code Enabled}/{@code State}.
   */
  public record Schedule(String eventId, String expression, boolean enabled) {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    /** The period of a {@code rate(...)} expression; empty for {@code cron(...)}. */
    public Optional<Duration> rate() {
      Matcher matcher = RATE.matcher(expression.trim());
      if (!matcher.matches()) {
        return Optional.empty();
      }
      long amount = Long.parseLong(matcher.group(1));
      return Optional.of(switch (matcher.group(2)) {
        case "minute", "minutes" -> Duration.ofMinutes(amount);
        case "hour", "hours" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      });
    }
  }

  /**
   * An {@code AWS::SQS::Queue}: visibility timeout and retention (seconds; SQS's defaults when
   * absent), and its redrive policy (the dead-letter queue's logical id, from
   * {@code deadLetterTargetArn: !GetAtt X.Arn}, and {@code maxReceiveCount}) when it has one.
   */
  public record Queue(String logicalId, int visibilityTimeoutSeconds, int messageRetentionSeconds,
      Optional<Redrive> redrive) {}

  /** Where a queue's messages go after {@code maxReceiveCount} receives. */
  public record Redrive(String deadLetterQueue, int maxReceiveCount) {}

  /** An {@code AWS::DynamoDB::Table}: attribute types by name, key schema and global indexes. */
  public record Table(
      String logicalId,
      Map<String, String> attributeTypes,
      Key key,
      List<Index> globalIndexes,
      Optional<String> timeToLiveAttribute) {

    public Table {
      attributeTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
      globalIndexes = List.copyOf(globalIndexes);
    }
  }

  /** A key schema: hash attribute and optional range attribute (null when none). */
  public record Key(String hash, String range) {}

  /** A global secondary index: name, key, projection type and its non-key attributes (INCLUDE). */
  public record Index(String name, Key key, String projectionType, List<String> nonKeyAttributes) {
    public Index {
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
  }

  public List<Function> functions() {
    return functions;
  }

  public List<Table> tables() {
    return tables;
  }

  public List<Queue> queues() {
    return queues;
  }

  public Optional<Queue> queue(String logicalId) {
    return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
  }

  public Optional<Function> function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  // ----------------------------------------------------------------------------------------------

  public static SamTemplate read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public static SamTemplate parse(String yaml) {
    return parse(new StringReader(yaml));
  }

  /** {@code template.yaml} under the repository root ({@link #repositoryRoot()}). */
  public static Path defaultFile() {
    return repositoryRoot().resolve("template.yaml");
  }

  /**
   * The repository root: system property {@code lienlac.root}, else the nearest folder at or
   * above the working directory that holds a {@code template.yaml}.
   */
  public static Path repositoryRoot() {
    String property = System.getProperty("lienlac.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No template.yaml at or above " + start + "; set -Dlienlac.root=<repository folder>");
  }

  /** A YAML reader that accepts CloudFormation's short-form tags. */
  public static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new CloudFormationConstructor(options));
  }

  static SamTemplate parse(Reader reader) {
    Object document = yaml().load(reader);
    Map<String, Object> root = map(document, "template");
    Map<String, Object> resources = map(root.get("Resources"), "Resources");
    Map<String, Object> globals = map(map(root.get("Globals"), "Globals").get("Function"), "Globals.Function");

    List<Function> functions = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<Queue> queues = new ArrayList<>();
    resources.forEach((logicalId, value) -> {
      Map<String, Object> resource = map(value, logicalId);
      Map<String, Object> properties = map(resource.get("Properties"), logicalId + ".Properties");
      switch (String.valueOf(resource.get("Type"))) {
        case "AWS::Serverless::Function" -> functions.add(function(logicalId, properties, globals));
        case "AWS::DynamoDB::Table" -> tables.add(table(logicalId, properties));
        case "AWS::SQS::Queue" -> queues.add(queue(logicalId, properties));
        default -> { } // the local stack needs nothing else
      }
    });
    return new SamTemplate(functions, tables, queues);
  }

  private static Function function(String logicalId, Map<String, Object> properties, Map<String, Object> globals) {
    Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
    environment.putAll(variables(properties));
    List<HttpRoute> routes = new ArrayList<>();
    List<SqsEventSource> sqsEvents = new ArrayList<>();
    List<Schedule> schedules = new ArrayList<>();
    map(properties.get("Events"), logicalId + ".Events").forEach((eventId, value) -> {
      Map<String, Object> event = map(value, eventId);
      Map<String, Object> props = map(event.get("Properties"), eventId + ".Properties");
      if ("SQS".equals(event.get("Type"))) {
        sqsEvents.add(new SqsEventSource(
            eventId,
            arnOf(props.get("Queue"), logicalId + "." + eventId + ".Queue"),
            number(props.get("BatchSize"), DEFAULT_BATCH_SIZE),
            number(props.get("MaximumBatchingWindowInSeconds"), 0),
            list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
            !Boolean.FALSE.equals(props.get("Enabled"))));
      } else if ("Schedule".equals(event.get("Type")) || "ScheduleV2".equals(event.get("Type"))) {
        String expression = text(props, event.get("Type").equals("Schedule") ? "Schedule" : "ScheduleExpression", null);
        schedules.add(new Schedule(eventId, expression,
            !Boolean.FALSE.equals(props.get("Enabled")) && !"DISABLED".equals(props.get("State"))));
      } else if ("HttpApi".equals(event.get("Type"))) {
        Map<String, Object> auth = map(props.get("Auth"), eventId + ".Auth");
        routes.add(new HttpRoute(
            eventId,
            text(props, "Method", "ANY").toUpperCase(Locale.ROOT),
            text(props, "Path", "$default"),
            "NONE".equals(auth.get("Authorizer"))));
      }
    });
    return new Function(
        logicalId,
        text(properties, "Handler", null),
        environment,
        integer(properties, globals, "Timeout", DEFAULT_TIMEOUT_SECONDS),
        integer(properties, globals, "MemorySize", DEFAULT_MEMORY_MB),
        routes,
        sqsEvents,
        schedules);
  }

  private static Queue queue(String logicalId, Map<String, Object> properties) {
    Map<String, Object> redrive = map(properties.get("RedrivePolicy"), logicalId + ".RedrivePolicy");
    return new Queue(
        logicalId,
        number(properties.get("VisibilityTimeout"), DEFAULT_VISIBILITY_TIMEOUT_SECONDS),
        number(properties.get("MessageRetentionPeriod"), DEFAULT_RETENTION_SECONDS),
        redrive.isEmpty() ? Optional.empty() : Optional.of(new Redrive(
            arnOf(redrive.get("deadLetterTargetArn"), logicalId + ".RedrivePolicy.deadLetterTargetArn"),
            number(redrive.get("maxReceiveCount"), 0))));
  }

  /** The logical id of {@code !GetAtt X.Arn} (or {@code Fn::GetAtt: [X, Arn]}); anything else fails. */
  private static String arnOf(Object value, String where) {
    if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
      Object target = intrinsic.get("Fn::GetAtt");
      if (target instanceof String text && text.endsWith(".Arn")) {
        return text.substring(0, text.length() - ".Arn".length());
      }
      if (target instanceof List<?> parts && parts.size() == 2 && "Arn".equals(parts.get(1))) {
        return String.valueOf(parts.get(0));
      }
    }
    throw new IllegalStateException(where + " should be !GetAtt <Queue>.Arn, not " + value);
  }

  private static int number(Object value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Not a number: " + value, e);
    }
  }

  private static Map<String, Object> variables(Map<String, Object> properties) {
    return map(map(properties.get("Environment"), "Environment").get("Variables"), "Environment.Variables");
  }

  private static Table table(String logicalId, Map<String, Object> properties) {
    Map<String, String> attributeTypes = new LinkedHashMap<>();
    for (Object definition : list(properties.get("AttributeDefinitions"))) {
      Map<String, Object> attribute = map(definition, logicalId + ".AttributeDefinitions");
      attributeTypes.put(text(attribute, "AttributeName", null), text(attribute, "AttributeType", null));
    }
    List<Index> indexes = new ArrayList<>();
    for (Object value : list(properties.get("GlobalSecondaryIndexes"))) {
      Map<String, Object> index = map(value, logicalId + ".GlobalSecondaryIndexes");
      Map<String, Object> projection = map(index.get("Projection"), "Projection");
      indexes.add(new Index(
          text(index, "IndexName", null),
          key(index.get("KeySchema")),
          text(projection, "ProjectionType", "ALL"),
          list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList()));
    }
    Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"), "TimeToLiveSpecification");
    Optional<String> ttlAttribute = Boolean.TRUE.equals(ttl.get("Enabled"))
        ? Optional.ofNullable((String) ttl.get("AttributeName"))
        : Optional.empty();
    return new Table(logicalId, attributeTypes, key(properties.get("KeySchema")), indexes, ttlAttribute);
  }

  private static Key key(Object keySchema) {
    String hash = null;
    String range = null;
    for (Object value : list(keySchema)) {
      Map<String, Object> element = map(value, "KeySchema");
      String name = text(element, "AttributeName", null);
      if ("HASH".equals(element.get("KeyType"))) {
        hash = name;
      } else {
        range = name;
      }
    }
    if (hash == null) {
      throw new IllegalStateException("KeySchema without a HASH key: " + keySchema);
    }
    return new Key(hash, range);
  }

  // ----------------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalStateException(where + " should be a mapping, not " + value);
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static String text(Map<String, Object> map, String key, String fallback) {
    Object value = map.get(key);
    if (value == null && fallback == null) {
      throw new IllegalStateException("Missing " + key + " in " + map);
    }
    return value == null ? fallback : String.valueOf(value);
  }

  private static int integer(Map<String, Object> properties, Map<String, Object> globals, String key, int fallback) {
    Object value = properties.containsKey(key) ? properties.get(key) : globals.get(key);
    return value instanceof Number number ? number.intValue() : fallback;
  }

  /**
   * SnakeYAML's safe constructor, except that an unknown local tag becomes CloudFormation's long
   * form instead of an error: {@code !Ref X} → {@code {Ref: X}}, {@code !Foo v} →
   * {@code {Fn::Foo: v}}. Global tags ({@code !!java.io.File}) are still refused.
   */
  static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(null, new ShortFormTag());
    }

    private final class ShortFormTag extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!")) {
          return undefinedConstructor.construct(node); // a global tag (!!java...): refused as before
        }
        String name = tag.substring(1);
        Object value = switch (node) {
          case ScalarNode scalar -> constructScalar(scalar);
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default -> throw new IllegalStateException("Unexpected YAML node " + node);
        };
        return Map.of(name.equals("Ref") ? "Ref" : "Fn::" + name, value);
      }
    }
  }
}
