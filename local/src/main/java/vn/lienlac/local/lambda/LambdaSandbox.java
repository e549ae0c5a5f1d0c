package vn.lienlac.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.local.template.SamTemplate;

/**
 * One Lambda execution environment of a function, emulated on this machine: a fresh JVM running
 * the real Lambda Java runtime interface client ({@value #RUNTIME_MAIN}, with the handler as its
 * argument), started the way Lambda's java21 runtime starts it, in a task root laid out as
 * {@code sam build} lays it out (the deployment jar in {@code lib/}), with the environment a
 * SnapStart function gets: region, function name and memory, {@code snap-start} initialisation,
 * container credentials served by its own {@link RuntimeApi} (and no access-key variables), the
 * function's own variables. Events go in as JSON through the fake Runtime API.
 */
public final class LambdaSandbox implements AutoCloseable {
  public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  public static final String REGION = "ap-southeast-1";
  public static final String ACCOUNT = "000000000000";
  /** Variables Lambda never sets for a SnapStart function; giving one would hide a credentials bug. */
  static final Set<String> REFUSED = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      Dynamo.LOCAL_CREDENTIALS);
  private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  /** How long a cold start may take on a busy 2-core machine before an invocation gives up. */
  private static final Duration COLD_START_ALLOWANCE = Duration.ofSeconds(60);

  private final Spec spec;
  private final RuntimeApi runtime;
  private final Path root;
  private final Process process;
  private final long spawnNanos;

  /**
   * How to start a function. {@code code}: jars go to {@code lib/} (as the Makefile ships the
   * deployment jar), folders are copied into the task root. {@code variables}: the function's own
   * (template.yaml's, plus the DynamoDB endpoint). {@code runtimeClasspath}: the runtime interface
   * client and its libraries (Lambda's {@code /var/runtime/lib}). {@code snapStart}: false starts
   * it as an on-demand function (no checkpoint hooks). {@code countClasses}: log class loading to
   * count it ({@link #classesLoaded()}).
   */
  public record Spec(String functionName, String handler, int memoryMb, int timeoutSeconds, List<Path> code,
      Map<String, String> variables, List<Path> runtimeClasspath, Path java, boolean snapStart, boolean countClasses) {

    public Spec {
      code = List.copyOf(code);
      variables = Map.copyOf(variables);
      runtimeClasspath = List.copyOf(runtimeClasspath);
      List<String> refused = variables.keySet().stream().filter(REFUSED::contains).sorted().toList();
      if (!refused.isEmpty()) {
        throw new IllegalArgumentException(functionName + ": Lambda does not set " + refused + " for a SnapStart function");
      }
    }

    /** A template function: its handler, memory, timeout; the JVM running this code; SnapStart on. */
    public static Spec of(SamTemplate.Function function, List<Path> code, Map<String, String> variables,
        List<Path> runtimeClasspath) {
      return new Spec(function.logicalId(), function.handler(), function.memoryMb(), function.timeoutSeconds(), code,
          variables, runtimeClasspath, Path.of(System.getProperty("java.home"), "bin", "java"), true, false);
    }

    public Spec withSnapStart(boolean on) {
      return new Spec(functionName, handler, memoryMb, timeoutSeconds, code, variables, runtimeClasspath, java, on,
          countClasses);
    }

    public Spec withClassCount(boolean on) {
      return new Spec(functionName, handler, memoryMb, timeoutSeconds, code, variables, runtimeClasspath, java,
          snapStart, on);
    }

    public Spec withVariables(Map<String, String> extra) {
      Map<String, String> all = new LinkedHashMap<>(variables);
      all.putAll(extra);
      return new Spec(functionName, handler, memoryMb, timeoutSeconds, code, all, runtimeClasspath, java, snapStart,
          countClasses);
    }
  }

  private LambdaSandbox(Spec spec, RuntimeApi runtime, Path root, Process process, long spawnNanos) {
    this.spec = spec;
    this.runtime = runtime;
    this.root = root;
    this.process = process;
    this.spawnNanos = spawnNanos;
  }

  /** Lays out the task root and starts the runtime; returns at once (init goes on in the child). */
  public static LambdaSandbox start(Spec spec) {
    RuntimeApi runtime = new RuntimeApi("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + spec.functionName()
        + ":1", Duration.ofSeconds(spec.timeoutSeconds()));
    Path root = null;
    try {
      root = Files.createTempDirectory("lienlac-lambda-");
      Path task = root.resolve("task");
      Path runtimeDir = root.resolve("runtime");
      Files.createDirectories(task.resolve("lib"));
      for (Path code : spec.code()) {
        if (Files.isDirectory(code)) {
          copyTree(code, task);
        } else {
          Files.copy(code, task.resolve("lib").resolve(code.getFileName()));
        }
      }
      Path jni = extractNativeLibrary(spec.runtimeClasspath(), runtimeDir.resolve("jni"));

      List<String> command = new ArrayList<>(List.of(spec.java().toString()));
      command.addAll(jvmOptions(spec.memoryMb()));
      command.add("-D" + JNI_PROPERTY + "=" + jni);
      if (spec.countClasses()) {
        command.add("-Xlog:class+load=info:file=" + root.resolve("classes.log"));
      }
      command.addAll(List.of("-classpath", spec.runtimeClasspath().stream().map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator)), RUNTIME_MAIN, spec.handler()));

      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(task.toFile())
          .redirectErrorStream(true)
          .redirectOutput(root.resolve("output.log").toFile());
      builder.environment().clear();
      builder.environment().putAll(environment(spec, runtime, task, runtimeDir));
      long spawn = System.nanoTime();
      return new LambdaSandbox(spec, runtime, root, builder.start(), spawn);
    } catch (IOException | RuntimeException e) {
      runtime.close();
      deleteTree(root);
      throw e instanceof IOException io ? new UncheckedIOException(spec.functionName() + ": cannot start", io)
          : (RuntimeException) e;
    }
  }

  /**
   * The java command line of Lambda's Java runtime (as dumped from its bootstrap), less what only
   * exists there (its CDS archive of the runtime's classes: here the JDK's default one, and the
   * Log4j hot-patch agent). The heap is 85 % of the function's memory, as there.
   */
  static List<String> jvmOptions(int memoryMb) {
    return List.of(
        "-XX:MaxHeapSize=" + memoryMb * 1024 * 85 / 100 + "k",
        "-XX:+UseSerialGC",
        "-Xshare:auto",
        "-XX:+TieredCompilation",
        "-XX:TieredStopAtLevel=1",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
        "-Djava.net.preferIPv4Stack=true",
        "-XX:+ErrorFileToStderr",
        // Not in Lambda's (JDK 21 there): JDK 24+ would warn about the runtime client's System.load.
        "--enable-native-access=ALL-UNNAMED");
  }

  private static Map<String, String> environment(Spec spec, RuntimeApi runtime, Path task, Path runtimeDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
    env.put("_HANDLER", spec.handler());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", spec.snapStart() ? "snap-start" : "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.functionName());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.now(ZoneOffset.UTC))
        + "/[1]" + HexFormat.of().formatHex(RuntimeApi.randomBytes(16)));
    // template.yaml's LoggingConfig: JSON, INFO.
    env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
    env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
    env.put("AWS_REGION", REGION);
    env.put("AWS_DEFAULT_REGION", REGION);
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", runtime.credentialsUri().toString());
    env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", runtime.token());
    env.put("LAMBDA_TASK_ROOT", task.toString());
    env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.putAll(spec.variables());
    return env;
  }

  /**
   * The runtime client's native library (its HTTP client for the Runtime API) for this machine,
   * extracted once per sandbox and passed by path, as Lambda does: left to itself the client
   * extracts it to one fixed file in /tmp that concurrent JVMs would overwrite.
   */
  static Path extractNativeLibrary(List<Path> runtimeClasspath, Path folder) throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      default -> null;
    };
    if (!os.contains("linux") || arch == null) {
      throw new IllegalStateException("The Lambda runtime interface client ships its native library for Linux"
          + " x86-64 and arm64 only; this is " + os + " " + System.getProperty("os.arch"));
    }
    String entry = "jni/libaws-lambda-jni.linux-" + arch + ".so";
    for (Path jar : runtimeClasspath) {
      if (!jar.toString().endsWith(".jar")) {
        continue;
      }
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        var found = zip.getEntry(entry);
        if (found != null) {
          Files.createDirectories(folder);
          Path target = folder.resolve(entry.substring("jni/".length()));
          try (InputStream in = zip.getInputStream(found)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          return target;
        }
      }
    }
    throw new IllegalStateException(entry + " is in none of " + runtimeClasspath);
  }

  /** Sends one event and waits for the runtime's answer; fails with the sandbox's log if it dies or errs at init. */
  public RuntimeApi.Answer invoke(String eventJson) {
    CompletableFuture<RuntimeApi.Answer> answer = runtime.submit(eventJson);
    long deadline = System.nanoTime() + Duration.ofSeconds(spec.timeoutSeconds()).plus(COLD_START_ALLOWANCE).toNanos();
    while (true) {
      try {
        return answer.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (runtime.initError().isDone()) {
          throw failure("init failed: " + runtime.initError().join());
        }
        if (!process.isAlive()) {
          throw failure("the runtime exited with status " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
          throw failure("no answer in time");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted");
      } catch (ExecutionException e) {
        throw failure(String.valueOf(e.getCause()));
      }
    }
  }

  private IllegalStateException failure(String what) {
    return new IllegalStateException(spec.functionName() + ": " + what + "\n--- sandbox output ---\n" + output());
  }

  public RuntimeApi runtime() {
    return runtime;
  }

  public Spec spec() {
    return spec;
  }

  /** {@link System#nanoTime()} just before the JVM was started. */
  public long spawnNanos() {
    return spawnNanos;
  }

  /** What the runtime printed (its logs, the function's logs), the last 20,000 characters. */
  public String output() {
    try {
      String text = Files.readString(root.resolve("output.log"), StandardCharsets.UTF_8);
      return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
    } catch (IOException | UncheckedIOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Classes the JVM has loaded so far (needs {@link Spec#countClasses()}). */
  public long classesLoaded() {
    try (Stream<String> lines = Files.lines(root.resolve("classes.log"))) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      runtime.close();
      deleteTree(root);
    }
  }


  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is not worth failing for
    }
  }
}
