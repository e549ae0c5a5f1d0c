package vn.lienlac.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;

/**
 * {@code ./lienlac privacy affected}: the breach runbook's query (docs/PRIVACY.md). From the access
 * log of one school in a time window (gsi1 {@code ACCESS#S#{school}}, gsi1sk from {@code --from} to
 * {@code --to}), optionally narrowed to one actor (a leaked account), a resource code
 * ({@code grades}, {@code attendance}, ...) or a resource path prefix, it lists the pupils whose
 * records were read or changed, what and how often, and their guardians (ids and relationship;
 * names only with {@code --with-contacts}; phones never: the school contacts the families through
 * its own channels, or the operator reads them from the user pool, see docs/PRIVACY.md), as CSV
 * or JSON on standard output.
 *
 * <p>A whole-class entry ({@code ACCESS#S#{school}#C#{class}}) counts for every current member of
 * the class ({@code S#{school}#C#{class}} / {@code MEMBER#{student}}); a school-wide one
 * ({@code ACCESS#S#{school}#SCHOOL}, roster import rows) is one row with studentId {@code *}: every
 * pupil of the school. Reads only (Query and GetItem).
 *
 * <p>The table: {@code --table NAME} (or {@code TABLE_NAME}), at {@code --endpoint URL} (or
 * {@code AWS_ENDPOINT_URL_DYNAMODB}; the local stack prints its own), with the credentials of the
 * environment ({@code AWS_ACCESS_KEY_ID} ..., or {@code --local} for DynamoDB Local).
 */
