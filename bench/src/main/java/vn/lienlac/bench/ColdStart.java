package vn.lienlac.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import vn.lienlac.functions.platform.Priming;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.lambda.ApiGatewayEvent;
import vn.lienlac.local.lambda.Artifacts;
import vn.lienlac.local.lambda.LambdaSandbox;
import vn.lienlac.local.lambda.RuntimeApi;
import vn.lienlac.local.template.SamTemplate;

/**
 * Cold starts under the Lambda emulation harness ({@link LambdaSandbox}): per run, mode and
 * function a fresh sandbox (a JVM running Lambda's own Java runtime client on the deployment jar,
 * a SnapStart function's environment, this JVM's DynamoDB Local), then two requests. Every
 * function of template.yaml, plus a floor ({@link FloorFunction}: the same SDK setup and one
 * GetItem), in three modes: on-demand (no SnapStart), SnapStart without priming, SnapStart with
 * priming. The SnapStart runtime runs the checkpoint hooks itself before it asks for work, so the
 * first request after it is what a request after a restore would meet (less the restore).
 *
 * <p>Usage: {@code ColdStart --functions-jar JAR --floor-classes DIR --runtime-classpath CP [--runs N] [--warmup N]}
 * (the floor runs in {@code --functions-jar}; each function in the jar the Makefile ships it in);
 * {@code ./bench/run-cold-start} builds and passes the paths.
 */
public final class ColdStart {
  static final String FLOOR = "floor";

  /** One sandbox's figures, in milliseconds. */
  record Run(double init, double first, double second, long classes) {
    double initPlusFirst() {
      return init + first;
    }
  }

  enum Mode {
    ON_DEMAND("on-demand", false, false),
    SNAPSTART("SnapStart, no priming", true, false),
    PRIMED("SnapStart + priming", true, true);

    final String label;
    final boolean snapStart;
    final boolean priming;

    Mode(String label, boolean snapStart, boolean priming) {
      this.label = label;
      this.snapStart = snapStart;
      this.priming = priming;
    }
  }

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
    Path jar = Path.of(required(options, "functions-jar"));
    Path floorClasses = Path.of(required(options, "floor-classes"));
    List<Path> runtimeClasspath = Arrays.stream(required(options, "runtime-classpath").split(java.io.File.pathSeparator))
        .map(Path::of).toList();
    String load = loadAverage();
    SamTemplate template = SamTemplate.read(SamTemplate.repositoryRoot().resolve("template.yaml"));
    Path floorCode = floorCode(floorClasses);

