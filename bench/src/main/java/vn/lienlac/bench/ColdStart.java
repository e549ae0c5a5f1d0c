package vn.lienlac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import vn.lienlac.functions.identity.IdentityFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.records.RecordsFunction;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.template.SamTemplate;

/**
 * Cold starts of the deployed functions, approximated on this machine: one {@link LocalStack} (in
 * memory) in this JVM, then per run and function a fresh JVM ({@link ColdStartProbe}) with the
 * functions' Lambda jar on its class path, pointed at this JVM's DynamoDB Local. Prints each run's
 * timings, then min / median / p90 / max per function.
 *
 * <p>Usage: {@code ColdStart [--runs N] [--warmup N] [--functions-jar JAR] [--probe-classpath DIR]
 * [--java BIN] [--jvm-args "FLAGS"]}; {@code ./bench/run-cold-start} builds and passes the paths.
 */
public final class ColdStart {
  /** What a 1024 MB Lambda JVM has anyway (template.yaml sets no JAVA_TOOL_OPTIONS). */
  static final String LAMBDA_FLAGS = "-Xshare:auto -XX:+UseSerialGC";

  /** One function to start: its handler and the request its probe sends. */
  record Target(String name, Class<?> handler, String studentId) {}

  /** What the runner sees from outside, and what the probe printed. */
  record Run(double spawnToMain, double total, JsonNode probe) {
    double value(Metric metric) {
      return switch (metric.source) {
        case "spawnToMain" -> spawnToMain;
        case "total" -> total;
        case "initPlusFirst" -> probe.get("initMillis").asDouble() + probe.get("firstRequestMillis").asDouble();
        default -> probe.get(metric.source).asDouble();
      };
    }
  }

  enum Metric {
    SPAWN_TO_MAIN("spawn → main (runner clock)", "spawnToMain"),
    JVM_TO_MAIN("JVM start → main (RuntimeMXBean)", "jvmToMainMillis"),
    INIT("init: handler constructor", "initMillis"),
    FIRST("1st request", "firstRequestMillis"),
    SECOND("2nd request", "secondRequestMillis"),
    INIT_PLUS_FIRST("init + 1st request", "initPlusFirst"),
    TOTAL("spawn → exit", "total");

    final String label;
    final String source;