public final class PrivacyCommand {
  static final String USAGE = """
      usage: ./lienlac privacy affected --school ID --from INSTANT --to INSTANT
               [--actor SUB] [--what CODE] [--resource PREFIX] [--with-contacts] [--format csv|json]
               [--table NAME] [--endpoint URL] [--region REGION] [--local]
        INSTANT: UTC, e.g. 2026-11-01T00:00:00Z (or 2026-11-01T00:00, read as UTC)
        --actor     only what this account (sub) read or changed: a leaked session or password
        --what      only this resource code (grades, attendance, leave, invoices, conversation, ...)
        --resource  only entries whose resource starts with this (a route template, e.g. /v1/classes/)
        --with-contacts  add the guardians' display names (phones stay in the user pool)
      """;
  private static final String GSI1 = Keys.GSI1;
  private static final String ACCESS = "ACCESS#";
  /** The row of school-wide entries: every pupil of the school is concerned (no guardians listed one by one). */
  static final String SCHOOL_WIDE = "*";
  /** The sort key's instant: ISO-8601 UTC with milliseconds always ({@code Instant.toString} drops zero ones). */
  static final java.time.format.DateTimeFormatter MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  public PrivacyCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(new PrivacyCommand(new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8), System.getenv()).run(args));
  }

  record Options(String school, Instant from, Instant to, String actor, String what, String resource,
      boolean withContacts, boolean json, String table, String endpoint, String region, boolean local) {}

  /** One access-log entry as the query reads it. */
  record Entry(String pk, String at, String actorId, String role, String action, String what, String resource,
      String requestId) {}

  /** The exit status: 0 done, 2 bad arguments, 1 the table could not be read. */
  public int run(String... args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("lienlac privacy: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      Map<String, String> env = new HashMap<>(environment);
      env.put("TABLE_NAME", options.table());
      if (options.endpoint() != null) {
        env.put("AWS_ENDPOINT_URL_DYNAMODB", options.endpoint());
      }
      if (options.region() != null) {
        env.put("AWS_REGION", options.region());
      }
      if (options.local()) {
        env.put(Dynamo.LOCAL_CREDENTIALS, "true");
      }
      Dynamo dynamo = Dynamo.fromEnvironment(Environment.of(env));
      affected(dynamo, options);
      return 0;
    } catch (RuntimeException e) {
      err.println("lienlac privacy: the access log could not be read: " + e.getMessage());
      return 1;
    }
  }

  private void affected(Dynamo dynamo, Options o) {
    List<Entry> entries = new ArrayList<>();
    query(dynamo, o, entries::add);
    // Per pupil: what was touched, how often, when, by whom.
    Map<String, Exposure> byPupil = new TreeMap<>();
    Map<String, List<String>> members = new HashMap<>();
    for (Entry entry : entries) {
      String scope = entry.pk().substring((ACCESS + Keys.school(o.school()) + "#").length());
      List<String> pupils;
      String classId = null;
      if (scope.startsWith("ST#")) {
        pupils = List.of(scope.substring(3));
      } else if (scope.startsWith("C#")) {
        classId = scope.substring(2);
        pupils = members.computeIfAbsent(classId, c -> classMembers(dynamo, o.school(), c));
      } else {
        // ACCESS#S#{school}#SCHOOL: a school-wide read that named pupils (roster import rows): one row, every pupil.
        pupils = List.of(SCHOOL_WIDE);
      }
      for (String pupil : pupils) {
        Exposure exposure = byPupil.computeIfAbsent(pupil, Exposure::new);
        exposure.add(entry, classId);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Exposure exposure : byPupil.values()) {
      List<Map<String, AttributeValue>> guardians = exposure.studentId.equals(SCHOOL_WIDE) ? List.of()
          : guardians(dynamo, o.school(), exposure.studentId);
      if (guardians.isEmpty()) {
        rows.add(exposure.row(null, null, null));
      }
      for (Map<String, AttributeValue> grant : guardians) {
        String sub = grant.get("userId") == null ? null : grant.get("userId").s();
        String relationship = grant.get("relationship") == null ? null : grant.get("relationship").s();
        String name = o.withContacts() && sub != null ? displayName(dynamo, o.school(), sub) : null;
        rows.add(exposure.row(sub, relationship, o.withContacts() ? Optional.ofNullable(name).orElse("") : null));
      }
    }
    if (o.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("school", o.school());
      document.put("from", o.from().toString());
      document.put("to", o.to().toString());
      document.put("entries", entries.size());
      document.put("pupils", byPupil.size());
      document.put("rows", rows);
      try {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      List<String> columns = new ArrayList<>(List.of("studentId", "classIds", "guardianSub", "relationship"));
      if (o.withContacts()) {
        columns.add("guardianName");
      }
      columns.addAll(List.of("what", "actions", "entries", "firstAt", "lastAt", "actors"));
      out.println(String.join(",", columns));
      for (Map<String, Object> row : rows) {
        out.println(String.join(",", columns.stream().map(c -> csv(row.get(c))).toList()));
      }
    }
    err.printf("lienlac privacy: %d access-log entries in %s from %s to %s: %d pupils, %d rows%n", entries.size(),
        o.school(), o.from(), o.to(), byPupil.size(), rows.size());
  }

  /** What one pupil was exposed to in the window. */
  private static final class Exposure {
    final String studentId;
    final TreeSet<String> classIds = new TreeSet<>();
    final TreeSet<String> what = new TreeSet<>();
    final TreeSet<String> actions = new TreeSet<>();
    final TreeSet<String> actors = new TreeSet<>();
    int entries;
    String first;
    String last;

    Exposure(String studentId) {
      this.studentId = studentId;
    }

    void add(Entry entry, String classId) {
      entries++;
      if (classId != null) {
        classIds.add(classId);
      }
      if (entry.what() != null) {
        what.add(entry.what());
      }
      if (entry.action() != null) {
        actions.add(entry.action());
      }
      if (entry.actorId() != null) {
        actors.add(entry.actorId() + (entry.role() == null ? "" : "(" + entry.role() + ")"));
      }
      first = first == null || entry.at().compareTo(first) < 0 ? entry.at() : first;
      last = last == null || entry.at().compareTo(last) > 0 ? entry.at() : last;
    }

    Map<String, Object> row(String guardianSub, String relationship, String guardianName) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("studentId", studentId);
      row.put("classIds", String.join(" ", classIds));
      row.put("guardianSub", guardianSub);
      row.put("relationship", relationship);
      if (guardianName != null) {
        row.put("guardianName", guardianName);
      }
      row.put("what", String.join(" ", what));
      row.put("actions", String.join(" ", actions));
      row.put("entries", entries);
      row.put("firstAt", first);
      row.put("lastAt", last);
      row.put("actors", String.join(" ", actors));
      return row;
    }
  }

  /** gsi1 {@code ACCESS#S#{school}}, gsi1sk between the two instants (sk = {@code {instant}#{requestId}#{n}}). */
  private static void query(Dynamo dynamo, Options o, Consumer<Entry> sink) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", "gsi1pk", "#sk", "gsi1sk"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":pk", AttributeValue.fromS(ACCESS + Keys.school(o.school())),
        ":from", AttributeValue.fromS(MILLIS.format(o.from())),
        // "~" sorts after every character of an entry's "#{requestId}#{n}" tail: the end instant is included.
        ":to", AttributeValue.fromS(MILLIS.format(o.to()) + "~")));
    List<String> filters = new ArrayList<>();
    if (o.actor() != null) {
      filters.add("actorId = :actor");
      values.put(":actor", AttributeValue.fromS(o.actor()));
    }
    if (o.what() != null) {
      filters.add("#what = :what");
      names.put("#what", "what");
      values.put(":what", AttributeValue.fromS(o.what()));
    }
    if (o.resource() != null) {
      filters.add("begins_with(#resource, :resource)");
      names.put("#resource", "resource");
      values.put(":resource", AttributeValue.fromS(o.resource()));
    }
    QueryRequest.Builder request = QueryRequest.builder().tableName(dynamo.tableName()).indexName(GSI1)
        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
        .expressionAttributeNames(names).expressionAttributeValues(values);
    if (!filters.isEmpty()) {
      request.filterExpression(String.join(" AND ", filters));
    }
    dynamo.client().queryPaginator(request.build()).items().forEach(item -> sink.accept(new Entry(
        s(item, Keys.PK), s(item, "at") == null ? s(item, "gsi1sk").split("#")[0] : s(item, "at"), s(item, "actorId"),
        s(item, "role"), s(item, "action"), s(item, "what"), s(item, "resource"), s(item, "requestId"))));
  }

  private static List<String> classMembers(Dynamo dynamo, String school, String classId) {
    List<String> members = new ArrayList<>();
    dynamo.client().queryPaginator(QueryRequest.builder().tableName(dynamo.tableName())
        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.schoolClass(school, classId)),
            ":m", AttributeValue.fromS("MEMBER#"))).build())
        .items().forEach(item -> members.add(item.get(Keys.SK).s().substring("MEMBER#".length())));
    return members;
  }

  /** The pupil's guardian grants: gsi1 {@code S#{school}#ST#{student}} / {@code GUARDIAN#{sub}}. */
  private static List<Map<String, AttributeValue>> guardians(Dynamo dynamo, String school, String studentId) {
    List<Map<String, AttributeValue>> grants = new ArrayList<>();
    dynamo.client().queryPaginator(QueryRequest.builder().tableName(dynamo.tableName()).indexName(GSI1)
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :g)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.student(school, studentId)),
            ":g", AttributeValue.fromS("GUARDIAN#"))).build()).items().forEach(grants::add);
    return grants;
  }

  /** The guardian's display name on their PARENT role grant in the school. */
  private static String displayName(Dynamo dynamo, String school, String sub) {
    var item = dynamo.client().getItem(r -> r.tableName(dynamo.tableName()).key(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.user(sub)),
        Keys.SK, AttributeValue.fromS(Keys.school(school) + "#ROLE#PARENT")))).item();
    return item == null ? null : s(item, "displayName");
  }

  private static String s(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static String csv(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  // --- arguments -----------------------------------------------------------------------------------

  Options parse(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      return null;
    }
    if (!args[0].equals("affected")) {
      throw new IllegalArgumentException("unknown subcommand " + args[0] + " (affected)");
    }
    String school = null;
    Instant from = null;
    Instant to = null;
    String actor = null;
    String what = null;
    String resource = null;
    boolean contacts = false;
    boolean json = false;
    String table = environment.get("TABLE_NAME");
    String endpoint = environment.get("AWS_ENDPOINT_URL_DYNAMODB");
    String region = null;
    boolean local = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--school" -> school = id(value(args, ++i, arg), arg);
        case "--from" -> from = instant(value(args, ++i, arg), arg);
        case "--to" -> to = instant(value(args, ++i, arg), arg);
        case "--actor" -> actor = id(value(args, ++i, arg), arg);
        case "--what" -> what = value(args, ++i, arg);
        case "--resource" -> resource = value(args, ++i, arg);
        case "--with-contacts" -> contacts = true;
        case "--format" -> {
          String format = value(args, ++i, arg);
          if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format is csv or json, not " + format);
          }
          json = format.equals("json");
        }
        case "--table" -> table = value(args, ++i, arg);
        case "--endpoint" -> endpoint = value(args, ++i, arg);
        case "--region" -> region = value(args, ++i, arg);
        case "--local" -> local = true;
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (school == null || from == null || to == null) {
      throw new IllegalArgumentException("--school, --from and --to are required");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("the table: --table NAME (or TABLE_NAME)");
    }
    return new Options(school, from, to, actor, what, resource, contacts, json, table, endpoint, region, local);
  }

  private static String id(String value, String option) {
    if (!Ids.isValid(value)) {
      throw new IllegalArgumentException(option + " is not a valid id: " + value);
    }
    return value;
  }

  private static Instant instant(String text, String option) {
    try {
      return text.endsWith("Z") ? Instant.parse(text) : Instant.parse(text + (text.length() == 16 ? ":00Z" : "Z"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a UTC instant such as 2026-11-01T00:00:00Z, not " + text);
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
