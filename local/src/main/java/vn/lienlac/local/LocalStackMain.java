package vn.lienlac.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import vn.lienlac.local.gateway.DevGateway;
import vn.lienlac.local.seed.DevUser;

/** {@code ./lienlac serve}: starts the {@link LocalStack}, prints how to use it, stops on Ctrl-C. */
public final class LocalStackMain {
  private static final String USAGE = """
      Usage: ./lienlac serve [--in-memory] [--data DIR] [--port N] [--now INSTANT]
        --in-memory   keep DynamoDB data and the signing key in memory only (gone when stopped)
        --data DIR    where DynamoDB Local data and the dev signing key persist (default <repo>/.lienlac/data)
        --port N      the port of the API on 127.0.0.1 (default: env PORT, else 3000; 0 picks a free one)
        --now INSTANT start the API's clock at this UTC instant and let it run, e.g. 2026-11-21T03:00:00Z
                      (the demo seed's own now); default: the real clock
        --help        this text
      """;

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalStack.Options options;
    try {
      options = parse(args, System.getenv("PORT"));
    } catch (IllegalArgumentException e) {
      System.err.println("lienlac serve: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(USAGE);
      return;
    }

    LocalStack stack;
    try {
      stack = LocalStack.start(options);
    } catch (RuntimeException e) {
      System.err.println("lienlac serve: could not start: " + e.getMessage());
      if (e.getCause() instanceof java.net.BindException) {
        System.err.println("Another program uses that port: stop it, or choose one with --port N or PORT=N.");
      } else {
        e.printStackTrace();
      }
      System.exit(1);
      return;
    }
    long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.print(banner(stack, options, readyMillis));
    // The breach runbook's command reads the table directly (docs/PRIVACY.md).
    stack.dynamo().client().serviceClientConfiguration().endpointOverride().ifPresent(endpoint -> System.out.println(
        "  table: " + stack.dynamo().tableName() + " at " + endpoint + "  (./lienlac privacy affected ... --table "
            + stack.dynamo().tableName() + " --endpoint " + endpoint + " --local)"));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("lienlac serve: stopping");
      stack.close();
      stopped.countDown();
    }, "lienlac-shutdown"));
    stopped.await();
  }

  /** The options of the command line; null when it asks for help. */
  static LocalStack.Options parse(String[] args, String portVariable) {
    LocalStack.Options options = LocalStack.Options.defaults();
    if (portVariable != null && !portVariable.isBlank()) {
      options = options.withPort(port(portVariable, "PORT"));
    }
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          return null;
        }
        case "--in-memory" -> options = options.withInMemory(true);
        case "--data" -> options = options.withDataDir(Path.of(value(args, ++i, "--data")));
        case "--port" -> options = options.withPort(port(value(args, ++i, "--port"), "--port"));
        case "--now" -> options = options.withClock(LocalStack.Options.startingAt(instant(value(args, ++i, "--now"))));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (options.inMemory() && options.dataDir() != null) {
      throw new IllegalArgumentException("--in-memory and --data exclude each other");
    }
    return options;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--now must be a UTC instant such as 2026-11-21T03:00:00Z, not " + text);
    }
  }

  private static int port(String text, String where) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + " must be a port number (0-65535), not " + text);
  }

  static String banner(LocalStack stack, LocalStack.Options options, long readyMillis) {
    return banner(stack.baseUri().toString(), stack.startupPhases(), stack.warnings(), stack.users(), options,
        readyMillis, queueLines(stack));
  }

  /**
   * One line per queue (URL; dead-letter or consumed by which mapping), after a line saying how long
   * their background start took (it waits for that start).
   */
  static List<String> queueLines(LocalStack stack) {
    if (!stack.hasEvents()) {
      return List.of();
    }
    var events = stack.events();
    List<String> lines = new java.util.ArrayList<>();
    lines.add(String.format(Locale.ROOT, "queues: ElasticMQ, up %.1f s after the API (it starts in the background)",
        events.startup().toMillis() / 1000.0));
    events.queueUrls().entrySet().stream().map(e -> {
      String queue = e.getKey();
      List<String> consumers = events.mappings().stream().filter(m -> events.queueOf(m).equals(queue)).toList();
      String role = events.deadLetterQueues().contains(queue) ? "dead letters"
          : consumers.isEmpty() ? "no consumer yet" : "-> " + String.join(", ", consumers);
      return "  " + queue + "  " + e.getValue() + "  (" + role + ")";
    }).forEach(lines::add);
    return lines;
  }

  static String banner(String base, Map<String, Duration> phases, List<String> warnings, List<DevUser> users,
      LocalStack.Options options, long readyMillis) {
    return banner(base, phases, warnings, users, options, readyMillis, List.of());
  }

  /**
   * What {@code ./lienlac serve} prints once ready: how to get a token, not a token (it would end up
   * in terminal logs and screenshots), and no demo person's name.
   */
  static String banner(String base, Map<String, Duration> phases, List<String> warnings, List<DevUser> users,
      LocalStack.Options options, long readyMillis, List<String> queues) {
    StringBuilder text = new StringBuilder();
    text.append('\n').append("Lienlac local API ready on ").append(base)
        .append(String.format(Locale.ROOT, "  (%.1f s from JVM start)%n", readyMillis / 1000.0));
    text.append("  start: ").append(phases.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
        .collect(Collectors.joining(", "))).append('\n');
    text.append("  data:  ").append(options.inMemory() ? "in memory (gone when stopped)" : "persisted").append('\n');
    if (options.clock() != null) {
      text.append("  clock: ").append(options.clock().instant()).append(" (--now), running from there\n");
    }
    for (String queue : queues) {
      text.append("  ").append(queue).append('\n');
    }
    for (String warning : warnings) {
      text.append("  WARNING ").append(warning).append('\n');
    }
    text.append("  demo users:  curl ").append(base).append("/dev/users\n");
    users.stream().filter(u -> "PARENT".equals(u.role())).findFirst()
        .or(() -> users.stream().findFirst())
        .ifPresentOrElse(
            user -> text.append("  a token:     TOKEN=$(curl -s '").append(base).append("/dev/token?user=")
                .append(user.id()).append("' | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')  (")
                .append(user.role().toLowerCase(Locale.ROOT)).append(" ").append(user.id()).append(", valid ")
                .append(DevGateway.DEV_TOKEN_TTL.toHours()).append(" h; any id of /dev/users)\n")
                .append("  try:         curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/v1/me\n"),
            () -> text.append("  (the seed created no demo users)\n"));
    text.append("  phone sign-in: numbers at curl ").append(base).append("/dev/cognito/accounts")
        .append(", codes sent at curl ").append(base).append("/dev/sms\n");
    text.append("  health:      curl ").append(base).append("/health\n");
    text.append("Ctrl-C stops.\n");
    return text.toString();
  }
}