    Metric(String label, String source) {
      this.label = label;
      this.source = source;
    }
  }

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options;
    int runs;
    int warmup;
    try {
      options = options(args);
      runs = Integer.parseInt(options.getOrDefault("runs", "10"));
      warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
      if (runs < 1 || warmup < 0) {
        throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("ColdStart: " + e.getMessage());
      System.exit(2);
      return;
    }
    String load = loadAverage();
    Path root = SamTemplate.repositoryRoot();
    Path jar = options.containsKey("functions-jar") ? Path.of(options.get("functions-jar")) : functionsJar(root);
    Path probe = Path.of(options.getOrDefault("probe-classpath", root.resolve("bench/target/classes").toString()));
    String javaBin = options.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> flags = Arrays.stream(options.getOrDefault("jvm-args", LAMBDA_FLAGS).split("\\s+"))
        .filter(flag -> !flag.isEmpty()).toList();
    for (Path required : List.of(jar, probe.resolve(ColdStartProbe.class.getName().replace('.', '/') + ".class"))) {
      if (!Files.exists(required)) {
        throw new IllegalStateException(required + " is missing: run ./bench/run-cold-start, which builds it");
      }
    }

    System.out.println("Starting the local stack (in memory, seeded: 20–30 s)...");
    long started = System.nanoTime();
    try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true),
        new PrintStream(OutputStream.nullOutputStream(), false))) {
      System.out.printf(Locale.ROOT, "Local stack up in %.1f s.%n", (System.nanoTime() - started) / 1e9);
      String child = new DemoApi(stack, DemoApi.PARENT).firstChild();
      List<Target> targets = List.of(
          new Target("identity  GET /v1/me", IdentityFunction.class, "-"),
          new Target("records   GET …/grades", RecordsFunction.class, child));
      Map<String, String> environment = environment(stack.dynamo());
      List<String> command = new ArrayList<>(List.of(javaBin));
      command.addAll(flags);
      command.addAll(List.of("-cp", jar + File.pathSeparator + probe, ColdStartProbe.class.getName()));

      System.out.println(header(javaBin, flags, jar, runs, warmup, child, load));
      Map<Target, List<Run>> results = new LinkedHashMap<>();
      for (int i = -warmup; i < runs; i++) {
        for (Target target : targets) {
          Run run = spawn(command, target, environment);
          System.out.println((i < 0 ? "warm-up " : "run " + (i + 1) + " ") + run.probe());
          if (i >= 0) {
            results.computeIfAbsent(target, t -> new ArrayList<>()).add(run);
          }
        }
      }
      System.out.println();
      System.out.print(table(results));
      System.out.println();
      System.out.println(CAVEATS);
    }
    // DynamoDB Local leaves a thread behind after it stops.
    System.exit(0);
  }

  /** What template.yaml gives each function (the table) and Lambda sets (the region), plus the local endpoint. */
  private static Map<String, String> environment(Dynamo dynamo) {
    var configuration = dynamo.client().serviceClientConfiguration();
    URI endpoint = configuration.endpointOverride()
        .orElseThrow(() -> new IllegalStateException("The local stack's client has no endpoint override"));
    return Map.of(
        "TABLE_NAME", dynamo.tableName(),
        "AWS_REGION", configuration.region().id(),
        "AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString(),
        "TZ", ":UTC");
  }

  private static Run spawn(List<String> baseCommand, Target target, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(baseCommand);
    command.addAll(List.of(target.handler().getName(), DemoApi.PARENT, target.studentId()));
    ProcessBuilder builder = new ProcessBuilder(command);
    // Only what Lambda would set: no JAVA_TOOL_OPTIONS, credentials or proxies from this shell.
    builder.environment().clear();
    builder.environment().putAll(environment);
    long spawnMillis = System.currentTimeMillis();
    long spawnNanos = System.nanoTime();
    Process process = builder.start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    int exit = process.waitFor();
    double total = (System.nanoTime() - spawnNanos) / 1e6;
    String line = stdout.lines().filter(l -> l.startsWith(ColdStartProbe.MARKER)).findFirst().orElse(null);
    if (exit != 0 || line == null) {
      throw new IllegalStateException(target.name() + ": the probe exited with " + exit + "\n" + stdout + stderr.join());
    }
    JsonNode probe = Json.MAPPER.readTree(line.substring(ColdStartProbe.MARKER.length()));
    return new Run(probe.get("mainEpochMillis").asLong() - spawnMillis, total, probe);
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String table(Map<Target, List<Run>> results) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %-34s %8s %8s %8s %8s%n",
        "function", "ms", "min", "median", "p90", "max"));
    results.forEach((target, runs) -> {
      String name = target.name();
      for (Metric metric : Metric.values()) {
        double[] values = runs.stream().mapToDouble(r -> r.value(metric)).sorted().toArray();
        out.append(String.format(Locale.ROOT, "%-24s %-34s %8.1f %8.1f %8.1f %8.1f%n", name, metric.label,
            values[0], median(values), values[(int) Math.ceil(0.9 * values.length) - 1], values[values.length - 1]));
        name = "";
      }
    });
    return out.toString();
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String header(String javaBin, List<String> flags, Path jar, int runs, int warmup, String child,
      String load) {
    return String.format(Locale.ROOT, """
        Cold start: a fresh JVM per run and function, %d runs each after %d warm-up run(s) not counted;
        %d CPUs, load average %s before the stack started, %s %s (%s), DynamoDB Local in this JVM.
          %s %s -cp %s:%s %s <handler> %s <student id, or - for /v1/me>
        """, runs, warmup, Runtime.getRuntime().availableProcessors(), load,
        System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"),
        javaBin, String.join(" ", flags), jar.getFileName(), "<probe classes>", ColdStartProbe.class.getName(),
        DemoApi.PARENT) + "  (child of " + DemoApi.PARENT + ": " + child + ")";
  }

  /** The 1-minute load average where the OS tells it: other work on the machine skews every figure. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static final String CAVEATS = """
      This approximates a Lambda cold start WITHOUT SnapStart, on this machine: there is no Lambda
      runtime here. Left out: the Firecracker microVM and the Lambda runtime's own start (its runtime
      interface client, the Runtime API round trips, the event's JSON decoding); unpacking the code
      (Lambda unpacks the jar into /var/task, here classes come from the jar); the CPU share of a
      1024 MB function (about 0.6 vCPU; here 2 cores); arm64 and Corretto 21 (here this machine's
      CPU and JDK); a real DynamoDB round trip (here loopback to DynamoDB Local, which runs in the
      runner JVM and shares the CPUs). In AWS the functions use SnapStart: init is replaced by a
      snapshot restore, and the first request after a restore is closer to the "1st request" row
      than to "init + 1st request". Figures are indicative: compare them with each other, on one
      machine, not with Lambda's.""";

  /** The shaded jar the functions module builds (…-lambda.jar), whatever the version. */
  private static Path functionsJar(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("functions/target"))) {
      return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No functions/target/*-lambda.jar: run ./bench/run-cold-start"));
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> known = List.of("runs", "warmup", "functions-jar", "probe-classpath", "java", "jvm-args");
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 == args.length) {
        throw new IllegalArgumentException("Usage: ColdStart [--runs N] [--warmup N] [--functions-jar JAR]"
            + " [--probe-classpath DIR] [--java BIN] [--jvm-args \"FLAGS\"]; got " + String.join(" ", args));
      }
      options.put(name, args[++i]);
    }
    return options;
  }
}