    System.out.println("Starting the local stack (in memory, seeded)...");
    try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withInMemory(true),
        new PrintStream(OutputStream.nullOutputStream(), false))) {
      String token = stack.issueToken(DemoApi.PARENT, Duration.ofHours(2));
      String child = new DemoApi(stack, DemoApi.PARENT).firstChild();
      Map<String, ApiGatewayEvent> requests = requests(template, token, child);
      String endpoint = stack.dynamo().client().serviceClientConfiguration().endpointOverride().orElseThrow().toString();

      Map<String, LambdaSandbox.Spec> specs = new LinkedHashMap<>();
      SamTemplate.Function first = template.functions().getFirst();
      specs.put(FLOOR, new LambdaSandbox.Spec(FLOOR, FloorFunction.class.getName() + "::handleRequest",
          first.memoryMb(), first.timeoutSeconds(), List.of(jar, floorCode),
          Map.of("TABLE_NAME", stack.dynamo().tableName(), "AWS_ENDPOINT_URL_DYNAMODB", endpoint), runtimeClasspath,
          Path.of(System.getProperty("java.home"), "bin", "java"), true, true));
      Artifacts artifacts = Artifacts.read(SamTemplate.repositoryRoot());
      for (SamTemplate.Function function : template.functions()) {
        if (!function.isHttp()) {
          continue; // SQS and schedule functions: no API request to time (yet)
        }
        // Each function in the jar the Makefile ships it in (Artifacts); the floor in the API functions' jar.
        specs.put(function.logicalId(), LambdaSandbox.Spec.of(function, List.of(artifacts.jarOf(function.logicalId())),
            stack.sandboxVariables(function), runtimeClasspath).withClassCount(true));
      }

      System.out.println(header(runs, warmup, load, jar, floorCode, runtimeClasspath, child));
      Map<Mode, Map<String, List<Run>>> results = new LinkedHashMap<>();
      for (int i = -warmup; i < runs; i++) {
        for (Mode mode : Mode.values()) {
          for (var entry : specs.entrySet()) {
            Run run = run(entry.getValue(), mode, requests.get(entry.getKey()));
            System.out.printf(Locale.ROOT, "%s %-22s %-17s init %7.1f  1st %7.1f  2nd %6.1f  classes %d%n",
                i < 0 ? "warm-up" : "run " + (i + 1), mode.label, entry.getKey(), run.init(), run.first(), run.second(),
                run.classes());
            if (i >= 0) {
              results.computeIfAbsent(mode, m -> new LinkedHashMap<>())
                  .computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(run);
            }
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

  /** The first and second request of each function: what a parent does first (floor: any event). */
  private static Map<String, ApiGatewayEvent> requests(SamTemplate template, String token, String child) {
    Map<String, ApiGatewayEvent> requests = new HashMap<>();
    requests.put(FLOOR, ApiGatewayEvent.of("GET", "/v1/me").bearer(token));
    requests.put("IdentityFunction", ApiGatewayEvent.of("GET", "/v1/me").bearer(token));
    requests.put("RecordsFunction", ApiGatewayEvent.of("GET", "/v1/students/{studentId}/grades")
        .path("studentId", child).query("term", Events.TERM).bearer(token));
    for (SamTemplate.Function function : template.functions()) {
      if (!requests.containsKey(function.logicalId())) {
        throw new IllegalStateException("ColdStart has no request for " + function.logicalId() + ": add one");
      }
    }
    return requests;
  }

  private static Run run(LambdaSandbox.Spec spec, Mode mode, ApiGatewayEvent request) {
    LambdaSandbox.Spec configured = spec.withSnapStart(mode.snapStart)
        .withVariables(mode.priming ? Map.of() : Map.of(Priming.VARIABLE, "off"));
    try (LambdaSandbox sandbox = LambdaSandbox.start(configured)) {
      RuntimeApi.Answer first = ok(sandbox, sandbox.invoke(request.toJson()));
      RuntimeApi.Answer second = ok(sandbox, sandbox.invoke(request.toJson()));
      double init = (sandbox.runtime().firstNext().join() - sandbox.spawnNanos()) / 1e6;
      return new Run(init, first.millis(), second.millis(), sandbox.classesLoaded());
    }
  }

  private static RuntimeApi.Answer ok(LambdaSandbox sandbox, RuntimeApi.Answer answer) {
    if (answer.error() || !answer.payload().contains("\"statusCode\":200")) {
      throw new IllegalStateException(sandbox.spec().functionName() + " answered " + answer.payload() + "\n"
          + sandbox.output());
    }
    return answer;
  }

  static String table(Map<Mode, Map<String, List<Run>>> results) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%-22s %-17s %19s %17s %14s %8s %10s %15s%n", "medians (min-max), ms", "function", "init", "1st request",
        "2nd request", "classes", "1st/floor", "init+1st/floor"));
    results.forEach((mode, byFunction) -> {
      List<Run> floor = byFunction.get(FLOOR);
      String label = mode.label;
      for (var entry : byFunction.entrySet()) {
        List<Run> runs = entry.getValue();
        out.append(String.format(Locale.ROOT, "%-22s %-17s %19s %17s %14s %8d %9.1fx %14.1fx%n", label, entry.getKey(),
            spread(runs, Run::init), spread(runs, Run::first), spread(runs, Run::second),
            (long) median(runs, r -> r.classes()),
            median(runs, Run::first) / median(floor, Run::first),
            median(runs, Run::initPlusFirst) / median(floor, Run::initPlusFirst)));
        label = "";
      }
    });
    return out.toString();
  }

  private static String spread(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(values), values[0], values[values.length - 1]);
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
    return median(runs.stream().mapToDouble(metric).sorted().toArray());
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The floor's classes only (not JMH's and the benchmarks'), as a folder for the task root. */
  private static Path floorCode(Path classes) throws IOException {
    Path folder = Files.createTempDirectory("lienlac-floor-");
    Path packageDir = Path.of(FloorFunction.class.getPackageName().replace('.', '/'));
    Files.createDirectories(folder.resolve(packageDir));
    try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().startsWith(FloorFunction.class.getSimpleName())) {
          Files.copy(file, folder.resolve(packageDir).resolve(file.getFileName()));
        }
      }
    }
    folder.toFile().deleteOnExit();
    return folder;
  }

  private static String header(int runs, int warmup, String load, Path jar, Path floorCode, List<Path> runtime,
      String child) throws IOException {
    long floorBytes;
    try (Stream<Path> files = Files.walk(floorCode)) {
      floorBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    return String.format(Locale.ROOT, """
        Cold start under the Lambda emulation harness: a fresh sandbox per run, mode and function, %d runs each after %d
        warm-up run(s) not counted; %d CPUs, load average %s before the stack started; %s %s (%s); DynamoDB Local in this JVM.
          artifact: %s, %.1f MB (every function); floor: the same jar + %s (%d bytes)
          runtime: %s
          requests: identity GET /v1/me, records GET /v1/students/%s/grades, floor one GetItem; caller %s
          init = sandbox start -> the runtime's first invocation/next (JVM, runtime client, handler constructor;
                 with SnapStart also the checkpoint hooks); 1st/2nd = event handed over -> answer posted back;
                 classes = loaded by the end of the 2nd request (-Xlog:class+load)
        """, runs, warmup, Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.arch"), jar.getFileName(), Files.size(jar) / 1e6,
        FloorFunction.class.getSimpleName(), floorBytes,
        String.join(", ", runtime.stream().map(p -> p.getFileName().toString()).toList()), child, DemoApi.PARENT);
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
      What this leaves out: the Firecracker microVM, and with SnapStart the snapshot and its restore
      (here the checkpoint hooks run and the sandbox goes on in the same process, so the 1st request
      after them stands for the 1st request after a restore, without the restore itself and without
      the page faults of a restored memory image); the CPU share of a 1024 MB function (about 0.6
      vCPU; here 2 shared cores); arm64 and Corretto 21 with Lambda's CDS archive of its runtime (here
      this machine's CPU and JDK, -Xshare:auto); a real DynamoDB round trip (here DynamoDB Local in
      the runner JVM, sharing the CPUs). Figures are indicative: compare them with each other, on one
      machine, not with Lambda's.""";

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required (./bench/run-cold-start passes it)");
    }
    return value;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> known = List.of("runs", "warmup", "functions-jar", "floor-classes", "runtime-classpath");
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 == args.length) {
        throw new IllegalArgumentException("Usage: ColdStart [--runs N] [--warmup N] --functions-jar JAR"
            + " --floor-classes DIR --runtime-classpath CP; got " + String.join(" ", args));
      }
      options.put(name, args[++i]);
    }
    return options;
  }
}
